import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compileCalendar } from '../../../src/time/calendar.js';
import {
  appendMerging,
  claim,
  claimWorking,
  claimWorkingRange,
  clipIntervals,
  indexContaining,
  intersectIntervals,
  IntervalList,
  mergeIntervals,
  subtractIntervals,
  totalLength,
  workingSecondsIn,
  workingSecondsInList,
  type Interval,
} from '../../../src/time/intervals.js';
import type { WorkingCalendar } from '../../../src/time/types.js';

const NUM_RUNS = 300;

// ---------------------------------------------------------------------------------------------
// The model: intervals on the integer domain 0..200; a set of intervals is the boolean array of the
// unit cells [c, c+1) it covers (half-open: [s, e) covers cells s..e-1; empty/inverted cover none).

const N = 200;
type Cover = boolean[];

function cover(intervals: readonly (readonly [number, number])[]): Cover {
  const c: Cover = new Array<boolean>(N).fill(false);
  for (const [s, e] of intervals) for (let x = Math.max(0, s); x < Math.min(N, e); x++) c[x] = true;
  return c;
}
const and = (a: Cover, b: Cover): Cover => a.map((v, i) => v && b[i]!);
const or = (a: Cover, b: Cover): Cover => a.map((v, i) => v || b[i]!);
const minus = (a: Cover, b: Cover): Cover => a.map((v, i) => v && !b[i]!);
const count = (a: Cover): number => a.filter(Boolean).length;
const window = (from: number, to: number): Cover => cover([[from, to]]);

/** The canonical form of a cover: its maximal runs (touching intervals merge, so it is unique). */
function runs(c: Cover): Interval[] {
  const out: Interval[] = [];
  for (let x = 0; x < N; x++) {
    if (!c[x]) continue;
    const s = x;
    while (x < N && c[x]) x++;
    out.push([s, x]);
  }
  return out;
}

/** Sorted by start, non-empty, pairwise disjoint (touching allowed unless `strict`). */
function expectSortedDisjoint(ivs: readonly Interval[], strict: boolean): void {
  for (const [s, e] of ivs) expect(e).toBeGreaterThan(s);
  for (let i = 1; i < ivs.length; i++) {
    if (strict) expect(ivs[i]![0]).toBeGreaterThan(ivs[i - 1]![1]);
    else expect(ivs[i]![0]).toBeGreaterThanOrEqual(ivs[i - 1]![1]);
  }
}

const point = fc.integer({ min: 0, max: N });
/** Any interval: often empty or inverted. */
const anyInterval = fc.tuple(point, point).map(([s, e]): Interval => [s, e]);
/** Mostly non-empty, short intervals (so lists have gaps), some empty or inverted. */
const shortInterval = fc.tuple(point, fc.integer({ min: -3, max: 30 })).map(([s, d]): Interval => [s, Math.min(N, s + d)]);
const anyList = fc.array(fc.oneof(anyInterval, shortInterval), { maxLength: 15 });
/** Canonical lists, whatever the generator's coverage. */
const canonicalList = anyList.map((xs) => runs(cover(xs)));
/** Sorted, disjoint lists that may contain touching neighbours and empty intervals. */
const looseList = canonicalList.chain((xs) =>
  fc.tuple(fc.constant(xs), fc.array(fc.integer({ min: 0, max: 30 }), { minLength: xs.length, maxLength: xs.length }), fc.array(fc.boolean(), { minLength: xs.length, maxLength: xs.length })).map(
    ([list, cuts, empties]) => {
      const out: Interval[] = [];
      list.forEach(([s, e], i) => {
        // split at s + cut (two touching pieces) and sometimes put an empty interval in front
        if (empties[i]) out.push([s, s]);
        const m = s + cuts[i]!;
        if (m > s && m < e) out.push([s, m], [m, e]);
        else out.push([s, e]);
      });
      return out;
    },
  ),
);
const fromTo = fc.tuple(point, point).map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) }));

