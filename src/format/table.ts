/** The terminal table of `evaluate`: one row per objective and window (SPEC 1, 7). */
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { STATUSES, summarize, type Counts, type Evaluated } from '../evaluate/result.js';
import { budgetCell, budgetShown } from './budget.js';
import { sparkline } from './sparkline.js';
import { paintStatus } from './status-style.js';
import { remedyLine, statementHasTerms, statementItems, statementLine } from './contract.js';
import { chargedEntries, creditTotals, formatCharge, formatCredit, formatResultValue } from './values.js';
import { seriesKey, valueSeries, windowLabel, type EvaluationView } from './view.js';

/** Columns left out when empty in every row. */
const OPTIONAL = new Set(['attributed to', 'credit', 'budget']);
const HEAD = ['agreement', 'objective', 'owner', 'window', 'value', 'target', 'status', 'counts', 'attributed to', 'credit', 'budget', 'trend'];

/**
 * `198/200` (counted/records), then whatever did not enter the value: `2 open, 3 excl., 1 skipped,
 * 1 invalid` (so the parts add up to the records); for ratios and reports also how many were good
 * (`191 good`), the numerator of the percentage.
 */
export function formatCounts(c: Counts, showGood = false): string {
  const extra: string[] = showGood ? [`${c.good} good`] : [];
  if (c.open) extra.push(`${c.open} open`);
  if (c.excluded) extra.push(`${c.excluded} excl.`);
  if (c.skipped) extra.push(`${c.skipped} skipped`);
  if (c.invalid) extra.push(`${c.invalid} invalid`);
  return [`${c.counted}/${c.records}`, ...extra].join(', ');
}

/** Charged parties, one per line, then the root cause of a breach or excuse (SPEC 5). */
export function formatAttribution(e: Evaluated): string {
  const lines = chargedEntries(e.charged).map(([party, charge]) => formatCharge(party, charge));
  if (e.rootCause) lines.push(`root: ${e.rootCause.agreement}/${e.rootCause.objective} (${e.rootCause.owner})`);
  return lines.join('\n');
}

/** `12 results: 8 met, 1 at-risk, 2 breached, 1 excused, 0 no-data · credits: service-desk 1,200 EUR`. */
export function summaryLine(rows: readonly Evaluated[], chalk: ChalkInstance, statements: EvaluationView['credits'] = []): string {
  const summary = summarize(rows);
  const counts = STATUSES.map((s) => paintStatus(chalk, s, `${summary[s]} ${s}`)).join(', ');
  const credits = creditTotals(rows, statements);
  const tail = credits.length > 0 ? ` · credits: ${credits.join('; ')}` : '';
  return `${rows.length} result${rows.length === 1 ? '' : 's'}: ${counts}${tail}`;
}

/** One row per result shown; the summary counts the rows shown; the trend spans every evaluated window (`history`). */
export function formatTable(view: EvaluationView, opts: { color: boolean }): string {
  const chalk = new Chalk({ level: opts.color ? 1 : 0 });
  const rows = [...view.evaluated];
  if (rows.length === 0) {
    return `No results: no objective has a window up to as-of ${view.asOf} (or none matched the filters).\n`;
  }
  const series = valueSeries(view.history ?? view.evaluated);
  // SPEC 9.3: the budget of partial windows and of each objective's latest complete window
  const withBudget = budgetShown(view.history ?? view.evaluated);
  const lastRowOf = new Map<string, Evaluated>();
  for (const e of rows) lastRowOf.set(seriesKey(e), e);

  const cells = rows.map((e) => {
    const key = seriesKey(e);
    return [
      e.agreement,
      e.objective,
      e.owner,
      windowLabel(e),
      formatResultValue(e),
      e.target,
      paintStatus(chalk, e.status),
      formatCounts(e.counts, e.aggregate === 'ratio' || e.itemKind === 'report'),
      formatAttribution(e),
      formatCredit(e.credit),
      withBudget.has(e) ? budgetCell(e.budget!) : '',
      lastRowOf.get(key) === e ? sparkline(series.get(key) ?? []) : '',
    ];
  });
  // a terminal is narrow: drop the optional columns nobody has anything in
  const shown = HEAD.map((h, i) => i).filter((i) => !OPTIONAL.has(HEAD[i]!) || cells.some((row) => row[i] !== ''));
  // cli-table3 colours through its own terminal detection; colour is ours to decide, so style nothing there.
  const table = new Table({
    head: shown.map((i) => chalk.bold(HEAD[i]!)),
    colAligns: shown.map((i) => (HEAD[i] === 'value' ? 'right' : 'left')),
    style: { head: [], border: [], compact: true },
  });
  for (const row of cells) table.push(shown.map((i) => row[i]!));
  return `${table.toString()}\n${summaryLine(rows, chalk, view.credits)}\n${contractLines(view, chalk)}`;
}

/** SPEC 9.4 below the summary: the credit statements, then the triggered remedies. */
function contractLines(view: EvaluationView, chalk: ChalkInstance): string {
  const lines: string[] = [];
  const statements = (view.credits ?? []).filter(statementHasTerms);
  if (statements.length > 0) {
    lines.push(chalk.bold('credit statements:'));
    for (const s of statements) lines.push(`  ${statementLine(s)}`, chalk.dim(`    ${statementItems(s)}`));
  }
  const triggered = (view.remedies ?? []).filter((r) => r.triggered);
  if (triggered.length > 0) {
    lines.push(chalk.bold('triggered remedies:'));
    for (const r of triggered) lines.push(`  ${chalk.red(remedyLine(r))}`);
  }
  return lines.map((l) => `${l}\n`).join('');
}
