/**
 * SPEC 9.5 maintenance occurrences: recurring windows built in local time like working intervals
 * (a gap moves a time forward, a fold takes the earlier instant: `02:00-04:00` on the Berlin
 * spring-forward night is 03:00–04:00, on the fall-back night from the first 02:00 to 04:00, 3 h),
 * or one-off local spans.
 */
import { civilFromDays, DAY_MS, weekdayOfDays } from './civil.js';
import { localDayNumber, makeTimestampParser } from './instant.js';
import { zoneInfo } from './zone.js';

export interface MaintenanceSchedule {
  recurring: { every: 'day' | 'week' | 'month'; on: number | null; intervals: ReadonlyArray<readonly [number, number]> } | null;
  oneOff: { from: string; to: string } | null;
  zone: string;
}

/** One occurrence: [start, end) instants and the local date it belongs to. */
export interface MaintenanceOccurrence {
  start: number;
  end: number;
  date: string;
}

/** The occurrences that overlap [fromMs, toMs), in order. */
export function maintenanceOccurrences(m: MaintenanceSchedule, fromMs: number, toMs: number): MaintenanceOccurrence[] {
  const out: MaintenanceOccurrence[] = [];
  if (!(fromMs < toMs)) return out;
  if (m.oneOff) {
    const parse = makeTimestampParser(m.zone);
    const start = parse(m.oneOff.from);
    const end = parse(m.oneOff.to);
    if (start < end && start < toMs && end > fromMs) out.push({ start, end, date: m.oneOff.from.slice(0, 10) });
    return out;
  }
  const r = m.recurring;
  if (!r) return out;
  const zone = zoneInfo(m.zone);
  // a day before and after: an occurrence of the previous local day can reach into the range
  const first = localDayNumber(fromMs, m.zone) - 1;
  const last = localDayNumber(toMs, m.zone) + 1;
  for (let day = first; day <= last; day++) {
    if (r.every === 'week' && weekdayOfDays(day) !== r.on) continue;
    if (r.every === 'month' && civilFromDays(day).day !== r.on) continue;
    const dayStart = zone.localToUtc(day * DAY_MS);
    const next = zone.localToUtc((day + 1) * DAY_MS);
    let prevEnd = dayStart;
    const date = formatDay(day);
    for (const [a, b] of r.intervals) {
      const start = Math.max(zone.localToUtc(day * DAY_MS + a * 60_000), prevEnd);
      const end = Math.min(b === 1440 ? next : zone.localToUtc(day * DAY_MS + b * 60_000), next);
      if (start >= end) continue;
      prevEnd = end;
      if (start < toMs && end > fromMs) out.push({ start, end, date });
    }
  }
  return out;
}

function formatDay(day: number): string {
  const { year, month, day: d } = civilFromDays(day);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