// Calendar stubs: the working amount of [a, b) in seconds, a "millisecond" being one unit.
function stubCalendar(id: string, isWorking: (cell: number) => boolean, workBefore: (x: number) => number): WorkingCalendar & { isWorking: (cell: number) => boolean } {
  return {
    id,
    timezone: 'UTC',
    is24x7: id === '24x7',
    isWorking,
    workingSeconds: (a, b) => (workBefore(b) - workBefore(a)) / 1000,
    addWorkingSeconds: () => {
      throw new Error('not in the stub');
    },
    workingIntervals: () => {
      throw new Error('not in the stub');
    },
    isWorkday: () => true,
  };
}
const wall = stubCalendar('24x7', () => true, (x) => x);
/** A 24-unit "day" working from 8 to 18: W(x) = 10 per whole day + the part of [8, 18) before x. */
const office = stubCalendar(
  'office',
  (c) => c % 24 >= 8 && c % 24 < 18,
  (x) => Math.floor(x / 24) * 10 + Math.min(10, Math.max(0, x - Math.floor(x / 24) * 24 - 8)),
);
const stubs = [wall, office];
const modelSeconds = (c: Cover, cal: (typeof stubs)[number]): number => c.filter((v, x) => v && cal.isWorking(x)).length / 1000;

const listOf = (ivs: readonly Interval[]): IntervalList => {
  const l = new IntervalList(2);
  for (const [s, e] of ivs) l.push(s, e);
  return l;
};

// ---------------------------------------------------------------------------------------------

describe('mergeIntervals', () => {
  test('equals the maximal runs of the covered points (touching merge; empty and inverted dropped)', () => {
    fc.assert(fc.property(anyList, (xs) => {
      expect(mergeIntervals(xs)).toEqual(runs(cover(xs)));
    }), { numRuns: NUM_RUNS });
  });

  test('leaves its input alone', () => {
    fc.assert(fc.property(anyList, (xs) => {
      const copy = xs.map(([s, e]) => [s, e]);
      const out = mergeIntervals(xs);
      expect(xs).toEqual(copy);
      for (const iv of out) expect(xs.includes(iv)).toBe(false);
    }), { numRuns: 100 });
  });

  test('hand-worked', () => {
    // [1,3) ∪ [2,4) = [1,4); [5,7) touches [7,8) -> [5,8); [10,10) is empty
    expect(mergeIntervals([[5, 7], [1, 3], [2, 4], [7, 8], [10, 10]])).toEqual([[1, 4], [5, 8]]);
    // inverted [9,6) covers nothing; NaN ends too; Infinity is a fine end
    expect(mergeIntervals([[9, 6], [0, NaN], [3, Infinity], [1, 2]])).toEqual([[1, 2], [3, Infinity]]);
    expect(mergeIntervals([])).toEqual([]);
  });
});

describe('subtractIntervals', () => {
  test('canonical inputs: the runs of a ∧ ¬b', () => {
    fc.assert(fc.property(canonicalList, canonicalList, (a, b) => {
      expect(subtractIntervals(a, b)).toEqual(runs(minus(cover(a), cover(b))));
    }), { numRuns: NUM_RUNS });
  });

  test('sorted, disjoint inputs with touching neighbours and empty intervals: same coverage, sorted and disjoint', () => {
    fc.assert(fc.property(looseList, looseList, (a, b) => {
      const out = subtractIntervals(a, b);
      expect(cover(out)).toEqual(minus(cover(a), cover(b)));
      expectSortedDisjoint(out, false);
    }), { numRuns: NUM_RUNS });
  });

  test('hand-worked', () => {
    // [0,10) minus [2,3) and [5,22) -> [0,2) [3,5); [20,30) minus [5,22) and [29,40) -> [22,29)
    expect(subtractIntervals([[0, 10], [20, 30]], [[2, 3], [5, 22], [29, 40]])).toEqual([[0, 2], [3, 5], [22, 29]]);
    expect(subtractIntervals([[0, 10]], [])).toEqual([[0, 10]]);
    // half-open: removing [10,20) from [0,10) removes nothing; an empty [5,5) does not split [0,10)
    expect(subtractIntervals([[0, 10]], [[5, 5], [10, 20]])).toEqual([[0, 10]]);
  });
});

describe('intersectIntervals', () => {
  test('canonical inputs: the runs of a ∧ b', () => {
    fc.assert(fc.property(canonicalList, canonicalList, (a, b) => {
      expect(intersectIntervals(a, b)).toEqual(runs(and(cover(a), cover(b))));
    }), { numRuns: NUM_RUNS });
  });

  test('loose inputs: same coverage, sorted and disjoint', () => {
    fc.assert(fc.property(looseList, looseList, (a, b) => {
      const out = intersectIntervals(a, b);
      expect(cover(out)).toEqual(and(cover(a), cover(b)));
      expectSortedDisjoint(out, false);
    }), { numRuns: NUM_RUNS });
  });

  test('hand-worked', () => {
    // [0,10) ∩ [5,25) = [5,10); [20,30) ∩ [5,25) = [20,25); [10,20) only touches [0,10): nothing
    expect(intersectIntervals([[0, 10], [20, 30]], [[5, 25]])).toEqual([[5, 10], [20, 25]]);
    expect(intersectIntervals([[0, 10]], [[10, 20]])).toEqual([]);
  });
});

