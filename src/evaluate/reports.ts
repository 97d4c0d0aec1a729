/**
 * Report deliveries (SPEC 4 v1.1, 9.5, 9.7): the share of due schedule occurrences delivered on
 * time. Deliveries are matched to occurrences, each used at most once: by time (an occurrence
 * takes the latest delivery since the previous due, on time; else the earliest unused one before
 * the next due, late), or, with `log.for`, by the occurrence the log names (the earliest decides).
 */
import type { CompiledReport } from '../compile/model.js';
import type { RowSink } from '../data/source.js';
import { CellError } from '../problem.js';
import { localDateOf, localDayStart } from '../time/instant.js';
import { timestampCells } from './cells.js';
import { lowerBound, upperBound } from '../time/search.js';
import { scheduleAround } from '../time/schedule.js';
import type { Occurrence } from '../time/types.js';
import { buildWindows } from '../time/windows.js';
import type { EvaluatorContext, ObjectiveEvaluator, WindowOutcome } from './evaluator.js';
import type { ComputationStep, DeliverySearch, Evidence, Example } from './explanation.js';
import { Float64List } from './float-list.js';
import { compileWhere, singleColumn, type CompiledWhere } from './where.js';

const DAY_MS = 86_400_000;

/** SPEC 9.7 `delivery-unmatched`: log rows whose `for` value names no occurrence. */
export interface UnmatchedDeliveries {
  rows: number;
  /** The first such CSV line, or null when there is none. */
  firstLine: number | null;
  /** The distinct values, in the order first seen (an empty cell as ''). */
  values: string[];
}

export interface ReportEvaluator extends ObjectiveEvaluator {
  /** The rows `log.for` could not match, once the log is read (for the run's warnings list). */
  unmatched(): UnmatchedDeliveries;
}

/**
 * SPEC 4 v1.1 matching by time. `due`: the counted occurrences' due instants, in order;
 * `previous`/`next`: the schedule's due before the first and after the last (±Infinity: none);
 * `at`: the delivery instants, sorted. Returns, per occurrence, the index of its delivery in `at`
 * (on time when at or before its due, else late), or -1: missed.
 */
export function matchByTime(due: ArrayLike<number>, previous: number, next: number, at: ArrayLike<number>): Int32Array {
  const n = due.length;
  const match = new Int32Array(n).fill(-1);
  // On time: the latest delivery in (due[k-1], due[k]]. These ranges are disjoint, so no
  // delivery is taken twice.
  for (let k = 0; k < n; k++) {
    const lo = upperBound(at, k === 0 ? previous : due[k - 1]!);
    const hi = upperBound(at, due[k]!);
    if (hi > lo) match[k] = hi - 1;
  }
  // Late: the earliest unused delivery in (due[k], due[k+1]]. That range is the next occurrence's
  // on-time range, and the only delivery used in it is the latest one, taken by that occurrence.
  for (let k = 0; k < n; k++) {
    if (match[k]! >= 0) continue;
    const lo = upperBound(at, due[k]!);
    let hi = upperBound(at, k + 1 < n ? due[k + 1]! : next);
    if (k + 1 < n && hi > lo && match[k + 1] === hi - 1) hi--;
    if (hi > lo) match[k] = lo;
  }
  return match;
}

