import { describe, expect, test } from 'vitest';
import { parseAggregate } from '../../../src/compile/measure.js';
import { aggregateValue, percentile } from '../../../src/evaluate/aggregate.js';

const sorted = (...v: number[]): Float64Array => Float64Array.from(v).sort();
const p = (text: string) => parseAggregate(text)!;

describe('parseAggregate', () => {
  test('percentiles become exact fractions', () => {
    expect(p('p95')).toMatchObject({ kind: 'percentile', num: 95, den: 100 });
    expect(p('p99.9')).toMatchObject({ kind: 'percentile', num: 999, den: 1000 });
    expect(p('p5')).toMatchObject({ num: 5, den: 100 });
    expect(p('median')).toMatchObject({ kind: 'percentile', num: 50, den: 100 });
    expect(p('ratio').kind).toBe('ratio');
  });
  test.each(['p0', 'p100', 'p', 'p-5', 'p100.5', 'avg', 'P95', ''])('rejects %j', (t) => expect(parseAggregate(t)).toBeNull());
});

describe('percentile (SPEC 3.2 linear interpolation)', () => {
  test('n = 1: the only value', () => expect(percentile(sorted(42), 95, 100)).toBe(42));
  // n = 2, [10, 20]: h = 1·0.95 = 0.95 -> 10 + 0.95·(20 − 10) = 19.5
  test('n = 2', () => expect(percentile(sorted(20, 10), 95, 100)).toBe(19.5));
  // n = 7, 1..7: h = 6·0.95 = 5.7 -> v[5] + 0.7·(v[6] − v[5]) = 6 + 0.7·1 = 6.7
  test('n = 7', () => expect(percentile(sorted(7, 1, 6, 2, 5, 3, 4), 95, 100)).toBe(6.7));
  // p99.9 of 1..11: h = 10·0.999 = 9.99 -> 10 + 0.99·1 = 10.99
  test('decimal percentile', () => expect(percentile(sorted(...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), 999, 1000)).toBeCloseTo(10.99, 12));
  // median odd [1, 2, 3]: h = 2·0.5 = 1 -> 2; even [1, 2, 3, 4]: h = 3·0.5 = 1.5 -> 2 + 0.5·1 = 2.5
  test('median odd and even', () => {
    expect(aggregateValue(p('median'), Float64Array.of(3, 1, 2), 3, 0)).toBe(2);
    expect(aggregateValue(p('median'), Float64Array.of(4, 1, 3, 2), 4, 0)).toBe(2.5);
  });
  // p5 of [100, 200, 300]: h = 2·0.05 = 0.1 -> 100 + 0.1·100 = 110
  test('low percentile', () => expect(percentile(sorted(300, 100, 200), 5, 100)).toBeCloseTo(110, 12));
});

describe('aggregateValue', () => {
  const v = () => Float64Array.of(4, 1, 7);
  test.each([
    ['count', 3], // three counted records
    ['sum', 12], // 4 + 1 + 7
    ['mean', 4], // 12 / 3
    ['min', 1],
    ['max', 7],
  ])('%s', (agg, expected) => expect(aggregateValue(p(agg), v(), 3, 0)).toBe(expected));
  test('ratio is 100·good/counted, exact for whole percentages', () => {
    expect(aggregateValue(p('ratio'), new Float64Array(0), 100, 57)).toBe(57); // 0.57·100 would be 56.99999999999999
    expect(aggregateValue(p('ratio'), new Float64Array(0), 3, 2)).toBeCloseTo(66.6667, 4);
  });
  test('empty window: count and sum 0, the rest no-data', () => {
    const none = new Float64Array(0);
    expect(aggregateValue(p('count'), none, 0, 0)).toBe(0);
    expect(aggregateValue(p('sum'), none, 0, 0)).toBe(0);
    for (const a of ['mean', 'min', 'max', 'median', 'p95', 'ratio']) expect(aggregateValue(p(a), none, 0, 0)).toBeNull();
  });
});
