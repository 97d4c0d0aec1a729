/**
 * `slacheck explain`: everything a service manager needs to defend one number in a review — how it
 * was computed, what was taken away from the owner and charged to whom, and the dependency chain.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Evaluated } from '../evaluate/result.js';
import { formatDuration, formatLocalWithOffset } from '../time/format.js';
import { chainNoteText, computationText, describeAttribution, exampleText, statusReason, wordingOf } from './explanation.js';
import { budgetLines } from './budget.js';
import { toObjectiveResult } from './json.js';
import { paintStatus } from './status-style.js';
import { chargedEntries, formatCredit, formatResultValue, partyLabel } from './values.js';

const LABEL_WIDTH = 12;

function field(label: string, lines: readonly string[]): string[] {
  if (lines.length === 0) return [];
  const pad = ' '.repeat(2 + LABEL_WIDTH);
  return lines.map((line, i) => (i === 0 ? `  ${label.padEnd(LABEL_WIDTH)}${line}` : `${pad}${line}`));
}

function records(n: number): string {
  return `${n} record${n === 1 ? '' : 's'}`;
}

function block(e: Evaluated, chalk: ChalkInstance): string[] {
  const x = e.explanation;
  const c = e.counts;
  const wording = wordingOf(e);
  const out = [chalk.bold(`${e.agreement}/${e.objective}`) + ` — ${e.agreementKind} ${e.agreementTitle}`];
  out.push(...field('owner', [e.owner]));
  out.push(
    ...field('window', [
      `${e.window.label} (${e.windowKind}) ${formatLocalWithOffset(e.startMs, e.zone)} → ${formatLocalWithOffset(e.endMs, e.zone)}` +
        (e.window.partial ? chalk.yellow(' partial: contains as-of, still running') : ''),
    ]),
  );
  out.push(...field('value', [`${formatResultValue(e)}, target ${e.target}`]));
  out.push(...field('computed', x.computation.map((step) => computationText(step, wording))));
  out.push(
    ...field('counts', [
      `${records(c.records)}: ${c.counted} counted` +
        (c.good ? ` (${c.good} good)` : '') +
        `, ${c.open} open, ${c.excluded} excluded, ${c.skipped} skipped` +
        // SPEC 9.1: only data sets with `invalid: skip` have them; the parts add up to the records
        (c.invalid ? `, ${c.invalid} invalid` : ''),
    ]),
  );
  const taken = x.attributions.map(
    (a) => `${a.mechanism} → ${partyLabel(a.party)}: ${records(a.records)}` +
      (a.seconds ? `, ${formatDuration(a.seconds)}` : '') +
      (describeAttribution(a.rule) ? ` (${describeAttribution(a.rule)})` : ''),
  );
  out.push(...field('taken away', taken));
  const charged = chargedEntries(e.charged).map(
    ([party, ch]) => `${partyLabel(party)}: ${records(ch.records)}` + (ch.seconds ? `, ${formatDuration(ch.seconds)}` : ''),
  );
  out.push(...field('charged', charged));
  out.push(...field('examples', x.examples.map((ex) => `- ${exampleText(ex, wording)}`)));
  out.push(
    ...field('status', [
      paintStatus(chalk, e.status, e.status.toUpperCase()) + ` — ${statusReason(e)}`,
    ]),
  );
  const chain = x.chain.map(
    (link, i) =>
      `${i + 1}. ${link.objective} ${link.window ?? '(no overlapping window)'} ` +
      (link.status ? paintStatus(chalk, link.status) : 'not evaluated') +
      ` — ${chainNoteText(link.note)}`,
  );
  out.push(...field('chain', chain));
  const rc = e.rootCause;
  if (rc) {
    out.push(
      ...field('root cause', [
        `${rc.agreement}/${rc.objective} ${rc.window}, owner ${rc.owner}`,
        `path ${rc.path.join(' → ')}`,
      ]),
    );
  }
  if (e.credit) out.push(...field('credit', [formatCredit(e.credit)]));
  out.push(...field('budget', budgetLines(e)));
  out.push(...field('defined at', [`${e.source.file}:${e.source.line}:${e.source.column}`]));
  return out;
}

/** One block per window, separated by a blank line. */
export function formatExplainText(evaluated: readonly Evaluated[], opts: { color: boolean }): string {
  const chalk = new Chalk({ level: opts.color ? 1 : 0 });
  if (evaluated.length === 0) return 'No results to explain: no window of this objective up to as-of.\n';
  return evaluated.map((e) => block(e, chalk).join('\n')).join('\n\n') + '\n';
}

/**
 * `{ "results": [ { ...SPEC 8 result, "explanation": { computation, attributions, examples,
 * statusReason, chain } } ] }`; no `asOf` (the caller did not pass one), 2-space indent.
 */
export function formatExplainJson(evaluated: readonly Evaluated[]): string {
  const results = evaluated.map((e) => {
    const wording = wordingOf(e);
    return {
      ...toObjectiveResult(e),
      explanation: {
        computation: e.explanation.computation.map((step) => computationText(step, wording)),
        attributions: e.explanation.attributions.map((a) => ({
          mechanism: a.mechanism,
          party: a.party,
          records: a.records,
          seconds: a.seconds,
          detail: describeAttribution(a.rule),
        })),
        examples: e.explanation.examples.map((ex) => exampleText(ex, wording)),
        statusReason: statusReason(e),
        chain: e.explanation.chain.map((l) => ({ objective: l.objective, window: l.window, status: l.status, note: chainNoteText(l.note) })),
      },
    };
  });
  return JSON.stringify({ results }, null, 2) + '\n';
}
