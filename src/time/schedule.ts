/**
 * Report schedules (SPEC 4, 9.5, 9.7): due dates, `roll`, due instants, and the neighbouring
 * occurrences matching needs. Runs once per report, so it is written with luxon's calendar
 * arithmetic.
 */
import type { Schedule } from '../agreement/model.js';
import { parseClock } from './clock.js';
import { WEEKDAYS } from './hours.js';
import { calendarDateOf, isoDate, nextDay, wallClockInstant, type CalendarDate } from './luxon-dates.js';
import type { Occurrence, WorkingCalendar } from './types.js';
import { zoneInfo } from './zone.js';

export { parseClock };

/**
 * How far a roll, or the search for a neighbouring occurrence, looks before giving up: a year and
 * a bit covers every schedule on any calendar that has working time at all.
 */
const SEARCH_DAYS = 400;

const previousDay = (date: CalendarDate): CalendarDate => date.minus({ days: 1 });

/** Which local dates are the schedule's own due dates. */
function dueRule(schedule: Schedule, calendar: WorkingCalendar | null): (date: CalendarDate) => boolean {
  switch (schedule.every) {
    case 'day':
      return () => true;
    case 'workday': {
      if (calendar === null) throw new RangeError('schedule every: workday needs a calendar');
      return (date) => calendar.isWorkday(isoDate(date));
    }
    case 'week': {
      const on = schedule.on === undefined ? 0 : (WEEKDAYS as readonly unknown[]).indexOf(schedule.on);
      if (on < 0) throw new RangeError(`schedule on: ${String(schedule.on)} is not one of ${WEEKDAYS.join(', ')}`);
      return (date) => date.weekday === on + 1; // luxon: 1 = Monday .. 7 = Sunday
    }
    case 'month': {
      const on = schedule.on === undefined ? 1 : Number(schedule.on);
      if (!Number.isInteger(on) || on < 1 || on > 28) throw new RangeError(`schedule on: ${String(schedule.on)} is not a day 1..28`);
      return (date) => date.day === on;
    }
  }
}

/**
 * SPEC 9.5 `roll`: a due date without working time in the calendar moves to the nearest date in
 * the roll's direction that has some. Without `roll` (or with no working day within reach) a date
 * stays where it is. Monotone: a later due date never rolls to an earlier date than an earlier one.
 */
function rollRule(schedule: Schedule, calendar: WorkingCalendar | null): (date: CalendarDate) => CalendarDate {
  if (schedule.roll === undefined) return (date) => date;
  if (calendar === null) throw new RangeError(`schedule roll: ${schedule.roll} needs a calendar`);
  const step = schedule.roll === 'next-workday' ? nextDay : schedule.roll === 'previous-workday' ? previousDay : null;
  if (step === null) throw new RangeError(`schedule roll: ${String(schedule.roll)} is not next-workday or previous-workday`);
  return (date) => {
    let d = date;
    for (let i = 0; i <= SEARCH_DAYS; i++, d = step(d)) if (calendar.isWorkday(isoDate(d))) return d;
    return date;
  };
}

/** The occurrences due in a range, and the schedule's occurrence on each side of it (SPEC 9.7). */
export interface ScheduleSpan {
  /** The last occurrence due before the range; null when none is due within about a year. */
  before: Occurrence | null;
  /** Every occurrence due in the range, in order. */
  occurrences: Occurrence[];
  /** The first occurrence due at or after the range's end; null when none within about a year. */
  after: Occurrence | null;
}

/**
 * Every occurrence due in [fromMs, toMs), in order, with its neighbours. The due instant is `by`
 * on the (rolled) due day in the schedule calendar's timezone, else `zone` (SPEC 4); due dates
 * that roll onto the same day become one occurrence (SPEC 9.7).
 */
export function scheduleAround(
  schedule: Schedule, calendar: WorkingCalendar | null, zone: string, fromMs: number, toMs: number,
): ScheduleSpan {
  const by = parseClock(schedule.by);
  if (by === null) throw new RangeError(`schedule by: ${JSON.stringify(schedule.by)} is not HH:MM`);
  const tz = calendar?.timezone ?? zone;
  zoneInfo(tz); // an unknown zone is a RangeError, worded and decided as everywhere else
  const isDue = dueRule(schedule, calendar);
  const roll = rollRule(schedule, calendar);
  const span: ScheduleSpan = { before: null, occurrences: [], after: null };
  if (!(fromMs < toMs)) return span;
  const dueOf = (date: CalendarDate) => wallClockInstant(date, by, tz);

  // Start at a due date whose (rolled) due lies before the range: a due instant lies within a day
  // or so of its local date, and rolling is monotone, so walk back from the day after fromMs's.
  let date = nextDay(calendarDateOf(fromMs, tz));
  for (let i = 0; i < SEARCH_DAYS; i++, date = previousDay(date)) {
    if (isDue(date) && dueOf(roll(date)) < fromMs) break;
  }
  // ... and further back over the due dates that roll onto the same day, so that it is whole.
  if (isDue(date)) {
    const rolled = isoDate(roll(date));
    for (let d = previousDay(date), i = 0; i < SEARCH_DAYS; d = previousDay(d), i++) {
      if (!isDue(d)) continue;
      if (isoDate(roll(d)) !== rolled) break;
      date = d;
    }
  }

  // Walk forward, one group of due dates rolling onto one day at a time, until the first group
  // due at or after toMs is whole.
  const last = calendarDateOf(toMs, tz).plus({ days: SEARCH_DAYS });
  let open: Occurrence | null = null;
  const close = (o: Occurrence) => {
    if (o.due < fromMs) span.before = o;
    else if (o.due < toMs) span.occurrences.push(o);
    else span.after = o;
  };
  for (; date.toMillis() <= last.toMillis(); date = nextDay(date)) {
    if (!isDue(date)) continue;
    const rolled = roll(date);
    const day = isoDate(rolled);
    if (open !== null && open.date === day) {
      open.scheduled.push(isoDate(date));
      continue;
    }
    if (open !== null) {
      close(open);
      if (span.after !== null) return span;
    }
    open = { due: dueOf(rolled), date: day, scheduled: [isoDate(date)] };
  }
  if (open !== null) close(open);
  return span;
}

/** Every occurrence due in [fromMs, toMs), in order (see `scheduleAround`). */
export function occurrences(
  schedule: Schedule, calendar: WorkingCalendar | null, zone: string, fromMs: number, toMs: number,
): Occurrence[] {
  return scheduleAround(schedule, calendar, zone, fromMs, toMs).occurrences;
}
