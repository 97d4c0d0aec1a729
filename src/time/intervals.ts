/**
 * Interval algebra over half-open intervals [start, end) in epoch milliseconds.
 *
 * Conventions shared by every function here:
 * - an interval with !(end > start) (empty, inverted or NaN) covers nothing and is dropped;
 * - touching intervals merge ([1, 3) and [3, 5) are one interval [1, 5): back-to-back incidents are
 *   one outage, back-to-back pauses one pause);
 * - "canonical" means sorted by start, non-empty, pairwise disjoint and not touching: what
 *   `mergeIntervals` returns and what an `IntervalList` union holds. Functions taking "sorted,
 *   disjoint" lists accept touching neighbours too; given canonical inputs they return canonical lists.
 *
 * Two representations:
 * - tuples `[start, end]` for simple callers (a few hundred intervals, per window): these functions
 *   allocate their results and never mutate their inputs;
 * - `IntervalList`, parallel Float64Array starts/ends with a length, for hot paths (per CSV row):
 *   in-place operations that allocate only when a buffer has to grow.
 */
import { lowerBound, upperBound, upperBoundBy } from './search.js';
import type { WorkingCalendar } from './types.js';

/** A half-open interval [start, end) in epoch ms. */
export type Interval = [start: number, end: number];

const endOf = (iv: readonly [number, number]): number => iv[1];

// ---------------------------------------------------------------------------------------------
// Tuples: simple callers

/** Canonical union of any intervals (unsorted, overlapping, empty): sorted, merged, touching ones joined. */
export function mergeIntervals(intervals: readonly (readonly [number, number])[]): Interval[] {
  const sorted = intervals.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const out: Interval[] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** a \ b for sorted, disjoint lists: the parts of `a` not covered by `b` (empty intervals of `b` are ignored). */
export function subtractIntervals(a: readonly (readonly [number, number])[], b: readonly (readonly [number, number])[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const [start, end] of a) {
    let s = start;
    while (j < b.length && b[j]![1] <= s) j++;
    for (let k = j; s < end && k < b.length && b[k]![0] < end; k++) {
      const bs = b[k]![0];
      const be = b[k]![1];
      if (!(be > bs)) continue;
      if (bs > s) out.push([s, bs]);
      s = Math.max(s, be);
    }
    if (s < end) out.push([s, end]);
  }
  return out;
}

/** a ∩ b for sorted, disjoint lists: the parts covered by both. */
export function intersectIntervals(a: readonly (readonly [number, number])[], b: readonly (readonly [number, number])[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i]![0], b[j]![0]);
    const e = Math.min(a[i]![1], b[j]![1]);
    if (e > s) out.push([s, e]);
    // advance the one ending first (both when they end together)
    if (a[i]![1] <= b[j]![1]) i++;
    else j++;
  }
  return out;
}

/** The parts of sorted, disjoint intervals inside [from, to), clipped to it. */
export function clipIntervals(intervals: readonly (readonly [number, number])[], from: number, to: number): Interval[] {
  const out: Interval[] = [];
  for (let i = upperBoundBy(intervals, from, endOf); i < intervals.length && intervals[i]![0] < to; i++) {
    const s = Math.max(intervals[i]![0], from);
    const e = Math.min(intervals[i]![1], to);
    if (e > s) out.push([s, e]);
  }
  return out;
}

/** Total length in ms of intervals (sorted, disjoint for a length of their union; empty ones count 0). */
export function totalLength(intervals: readonly (readonly [number, number])[]): number {
  let total = 0;
  for (let i = 0; i < intervals.length; i++) {
    const d = intervals[i]![1] - intervals[i]![0];
    if (d > 0) total += d;
  }
  return total;
}

