/**
 * `evaluate --format junit`: one test suite per agreement, one test case per objective × window.
 * The windows that fail the run at its `--fail-on` levels fail (by default the breached complete
 * ones; with `--fail-on no-data` also complete windows without data); other no-data and partial
 * windows are skipped; the rest pass.
 */
import type { Evaluated } from '../evaluate/result.js';
import { detailLines, headline } from './details.js';
import { agreementIds, failsRun, type EvaluationView } from './view.js';
import { cdata, xmlAttr } from './xml.js';

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

function counts(view: EvaluationView, results: readonly Evaluated[]): string {
  const o = results.map((e) => outcome(view, e));
  const failures = o.filter((x) => x === 'failed').length;
  const skipped = o.filter((x) => x === 'skipped').length;
  return `tests="${results.length}" failures="${failures}" skipped="${skipped}" errors="0" time="0"`;
}

export function formatJunit(view: EvaluationView): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="slacheck" ${counts(view, view.evaluated)}>`,
  ];
  for (const id of agreementIds(view)) {
    const results = view.evaluated.filter((e) => e.agreement === id);
    const head = `  <testsuite name="${xmlAttr(id)}" ${counts(view, results)} timestamp="${xmlAttr(view.asOf)}"`;
    if (results.length === 0) {
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
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}
