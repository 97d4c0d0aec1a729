/**
 * Report schedules (SPEC 4): due instants and the slots in which the earliest delivery decides.
 * Runs once per report, so it is written with luxon's calendar arithmetic.
 */
import type { Schedule } from '../agreement/model.js';
import { parseClock } from './clock.js';
import { WEEKDAYS } from './hours.js';
import { calendarDateOf, dayStartInstant, isoDate, nextDay, wallClockInstant, type CalendarDate } from './luxon-dates.js';
import type { Occurrence, WorkingCalendar } from './types.js';
import { zoneInfo } from './zone.js';

export { parseClock };

/** Which local dates are due dates, and the slot [first day, next first day) around a due date. */
function dueRule(schedule: Schedule, calendar: WorkingCalendar | null): {
  isDue(date: CalendarDate): boolean;
  slot(date: CalendarDate): [CalendarDate, CalendarDate];
} {
  const oneDay = (date: CalendarDate): [CalendarDate, CalendarDate] => [date, nextDay(date)];
  switch (schedule.every) {
    case 'day':
      return { isDue: () => true, slot: oneDay };
    case 'workday': {
      if (calendar === null) throw new RangeError('schedule every: workday needs a calendar');
      return { isDue: (date) => calendar.isWorkday(isoDate(date)), slot: oneDay };
    }
    case 'week': {
      const on = schedule.on === undefined ? 0 : (WEEKDAYS as readonly unknown[]).indexOf(schedule.on);
      if (on < 0) throw new RangeError(`schedule on: ${String(schedule.on)} is not one of ${WEEKDAYS.join(', ')}`);
      return {
        isDue: (date) => date.weekday === on + 1, // luxon: 1 = Monday .. 7 = Sunday
        slot: (date) => {
          const monday = date.startOf('week'); // the ISO week (Monday to Monday)
          return [monday, monday.plus({ weeks: 1 })];
        },
      };
    }
    case 'month': {
      const on = schedule.on === undefined ? 1 : Number(schedule.on);
      if (!Number.isInteger(on) || on < 1 || on > 28) throw new RangeError(`schedule on: ${String(schedule.on)} is not a day 1..28`);
      return {
        isDue: (date) => date.day === on,
        slot: (date) => {
          const first = date.startOf('month');
          return [first, first.plus({ months: 1 })];
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
  zoneInfo(tz); // an unknown zone is a RangeError, worded and decided as everywhere else
  const rule = dueRule(schedule, calendar);
  const out: Occurrence[] = [];
  if (!(fromMs < toMs)) return out;
  // a due instant lies within a day or so of its local date: scan one day beyond each end
  const last = nextDay(calendarDateOf(toMs, tz)).toMillis();
  for (let date = calendarDateOf(fromMs, tz).minus({ days: 1 }); date.toMillis() <= last; date = nextDay(date)) {
    if (!rule.isDue(date)) continue;
    const due = wallClockInstant(date, by, tz);
    if (due < fromMs || due >= toMs) continue;
    const [first, next] = rule.slot(date);
    out.push({ due, slotStart: dayStartInstant(first, tz), slotEnd: dayStartInstant(next, tz), date: isoDate(date) });
  }
  return out;
}
