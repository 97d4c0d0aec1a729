/**
 * Report deliveries (SPEC 4): the share of due schedule occurrences whose earliest delivery
 * logged in the occurrence's slot arrived at or before the due instant.
 */
import type { Schedule } from '../agreement/model.js';
import type { CompiledReport } from '../compile/model.js';
import type { RowSink } from '../data/source.js';
import { CellError } from '../problem.js';
import { describeBadTimestamp, makeTimestampParser } from '../time/instant.js';
import { occurrences } from '../time/schedule.js';
import { upperBoundBy } from '../time/search.js';
import type { Occurrence } from '../time/types.js';
import type { EvaluatorContext, ObjectiveEvaluator, WindowOutcome } from './evaluator.js';
import type { ComputationStep, Example } from './explanation.js';
import { compileWhere, singleColumn, type CompiledWhere } from './where.js';

const slotStart = (o: Occurrence): number => o.slotStart;

/** Index of the occurrence whose slot contains `ms`, or -1 (slots are disjoint and in order). */
export function slotIndexOf(due: readonly Occurrence[], ms: number): number {
  const k = upperBoundBy(due, ms, slotStart) - 1;
  return k >= 0 && ms < due[k]!.slotEnd ? k : -1;
}

export function createReportEvaluator(ctx: EvaluatorContext<CompiledReport>): ObjectiveEvaluator {
  const report = ctx.item;
  const dataSet = report.log.dataSet;
  const parse = makeTimestampParser(dataSet.timezone);
  const asOf = ctx.asOfMs;
  const windows = ctx.windows;
  const calendar = report.scheduleCalendar;
  // SPEC 4: only occurrences due at or before as-of count, so the range ends just after as-of.
  const due: Occurrence[] =
    windows.length === 0
      ? []
      : occurrences(report.schedule, calendar, ctx.zone, windows[0]!.start, Math.min(asOf + 1, windows[windows.length - 1]!.end));
  // The earliest delivery per slot is all that decides; Infinity = nothing logged.
  const earliest = new Float64Array(due.length).fill(Infinity);

  const placement = ctx.placement(dataSet.key);
  /** SPEC 9.1 `invalid: skip`: the delivery times of left-out rows (NaN when that cell is the bad one). */
  const invalidAt: number[] = [];
  let where: CompiledWhere;
  let atCol = -1;
  const sink: RowSink = {
    bind(header) {
      where = compileWhere(report.log.where, header);
      atCol = singleColumn(header, report.log.at);
      return atCol < 0 ? [...where.missing, report.log.at] : where.missing;
    },
    add(row, line) {
      where.observe(row);
      if (!where.test(row)) return;
      if (dataSet.skipInvalid !== true) return read(row, line);
      try {
        read(row, line);
      } catch (err) {
        if (err instanceof CellError) invalidAt.push(NaN);
        throw err;
      }
    },
  };

  const read = (row: readonly string[], line: number): void => {
    const text = (row[atCol] ?? '').trim();
    // An empty delivery time is a logged row without a delivery: it delivers nothing.
    if (text === '') return;
    const at = parse(text);
    if (Number.isNaN(at)) throw new CellError('invalid-timestamp', report.log.at, `${describeBadTimestamp(text)} (delivery time)`);
    placement.mark(line, at >= ctx.validity.from && at < ctx.validity.to);
    // SPEC 3.4: deliveries after as-of have not happened yet.
    if (at > asOf) return;
    // SPEC 4: a delivery outside every slot counts for nothing.
    const k = slotIndexOf(due, at);
    if (k >= 0 && at < earliest[k]!) earliest[k] = at;
  };

  return {
    needs: () => [{ dataSet, phase: 1, sink }],
    findings: () => ({ unmatched: where.unmatched(), pauseExceeded: null }),
    finish: () => {
      // SPEC 4: occurrences are placed in windows by their due instant (both lists are in order).
      let k = 0;
      const lastWindow = windows.length - 1;
      return windows.map((window, w) => {
        while (k < due.length && due[k]!.due < window.start) k++;
        const first = k;
        while (k < due.length && due[k]!.due < window.end) k++;
        const outcome = deliveriesIn(window, due, earliest, first, k, report.schedule, asOf, calendar?.timezone ?? ctx.zone);
        // SPEC 9.7: a left-out delivery row counts in the last window (its time cell is the bad one)
        if (w === lastWindow && invalidAt.length > 0) {
          outcome.counts.invalid = invalidAt.length;
          outcome.counts.records += invalidAt.length;
        }
        return outcome;
      });
    },
  };
}

function deliveriesIn(
  window: WindowOutcome['window'],
  due: readonly Occurrence[],
  earliest: Float64Array,
  first: number,
  last: number,
  schedule: Schedule,
  asOf: number,
  zone: string,
): WindowOutcome {
  const late: { date: string; delay: number }[] = [];
  const missed: string[] = [];
  const examples: Example[] = [];
  let total = 0;
  let onTime = 0;
  for (let k = first; k < last; k++) {
    const occ = due[k]!;
    total++;
    const at = earliest[k]!;
    if (at <= occ.due) {
      onTime++;
    } else if (at !== Infinity) {
      late.push({ date: occ.date, delay: (at - occ.due) / 1000 });
      if (examples.length < 5) examples.push({ kind: 'delivery-late', date: occ.date, deliveredAt: at, due: occ.due, zone });
    } else {
      missed.push(occ.date);
      if (examples.length < 5) examples.push({ kind: 'delivery-missed', date: occ.date, due: occ.due, zone });
    }
  }

  const computation: ComputationStep[] = [{ kind: 'deliveries', onTime, due: total, schedule }];
  if (late.length > 0) computation.push({ kind: 'late-deliveries', deliveries: late });
  if (missed.length > 0) computation.push({ kind: 'missed-deliveries', dates: missed });
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
  };
}
