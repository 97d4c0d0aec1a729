/**
 * Report schedules (SPEC 4): due instants and the slots in which the earliest delivery decides.
 */
import type { Schedule } from '../agreement/model.js';
import { parseClock } from './clock.js';
import { DAY_MS, civilFromDays, daysFromCivil, formatDays, weekdayOfDays } from './civil.js';
import { dayNumberStart, localDayNumber } from './instant.js';
import { WEEKDAYS } from './hours.js';
import { zoneInfo } from './zone.js';
import type { Occurrence, WorkingCalendar } from './types.js';

export { parseClock };

/** Which local days are due days, and the slot [first day, next first day) around a due day. */
function dueRule(schedule: Schedule, calendar: WorkingCalendar | null): {
  isDue(day: number): boolean;
  slot(day: number): [number, number];
} {
  const oneDay = (day: number): [number, number] => [day, day + 1];
  switch (schedule.every) {
    case 'day':
      return { isDue: () => true, slot: oneDay };
    case 'workday': {
      if (calendar === null) throw new RangeError('schedule every: workday needs a calendar');
      return { isDue: (day) => calendar.isWorkday(formatDays(day)), slot: oneDay };
    }
    case 'week': {
      const on = schedule.on === undefined ? 0 : (WEEKDAYS as readonly unknown[]).indexOf(schedule.on);
      if (on < 0) throw new RangeError(`schedule on: ${String(schedule.on)} is not one of ${WEEKDAYS.join(', ')}`);
      return {
        isDue: (day) => weekdayOfDays(day) === on,
        slot: (day) => [day - on, day - on + 7], // the ISO week (Monday to Monday)
      };
    }
    case 'month': {
      const on = schedule.on === undefined ? 1 : Number(schedule.on);
      if (!Number.isInteger(on) || on < 1 || on > 28) throw new RangeError(`schedule on: ${String(schedule.on)} is not a day 1..28`);
      return {
        isDue: (day) => civilFromDays(day).day === on,
        slot: (day) => {
          const { year, month } = civilFromDays(day);
          const first = day - (on - 1);
          const next = month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1);
          return [first, next];
        },
      };
    }
  }
}

/**
 * Every occurrence due in [fromMs, toMs), in order. The due instant is `by` on the due day in the
 * schedule calendar's timezone, else `zone` (SPEC 4); slot bounds are local midnights.
 */
export function occurrences(
  schedule: Schedule, calendar: WorkingCalendar | null, zone: string, fromMs: number, toMs: number,
): Occurrence[] {
  const by = parseClock(schedule.by);
  if (by === null) throw new RangeError(`schedule by: ${JSON.stringify(schedule.by)} is not HH:MM`);
  const tz = calendar?.timezone ?? zone;
  const info = zoneInfo(tz);
  const rule = dueRule(schedule, calendar);
  const out: Occurrence[] = [];
  if (!(fromMs < toMs)) return out;
  // a due instant lies within a day or so of its local date: scan one day beyond each end
  const last = localDayNumber(toMs, tz) + 1;
  for (let day = localDayNumber(fromMs, tz) - 1; day <= last; day++) {
    if (!rule.isDue(day)) continue;
    const due = info.localToUtc(day * DAY_MS + by * 60_000);
    if (due < fromMs || due >= toMs) continue;
    const [first, next] = rule.slot(day);
    out.push({ due, slotStart: dayNumberStart(first, tz), slotEnd: dayNumberStart(next, tz), date: formatDays(day) });
  }
  return out;
}
