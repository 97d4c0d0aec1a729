/**
 * Aggregates (SPEC 3.2): what one window's counted records yield. Values are kept per window in a
 * growable Float64Array so percentiles are exact without per-record objects.
 */

import type { AggregateSpec } from '../compile/model.js';

/**
 * SPEC 3.2 percentile of ascending values: h = (n−1)·q, v[⌊h⌋] + (h−⌊h⌋)·(v[⌊h⌋+1] − v[⌊h⌋]).
 * q = num/den; the integer part and remainder of h are computed exactly.
 */
export function percentile(sorted: Float64Array, num: number, den: number): number {
  const n = sorted.length;
  const scaled = (n - 1) * num;
  const lo = Math.floor(scaled / den);
  const frac = (scaled - lo * den) / den;
  const a = sorted[lo]!;
  if (frac === 0 || lo + 1 >= n) return a;
  return a + frac * (sorted[lo + 1]! - a);
}

/**
 * The window value; null when nothing was counted (status `no-data`), except count and sum,
 * which are 0 (SPEC 3.2). `values` may be reordered (sorted in place).
 */
export function aggregateValue(spec: AggregateSpec, values: Float64Array, counted: number, good: number): number | null {
  switch (spec.kind) {
    case 'count':
      return counted;
    case 'sum': {
      let s = 0;
      for (let i = 0; i < values.length; i++) s += values[i]!;
      return s;
    }
    case 'ratio':
      // 100·good/counted rather than good/counted·100: exact for whole percentages (57/100 -> 57).
      return counted === 0 ? null : (100 * good) / counted;
    default:
      break;
  }
  if (values.length === 0) return null;
  switch (spec.kind) {
    case 'mean': {
      let s = 0;
      for (let i = 0; i < values.length; i++) s += values[i]!;
      return s / values.length;
    }
    case 'min': {
      let m = Infinity;
      for (let i = 0; i < values.length; i++) if (values[i]! < m) m = values[i]!;
      return m;
    }
    case 'max': {
      let m = -Infinity;
      for (let i = 0; i < values.length; i++) if (values[i]! > m) m = values[i]!;
      return m;
    }
    default:
      values.sort();
      return percentile(values, spec.num, spec.den);
  }
}

/** Whether the aggregate needs each counted value (not just how many were counted and good). */
export function keepsValues(spec: AggregateSpec): boolean {
  return spec.kind !== 'count' && spec.kind !== 'ratio';
}
