/**
 * The hot paths of `timestamps: iso | epoch-s | epoch-ms` (SPEC 3.4, 9.1): one call per CSV cell,
 * millions of times, hand-written with charCodeAt and no allocation. luxon-free.
 */
import { DAY_MS, daysFromCivil, daysInMonth } from './civil.js';
import type { ZoneInfo } from './zone.js';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
/** The Date range, ±100,000,000 days around 1970. */
const MAX_MS = 8.64e15;

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10;
}

/** Two ASCII digits at i as a number, or -1. */
function digits2(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48, b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * `timestamps: iso`: epoch ms of an ISO 8601 cell, or NaN. v1's grammar (`makeTimestampParser` in
 * instant.ts; this function accepts every string it accepts, with the same instant):
 * `YYYY-MM-DD` (local midnight), `YYYY-MM-DD[T|t| ]HH:MM[:SS[.f{1,9}]]` read in `zone`, or followed
 * by `Z`/`z`, `±HH:MM`, `±HHMM` or `±HH`; blanks around the cell are ignored. SPEC 9.1 adds one space
 * before the offset or `Z` (`2026-03-02 10:00:00 -0500`) and a trailing `UTC`, with or without a
 * space (`2026-03-02 10:00:00 UTC`, `2026-03-02T10:00:00UTC`). The additions are checked only after
 * the time, where v1 rejected the cell: the common forms cost what they cost in v1.
 */
export function parseIsoCell(s: string, zone: ZoneInfo): number {
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

  let c = s.charCodeAt(i);
  if (c === 32) c = s.charCodeAt(++i); // one space before the offset (SPEC 9.1); i < n: the cell is trimmed
  if (c === 90 || c === 122) return i + 1 === n ? local : NaN; // Z, z
  if (c === 85) { // UTC (SPEC 9.1, 9.7)
    return i + 3 === n && s.charCodeAt(i + 1) === 84 && s.charCodeAt(i + 2) === 67 ? local : NaN;
  }
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

/**
 * `timestamps: epoch-s` (unitMs 1000) and `epoch-ms` (unitMs 1): a decimal number of seconds or
 * milliseconds since 1970-01-01T00:00Z, or NaN. `-?D+(.D+)?`: a minus sign is allowed, decimals
 * are (digits on both sides of the point); no `+`, exponent, grouping or comma. Blanks around the
 * cell are ignored. Epoch ms are whole: a fraction below the millisecond is floored (toward the
 * past, as ISO fractions are truncated). Outside the Date range: NaN.
 */
export function parseEpochCell(s: string, unitMs: 1 | 1000): number {
  let i = 0;
  let n = s.length;
  while (i < n && isBlank(s.charCodeAt(i))) i++;
  while (n > i && isBlank(s.charCodeAt(n - 1))) n--;
  const negative = i < n && s.charCodeAt(i) === 45;
  if (negative) i++;
  const start = i;
  let whole = 0;
  while (i < n) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    whole = whole * 10 + c;
    i++;
  }
  // more than 16 digits is beyond the Date range in either unit, and beyond exact integers
  if (i === start || i - start > 16) return NaN;
  let ms = whole * unitMs;
  let rest = false; // non-zero digits below the millisecond
  if (i < n) {
    if (s.charCodeAt(i) !== 46) return NaN;
    i++;
    const fraction = i;
    let scale = unitMs / 10; // what the first digit after the point is worth, in ms
    while (i < n) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return NaN;
      if (scale >= 1) ms += c * scale;
      else if (c !== 0) rest = true;
      scale /= 10;
      i++;
    }
    if (i === fraction) return NaN;
  }
  if (negative) ms = rest ? -1 - ms : 0 - ms; // 0 - 0 is 0, not -0
  return ms >= -MAX_MS && ms <= MAX_MS ? ms : NaN;
}
