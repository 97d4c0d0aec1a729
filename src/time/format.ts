/** Human-readable durations for text output. */

const UNITS: Array<[string, number]> = [['d', 86_400], ['h', 3_600], ['m', 60], ['s', 1]];

/**
 * The two largest non-zero units among d (24 h), h, m, s, rounded to whole seconds:
 * `3h 25m`, `2d 4h`, `12m 5s`, `45s`, `0s`, `-1h 30m`.
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
