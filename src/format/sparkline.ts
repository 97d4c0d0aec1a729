/** A one-line trend of an objective's values over its windows. */
const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** At most this many windows, the latest. */
export const MAX_POINTS = 24;

/**
 * Scales linearly from the smallest value (▁) to the largest (█); when all values are equal
 * every bar is the middle one (▄), since there is no trend to show; null (no data) is a space.
 */
export function sparkline(all: readonly (number | null)[]): string {
  // a year of daily windows would be 365 characters wide: the trend shows the latest ones
  const values = all.length > MAX_POINTS ? all.slice(-MAX_POINTS) : all;
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return values.map(() => ' ').join('');
  const min = Math.min(...present);
  const max = Math.max(...present);
  return values
    .map((v) => {
      if (v === null || !Number.isFinite(v)) return ' ';
      if (max === min) return BARS[3];
      return BARS[Math.round(((v - min) / (max - min)) * (BARS.length - 1))];
    })
    .join('');
}
