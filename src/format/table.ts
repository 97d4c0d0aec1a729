/** The terminal table of `evaluate`: one row per objective and window (SPEC 1, 7), fitted to the terminal. */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Counts, Evaluated } from '../evaluate/result.js';
import { budgetCell, budgetShown } from './budget.js';
import { cellWidth, gridWidth, naturalWidths, renderGrid, wrapLine, type GridColumn } from './grid.js';
import { sparkline, type TrendPoint, type TrendTarget } from './sparkline.js';
import { paintStatus } from './status-style.js';
import { summaryText } from './summary.js';
import { remedyLine, statementHasTerms, statementItems, statementLine } from './contract.js';
import { chargedEntries, creditTotals, formatCharge, formatCredit, formatNumber, formatResultValue } from './values.js';
import { seriesKey, windowLabel, type EvaluationView } from './view.js';

/** Every column of the table, in order; `--columns` names them (a hyphen for the space works too). */
export const TABLE_COLUMNS = ['agreement', 'objective', 'owner', 'window', 'value', 'target', 'status', 'counts', 'attributed to', 'credit', 'budget', 'trend'] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];

/** Columns left out when empty in every row. */
const OPTIONAL = new Set<TableColumn>(['attributed to', 'credit', 'budget']);

/**
 * What gives way when the table is wider than the terminal, least important first: the trend,
 * the credit, the attribution detail (shortened to a count), the budget, the attribution count,
 * the counts, the owner. Then the widest cells wrap inside their columns.
 */
export const FIT_ORDER: readonly ({ drop: TableColumn } | { shorten: 'attributed to' })[] = [
  { drop: 'trend' },
  { drop: 'credit' },
  { shorten: 'attributed to' },
  { drop: 'budget' },
  { drop: 'attributed to' },
  { drop: 'counts' },
  { drop: 'owner' },
];
/** Wrapping never narrows a column below this (or its header). */
const MIN_WRAP = 8;
/** The header of the shortened attribution column. */
const ATTRIBUTION_COUNT = 'attrib.';

export interface TableOptions {
  color: boolean;
  /** The terminal's width in columns; absent: no limit (output piped or written to a file). */
  width?: number;
  /** `--wide`: every column at full width, whatever the terminal. */
  wide?: boolean;
  /** `--columns`: exactly these columns, in this order (wrapped to `width`, never dropped). */
  columns?: readonly TableColumn[];
  /** On a terminal: what was read, added to the summary line. */
  read?: { rows: number; files: number; seconds: number };
}

/** `wide` → `TableColumn`, or null for a name that is no column (`attributed-to` names `attributed to`). */
export function tableColumn(name: string): TableColumn | null {
  const n = name.trim().toLowerCase().replace(/[-_]/g, ' ');
  return (TABLE_COLUMNS as readonly string[]).includes(n) ? (n as TableColumn) : null;
}

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

/** The attribution shortened for a narrow terminal: `2 parties`, `1 party, root`, `root`. */
export function formatAttributionCount(e: Evaluated): string {
  const n = chargedEntries(e.charged).length;
  const parts = n > 0 ? [`${n} part${n === 1 ? 'y' : 'ies'}`] : [];
  if (e.rootCause) parts.push('root');
  return parts.join(', ');
}

/**
 * `7 complete windows: 5 met, … · 1 partial window so far: 1 breached · credits: service-desk 1,200 EUR`,
 * and on a terminal `· read 160,000 rows from 1 file in 1.2 s`.
 */
export function summaryLine(rows: readonly Evaluated[], chalk: ChalkInstance, statements: EvaluationView['credits'] = [], read?: TableOptions['read']): string {
  const credits = creditTotals(rows, statements);
  const tail = credits.length > 0 ? ` · credits: ${credits.join('; ')}` : '';
  return `${summaryText(rows, (s, text) => paintStatus(chalk, s, text))}${tail}${read ? ` · ${readText(read)}` : ''}`;
}

function readText(r: NonNullable<TableOptions['read']>): string {
  const rows = `${r.rows.toLocaleString('en-US')} row${r.rows === 1 ? '' : 's'}`;
  return `read ${rows} from ${r.files} file${r.files === 1 ? '' : 's'} in ${formatNumber(r.seconds, 1)} s`;
}

/** Per series, its windows' points in start order and the target they are drawn against. */
function trends(history: readonly Evaluated[]): Map<string, { points: TrendPoint[]; target: TrendTarget | null }> {
  const grouped = new Map<string, Evaluated[]>();
  for (const e of history) {
    const key = seriesKey(e);
    const list = grouped.get(key);
    if (list) list.push(e);
    else grouped.set(key, [e]);
  }
  const out = new Map<string, { points: TrendPoint[]; target: TrendTarget | null }>();
  for (const [key, list] of grouped) {
    const sorted = [...list].sort((a, b) => a.startMs - b.startMs);
    let target: TrendTarget | null = null;
    for (const e of sorted) {
      const v = e.explanation.verdict;
      if (v.status === 'no-data') continue;
      const op = v.target.op;
      const ideal = (op === '>=' || op === '>') && v.target.unit === '%' ? 100 : op === '<=' || op === '<' ? 0 : null;
      target = { value: v.target.value, op, ideal };
    }
    const points = sorted.map((e) => ({ value: e.value, missed: e.status === 'breached' || e.status === 'excused' }));
    out.set(key, { points, target });
  }
  return out;
}