export function createReportEvaluator(ctx: EvaluatorContext<CompiledReport>): ReportEvaluator {
  const report = ctx.item;
  const dataSet = report.log.dataSet;
  const forColumn = report.log.for;
  const cells = timestampCells(dataSet);
  const parse = cells.parse;
  const asOf = ctx.asOfMs;
  const windows = ctx.windows;
  const calendar = report.scheduleCalendar;
  const zone = calendar?.timezone ?? ctx.zone;

  // SPEC 9.7: the occurrences are those due in the validity, with the schedule continued one step
  // on each side; only those due at or before as-of count (SPEC 4), so the range ends just after
  // as-of and `after` is the next due of the last one.
  const [period] = buildWindows('validity', ctx.zone, report.validity, Infinity);
  const span = period === undefined || windows.length === 0
    ? { before: null, occurrences: [], after: null }
    : scheduleAround(report.schedule, calendar, ctx.zone, period.start, Math.min(period.end, asOf + 1));
  const all: readonly Occurrence[] = span.occurrences;
  const counted = all.length;
  const previousDue = span.before?.due ?? -Infinity;
  const nextDue = span.after?.due ?? Infinity;
  /** Whether a local date names an occurrence of the validity not due yet (cached: a few per log). */
  const notDueYet = new Map<string, boolean>();
  const namesLaterOccurrence = (date: string): boolean => {
    let known = notDueYet.get(date);
    if (known === undefined) {
      const start = localDayStart(date, zone);
      known = period !== undefined && !Number.isNaN(start) &&
        scheduleAround(report.schedule, calendar, ctx.zone, start - DAY_MS, start + 2 * DAY_MS).occurrences
          .some((o) => o.date === date && asOf < o.due && o.due < period.end);
      notDueYet.set(date, known);
    }
    return known;
  };

  // Deliveries at or before as-of (SPEC 3.4: later ones have not happened yet), with their lines.
  const deliveredAt = new Float64List();
  const lines: number[] = [];
  // With `for`: the occurrence each delivery names; -1 for an unmatched one.
  const named: number[] = [];
  const byDate = new Map(all.map((o, k) => [o.date, k]));
  const unmatched: UnmatchedDeliveries = { rows: 0, firstLine: null, values: [] };
  const unmatchedByValue = new Map<string, number>();

  const placement = ctx.placement(dataSet.key);
  /** SPEC 9.1 `invalid: skip`: left-out rows, counted in the last window (their time cell is the bad one). */
  let invalidRows = 0;
  let where: CompiledWhere;
  let atCol = -1;
  let forCol = -1;
  const sink: RowSink = {
    bind(header) {
      where = compileWhere(report.log.where, header);
      atCol = singleColumn(header, report.log.at);
      forCol = forColumn === null ? -1 : singleColumn(header, forColumn);
      const missing = [...where.missing];
      if (atCol < 0) missing.push(report.log.at);
      if (forColumn !== null && forCol < 0) missing.push(forColumn);
      return missing;
    },
    add(row, line) {
      where.observe(row);
      if (!where.test(row)) return;
      if (dataSet.skipInvalid !== true) return read(row, line);
      try {
        read(row, line);
      } catch (err) {
        if (err instanceof CellError) invalidRows++;
        throw err;
      }
    },
  };

  const read = (row: readonly string[], line: number): void => {
    const text = (row[atCol] ?? '').trim();
    // An empty delivery time is a logged row without a delivery: it delivers nothing.
    if (text === '') return;
    const at = parse(text);
    if (Number.isNaN(at)) throw new CellError('invalid-timestamp', report.log.at, `${cells.describe(text)} (delivery time)`);
    const date = forColumn === null ? null : occurrenceDate(row[forCol] ?? '', forColumn);
    placement.mark(line, at >= ctx.validity.from && at < ctx.validity.to);
    if (at > asOf) return;
    deliveredAt.push(at);
    lines.push(line);
    if (date === null) return;
    const k = byDate.get(date);
    named.push(k ?? -1);
    if (k !== undefined || namesLaterOccurrence(date)) return;
    unmatched.rows++;
    if (unmatched.firstLine === null || line < unmatched.firstLine) unmatched.firstLine = line;
    if (!unmatchedByValue.has(date)) {
      unmatchedByValue.set(date, 0);
      unmatched.values.push(date);
    }
    unmatchedByValue.set(date, unmatchedByValue.get(date)! + 1);
  };

  /** The local date a `for` cell names: `YYYY-MM-DD`, a time of day (and offset) ignored. */
  function occurrenceDate(cell: string, column: string): string {
    const text = cell.trim();
    if (text === '') return '';
    const ms = parse(text);
    if (Number.isNaN(ms)) throw new CellError('invalid-timestamp', column, `${cells.describe(text)} (the occurrence's due date)`);
    // SPEC 9.7: a local date, or a cell in the data set's timestamps format (its time of day ignored)
    return dataSet.timestamps === undefined ? text.slice(0, 10) : localDateOf(ms, dataSet.timezone);
  }

  /** Per counted occurrence: the delivery (index into deliveredAt/lines), or -1. */
  function match(): Int32Array {
    const at = deliveredAt.view();
    if (forColumn === null) {
      const order = sortedOrder(at, lines);
      const sortedAt = Float64Array.from(order, (i) => at[i]!);
      const m = matchByTime(all.slice(0, counted).map((o) => o.due), previousDue, nextDue, sortedAt);
      return m.map((i) => (i < 0 ? -1 : order[i]!));
    }
    // SPEC 4: the earliest delivery for an occurrence decides (the earlier line on a tie).
    const m = new Int32Array(counted).fill(-1);
    for (let i = 0; i < named.length; i++) {
      const k = named[i]!;
      if (k < 0) continue;
      const j = m[k]!;
      if (j < 0 || at[i]! < at[j]! || (at[i] === at[j] && lines[i]! < lines[j]!)) m[k] = i;
    }
    return m;
  }

  return {
    needs: () => [{ dataSet, phase: 1, sink }],
    unmatched: () => ({ ...unmatched, values: [...unmatched.values] }),
    findings: () => ({ unmatched: where.unmatched(), pauseExceeded: null }),
    finish: () => {
      const matched = match();
      const at = deliveredAt.view();
      const outcome = (k: number): Outcome => {
        const occ = all[k]!;
        const i = matched[k]!;
        if (i >= 0 && at[i]! <= occ.due) return { kind: 'on-time' };
        if (i >= 0) {
          return { kind: 'late', example: { kind: 'delivery-late', date: occ.date, deliveredAt: at[i]!, due: occ.due, zone, line: lines[i]!, forColumn } };
        }
        const next = k + 1 < all.length ? all[k + 1]!.due : nextDue;
        const previous = k > 0 ? all[k - 1]!.due : previousDue;
        const searched: DeliverySearch = forColumn !== null
          ? { by: 'for', column: forColumn }
          : { by: 'time', after: Number.isFinite(previous) ? previous : null, until: Math.min(next, asOf), untilAsOf: asOf < next };
        return { kind: 'missed', example: { kind: 'delivery-missed', date: occ.date, due: occ.due, zone, searched } };
      };
      const unmatchedIn = placeUnmatched(unmatched.values, unmatchedByValue, windows, ctx.zone);
      // SPEC 4: occurrences are placed in windows by their due instant (windows may overlap: each
      // finds its own range of the ordered dues)
      const dues = all.map((o) => o.due);
      return windows.map((window, w) => {
        const first = lowerBound(dues, window.start);
        const k = lowerBound(dues, window.end);
        const outcomes = [];
        for (let j = first; j < k; j++) outcomes.push({ occurrence: all[j]!, outcome: outcome(j) });
        const result = deliveriesIn(window, outcomes, report, asOf, unmatchedIn[w]!, ctx.evidence === true);
        // SPEC 9.3: a partial window's budget is projected by the occurrences due in the whole window
        const whole = window.partial ? scheduleAround(report.schedule, calendar, ctx.zone, window.start, window.end).occurrences.length : outcomes.length;
        result.budget = { unit: 'records', base: outcomes.length, used: outcomes.length - (result.counts.good), elapsed: outcomes.length, whole, clock: null };
        // SPEC 9.7: a left-out delivery row counts in the last window (its time cell is the bad one)
        if (w === windows.length - 1 && invalidRows > 0) {
          result.counts.invalid = invalidRows;
          result.counts.records += invalidRows;
        }
        return result;
      });
    },
  };
}

