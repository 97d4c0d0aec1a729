/**
 * The hand-written window, schedule and local-format code that src/time/ used before luxon took
 * over those jobs, kept verbatim (renamed exports) as the reference the property tests in
 * luxon-agreement.test.ts hold the luxon versions to (report schedules since follow SPEC 4 v1.1:
 * see `referenceOccurrences`). Built only on the fast path (civil.ts, instant.ts, zone.ts), which
 * still serves the per-row work.
 */
import type { Schedule, Validity, WindowKind } from '../../../../src/agreement/model.js';
import { DAY_MS, civilFromDays, daysFromCivil, formatDays, isoWeekOf, parseDateDays, weekdayOfDays } from '../../../../src/time/civil.js';
import { parseClock } from '../../../../src/time/clock.js';
import { WEEKDAYS } from '../../../../src/time/hours.js';
import { dayNumberStart, localDayNumber } from '../../../../src/time/instant.js';
import type { Occurrence, TimeWindow, WorkingCalendar } from '../../../../src/time/types.js';
import { zoneInfo } from '../../../../src/time/zone.js';

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
export function referenceBuildWindows(kind: WindowKind, zone: string, validity: Validity, asOfMs: number): TimeWindow[] {
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

/** Which local days are the schedule's own due days. */
function dueRule(schedule: Schedule, calendar: WorkingCalendar | null): (day: number) => boolean {
  switch (schedule.every) {
    case 'day':
      return () => true;
    case 'workday': {
      if (calendar === null) throw new RangeError('schedule every: workday needs a calendar');
      return (day) => calendar.isWorkday(formatDays(day));
    }
    case 'week': {
      const on = schedule.on === undefined ? 0 : (WEEKDAYS as readonly unknown[]).indexOf(schedule.on);
      if (on < 0) throw new RangeError(`schedule on: ${String(schedule.on)} is not one of ${WEEKDAYS.join(', ')}`);
      return (day) => weekdayOfDays(day) === on;
    }
    case 'month': {
      const on = schedule.on === undefined ? 1 : Number(schedule.on);
      if (!Number.isInteger(on) || on < 1 || on > 28) throw new RangeError(`schedule on: ${String(schedule.on)} is not a day 1..28`);
      return (day) => civilFromDays(day).day === on;
    }
  }
}

/**
 * Every occurrence due in [fromMs, toMs), in order. The due instant is `by` on the due day in the
 * schedule calendar's timezone, else `zone` (SPEC 4). Not the code luxon replaced: SPEC 4 v1.1
 * dropped the slots, and `roll` (SPEC 9.5) is done the naive way, day by day over a wide margin,
 * grouping the due days that roll onto one day.
 */
export function referenceOccurrences(
  schedule: Schedule, calendar: WorkingCalendar | null, zone: string, fromMs: number, toMs: number,
): Occurrence[] {
  const by = parseClock(schedule.by);
  if (by === null) throw new RangeError(`schedule by: ${JSON.stringify(schedule.by)} is not HH:MM`);
  const tz = calendar?.timezone ?? zone;
  const info = zoneInfo(tz);
  const isDue = dueRule(schedule, calendar);
  if (schedule.roll !== undefined && calendar === null) throw new RangeError(`schedule roll: ${schedule.roll} needs a calendar`);
  const roll = (day: number): number => {
    if (schedule.roll === undefined) return day;
    const step = schedule.roll === 'next-workday' ? 1 : -1;
    for (let d = day; Math.abs(d - day) <= 60; d += step) if (calendar!.isWorkday(formatDays(d))) return d;
    return day;
  };
  const out: Occurrence[] = [];
  if (!(fromMs < toMs)) return out;
  const MARGIN = schedule.roll === undefined ? 1 : 60;
  const last = localDayNumber(toMs, tz) + MARGIN;
  for (let day = localDayNumber(fromMs, tz) - MARGIN; day <= last; day++) {
    if (!isDue(day)) continue;
    const rolled = roll(day);
    const previous = out[out.length - 1];
    if (previous !== undefined && previous.date === formatDays(rolled)) {
      previous.scheduled.push(formatDays(day));
      continue;
    }
    out.push({ due: info.localToUtc(rolled * DAY_MS + by * 60_000), date: formatDays(rolled), scheduled: [formatDays(day)] });
  }
  return out.filter((o) => fromMs <= o.due && o.due < toMs);
}

const localFormats = new Map<string, Intl.DateTimeFormat>();

/** `2026-03-05 09:00` in `zone`, for examples only (never on the hot path). */
export function referenceFormatLocal(ms: number, zone: string): string {
  let f = localFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    localFormats.set(zone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(ms)) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}
