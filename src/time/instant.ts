/**
 * Instants: the ISO timestamp parser, local dates and ISO output (SPEC 3.4).
 */
import { DAY_MS, daysFromCivil, daysInMonth, formatDays, parseDateDays } from './civil.js';
import { parseIsoCell } from './cell-parsers.js';
import { isKnownZone, zoneInfo } from './zone.js';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

export function isValidZone(zone: string): boolean {
  return isKnownZone(zone);
}

export function isValidDate(text: string): boolean {
  return !Number.isNaN(parseDateDays(text));
}

/** UTC ISO 8601 with milliseconds, e.g. `2026-03-01T00:00:00.000Z`. */
export function formatInstant(ms: number): string {
  return new Date(ms).toISOString();
}

/** The instant of a local wall-clock time in `zone` (SPEC 3.4: gap moves forward, fold takes the earlier). */
export function localToInstant(
  zone: string, y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0,
): number {
  const local = daysFromCivil(y, mo, d) * DAY_MS + h * HOUR_MS + mi * MINUTE_MS + s * 1000 + ms;
  return zoneInfo(zone).localToUtc(local);
}

/** Local day number (days since 1970-01-01) of an instant in a zone. */
export function localDayNumber(ms: number, zone: string): number {
  return Math.floor((ms + zoneInfo(zone).offsetAt(ms)) / DAY_MS);
}

/** The local date `YYYY-MM-DD` of an instant in `zone`. */
export function localDateOf(ms: number, zone: string): string {
  return formatDays(localDayNumber(ms, zone));
}

/** The first instant of a local day number (local midnight, or the end of a gap at midnight). */
export function dayNumberStart(days: number, zone: string): number {
  return zoneInfo(zone).localToUtc(days * DAY_MS);
}

/**
 * The last local date still in time for something due `seconds` after `startMs` (SPEC 9.7:
 * March's credit claimed `within: 30d` of its end, 1 April 00:00, is in time up to 2026-04-30).
 * Whole days count as calendar days in `zone` (a DST change does not move the date); other
 * durations count exactly, and the date is the one of the last instant before the deadline.
 */
export function lastDateInTime(startMs: number, seconds: number, zone: string): string {
  if (seconds % 86_400 === 0) {
    const start = localDayNumber(startMs, zone);
    // a start at local midnight: the deadline is a midnight too, so the day before it is the last
    const atMidnight = dayNumberStart(start, zone) === startMs;
    return formatDays(start + seconds / 86_400 - (atMidnight ? 1 : 0));
  }
  return localDateOf(startMs + seconds * 1000 - 1, zone);
}

/** The first instant of the local date `YYYY-MM-DD` in `zone`; NaN for an invalid date. */
export function localDayStart(date: string, zone: string): number {
  const days = parseDateDays(date);
  return Number.isNaN(days) ? NaN : dayNumberStart(days, zone);
}

/**
 * An ISO 8601 timestamp parser (`--as-of`, and CSV cells with `timestamps: iso`): epoch ms, or NaN
 * when the text is not a valid timestamp. Forms (SPEC 3.4, 9.1): `YYYY-MM-DD`,
 * `YYYY-MM-DD[T| ]HH:MM[:SS[.f{1,9}]]` with an optional `Z`, `UTC`, `±HH:MM`, `±HHMM` or `±HH`
 * (one space allowed before it). Without an offset the local time is read in `zone`. It is
 * `parseIsoCell`, the allocation-free hot path.
 */
export function makeTimestampParser(zone: string): (text: string) => number {
  const info = zoneInfo(zone);
  return (text: string) => parseIsoCell(text, info);
}

const ISO_SHAPE = /^\s*\d{4}-\d{2}-\d{2}([T t]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?\s*([Zz]|[+-]\d{2}(:?\d{2})?)?\s*$/;

/** Why a cell is not a timestamp, for CSV problems: well-formed but impossible, or not ISO 8601 at all. */
export function describeBadTimestamp(text: string): string {
  if (ISO_SHAPE.test(text)) {
    return `"${text}" is not a real date and time (check the day of the month, the hour and the minutes)`;
  }
  return `"${text}" is not an ISO 8601 timestamp (e.g. 2026-03-05, 2026-03-05T09:00 or 2026-03-05T09:00:00+01:00)`;
}