/** One row per result shown; the summary counts the rows shown; the trend spans every evaluated window (`history`). */
export function formatTable(view: EvaluationView, opts: TableOptions): string {
  const chalk = new Chalk({ level: opts.color ? 1 : 0 });
  const rows = [...view.evaluated];
  if (rows.length === 0) {
    return `No results: no objective has a window up to as-of ${view.asOf} (or none matched the filters).\n`;
  }
  const history = view.history ?? view.evaluated;
  const series = trends(history);
  // SPEC 9.3: the budget of partial windows and of each objective's latest complete window
  const withBudget = budgetShown(history);
  const lastRowOf = new Map<string, Evaluated>();
  for (const e of rows) lastRowOf.set(seriesKey(e), e);

  const cell: Record<TableColumn, (e: Evaluated) => string> = {
    agreement: (e) => e.agreement,
    objective: (e) => e.objective,
    owner: (e) => e.owner,
    window: (e) => windowLabel(e),
    value: (e) => formatResultValue(e),
    target: (e) => e.target,
    status: (e) => paintStatus(chalk, e.status),
    counts: (e) => formatCounts(e.counts, e.aggregate === 'ratio' || e.itemKind === 'report'),
    'attributed to': (e) => formatAttribution(e),
    credit: (e) => formatCredit(e.credit),
    budget: (e) => (withBudget.has(e) ? budgetCell(e.budget!) : ''),
    trend: (e) => {
      const key = seriesKey(e);
      if (lastRowOf.get(key) !== e) return '';
      const t = series.get(key);
      return t ? sparkline(t.points, t.target) : '';
    },
  };
  const columns: TableColumn[] = opts.columns ? [...opts.columns] : [...TABLE_COLUMNS];
  const cells = new Map<TableColumn, string[]>(columns.map((c) => [c, rows.map(cell[c])]));
  // a terminal is narrow: drop the optional columns nobody has anything in (unless named)
  let shown = opts.columns ? columns : columns.filter((c) => !OPTIONAL.has(c) || cells.get(c)!.some((x) => x !== ''));
  const heads = new Map<TableColumn, string>(shown.map((c) => [c, c]));
  const hidden: TableColumn[] = [];
  let shortened = false;

  const width = opts.wide ? undefined : opts.width;
  const widths = () => naturalWidths(shown.map((c) => heads.get(c)!), rows.map((_, r) => shown.map((c) => cells.get(c)![r]!)));
  if (width !== undefined && !opts.columns) {
    for (const step of FIT_ORDER) {
      if (gridWidth(widths()) <= width) break;
      if ('drop' in step) {
        if (!shown.includes(step.drop)) continue;
        shown = shown.filter((c) => c !== step.drop);
        hidden.push(step.drop);
      } else if (shown.includes(step.shorten)) {
        cells.set(step.shorten, rows.map(formatAttributionCount));
        heads.set(step.shorten, ATTRIBUTION_COUNT);
        shortened = true;
      }
    }
  }
  const columnWidths = width !== undefined ? wrapToFit(shown, heads, widths(), width) : undefined;
  const grid: GridColumn[] = shown.map((c, i) => ({
    head: chalk.bold(heads.get(c)!),
    align: c === 'value' ? 'right' : 'left',
    width: columnWidths?.[i],
  }));
  const table = renderGrid(grid, rows.map((_, r) => shown.map((c) => cells.get(c)![r]!)));
  const note = fitNote(width, hidden, shortened && shown.includes('attributed to'));
  // the lines under the table wrap at spaces to the terminal too (a terminal would cut words)
  const fitted = (line: string) => (width === undefined ? line : wrapLine(line, width, 'spaces').join('\n'));
  const below = [...(note ? [note] : []), summaryLine(rows, chalk, view.credits, opts.read)].map(fitted);
  return `${table}\n${below.map((l) => `${l}\n`).join('')}${contractLines(view, chalk)}`;
}

/** Narrows the widest wrappable columns, one column of text at a time, until the table fits (or cannot narrow more). */
function wrapToFit(shown: readonly TableColumn[], heads: ReadonlyMap<TableColumn, string>, natural: number[], width: number): number[] {
  const widths = [...natural];
  // statuses, values and trends are short and read as a whole: never wrapped
  const wrappable = shown.map((c) => !['status', 'value', 'trend'].includes(c));
  const floor = shown.map((c) => Math.max(MIN_WRAP, ...heads.get(c)!.split(' ').map(cellWidth)));
  let excess = gridWidth(widths) - width;
  while (excess > 0) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) {
      if (wrappable[i] && widths[i]! > floor[i]! && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    }
    if (widest < 0) break;
    widths[widest]!--;
    excess--;
  }
  return widths;
}

/** Below the table: what was hidden to fit the terminal, and how to see it. */
function fitNote(width: number | undefined, hidden: readonly TableColumn[], shortened: boolean): string {
  if (hidden.length === 0 && !shortened) return '';
  const parts: string[] = [];
  if (hidden.length > 0) parts.push(hidden.join(', '));
  if (shortened) parts.push(`attributed to as a count (${ATTRIBUTION_COUNT})`);
  return `hidden to fit ${width} columns: ${parts.join('; ')} · --wide shows all columns`;
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