describe('clipIntervals and totalLength', () => {
  test('clip: the runs of the cover inside [from, to)', () => {
    fc.assert(fc.property(canonicalList, fromTo, (a, { from, to }) => {
      expect(clipIntervals(a, from, to)).toEqual(runs(and(cover(a), window(from, to))));
      // an inverted window holds nothing
      expect(clipIntervals(a, to, from)).toEqual([]);
    }), { numRuns: NUM_RUNS });
  });

  test('clip of loose lists: same coverage', () => {
    fc.assert(fc.property(looseList, fromTo, (a, { from, to }) => {
      const out = clipIntervals(a, from, to);
      expect(cover(out)).toEqual(and(cover(a), window(from, to)));
      expectSortedDisjoint(out, false);
    }), { numRuns: NUM_RUNS });
  });

  test('totalLength of a merged list = number of covered points', () => {
    fc.assert(fc.property(anyList, (xs) => {
      expect(totalLength(mergeIntervals(xs))).toBe(count(cover(xs)));
    }), { numRuns: NUM_RUNS });
  });

  test('hand-worked', () => {
    // [0,10) [20,30) clipped to [5,25): [5,10) [20,25), 5 + 5 = 10 long
    const clipped = clipIntervals([[0, 10], [20, 30]], 5, 25);
    expect(clipped).toEqual([[5, 10], [20, 25]]);
    expect(totalLength(clipped)).toBe(10);
    // an inverted window clips everything away; empty and inverted intervals count 0
    expect(clipIntervals([[0, 10]], 8, 2)).toEqual([]);
    expect(totalLength([[3, 3], [9, 4], [0, 2]])).toBe(2);
  });
});

describe.each(stubs.map((c) => [c.id, c] as const))('workingSecondsIn (%s stub)', (_id, cal) => {
  test('= working points of the cover inside [from, to), tuples and IntervalList alike', () => {
    fc.assert(fc.property(canonicalList, fromTo, (a, { from, to }) => {
      const expected = modelSeconds(and(cover(a), window(from, to)), cal);
      expect(workingSecondsIn(a, from, to, cal)).toBeCloseTo(expected, 9);
      expect(workingSecondsInList(listOf(a), from, to, cal)).toBe(workingSecondsIn(a, from, to, cal));
    }), { numRuns: NUM_RUNS });
  });

  test('loose lists (touching neighbours, empty intervals): same amount', () => {
    fc.assert(fc.property(looseList, fromTo, (a, { from, to }) => {
      expect(workingSecondsIn(a, from, to, cal)).toBeCloseTo(modelSeconds(and(cover(a), window(from, to)), cal), 9);
    }), { numRuns: NUM_RUNS });
  });
});

describe('workingSecondsIn on a real office calendar', () => {
  test('hand-worked: Friday 16:00 to Monday 10:00 on Mon-Fri 08:00-18:00', () => {
    const cal = compileCalendar('office', { hours: { 'mon-fri': '08:00-18:00' } }, 'UTC');
    const t = (s: string) => Date.parse(`${s}Z`);
    const spans: Interval[] = [[t('2026-03-06T16:00'), t('2026-03-09T10:00')], [t('2026-03-09T12:00'), t('2026-03-09T13:00')]];
    // Fri 16-18 = 2h, Mon 08-10 = 2h, Mon 12-13 = 1h: 5h = 18000 s
    expect(workingSecondsIn(spans, t('2026-03-01T00:00'), t('2026-04-01T00:00'), cal)).toBe(18000);
    // only Monday: [Mon 00:00, Tue 00:00) -> 2h + 1h = 10800 s
    expect(workingSecondsIn(spans, t('2026-03-09T00:00'), t('2026-03-10T00:00'), cal)).toBe(10800);
  });
});

// ---------------------------------------------------------------------------------------------

