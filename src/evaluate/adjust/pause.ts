/**
 * Pauses (SPEC 5): stop a duration's clock while the record waits on someone else, either from a
 * status history in another data set or from a column of already-summed waiting time.
 */
import { claimWorkingRange, IntervalList } from '../../time/intervals.js';
import type { WorkingCalendar } from '../../time/types.js';
import type { StatusHistory } from './status-history.js';

export interface StatusPauseSource {
  history: StatusHistory;
  /** Column of the measured data set holding the key (`join`, default `id`). */
  joinCol: number;
  /** Index of this entry in the evaluator's attribution entries (for charging). */
  entry: number;
}

/**
 * Status-history pauses of one record at a time, without allocation for records that have none.
 * After `compute`, `union` holds the record's merged paused intervals (SPEC 5: entries united).
 */
export class RecordPauses {
  readonly union = new IntervalList();
  private readonly sources: readonly StatusPauseSource[];

  constructor(sources: readonly StatusPauseSource[]) {
    this.sources = sources;
  }

  /**
   * Paused working seconds inside [from, end) (SPEC 5: entries united; an overlap charged to the
   * entry listed first). Calls `charge(entry, seconds)` once per entry with seconds > 0.
   */
  compute(
    row: readonly string[],
    from: number,
    end: number,
    calendar: WorkingCalendar,
    charge: (entry: number, seconds: number) => void,
  ): number {
    const union = this.union;
    union.clear();
    let total = 0;
    for (let si = 0; si < this.sources.length; si++) {
      const src = this.sources[si]!;
      const key = row[src.joinCol]!;
      if (key === '') continue;
      const history = src.history;
      const id = history.find(key);
      if (id < 0) continue;
      const firstEntry = union.length === 0;
      const memo = history.memo;
      let seconds: number;
      // Objectives measuring the same span of the same record (p95 and a ratio, say) share the work.
      if (firstEntry && memo.id === id && memo.from === from && memo.end === end && memo.calendar === calendar) {
        union.copyFrom(memo.union);
        seconds = memo.seconds;
      } else {
        seconds = claimWorkingRange(union, history.starts, history.ends, history.rangeStart(id), history.rangeEnd(id), from, end, calendar);
        if (firstEntry) {
          memo.id = id;
          memo.from = from;
          memo.end = end;
          memo.calendar = calendar;
          memo.seconds = seconds;
          memo.union.copyFrom(union);
        }
      }
      if (seconds > 0) {
        total += seconds;
        charge(src.entry, seconds);
      }
    }
    return total;
  }
}

/**
 * SPEC 3.4/5: the instant an open duration's elapsed working time reached `within`, with paused
 * intervals (sorted, disjoint) stopping the clock and `extraSeconds` (the pause column) moving it later.
 */
export function breachInstant(
  calendar: WorkingCalendar,
  from: number,
  within: number,
  pauseStarts: Float64Array,
  pauseEnds: Float64Array,
  pauseCount: number,
  extraSeconds: number,
): number {
  let cursor = from;
  let remaining = within + extraSeconds;
  for (let i = 0; i < pauseCount; i++) {
    const a = pauseStarts[i]!;
    const b = pauseEnds[i]!;
    if (b <= cursor) continue;
    if (a > cursor) {
      const available = calendar.workingSeconds(cursor, a);
      if (available >= remaining) return calendar.addWorkingSeconds(cursor, remaining);
      remaining -= available;
    }
    cursor = Math.max(cursor, b);
  }
  return calendar.addWorkingSeconds(cursor, remaining);
}
