/**
 * Report deliveries (SPEC 4): the share of due schedule occurrences whose earliest delivery
 * logged in the occurrence's slot arrived at or before the due instant.
 */
import type { Schedule } from '../agreement/model.js';
import type { CompiledReport } from '../compile/model.js';
import type { RowSink } from '../data/source.js';
import { CellError } from '../problem.js';
import { formatDuration, formatLocal } from '../time/format.js';
import { describeBadTimestamp, formatInstant, makeTimestampParser } from '../time/instant.js';
import { occurrences } from '../time/schedule.js';
import type { Occurrence } from '../time/types.js';
import type { EvaluatorContext, ObjectiveEvaluator, WindowOutcome } from './evaluator.js';
import { compileWhere, type CompiledWhere } from './where.js';

/** Index of the occurrence whose slot contains `ms`, or -1 (slots are disjoint and in order). */
export function slotIndexOf(due: readonly Occurrence[], ms: number): number {
  let lo = 0;
  let hi = due.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (due[mid]!.slotStart <= ms) lo = mid + 1;
    else hi = mid;
  }
  const k = lo - 1;
  return k >= 0 && ms < due[k]!.slotEnd ? k : -1;
}

/** "daily" and "by 10:00, office workdays", for the explanation. */
export function describeSchedule(schedule: Schedule): { noun: string; when: string } {
  switch (schedule.every) {
    case 'day':
      return { noun: 'daily', when: `by ${schedule.by}` };
    case 'workday':
      return { noun: 'daily', when: `by ${schedule.by}, ${schedule.calendar ?? '24x7'} workdays` };
    case 'week':
      return { noun: 'weekly', when: `by ${schedule.on ?? 'mon'} ${schedule.by}` };
    case 'month':
      return { noun: 'monthly', when: `by day ${schedule.on ?? 1}, ${schedule.by}` };
  }
}

/** At most `max` items joined, then "and N more". */
function listSome(items: readonly string[], max: number): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
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

  let where: CompiledWhere;
  let atCol = -1;
  const sink: RowSink = {
    bind(header) {
      where = compileWhere(report.log.where, header);
      atCol = header.indexOf(report.log.at);
      return atCol < 0 ? [...where.missing, report.log.at] : where.missing;
    },
    add(row) {
      if (!where.test(row)) return;
      const text = (row[atCol] ?? '').trim();
      // An empty delivery time is a logged row without a delivery: it delivers nothing.
      if (text === '') return;
      const at = parse(text);
      if (Number.isNaN(at)) throw new CellError('invalid-timestamp', report.log.at, `${describeBadTimestamp(text)} (delivery time)`);
      // SPEC 3.4: deliveries after as-of have not happened yet.
      if (at > asOf) return;
      // SPEC 4: a delivery outside every slot counts for nothing.
      const k = slotIndexOf(due, at);
      if (k >= 0 && at < earliest[k]!) earliest[k] = at;
    },
  };

  return {
    needs: () => [{ dataSet, phase: 1, sink }],
    finish: () => {
      // SPEC 4: occurrences are placed in windows by their due instant (both lists are in order).
      let k = 0;
      return windows.map((window) => {
        while (k < due.length && due[k]!.due < window.start) k++;
        const first = k;
        while (k < due.length && due[k]!.due < window.end) k++;
        return deliveriesIn(window, due, earliest, first, k, report.schedule, asOf, calendar?.timezone ?? ctx.zone);
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
  const late: string[] = [];
  const missed: string[] = [];
  const examples: string[] = [];
  let total = 0;
  let onTime = 0;
  for (let k = first; k < last; k++) {
    const occ = due[k]!;
    total++;
    const at = earliest[k]!;
    if (at <= occ.due) {
      onTime++;
    } else if (at !== Infinity) {
      const delay = formatDuration((at - occ.due) / 1000);
      late.push(`${occ.date} (${delay} late)`);
      if (examples.length < 5) {
        examples.push(`${occ.date}: delivered ${formatLocal(at, zone)}, ${delay} after the due time ${formatLocal(occ.due, zone)} (${zone})`);
      }
    } else {
      missed.push(occ.date);
      if (examples.length < 5) examples.push(`${occ.date}: missed (due ${formatLocal(occ.due, zone)} ${zone}, nothing logged in its slot)`);
    }
  }

  const { noun, when } = describeSchedule(schedule);
  const computation =
    total === 0
      ? [`no ${noun} deliveries due in this window (${when})`]
      : [`${onTime} of ${total} ${noun} deliveries on time (${when})`];
  if (late.length > 0) computation.push(`late: ${listSome(late, 10)}`);
  if (missed.length > 0) computation.push(`missed: ${listSome(missed, 10)}`);
  if (window.partial) computation.push(`partial window: occurrences due up to ${formatInstant(asOf)}`);

  return {
    window,
    value: total === 0 ? null : (100 * onTime) / total,
    counts: { records: total, counted: total, good: onTime, open: 0, excluded: 0, skipped: 0 },
    charged: {},
    computation,
    attributions: [],
    examples,
  };
}
