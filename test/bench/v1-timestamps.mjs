// slacheck v1's CSV timestamp parser (src/time/instant.ts before v1.1), kept as the reference the
// v1.1 ISO cell parser is held to: test/unit/time/timestamps.test.ts checks that parseIsoCell reads
// every string this reads, to the same instant, and test/bench/timestamps.mjs times the two in
// rotation. Plain JavaScript so that both the tests and the benchmark (which runs on dist/) load it.
//
// Forms (SPEC 3.4): YYYY-MM-DD, YYYY-MM-DD[T|t| ]HH:MM[:SS[.f{1,9}]] with an optional Z, ±HH:MM,
// ±HHMM or ±HH; without an offset the local time is read in `zone` (a ZoneInfo: localToUtc).
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

function isLeap(y) {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y, m) {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y, m, d) {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function isBlank(c) {
  return c === 32 || c === 9 || c === 13 || c === 10;
}

/** Two ASCII digits at i as a number, or -1. */
function digits2(s, i) {
  const a = s.charCodeAt(i) - 48, b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

export function parseTimestampV1(s, zone) {
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