/** Working seconds (by `calendar`, summed interval by interval) of the part of sorted, disjoint intervals inside [from, to). */
export function workingSecondsIn(
  intervals: readonly (readonly [number, number])[],
  from: number,
  to: number,
  calendar: WorkingCalendar,
): number {
  let total = 0;
  for (let i = upperBoundBy(intervals, from, endOf); i < intervals.length && intervals[i]![0] < to; i++) {
    const s = Math.max(intervals[i]![0], from);
    const e = Math.min(intervals[i]![1], to);
    if (e > s) total += calendar.workingSeconds(s, e);
  }
  return total;
}

// ---------------------------------------------------------------------------------------------
// IntervalList: hot paths

/**
 * Intervals in parallel Float64Arrays: interval i is [starts[i], ends[i]) for i < length. Buffers
 * double when full and are kept by `clear`, so a list reused per record stops allocating.
 * Pass `starts, ends, length` to code that reads flat arrays (e.g. pause.ts `breachInstant`).
 */
export class IntervalList {
  starts: Float64Array;
  ends: Float64Array;
  length = 0;

  constructor(capacity = 8) {
    const n = Math.max(1, capacity);
    this.starts = new Float64Array(n);
    this.ends = new Float64Array(n);
  }

  /** Empties the list, keeping its buffers. */
  clear(): void {
    this.length = 0;
  }

  /** Appends [start, end) as is (no checks: the caller keeps whatever order it needs). */
  push(start: number, end: number): void {
    if (this.length === this.starts.length) this.reserve(this.length + 1);
    this.starts[this.length] = start;
    this.ends[this.length++] = end;
  }

  /** Makes this list a copy of `other` (reusing buffers). */
  copyFrom(other: IntervalList): void {
    const n = other.length;
    this.reserve(n);
    // a plain loop: per record, and `subarray` would allocate two views each time
    const fromStarts = other.starts;
    const fromEnds = other.ends;
    const starts = this.starts;
    const ends = this.ends;
    for (let i = 0; i < n; i++) {
      starts[i] = fromStarts[i]!;
      ends[i] = fromEnds[i]!;
    }
    this.length = n;
  }

  /** Grows the buffers (doubling) to hold at least `capacity` intervals. */
  reserve(capacity: number): void {
    if (capacity <= this.starts.length) return;
    let n = this.starts.length * 2;
    while (n < capacity) n *= 2;
    const starts = new Float64Array(n);
    const ends = new Float64Array(n);
    starts.set(this.starts.subarray(0, this.length));
    ends.set(this.ends.subarray(0, this.length));
    this.starts = starts;
    this.ends = ends;
  }

  /** The intervals as tuples (allocates: for tests and explanations, not hot paths). */
  toArray(): Interval[] {
    const out: Interval[] = [];
    for (let i = 0; i < this.length; i++) out.push([this.starts[i]!, this.ends[i]!]);
    return out;
  }
}

/** Appends [start, end) (start >= the last start) to a sorted list, joining the last interval if they overlap or touch and it sits at index >= `floor` (a group, e.g. a key, starts there); drops empty ones; returns whether it joined. */
export function appendMerging(list: IntervalList, start: number, end: number, floor = 0): boolean {
  if (!(end > start)) return false;
  const last = list.length - 1;
  if (last >= floor && start <= list.ends[last]!) {
    if (end > list.ends[last]!) list.ends[last] = end;
    return true;
  }
  list.push(start, end);
  return false;
}

/** Adds [start, end) to the canonical running union (in place), appends the parts not covered before to `fresh` (if given, in order within the call) and returns their total length in ms. */
export function claim(union: IntervalList, start: number, end: number, fresh: IntervalList | null): number {
  return claimImpl(union, start, end, null, fresh);
}

/** `claim` returning the working seconds of the newly covered parts (calendar.workingSeconds per part, summed in order): charge only new paused time to an entry. */
export function claimWorking(
  union: IntervalList,
  start: number,
  end: number,
  calendar: WorkingCalendar,
  fresh: IntervalList | null = null,
): number {
  return claimImpl(union, start, end, calendar, fresh);
}

