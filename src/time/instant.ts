/**
 * Instants: the CSV timestamp parser (the hot path), local dates and ISO output (SPEC 3.4).
 */
import { DAY_MS, daysFromCivil, daysInMonth, formatDays, parseDateDays } from './civil.js';
import { isKnownZone, zoneInfo, type ZoneInfo } from './zone.js';

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

/** The first instant of the local date `YYYY-MM-DD` in `zone`; NaN for an invalid date. */
export function localDayStart(date: string, zone: string): number {
  const days = parseDateDays(date);
  return Number.isNaN(days) ? NaN : dayNumberStart(days, zone);
}

/**
 * A timestamp parser for CSV cells: epoch ms, or NaN when the text is not a valid timestamp.
 * Forms (SPEC 3.4): `YYYY-MM-DD`, `YYYY-MM-DD[T| ]HH:MM[:SS[.f{1,9}]]` with an optional `Z`,
 * `±HH:MM`, `±HHMM` or `±HH`. Without an offset the local time is read in `zone`.
 * Hand-written with charCodeAt: it runs once per cell, millions of times, and must not allocate.
 */
export function makeTimestampParser(zone: string): (text: string) => number {
  const info = zoneInfo(zone);
  return (text: string) => parseTimestamp(text, info);
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10;
}

/** Two ASCII digits at i as a number, or -1. */
function digits2(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48, b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function parseTimestamp(s: string, zone: ZoneInfo): number {
  let i = 0;
  let n = s.length;
  while (i < n && isBlank(s.charCodeAt(i))) i++;
  while (n > i && isBlank(s.charCodeAt(n - 1))) n--;
  if (n - i < 10) return NaN;

  const y1 = digits2(s, i), y2 = digits2(s, i + 2);
  if (y1 < 0 || y2 < 0 || s.charCodeAt(i + 4) !== 45 || s.charCodeAt(i + 7) !== 45) return NaN;
  const year = y1 * 100 + y2;
  const month = digits2(s, i + 5), day = digits2(s, i + 8);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  const dayMs = daysFromCivil(year, month, day) * DAY_MS;
  i += 10;
  if (i === n) return zone.localToUtc(dayMs);

  const sep = s.charCodeAt(i);
  if (sep !== 84 && sep !== 116 && sep !== 32) return NaN; // T, t, space
  if (n - i < 6) return NaN;
  const hour = digits2(s, i + 1), minute = digits2(s, i + 4);
  if (hour < 0 || hour > 23 || s.charCodeAt(i + 3) !== 58 || minute < 0 || minute > 59) return NaN;
  i += 6;
  let second = 0, millis = 0;
  if (i < n && s.charCodeAt(i) === 58) {
    second = digits2(s, i + 1);
    if (second < 0 || second > 59 || i + 3 > n) return NaN;
    i += 3;
    if (i < n && s.charCodeAt(i) === 46) {
      i++;
      const start = i;
      let scale = 100;
      while (i < n) {
        const c = s.charCodeAt(i) - 48;
        if (c < 0 || c > 9) break;
        millis += c * scale; // digits past the third add 0: ms precision, truncated
        scale = scale >= 10 ? scale / 10 : 0;
        i++;
      }
      if (i === start || i - start > 9) return NaN;
    }
  }
  const local = dayMs + hour * HOUR_MS + minute * MINUTE_MS + second * 1000 + millis;
  if (i === n) return zone.localToUtc(local);

  const c = s.charCodeAt(i);
  if ((c === 90 || c === 122) && i + 1 === n) return local; // Z, z
  if (c !== 43 && c !== 45) return NaN; // +, -
  const oh = digits2(s, i + 1);
  if (oh < 0 || oh > 23 || i + 3 > n) return NaN;
  i += 3;
  let om = 0;
  if (i < n) {
    if (s.charCodeAt(i) === 58) i++;
    if (i + 2 !== n) return NaN;
    om = digits2(s, i);
    if (om < 0 || om > 59) return NaN;
  }
  const offset = oh * HOUR_MS + om * MINUTE_MS;
  return c === 43 ? local - offset : local + offset;
}

const ISO_SHAPE = /^\s*\d{4}-\d{2}-\d{2}([T t]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?\s*([Zz]|[+-]\d{2}(:?\d{2})?)?\s*$/;

/** Why a cell is not a timestamp, for CSV problems: well-formed but impossible, or not ISO 8601 at all. */
export function describeBadTimestamp(text: string): string {
  if (ISO_SHAPE.test(text)) {
    return `"${text}" is not a real date and time (check the day of the month, the hour and the minutes)`;
  }
  return `"${text}" is not an ISO 8601 timestamp (e.g. 2026-03-05, 2026-03-05T09:00 or 2026-03-05T09:00:00+01:00)`;
}