describe('IntervalList running union: claim', () => {
  const entries = fc.array(anyList, { maxLength: 5 });

  test('newly covered parts: each entry gets cov(entry) minus cov(earlier entries), once', () => {
    fc.assert(fc.property(entries, (es) => {
      const union = new IntervalList(1);
      const fresh = new IntervalList(1);
      let before: Cover = cover([]);
      let sumNew = 0;
      for (const entry of es) {
        fresh.clear();
        let entryNew = 0;
        for (const [s, e] of entry) {
          const had = fresh.length;
          const got = claim(union, s, e, fresh);
          // the return value is the length of what this call appended
          expect(got).toBe(totalLength(fresh.toArray().slice(had)));
          entryNew += got;
        }
        const parts = fresh.toArray();
        // the parts are pairwise disjoint (their lengths add up to their cover) ...
        expect(totalLength(parts)).toBe(count(cover(parts)));
        // ... and exactly what this entry adds to the earlier ones (an overlap stays with the earlier entry)
        const mine = cover(entry);
        expect(cover(parts)).toEqual(minus(mine, before));
        expect(entryNew).toBe(count(minus(mine, before)));
        before = or(before, mine);
        sumNew += entryNew;
        // the union stays canonical and equals everything so far
        expect(union.toArray()).toEqual(runs(before));
      }
      // sum of new lengths over the entries = length of the union
      expect(sumNew).toBe(count(before));
    }), { numRuns: NUM_RUNS });
  });

  test('without a fresh list: the same amounts and union', () => {
    fc.assert(fc.property(anyList, anyList, (a, b) => {
      const u1 = new IntervalList();
      const u2 = new IntervalList();
      const f = new IntervalList();
      for (const [s, e] of [...a, ...b]) expect(claim(u1, s, e, null)).toBe(claim(u2, s, e, f));
      expect(u1.toArray()).toEqual(u2.toArray());
    }), { numRuns: 100 });
  });

  test.each(stubs.map((c) => [c.id, c] as const))('claimWorking (%s stub): working seconds of the newly covered parts', (_id, cal) => {
    fc.assert(fc.property(entries, (es) => {
      const union = new IntervalList();
      let before: Cover = cover([]);
      for (const entry of es) {
        let seconds = 0;
        for (const [s, e] of entry) seconds += claimWorking(union, s, e, cal);
        const mine = cover(entry);
        expect(seconds).toBeCloseTo(modelSeconds(minus(mine, before), cal), 9);
        before = or(before, mine);
      }
      expect(union.toArray()).toEqual(runs(before));
    }), { numRuns: NUM_RUNS });
  });

  test('claimWorkingRange: an entry\'s sorted intervals [lo, hi) clipped to [from, to), as one claimWorking each', () => {
    fc.assert(fc.property(fc.array(canonicalList, { maxLength: 4 }), fromTo, (es, { from, to }) => {
      // all entries' intervals in one flat pair of arrays, entry by entry (like a status history)
      const starts = es.flat().map(([s]) => s);
      const ends = es.flat().map(([, e]) => e);
      const u1 = new IntervalList();
      const u2 = new IntervalList();
      const f1 = new IntervalList();
      const f2 = new IntervalList();
      let lo = 0;
      for (const entry of es) {
        const hi = lo + entry.length;
        const got = claimWorkingRange(u1, starts, ends, lo, hi, from, to, office, f1);
        let expected = 0;
        for (const [s, e] of clipIntervals(entry, from, to)) expected += claimWorking(u2, s, e, office, f2);
        expect(got).toBe(expected);
        lo = hi;
      }
      expect(u1.toArray()).toEqual(u2.toArray());
      expect(f1.toArray()).toEqual(f2.toArray());
      expect(u1.toArray()).toEqual(runs(and(cover(es.flat()), window(from, to))));
    }), { numRuns: NUM_RUNS });
  });

  test('SPEC 5 hand-worked: customer 09-11 and vendor 09-13 are united, the overlap charged to the entry listed first', () => {
    const union = new IntervalList();
    const fresh = new IntervalList();
    // customer (listed first): 09-11 is all new: 2 units
    expect(claim(union, 9, 11, fresh)).toBe(2);
    fresh.clear();
    // vendor: 09-13 minus 09-11 = 11-13: 2 units, not 4
    expect(claim(union, 9, 13, fresh)).toBe(2);
    expect(fresh.toArray()).toEqual([[11, 13]]);
    // union 09-13: 4 units = 2 + 2
    expect(union.toArray()).toEqual([[9, 13]]);
    // a third entry bridging a gap: union [9,13) [20,25); [12,22) adds [13,20) = 7 units and joins everything
    claim(union, 20, 25, null);
    fresh.clear();
    expect(claim(union, 12, 22, fresh)).toBe(7);
    expect(fresh.toArray()).toEqual([[13, 20]]);
    expect(union.toArray()).toEqual([[9, 25]]);
    // touching: [25,30) adds 5 units and extends the last interval; [3,9) adds 6 and extends the first
    expect(claim(union, 25, 30, null)).toBe(5);
    expect(claim(union, 3, 9, null)).toBe(6);
    expect(union.toArray()).toEqual([[3, 30]]);
    // empty, inverted and already covered: nothing new
    expect(claim(union, 40, 40, null) + claim(union, 50, 45, null) + claim(union, 4, 29, null)).toBe(0);
    expect(union.toArray()).toEqual([[3, 30]]);
  });

  test('reuses its buffers: no growth once large enough, clear keeps them', () => {
    const union = new IntervalList(4);
    const fresh = new IntervalList(4);
    const fill = () => {
      union.clear();
      fresh.clear();
      // 4 disjoint intervals, added out of order (inserts in the middle)
      for (const [s, e] of [[30, 35], [10, 15], [50, 55], [0, 5]] as const) claim(union, s, e, fresh);
    };
    fill();
    const { starts, ends } = union;
    const freshStarts = fresh.starts;
    fill();
    expect(union.starts).toBe(starts);
    expect(union.ends).toBe(ends);
    expect(fresh.starts).toBe(freshStarts);
    expect(union.toArray()).toEqual([[0, 5], [10, 15], [30, 35], [50, 55]]);
    // a fifth interval grows the buffers, keeping the contents
    claim(union, 20, 25, null);
    expect(union.starts).not.toBe(starts);
    expect(union.toArray()).toEqual([[0, 5], [10, 15], [20, 25], [30, 35], [50, 55]]);
  });

  test('a zero-capacity list still grows', () => {
    const l = new IntervalList(0);
    for (let i = 0; i < 20; i++) l.push(i * 3, i * 3 + 1);
    expect(l.length).toBe(20);
    expect(l.toArray()[19]).toEqual([57, 58]);
    const copy = new IntervalList(0);
    copy.copyFrom(l);
    expect(copy.toArray()).toEqual(l.toArray());
  });
});