/** `claimWorking` for each sorted, disjoint [starts[k], ends[k]), k in [lo, hi), clipped to [from, to) (one entry's intervals of one record; call entry by entry so the first listed owns an overlap); returns the newly covered working seconds. */
export function claimWorkingRange(
  union: IntervalList,
  starts: ArrayLike<number>,
  ends: ArrayLike<number>,
  lo: number,
  hi: number,
  from: number,
  to: number,
  calendar: WorkingCalendar,
  fresh: IntervalList | null = null,
): number {
  let seconds = 0;
  for (let k = lo; k < hi; k++) {
    const s = Math.max(starts[k]!, from);
    const e = Math.min(ends[k]!, to);
    if (e > s) seconds += claimImpl(union, s, e, calendar, fresh);
  }
  return seconds;
}

function claimImpl(union: IntervalList, start: number, end: number, calendar: WorkingCalendar | null, fresh: IntervalList | null): number {
  if (!(end > start)) return 0;
  const n = union.length;
  // Fast path: after everything (intervals arriving in order, the first entry of a record).
  if (n === 0 || start > union.ends[n - 1]!) {
    union.push(start, end);
    if (fresh !== null) fresh.push(start, end);
    return calendar === null ? end - start : calendar.workingSeconds(start, end);
  }
  const us = union.starts;
  const ue = union.ends;
  // Union intervals i..j-1 overlap or touch [start, end): ends >= start and starts <= end.
  const i = lowerBound(ue, start, 0, n);
  const j = upperBound(us, end, i, n);
  let amount = 0;
  let cursor = start;
  for (let k = i; k < j; k++) {
    if (us[k]! > cursor) {
      amount += calendar === null ? us[k]! - cursor : calendar.workingSeconds(cursor, us[k]!);
      if (fresh !== null) fresh.push(cursor, us[k]!);
    }
    if (ue[k]! > cursor) cursor = ue[k]!;
  }
  if (cursor < end) {
    amount += calendar === null ? end - cursor : calendar.workingSeconds(cursor, end);
    if (fresh !== null) fresh.push(cursor, end);
  }
  if (i === j) {
    // Touches nothing: insert at i.
    if (n === us.length) union.reserve(n + 1);
    const s2 = union.starts;
    const e2 = union.ends;
    s2.copyWithin(i + 1, i, n);
    e2.copyWithin(i + 1, i, n);
    s2[i] = start;
    e2[i] = end;
    union.length = n + 1;
  } else {
    // Replace i..j-1 by their union with [start, end).
    if (start < us[i]!) us[i] = start;
    ue[i] = Math.max(end, ue[j - 1]!);
    if (j - i > 1) {
      us.copyWithin(i + 1, j, n);
      ue.copyWithin(i + 1, j, n);
      union.length = n - (j - i - 1);
    }
  }
  return amount;
}

/** Working seconds of the part of a sorted, disjoint IntervalList inside [from, to) (as `workingSecondsIn`). */
export function workingSecondsInList(list: IntervalList, from: number, to: number, calendar: WorkingCalendar): number {
  const starts = list.starts;
  const ends = list.ends;
  let total = 0;
  for (let i = upperBound(ends, from, 0, list.length); i < list.length && starts[i]! < to; i++) {
    const s = Math.max(starts[i]!, from);
    const e = Math.min(ends[i]!, to);
    if (e > s) total += calendar.workingSeconds(s, e);
  }
  return total;
}

/** Index i with starts[i] <= x < ends[i] among the first `length` sorted, disjoint intervals, or -1 (x in a gap, outside, or NaN). */
export function indexContaining(starts: ArrayLike<number>, ends: ArrayLike<number>, x: number, length = starts.length): number {
  const k = upperBound(starts, x, 0, length) - 1;
  return k >= 0 && x < ends[k]! ? k : -1;
}
