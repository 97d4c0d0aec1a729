import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { lowerBound, upperBound, upperBoundBy } from '../../../src/time/search.js';

const NUM_RUNS = 300;

// Small value domain so that duplicates are common; x also between and outside the values.
const sortedValues = fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 30 }).map((xs) => xs.sort((a, b) => a - b));
const probe = fc.oneof(fc.integer({ min: -7, max: 7 }), fc.double({ min: -7, max: 7, noNaN: true }), fc.constantFrom(-Infinity, Infinity));

/** Linear-scan models over sorted[lo, hi). */
function countBelow(sorted: ArrayLike<number>, x: number, lo: number, hi: number): number {
  let n = lo;
  for (let i = lo; i < hi; i++) if (sorted[i]! < x) n++;
  return n;
}
function countAtMost(sorted: ArrayLike<number>, x: number, lo: number, hi: number): number {
  let n = lo;
  for (let i = lo; i < hi; i++) if (sorted[i]! <= x) n++;
  return n;
}

/** A sorted array and a range [lo, hi) inside it. */
const withRange = sortedValues.chain((xs) =>
  fc.tuple(fc.constant(xs), fc.integer({ min: 0, max: xs.length }), fc.integer({ min: 0, max: xs.length })).map(([a, p, q]) => ({
    xs: a,
    lo: Math.min(p, q),
    hi: Math.max(p, q),
  })),
);

describe.each([
  ['number[]', (xs: number[]): ArrayLike<number> => xs],
  ['Float64Array', (xs: number[]): ArrayLike<number> => Float64Array.from(xs)],
])('binary search on %s', (_name, make) => {
  test('lowerBound = number of elements < x (linear scan), whole array', () => {
    fc.assert(fc.property(sortedValues, probe, (xs, x) => {
      expect(lowerBound(make(xs), x)).toBe(countBelow(xs, x, 0, xs.length));
    }), { numRuns: NUM_RUNS });
  });

  test('upperBound = number of elements <= x (linear scan), whole array', () => {
    fc.assert(fc.property(sortedValues, probe, (xs, x) => {
      expect(upperBound(make(xs), x)).toBe(countAtMost(xs, x, 0, xs.length));
    }), { numRuns: NUM_RUNS });
  });

  test('with lo/hi bounds: lo + the count inside sorted[lo, hi)', () => {
    fc.assert(fc.property(withRange, probe, ({ xs, lo, hi }, x) => {
      const a = make(xs);
      expect(lowerBound(a, x, lo, hi)).toBe(countBelow(xs, x, lo, hi));
      expect(upperBound(a, x, lo, hi)).toBe(countAtMost(xs, x, lo, hi));
    }), { numRuns: NUM_RUNS });
  });

  test('the bounds bracket exactly the elements equal to x', () => {
    fc.assert(fc.property(sortedValues, fc.integer({ min: -6, max: 6 }), (xs, x) => {
      const a = make(xs);
      const equal = xs.filter((v) => v === x).length;
      expect(upperBound(a, x) - lowerBound(a, x)).toBe(equal);
    }), { numRuns: NUM_RUNS });
  });

  test('empty array, x below and above everything, NaN', () => {
    expect(lowerBound(make([]), 3)).toBe(0);
    expect(upperBound(make([]), 3)).toBe(0);
    const a = make([1, 3, 3, 3, 7]);
    // [1, 3, 3, 3, 7]: lowerBound(3) = 1 (only 1 is < 3); upperBound(3) = 4 (1, 3, 3, 3 are <= 3)
    expect(lowerBound(a, 3)).toBe(1);
    expect(upperBound(a, 3)).toBe(4);
    // 4 falls between 3 and 7: four elements below it either way
    expect(lowerBound(a, 4)).toBe(4);
    expect(upperBound(a, 4)).toBe(4);
    expect(lowerBound(a, 0)).toBe(0);
    expect(upperBound(a, 0)).toBe(0);
    expect(lowerBound(a, 100)).toBe(5);
    expect(upperBound(a, 100)).toBe(5);
    expect(upperBound(a, 7)).toBe(5);
    expect(lowerBound(a, 7)).toBe(4);
    // restricted to a[1..4) = [3, 3, 3]: 1 + 3 elements <= 3, 1 + 0 elements < 3
    expect(upperBound(a, 3, 1, 4)).toBe(4);
    expect(lowerBound(a, 3, 1, 4)).toBe(1);
    // NaN compares false with everything: lo
    expect(lowerBound(a, NaN)).toBe(0);
    expect(upperBound(a, NaN, 2, 5)).toBe(2);
  });
});

describe('upperBoundBy', () => {
  test('equals upperBound over the extracted keys', () => {
    fc.assert(fc.property(withRange, probe, ({ xs, lo, hi }, x) => {
      const items = xs.map((end, i) => ({ end, i }));
      expect(upperBoundBy(items, x, (it) => it.end, lo, hi)).toBe(upperBound(xs, x, lo, hi));
    }), { numRuns: NUM_RUNS });
  });

  test('first window ending after an instant (windows [0,10) [10,20) [20,30))', () => {
    const windows = [{ end: 10 }, { end: 20 }, { end: 30 }];
    const firstEndingAfter = (ms: number) => upperBoundBy(windows, ms, (w) => w.end);
    // ends <= 9: none -> 0; ends <= 10: one -> 1 (half-open: 10 belongs to [10,20)); ends <= 30: all -> 3
    expect([9, 10, 19, 29, 30].map(firstEndingAfter)).toEqual([0, 1, 1, 2, 3]);
  });
});
