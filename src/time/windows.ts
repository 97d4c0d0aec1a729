/**
 * Reporting windows (SPEC 3.4): calendar-aligned in the agreement's timezone, half-open,
 * clipped to validity, cut at as-of.
 */
import type { Validity, WindowKind } from '../agreement/model.js';
import { calendarDate, dayStartInstant, isoDate, nextDay, type CalendarDate } from './luxon-dates.js';
import { indexContaining } from './intervals.js';
import type { TimeWindow } from './types.js';
import { zoneInfo } from './zone.js';

type CalendarKind = Exclude<WindowKind, 'validity'>;

/** The first day of the next window. */
const NEXT: Record<CalendarKind, (first: CalendarDate) => CalendarDate> = {
  day: nextDay,
  week: (d) => d.plus({ weeks: 1 }),
  month: (d) => d.plus({ months: 1 }),
  quarter: (d) => d.plus({ quarters: 1 }),
  year: (d) => d.plus({ years: 1 }),
};

// SPEC 3.4 labels of a window's first day. Years are written as String(year) always wrote them
// (unpadded below 1000; day labels pad to four digits), so labels stay byte-identical.
const LABEL: Record<CalendarKind, (first: CalendarDate) => string> = {
  day: isoDate,
  week: (d) => `${d.weekYear}-W${d.toFormat('WW')}`, // ISO week-year and week number
  month: (d) => d.toFormat('y-MM'),
  quarter: (d) => d.toFormat("y-'Q'q"),
  year: (d) => d.toFormat('y'),
};

/** The natural window holding a date: its first day, the first day after it, its label. */
function naturalWindow(kind: CalendarKind, date: CalendarDate): { first: CalendarDate; next: CalendarDate; label: string } {
  const first = date.startOf(kind); // luxon's weeks are ISO weeks (Monday) unless useLocaleWeeks
  return { first, next: NEXT[kind](first), label: LABEL[kind](first) };
}

/**
 * The windows of `kind` over the validity period, in order. SPEC 3.4: clipped windows keep their
 * label; windows starting at or after as-of are dropped; the one containing as-of is `partial`.
 */
export function buildWindows(kind: WindowKind, zone: string, validity: Validity, asOfMs: number): TimeWindow[] {
  const from = calendarDate(validity.from);
  const to = calendarDate(validity.to);
  if (from === null || to === null) {
    throw new RangeError(`validity ${validity.from}..${validity.to} is not a pair of YYYY-MM-DD dates`);
  }
  zoneInfo(zone); // an unknown zone is a RangeError, worded and decided as everywhere else
  const periodStart = dayStartInstant(from, zone);
  const periodEnd = dayStartInstant(nextDay(to), zone); // validity.to is inclusive
  const windows: TimeWindow[] = [];
  const push = (label: string, start: number, end: number) =>
    windows.push({ kind, label, start, end, partial: start <= asOfMs && asOfMs < end });

  if (kind === 'validity') {
    if (periodStart < periodEnd && periodStart < asOfMs) push('validity', periodStart, periodEnd);
    return windows;
  }
  if (from.toMillis() > to.toMillis()) return windows; // an empty validity period
  let natural = naturalWindow(kind, from);
  let naturalStart = dayStartInstant(natural.first, zone);
  while (natural.first.toMillis() <= to.toMillis()) {
    const start = Math.max(naturalStart, periodStart);
    if (start >= asOfMs) break;
    const naturalEnd = dayStartInstant(natural.next, zone); // also the next window's natural start
    push(natural.label, start, Math.min(naturalEnd, periodEnd));
    natural = naturalWindow(kind, natural.next);
    naturalStart = naturalEnd;
  }
  return windows;
}

/**
 * Finds the window containing an instant: the window bounds are copied once into plain arrays, so
 * the per-row lookup is the shared binary search (SPEC 3.4: half-open [start, end)).
 */
export class WindowIndex {
  private readonly starts: number[];
  private readonly ends: number[];
  constructor(windows: readonly TimeWindow[]) {
    this.starts = windows.map((w) => w.start);
    this.ends = windows.map((w) => w.end);
  }
  /** Index of the window containing `ms`, or -1 (also for NaN). */
  find(ms: number): number {
    return indexContaining(this.starts, this.ends, ms);
  }
}

/** SPEC 5: windows overlap when their intersection is at least half as long as the shorter one. */
export function windowOverlapEnough(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (overlap <= 0) return false;
  return 2 * overlap >= Math.min(a.end - a.start, b.end - b.start);
}