type Outcome =
  | { kind: 'on-time' }
  | { kind: 'late'; example: Extract<Example, { kind: 'delivery-late' }> }
  | { kind: 'missed'; example: Extract<Example, { kind: 'delivery-missed' }> };

/** Indices of the deliveries ordered by instant, then line: a deterministic order for ties. */
function sortedOrder(at: Float64Array, lines: readonly number[]): Int32Array {
  const order = Int32Array.from({ length: at.length }, (_, i) => i);
  return order.sort((a, b) => at[a]! - at[b]! || lines[a]! - lines[b]!);
}

/** The unmatched `for` values per window: by the named date's local midnight, else the nearest window. */
function placeUnmatched(
  values: readonly string[], counts: ReadonlyMap<string, number>, windows: WindowOutcome['window'][], zone: string,
): { values: string[]; rows: number }[] {
  const out = windows.map(() => ({ values: [] as string[], rows: 0 }));
  if (windows.length === 0) return out;
  for (const value of values) {
    const start = localDayStart(value, zone);
    let w = windows.findIndex((win) => start >= win.start && start < win.end);
    // an empty or impossible date, or one after every window, goes to the last window
    if (w < 0) w = start < windows[0]!.start ? 0 : windows.length - 1;
    out[w]!.values.push(value);
    out[w]!.rows += counts.get(value)!;
  }
  return out;
}

