/** Human-readable durations and local instants for text output. */
import { DateTime } from 'luxon';

// No days: most durations are working time, where "1d" (24 working hours) would read as one
// business day; `96h` cannot be misread.
const UNITS: Array<[string, number]> = [['h', 3_600], ['m', 60], ['s', 1]];

/**
 * The two largest non-zero units among h, m, s, rounded to whole seconds:
 * `3h 25m`, `52h`, `12m 5s`, `45s`, `0s`, `-1h 30m`.
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  let rest = Math.round(Math.abs(seconds));
  if (rest === 0) return '0s';
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 && parts.length < 2) parts.push(`${n}${unit}`);
  }
  return (seconds < 0 ? '-' : '') + parts.join(' ');
}

/**
 * Every unit from the largest non-zero one down to seconds, the seconds with at most `decimals`
 * decimals (trailing zeros dropped): `4h 0m 0.4s`, `3h 59m 59.6s`, `12m 5s`, `0.25s`. For a
 * duration shown beside a target it must not look equal to (see `format/values.ts`).
 */
export function formatDurationExact(seconds: number, decimals: number): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  const scale = 10 ** decimals;
  // integer units of 10^-decimals s, so hours and minutes split off without float noise
  const total = Math.round(Math.abs(seconds) * scale);
  if (total === 0) return '0s';
  const h = Math.floor(total / (3_600 * scale));
  const m = Math.floor((total - h * 3_600 * scale) / (60 * scale));
  const s = (total - h * 3_600 * scale - m * 60 * scale) / scale;
  const fixed = s.toFixed(decimals);
  const secs = `${decimals > 0 ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed}s`;
  const parts = h > 0 ? [`${h}h`, `${m}m`, secs] : m > 0 ? [`${m}m`, secs] : [secs];
  return (seconds < 0 ? '-' : '') + parts.join(' ');
}

/**
 * `2026-03-01 00:00 +01:00`: an instant as people in `zone` read it, with the offset, so it cannot
 * be mistaken for another zone's (SPEC 9.2). UTC reads `+00:00`. Never on the hot path. `y`, not
 * `yyyy`: years below 1000 stay unpadded, as the Intl formatter of v1 wrote them.
 */
export function formatLocalWithOffset(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat('y-MM-dd HH:mm ZZ');
}