describe('appendMerging', () => {
  test('sorted input with floor 0: the same as mergeIntervals', () => {
    fc.assert(fc.property(anyList, (xs) => {
      const sorted = [...xs].sort((a, b) => a[0] - b[0]);
      const l = new IntervalList(1);
      for (const [s, e] of sorted) appendMerging(l, s, e);
      expect(l.toArray()).toEqual(mergeIntervals(xs));
    }), { numRuns: NUM_RUNS });
  });

  test('groups (per key): never joined across the floor', () => {
    const l = new IntervalList();
    // key A: [0,5) touches [5,8) -> [0,8); key B starts at index 1: [8,9) touches A's end but stays apart
    appendMerging(l, 0, 5);
    expect(appendMerging(l, 5, 8)).toBe(true);
    const floorB = l.length;
    expect(appendMerging(l, 8, 9, floorB)).toBe(false);
    expect(appendMerging(l, 9, 9, floorB)).toBe(false); // empty: dropped
    expect(appendMerging(l, 9, 12, floorB)).toBe(true);
    expect(l.toArray()).toEqual([[0, 8], [8, 12]]);
  });
});

describe('indexContaining', () => {
  test('the interval holding x in sorted, disjoint intervals (a linear scan), or -1', () => {
    fc.assert(fc.property(looseList, fc.oneof(fc.integer({ min: -5, max: N + 5 }), fc.double({ min: -5, max: N + 5, noNaN: true })), (a, x) => {
      const ivs = a.filter(([s, e]) => e > s);
      const starts = Float64Array.from(ivs, ([s]) => s);
      const ends = Float64Array.from(ivs, ([, e]) => e);
      expect(indexContaining(starts, ends, x)).toBe(ivs.findIndex(([s, e]) => s <= x && x < e));
    }), { numRuns: NUM_RUNS });
  });

  test('hand-worked: intervals [10,20) [30,40)', () => {
    const starts = [10, 30];
    const ends = [20, 40];
    // 9 before everything; 20 is the end of [10,20) (half-open) and in the gap; 40 after everything
    expect([9, 10, 19, 20, 30, 39, 40, NaN].map((x) => indexContaining(starts, ends, x))).toEqual([-1, 0, 0, -1, 1, 1, -1, -1]);
    // only the first `length` intervals count
    expect(indexContaining(starts, ends, 35, 1)).toBe(-1);
  });
});
