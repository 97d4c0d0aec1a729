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
 * `2026-03-05 09:00` in `zone`, for examples only (never on the hot path). `y`, not `yyyy`: years
 * below 1000 stay unpadded, as the Intl formatter this replaced wrote them.
 */
export function formatLocal(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat('y-MM-dd HH:mm');
}
