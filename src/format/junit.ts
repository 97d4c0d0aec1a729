/**
 * `evaluate --format junit`: one test suite per agreement, one test case per objective × window.
 * The windows that fail the run at its `--fail-on` levels fail (by default the breached complete
 * ones; with `--fail-on no-data` also complete windows without data); other no-data and partial
 * windows are skipped; the rest pass. Each remedy entry (SPEC 9.4) is a test case too, failed when
 * triggered at a level that counts remedies.
 */
import type { Evaluated } from '../evaluate/result.js';
import { detailLines, headline } from './details.js';
import type { RemedyEntry } from '../attribution/remedies.js';
import { remedyLine } from './contract.js';
import { agreementIds, failsRun, remedyFailsRun, type EvaluationView } from './view.js';
import { summaryText } from './summary.js';
import { cdata, xmlAttr } from './xml.js';

/** Text inside `<!-- -->`: no `--` (XML 1.0 forbids it in comments). */
function xmlComment(text: string): string {
  return text.replace(/--/g, '- -');
}

type Outcome = 'passed' | 'failed' | 'skipped';

function outcome(view: EvaluationView, e: Evaluated): Outcome {
  if (failsRun(view, e)) return 'failed';
  if (e.window.partial || e.status === 'no-data') return 'skipped';
  return 'passed';
}

function skipMessage(e: Evaluated): string {
  if (e.window.partial) return `partial window (contains as-of): ${headline(e)} so far`;
  return `no data: ${headline(e)}`;
}

function testcase(view: EvaluationView, e: Evaluated, name: string): string[] {
  const open = `    <testcase classname="${xmlAttr(e.agreement)}" name="${xmlAttr(name)}" time="0"`;
  const details = detailLines(e).join('\n');
  switch (outcome(view, e)) {
    case 'failed':
      return [
        `${open}>`,
        `      <failure message="${xmlAttr(headline(e))}" type="${e.status}">${cdata(details)}</failure>`,
        '    </testcase>',
      ];
    case 'skipped':
      return [`${open}>`, `      <skipped message="${xmlAttr(skipMessage(e))}"/>`, '    </testcase>'];
    case 'passed':
      if (e.status === 'met') return [`${open}/>`];
      // at-risk (unless --fail-on at-risk) and excused windows pass, with a note a reviewer can find
      return [`${open}>`, `      <system-out>${cdata(details)}</system-out>`, '    </testcase>'];
  }
}

/** SPEC 9.4: a remedy entry as a test case, `remedy ID [WINDOW]`: failed when it fails the run. */
function remedyCase(view: EvaluationView, r: RemedyEntry): string[] {
  const open = `    <testcase classname="${xmlAttr(r.agreement)}" name="${xmlAttr(`remedy ${r.id} [${r.window ?? 'no complete window'}]`)}" time="0"`;
  if (remedyFailsRun(view, r)) return [`${open}>`, `      <failure message="${xmlAttr(remedyLine(r))}" type="remedy"/>`, '    </testcase>'];
  if (r.triggered) return [`${open}>`, `      <system-out>${cdata(remedyLine(r))}</system-out>`, '    </testcase>'];
  return [`${open}/>`];
}

function counts(view: EvaluationView, results: readonly Evaluated[], remedies: readonly RemedyEntry[]): string {
  const o = results.map((e) => outcome(view, e));
  const failures = o.filter((x) => x === 'failed').length + remedies.filter((r) => remedyFailsRun(view, r)).length;
  const skipped = o.filter((x) => x === 'skipped').length;
  return `tests="${results.length + remedies.length}" failures="${failures}" skipped="${skipped}" errors="0" time="0"`;
}

export function formatJunit(view: EvaluationView): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    // the summary in the words of every format: partial windows are skipped, never failed (SPEC 6)
    `<!-- ${xmlComment(summaryText(view.evaluated))} -->`,
    `<testsuites name="slacheck" ${counts(view, view.evaluated, view.remedies ?? [])}>`,
  ];
  for (const id of agreementIds(view)) {
    const results = view.evaluated.filter((e) => e.agreement === id);
    const remedies = (view.remedies ?? []).filter((r) => r.agreement === id);
    const head = `  <testsuite name="${xmlAttr(id)}" ${counts(view, results, remedies)} timestamp="${xmlAttr(view.asOf)}"`;
    if (results.length === 0 && remedies.length === 0) {
      lines.push(`${head}/>`);
      continue;
    }
    lines.push(`${head}>`);
    const used = new Set<string>();
    for (const e of results) {
      const base = `${e.objective} [${e.window.label}]`;
      let name = base;
      for (let n = 2; used.has(name); n++) name = `${base} #${n}`;
      used.add(name);
      lines.push(...testcase(view, e, name));
    }
    for (const r of remedies) lines.push(...remedyCase(view, r));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}
