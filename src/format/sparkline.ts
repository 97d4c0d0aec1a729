/**
 * A one-line trend of an objective's values over its windows, drawn against its target: the
 * target sits at a fixed height (▄, the 4th of 8 bars), windows that met it at ▄ to █, and windows
 * that missed it (breached or excused) at ▁ to ▃ only, so a miss reads without colour.
 */
import type { Operator } from '../agreement/quantity.js';

const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
/** The bar of a value exactly at its target. */
const TARGET_BAR = 3;

/** At most this many windows, the latest. */
export const MAX_POINTS = 24;

export interface TrendPoint {
  /** The window's value; null without data (drawn as a space). */
  value: number | null;
  /** Whether the value missed the target (status breached or excused). */
  missed: boolean;
}

export interface TrendTarget {
  value: number;
  op: Operator;
  /** The best value there can be: 100 for a percentage to reach, 0 for a duration to stay under; null when unbounded. */
  ideal: number | null;
}

/**
 * Scaled piecewise (SPEC-free presentation, README "Output formats"):
 * - met: from the target (▄) to the ideal value (█) — 100% for `>= 99.9%`, 0 for `<= 8h` — or to
 *   the best value shown when there is no ideal, so a steady 99.95% against 99.9% stays level;
 * - missed: from the worst value shown (▁) to just under the target (▃).
 * Without a target (no window with a verdict) it scales from the smallest value (▁) to the
 * largest (█), all equal drawn ▄.
 */
export function sparkline(all: readonly TrendPoint[], target: TrendTarget | null = null): string {
  // a year of daily windows would be 365 characters wide: the trend shows the latest ones
  const points = all.length > MAX_POINTS ? all.slice(-MAX_POINTS) : all;
  const present = points.filter((p): p is TrendPoint & { value: number } => p.value !== null && Number.isFinite(p.value));
  if (present.length === 0) return points.map(() => ' ').join('');
  if (target === null) return minMaxLine(points, present.map((p) => p.value));
  // higher is better for >= and >, lower for <= and <; == counts the distance from the target
  const goodness = (v: number): number => {
    switch (target.op) {
      case '>=':
      case '>':
        return v - target.value;
      case '<=':
      case '<':
        return target.value - v;
      case '==':
        return -Math.abs(v - target.value);
    }
  };
  const met = present.filter((p) => !p.missed).map((p) => goodness(p.value));
  const missed = present.filter((p) => p.missed).map((p) => goodness(p.value));
  const idealGoodness = target.ideal !== null && target.op !== '==' ? goodness(target.ideal) : null;
  const top = idealGoodness !== null && idealGoodness > 0 ? idealGoodness : Math.max(0, ...met);
  const worst = Math.min(0, ...missed);
  return points
    .map((p) => {
      if (p.value === null || !Number.isFinite(p.value)) return ' ';
      const g = goodness(p.value);
      if (!p.missed) {
        // at or above the target: ▄ … █ over [target, top]
        const share = top > 0 ? Math.min(1, Math.max(0, g / top)) : 0;
        return BARS[TARGET_BAR + Math.round(share * (BARS.length - 1 - TARGET_BAR))];
      }
      // below the target: ▁ … ▃ over [worst, target), the worst miss at ▁
      const share = worst < 0 ? Math.min(1, Math.max(0, (g - worst) / -worst)) : 1;
      return BARS[Math.min(TARGET_BAR - 1, Math.floor(share * TARGET_BAR))];
    })
    .join('');
}

function minMaxLine(points: readonly TrendPoint[], present: readonly number[]): string {
  const min = Math.min(...present);
  const max = Math.max(...present);
  return points
    .map(({ value: v }) => {
      if (v === null || !Number.isFinite(v)) return ' ';
      if (max === min) return BARS[TARGET_BAR];
      return BARS[Math.round(((v - min) / (max - min)) * (BARS.length - 1))];
    })
    .join('');
}
