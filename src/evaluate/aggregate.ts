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
      // the order statistics by selection: expected O(n), the same number as sorting (property-tested)
      return selectedPercentile(spec, values);
  }
}

/**
 * Rearranges `a[lo..hi]` so that a[k] is the k-th smallest, everything before it no larger and
 * everything after it no smaller (Hoare's selection with a median-of-three pivot). Expected O(n).
 */
function selectInPlace(a: Float64Array, k: number): void {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // median of three as the pivot, moved to a[mid]
    if (a[mid]! < a[lo]!) swap(a, mid, lo);
    if (a[hi]! < a[lo]!) swap(a, hi, lo);
    if (a[hi]! < a[mid]!) swap(a, hi, mid);
    const pivot = a[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/**
 * SPEC 3.2 percentile of unsorted values by selection (the same number `percentile` gives on the
 * sorted values): the ⌊h⌋-th smallest, and the smallest of those after it. For windows whose values
 * are merged from several slots (SPEC 9.3), where sorting each would cost n log n per window.
 * `values` is reordered. null when empty.
 */
export function selectedPercentile(spec: AggregateSpec, values: Float64Array): number | null {
  const n = values.length;
  if (n === 0) return null;
  const scaled = (n - 1) * spec.num;
  const lo = Math.floor(scaled / spec.den);
  const frac = (scaled - lo * spec.den) / spec.den;
  selectInPlace(values, lo);
  const a = values[lo]!;
  if (frac === 0 || lo + 1 >= n) return a;
  let next = Infinity;
  for (let i = lo + 1; i < n; i++) if (values[i]! < next) next = values[i]!;
  return a + frac * (next - a);
}

/** Whether the aggregate needs each counted value (not just how many were counted and good). */
export function keepsValues(spec: AggregateSpec): boolean {
  return spec.kind !== 'count' && spec.kind !== 'ratio';
}