function deliveriesIn(
  window: WindowOutcome['window'],
  outcomes: readonly { occurrence: Occurrence; outcome: Outcome }[],
  report: CompiledReport,
  asOf: number,
  unmatched: { values: string[]; rows: number },
  collect: boolean,
): WindowOutcome {
  const late: { date: string; delay: number }[] = [];
  const missed: string[] = [];
  const rolled: { date: string; from: string[] }[] = [];
  const examples: Example[] = [];
  const evidence: Evidence[] = [];
  let onTime = 0;
  for (const { occurrence, outcome } of outcomes) {
    const { date, scheduled } = occurrence;
    if (scheduled.length !== 1 || scheduled[0] !== date) rolled.push({ date, from: scheduled });
    if (outcome.kind === 'on-time') {
      onTime++;
      continue;
    }
    if (outcome.kind === 'late') late.push({ date, delay: (outcome.example.deliveredAt - outcome.example.due) / 1000 });
    else missed.push(date);
    if (examples.length < 5) examples.push(outcome.example);
    // SPEC 9.4 evidence: the occurrence (its date as the key) and the delivery matched to it
    if (collect) {
      const x = outcome.example;
      evidence.push(
        x.kind === 'delivery-late'
          ? { line: x.line, key: date, start: x.due, end: x.deliveredAt, value: (x.deliveredAt - x.due) / 1000, open: false, charged: [] }
          : { line: null, key: date, start: x.due, end: null, value: null, open: false, charged: [] },
      );
    }
  }

  const total = outcomes.length;
  const computation: ComputationStep[] = [{ kind: 'deliveries', onTime, due: total, schedule: report.schedule, matchedBy: report.log.for }];
  if (late.length > 0) computation.push({ kind: 'late-deliveries', deliveries: late });
  if (missed.length > 0) computation.push({ kind: 'missed-deliveries', dates: missed });
  if (rolled.length > 0 && report.schedule.roll !== undefined) computation.push({ kind: 'rolled', roll: report.schedule.roll, occurrences: rolled });
  if (unmatched.rows > 0 && report.log.for !== null) {
    computation.push({ kind: 'unmatched-deliveries', column: report.log.for, rows: unmatched.rows, values: unmatched.values });
  }
  if (window.partial) computation.push({ kind: 'partial', what: 'occurrences', asOf });

  return {
    window,
    value: total === 0 ? null : (100 * onTime) / total,
    lowerBound: false,
    counts: { records: total, counted: total, good: onTime, open: 0, excluded: 0, skipped: 0, invalid: 0 },
    charged: {},
    computation,
    attributions: [],
    examples,
    ...(collect ? { evidence } : {}),
  };
}
