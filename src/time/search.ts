/**
 * Binary search over sorted (non-decreasing) numbers: `number[]` or a typed array.
 *
 * No closures and no allocation, so hot paths (one call per CSV row) can use it; a search over
 * objects (windows, occurrences) on a hot path should keep its keys in a Float64Array built once.
 * `lo`/`hi` restrict the search to `sorted[lo, hi)` (the result is then in [lo, hi]).
 * A NaN `x` compares false with everything and yields `lo`.
 */

/** The first index i in [lo, hi) with sorted[i] >= x, or hi: the number of elements < x (for lo = 0). */
export function lowerBound(sorted: ArrayLike<number>, x: number, lo = 0, hi = sorted.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index i in [lo, hi) with sorted[i] > x, or hi: the number of elements <= x (for lo = 0). */
export function upperBound(sorted: ArrayLike<number>, x: number, lo = 0, hi = sorted.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `upperBound` over key(items[i]) (items sorted by key), for objects or tuples on cold paths where a closure call per step does not matter. */
export function upperBoundBy<T>(items: ArrayLike<T>, x: number, key: (item: T) => number, lo = 0, hi = items.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid]!) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
