/**
 * Reporting windows (SPEC 3.4): calendar-aligned in the agreement's timezone, half-open,
 * clipped to validity, cut at as-of.
 */
import type { Validity, WindowKind } from '../agreement/model.js';
import { civilFromDays, daysFromCivil, formatDays, isoWeekOf, parseDateDays, weekdayOfDays } from './civil.js';
import { dayNumberStart } from './instant.js';
import type { TimeWindow } from './types.js';

/** The natural window holding a local day: its first day, the first day after it, its label. */
function naturalWindow(kind: Exclude<WindowKind, 'validity'>, day: number): { first: number; next: number; label: string } {
  const { year, month } = civilFromDays(day);
  switch (kind) {
    case 'day':
      return { first: day, next: day + 1, label: formatDays(day) };
    case 'week': {
      const first = day - weekdayOfDays(day);
      const { weekYear, week } = isoWeekOf(first);
      return { first, next: first + 7, label: `${weekYear}-W${String(week).padStart(2, '0')}` };
    }
    case 'month':
      return {
        first: daysFromCivil(year, month, 1),
        next: month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1),
        label: `${year}-${String(month).padStart(2, '0')}`,
      };
    case 'quarter': {
      const q = Math.floor((month - 1) / 3);
      return {
        first: daysFromCivil(year, q * 3 + 1, 1),
        next: q === 3 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, q * 3 + 4, 1),
        label: `${year}-Q${q + 1}`,
      };
    }
    case 'year':
      return { first: daysFromCivil(year, 1, 1), next: daysFromCivil(year + 1, 1, 1), label: String(year) };
  }
}

/**
 * The windows of `kind` over the validity period, in order. SPEC 3.4: clipped windows keep their
 * label; windows starting at or after as-of are dropped; the one containing as-of is `partial`.
 */
export function buildWindows(kind: WindowKind, zone: string, validity: Validity, asOfMs: number): TimeWindow[] {
  const fromDay = parseDateDays(validity.from);
  const toDay = parseDateDays(validity.to);
  if (Number.isNaN(fromDay) || Number.isNaN(toDay)) {
    throw new RangeError(`validity ${validity.from}..${validity.to} is not a pair of YYYY-MM-DD dates`);
  }
  const periodStart = dayNumberStart(fromDay, zone);
  const periodEnd = dayNumberStart(toDay + 1, zone); // validity.to is inclusive
  const windows: TimeWindow[] = [];
  const push = (label: string, start: number, end: number) =>
    windows.push({ kind, label, start, end, partial: start <= asOfMs && asOfMs < end });

  if (kind === 'validity') {
    if (periodStart < periodEnd && periodStart < asOfMs) push('validity', periodStart, periodEnd);
    return windows;
  }
  let day = fromDay;
  while (day <= toDay) {
    const natural = naturalWindow(kind, day);
    const start = Math.max(dayNumberStart(natural.first, zone), periodStart);
    if (start >= asOfMs) break;
    const end = Math.min(dayNumberStart(natural.next, zone), periodEnd);
    push(natural.label, start, end);
    day = natural.next;
  }
  return windows;
}

/** Index of the window containing ms (windows in order, disjoint), or -1. */
export function findWindow(windows: readonly TimeWindow[], ms: number): number {
  let lo = 0, hi = windows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const w = windows[mid]!;
    if (ms < w.start) hi = mid - 1;
    else if (ms >= w.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** SPEC 5: windows overlap when their intersection is at least half as long as the shorter one. */
export function windowOverlapEnough(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (overlap <= 0) return false;
  return 2 * overlap >= Math.min(a.end - a.start, b.end - b.start);
}
