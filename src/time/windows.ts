/**
 * Reporting windows (SPEC 3.4): calendar-aligned in the agreement's timezone, half-open,
 * clipped to validity, cut at as-of.
 */
import type { RollingWindow, Validity, WindowKind, WindowSpec } from '../agreement/model.js';
import { rollingLength, windowKey } from './window-specs.js';
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
 * SPEC 9.3 rolling windows: one ends at each local midnight (`every: day`), Monday 00:00 (`week`) or
 * first of the month (`month`) after the validity start, up to and including the first such point at
 * or after the validity end; each starts `rolling` local days (or calendar months) earlier, clipped
 * to the validity, and keeps its natural `START/END` label (END inclusive). A DST day is one day.
 * Windows ending by as-of are complete; of those containing as-of only the one ending first is
 * reported, as partial.
 */
export function buildRollingWindows(spec: RollingWindow, zone: string, validity: Validity, asOfMs: number): TimeWindow[] {
  const from = calendarDate(validity.from);
  const to = calendarDate(validity.to);
  const length = rollingLength(spec);
  if (from === null || to === null || length === null) {
    throw new RangeError(`rolling window ${JSON.stringify(spec.rolling)} over ${validity.from}..${validity.to} cannot be built`);
  }
  zoneInfo(zone);
  const kind = windowKey(spec);
  const periodStart = dayStartInstant(from, zone);
  const lastDay = nextDay(to); // the local midnight after the last validity day
  const periodEnd = dayStartInstant(lastDay, zone);
  const windows: TimeWindow[] = [];
  if (from.toMillis() > to.toMillis()) return windows;
  // the first end point after the validity start
  let end: CalendarDate =
    spec.every === 'day' ? nextDay(from) : spec.every === 'week' ? from.startOf('week').plus({ weeks: 1 }) : from.startOf('month').plus({ months: 1 });
  const step = (d: CalendarDate): CalendarDate => (spec.every === 'day' ? nextDay(d) : spec.every === 'week' ? d.plus({ weeks: 1 }) : d.plus({ months: 1 }));
  for (;;) {
    const first = 'days' in length ? end.minus({ days: length.days }) : end.minus({ months: length.months });
    const start = Math.max(dayStartInstant(first, zone), periodStart);
    const stop = Math.min(dayStartInstant(end, zone), periodEnd);
    if (start >= asOfMs) break;
    if (start < stop) {
      const partial = asOfMs < stop;
      windows.push({ kind, label: `${isoDate(first)}/${isoDate(end.minus({ days: 1 }))}`, start, end: stop, partial });
      if (partial) break; // SPEC 9.7: only the first window containing as-of is reported
    }
    if (end.toMillis() >= lastDay.toMillis()) break;
    end = step(end);
  }
  return windows;
}

/**
 * The windows of an item's window specs (SPEC 9.3: one kind, a rolling window, or a list), in
 * start order, equal starts by end (shorter first).
 */
export function buildItemWindows(specs: readonly WindowSpec[], zone: string, validity: Validity, asOfMs: number): TimeWindow[] {
  const all = specs.flatMap((spec) => (typeof spec === 'string' ? buildWindows(spec, zone, validity, asOfMs) : buildRollingWindows(spec, zone, validity, asOfMs)));
  if (specs.length > 1) all.sort((x, y) => x.start - y.start || x.end - y.end);
  return all;
}

/** Whether windows overlap one another (a list of kinds, or rolling windows): a record then lies in several. */
export function windowsOverlap(windows: readonly TimeWindow[]): boolean {
  for (let i = 1; i < windows.length; i++) if (windows[i]!.start < windows[i - 1]!.end) return true;
  return false;
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
