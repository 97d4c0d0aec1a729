/**
 * Calendar dates and the instants of their wall-clock times, with luxon (SPEC 3.4). For code that
 * runs a few times per run (window bounds, report schedules), where readable calendar arithmetic
 * beats speed; per-row work uses the cached fast path (zone.ts, instant.ts). Property tests hold
 * the two together: test/unit/time/luxon-agreement.test.ts (fast path vs luxon) and
 * luxon-reference.test.ts (this code vs the hand-written code it replaced).
 */
import { DateTime } from 'luxon';
import { DAY_MS } from './civil.js';
import { isValidDate } from './instant.js';

/**
 * A calendar date: a valid luxon DateTime at 00:00 UTC, for zone-free date arithmetic (`startOf`,
 * `plus`, ISO weeks); UTC has no DST, so no arithmetic on it is ever ambiguous.
 */
export type CalendarDate = DateTime<true>;

function valid(date: DateTime<true> | DateTime<false>): CalendarDate {
  if (date.isValid) return date;
  throw new RangeError(`not a date: ${date.invalidExplanation ?? date.invalidReason}`);
}

/** The date of a strict `YYYY-MM-DD` (civil.ts decides what a date is, for every caller), or null. */
export function calendarDate(text: string): CalendarDate | null {
  return isValidDate(text) ? valid(DateTime.fromISO(text, { zone: 'utc' })) : null;
}

/** The local date of an instant in `zone`. */
export function calendarDateOf(ms: number, zone: string): CalendarDate {
  const local = valid(DateTime.fromMillis(ms, { zone }));
  return valid(DateTime.utc(local.year, local.month, local.day));
}

/** The next date: 24 hours later, as UTC has no DST (a sixth of the cost of `plus({ days: 1 })`). */
export function nextDay(date: CalendarDate): CalendarDate {
  return valid(DateTime.fromMillis(date.toMillis() + DAY_MS, { zone: 'utc' }));
}

/** `YYYY-MM-DD` (toISODate: a tenth of the cost of `toFormat`). */
export function isoDate(date: CalendarDate): string {
  return date.toISODate();
}

/**
 * The instant of `minutes` past midnight on `date` in `zone`. SPEC 3.4: a wall time in a DST gap
 * moves forward by the gap; one in a fold is the earlier instant.
 *
 * luxon resolves a wall time from a guessed offset and, in a fold, keeps the instant with that
 * offset: `fromObject`/`fromISO` guess the zone's offset *now* (so the answer would depend on the
 * season slacheck runs in), `set` guesses the DateTime's own offset. Setting the time on an instant
 * a day earlier guesses the offset before any change that day: the earlier instant in a fold.
 * In a gap luxon moves forward by the gap whatever the guess.
 */
export function wallClockInstant(date: CalendarDate, minutes: number, zone: string): number {
  return DateTime.fromMillis(date.toMillis() - DAY_MS, { zone })
    .set({ year: date.year, month: date.month, day: date.day, hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 })
    .toMillis();
}

// zone -> date (its UTC-midnight ms) -> first instant: windows and report slots share midnights,
// and luxon takes tens of µs for each
const dayStarts = new Map<string, Map<number, number>>();

/** The first instant of `date` in `zone`: local midnight, or the end of a gap at midnight. */
export function dayStartInstant(date: CalendarDate, zone: string): number {
  let starts = dayStarts.get(zone);
  if (starts === undefined) dayStarts.set(zone, (starts = new Map()));
  const key = date.toMillis();
  let start = starts.get(key);
  if (start === undefined) starts.set(key, (start = wallClockInstant(date, 0, zone)));
  return start;
}
