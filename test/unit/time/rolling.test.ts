/** SPEC 9.3 rolling windows and window lists, from hand-worked cases. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { percentile, selectedPercentile } from '../../../src/evaluate/aggregate.js';
import { buildItemWindows, buildRollingWindows } from '../../../src/time/windows.js';
import { windowKey } from '../../../src/time/window-specs.js';

const H = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const YEAR = { from: '2026-01-01', to: '2026-12-31' };

describe('rolling windows (SPEC 9.3)', () => {
  test('28d every day: ends at each local midnight, starts 28 local days earlier, END inclusive in the label', () => {
    const ws = buildRollingWindows({ rolling: '28d', every: 'day' }, 'Europe/Berlin', YEAR, Date.parse('2026-04-01T00:00:00+02:00'));
    // the first ends at the midnight after 1 January: clipped to the validity start, natural label kept
    expect(ws[0]).toEqual({
      kind: 'rolling 28d every day', label: '2025-12-05/2026-01-01',
      start: Date.parse('2026-01-01T00:00:00+01:00'), end: Date.parse('2026-01-02T00:00:00+01:00'), partial: false,
    });
    // 2 March .. 29 March: 28 local days, one of them the 23-hour spring-forward day (29 March)
    const dst = ws.find((w) => w.label === '2026-03-02/2026-03-29')!;
    expect([iso(dst.start), iso(dst.end)]).toEqual(['2026-03-01T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
    expect((dst.end - dst.start) / H).toBe(28 * 24 - 1);
    // as-of 1 April 00:00 is the end of the window ending 31 March: it is complete; the next one
    // (ending 2 April) contains as-of and is the only partial window reported
    expect(ws.at(-2)).toMatchObject({ label: '2026-03-04/2026-03-31', partial: false });
    expect(ws.at(-1)).toMatchObject({ label: '2026-03-05/2026-04-01', partial: true });
    expect(ws).toHaveLength(91); // ends 2 Jan .. 2 Apr: 31 + 28 + 31 + 1
  });

  test('4w every week ends on Mondays; { months: 3 } every month on the first', () => {
    const asOf = Date.parse('2026-03-01T00:00:00Z');
    const weeks = buildRollingWindows({ rolling: '4w', every: 'week' }, 'UTC', YEAR, asOf);
    // 1 January 2026 is a Thursday: the first Monday after it is 5 January
    expect(weeks.slice(0, 2).map((w) => [w.label, iso(w.start), iso(w.end)])).toEqual([
      ['2025-12-08/2026-01-04', '2026-01-01T00:00:00.000Z', '2026-01-05T00:00:00.000Z'],
      ['2025-12-15/2026-01-11', '2026-01-01T00:00:00.000Z', '2026-01-12T00:00:00.000Z'],
    ]);
    // Monday 2 March ends the window containing as-of (1 March): partial, and the last
    expect(weeks.at(-1)).toMatchObject({ label: '2026-02-02/2026-03-01', partial: true });
    const quarters = buildRollingWindows({ rolling: { months: 3 }, every: 'month' }, 'UTC', YEAR, Date.parse('2026-04-15T00:00:00Z'));
    expect(quarters.map((w) => [w.label, w.partial])).toEqual([
      ['2025-11-01/2026-01-31', false],
      ['2025-12-01/2026-02-28', false],
      ['2026-01-01/2026-03-31', false],
      ['2026-02-01/2026-04-30', true],
    ]);
    expect(windowKey({ rolling: { months: 3 }, every: 'month' })).toBe('rolling 3 months every month');
  });

  test('the last window ends at the first point at or after the validity end, clipped to it', () => {
    const ws = buildRollingWindows({ rolling: '7d', every: 'week' }, 'UTC', { from: '2026-01-01', to: '2026-01-14' }, Infinity);
    // Mondays 5, 12, 19 January; 19 January is the first at or after the validity end (15 January 00:00)
    expect(ws.map((w) => [w.label, iso(w.start), iso(w.end)])).toEqual([
      ['2025-12-29/2026-01-04', '2026-01-01T00:00:00.000Z', '2026-01-05T00:00:00.000Z'],
      ['2026-01-05/2026-01-11', '2026-01-05T00:00:00.000Z', '2026-01-12T00:00:00.000Z'],
      ['2026-01-12/2026-01-18', '2026-01-12T00:00:00.000Z', '2026-01-15T00:00:00.000Z'],
    ]);
  });

  test('a list of kinds: every window of each, by start, equal starts shorter first', () => {
    const ws = buildItemWindows(['quarter', 'month'], 'UTC', YEAR, Date.parse('2026-03-01T00:00:00Z'));
    // as-of 1 March 00:00: February is complete, March starts at as-of and is not reported yet
    expect(ws.map((w) => `${w.kind} ${w.label}${w.partial ? ' (partial)' : ''}`)).toEqual(['month 2026-01', 'quarter 2026-Q1 (partial)', 'month 2026-02']);
  });
});

describe('selectedPercentile', () => {
  test('equals the percentile of the sorted values (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 0, max: 1000 }),
        (xs, num) => {
          const values = Float64Array.from(xs, (x) => x / 4);
          const sorted = Float64Array.from(values).sort();
          const spec = { kind: 'percentile' as const, text: 'p', num, den: 1000 };
          expect(selectedPercentile(spec, Float64Array.from(values))).toBe(percentile(sorted, num, 1000));
        },
      ),
      { numRuns: 500 },
    );
  });
});
