/**
 * Pauses (SPEC 5): stop a duration's clock while the record waits on someone else, either from a
 * status history in another data set or from a column of already-summed waiting time.
 */
import { Float64List } from '../float-list.js';
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
 * After `compute`, `unionStart/unionEnd[0..unionLength)` hold the merged paused intervals.
 */
export class RecordPauses {
  readonly unionStart = new Float64List();
  readonly unionEnd = new Float64List();
  private readonly sources: readonly StatusPauseSource[];

  constructor(sources: readonly StatusPauseSource[]) {
    this.sources = sources;
  }

  get unionLength(): number {
    return this.unionStart.length;
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
    this.unionStart.length = 0;
    this.unionEnd.length = 0;
    let total = 0;
    for (let si = 0; si < this.sources.length; si++) {
      const src = this.sources[si]!;
      const key = row[src.joinCol]!;
      if (key === '') continue;
      const id = src.history.find(key);
      if (id < 0) continue;
      const starts = src.history.starts;
      const ends = src.history.ends;
      const stop = src.history.rangeEnd(id);
      let seconds = 0;
      const firstEntry = this.unionStart.length === 0;
      const memo = src.history.memo;
      // Objectives measuring the same span of the same record (p95 and a ratio, say) share the work.
      if (firstEntry && memo.id === id && memo.from === from && memo.end === end && memo.calendar === calendar) {
        for (let k = 0; k < memo.count; k++) {
          this.unionStart.push(memo.starts[k]!);
          this.unionEnd.push(memo.ends[k]!);
        }
        if (memo.seconds > 0) {
          total += memo.seconds;
          charge(src.entry, memo.seconds);
        }
        continue;
      }
      let pieces: number[] | null = null;
      for (let k = src.history.rangeStart(id); k < stop; k++) {
        const s = Math.max(starts[k]!, from);
        const e = Math.min(ends[k]!, end);
        if (e <= s) continue;
        if (firstEntry) {
          seconds += calendar.workingSeconds(s, e);
          this.unionStart.push(s);
          this.unionEnd.push(e);
        } else {
          pieces ??= [];
          seconds += this.subtractUnion(s, e, calendar, pieces);
        }
      }
      if (pieces && pieces.length > 0) this.mergeIntoUnion(pieces);
      if (firstEntry) {
        memo.id = id;
        memo.from = from;
        memo.end = end;
        memo.calendar = calendar;
        memo.seconds = seconds;
        const count = this.unionStart.length;
        if (count > memo.starts.length) {
          memo.starts = new Float64Array(this.unionStart.data.length);
          memo.ends = new Float64Array(this.unionEnd.data.length);
        }
        for (let k = 0; k < count; k++) {
          memo.starts[k] = this.unionStart.data[k]!;
          memo.ends[k] = this.unionEnd.data[k]!;
        }
        memo.count = count;
      }
      if (seconds > 0) {
        total += seconds;
        charge(src.entry, seconds);
      }
    }
    return total;
  }

  /** Appends the parts of [s, e) not already paused to `pieces`; returns their working seconds. */
  private subtractUnion(s: number, e: number, calendar: WorkingCalendar, pieces: number[]): number {
    let cursor = s;
    let seconds = 0;
    const us = this.unionStart.data;
    const ue = this.unionEnd.data;
    for (let i = 0; i < this.unionStart.length && cursor < e; i++) {
      if (ue[i]! <= cursor) continue;
      if (us[i]! >= e) break;
      if (us[i]! > cursor) {
        pieces.push(cursor, us[i]!);
        seconds += calendar.workingSeconds(cursor, us[i]!);
      }
      cursor = Math.max(cursor, ue[i]!);
    }
    if (cursor < e) {
      pieces.push(cursor, e);
      seconds += calendar.workingSeconds(cursor, e);
    }
    return seconds;
  }

  private mergeIntoUnion(pieces: number[]): void {
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i < this.unionStart.length; i++) pairs.push([this.unionStart.data[i]!, this.unionEnd.data[i]!]);
    for (let i = 0; i < pieces.length; i += 2) pairs.push([pieces[i]!, pieces[i + 1]!]);
    pairs.sort((a, b) => a[0] - b[0]);
    this.unionStart.length = 0;
    this.unionEnd.length = 0;
    for (const [s, e] of pairs) {
      const last = this.unionEnd.length - 1;
      if (last >= 0 && this.unionEnd.data[last]! >= s) this.unionEnd.data[last] = Math.max(this.unionEnd.data[last]!, e);
      else {
        this.unionStart.push(s);
        this.unionEnd.push(e);
      }
    }
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
