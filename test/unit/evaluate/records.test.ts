import { inWords } from '../in-words.js';
import { describe, expect, test } from 'vitest';
import type { Objective } from '../../../src/agreement/model.js';
import { CellError } from '../../../src/problem.js';
import { evaluateRecords, OFFICE, recordEvaluator, windowOf, type RecordCase } from './record-harness.js';

const COSTS = `id,date,cost,status
1,2026-01-05,10,ok
2,2026-01-06,30,bad
3,2026-01-07,20,bad
4,2026-01-08,,ok
5,2026-02-01,5,ok
6,2026-03-01,99,ok`;

function jan(objective: Partial<Objective>, data = COSTS) {
  // as-of 2026-03-01 UTC: January and February are reported; March starts at as-of and is not.
  const outcomes = evaluateRecords({ objective: { measure: { value: 'cost' }, ...objective }, data: { tickets: data }, asOf: '2026-03-01' });
  expect(outcomes.map((o) => o.window.label)).toEqual(['2026-01', '2026-02']);
  return windowOf(outcomes, '2026-01');
}

describe('value measure × aggregates (January: 10, 30, 20 and one empty cell)', () => {
  test.each([
    ['count', 3],
    ['sum', 60], // 10 + 30 + 20
    ['mean', 20], // 60 / 3
    ['min', 10],
    ['max', 30],
    ['median', 20], // sorted 10, 20, 30: h = 2·0.5 = 1 -> 20
    ['p95', 29], // h = 2·0.95 = 1.9 -> 20 + 0.9·(30 − 20) = 29
  ])('%s', (aggregate, expected) => {
    const o = jan({ aggregate });
    expect(o.value).toBeCloseTo(expected, 10);
    expect(o.counts).toEqual({ records: 4, counted: 3, good: 0, open: 0, excluded: 0, skipped: 1, invalid: 0 });
  });
  test.each([
    [{ max: 20 }, 200 / 3], // 10 and 20 are ≤ 20: 2 of 3
    [{ min: 25 }, 100 / 3], // only 30 is ≥ 25: 1 of 3
    [{ where: { status: 'ok' } }, 100 / 3], // only id 1 has status ok
  ])('ratio with good %j', (good, expected) => {
    const o = jan({ aggregate: 'ratio', good: good as Objective['good'] });
    expect(o.value).toBeCloseTo(expected, 10);
    expect(o.counts.good).toBe(Math.round((expected * 3) / 100));
    expect(inWords(o).examples.length).toBe(3 - o.counts.good);
  });
  test('a window with nothing counted: no-data, except count and sum (0)', () => {
    const data = 'date,cost\n2026-02-03,7';
    expect(jan({ aggregate: 'mean' }, data).value).toBeNull();
    expect(jan({ aggregate: 'p95' }, data).value).toBeNull();
    expect(jan({ aggregate: 'count' }, data).value).toBe(0);
    expect(jan({ aggregate: 'sum' }, data).value).toBe(0);
  });
  test('a non-numeric value is a CellError naming the column', () => {
    expect(() => jan({ aggregate: 'sum' }, 'date,cost\n2026-01-03,12x')).toThrow(CellError);
    try {
      jan({ aggregate: 'sum' }, 'date,cost\n2026-01-03,12x');
    } catch (e) {
      expect((e as CellError).column).toBe('cost');
      expect((e as CellError).code).toBe('invalid-number');
    }
  });
  test('explain names the largest values of a non-ratio window, largest first', () => {
    // January values by line: 2 -> 10, 3 -> 30, 4 -> 20, 5 -> 5; max = 30; the three largest: 30, 20, 10
    const out = evaluateRecords({ objective: { measure: { value: 'cost' }, aggregate: 'max' }, data: { tickets: 'date,cost\n2026-01-05,10\n2026-01-06,30\n2026-01-07,20\n2026-01-08,5' }, asOf: '2026-03-01' });
    const jan = windowOf(out, '2026-01');
    expect(jan.value).toBe(30);
    expect(inWords(jan).examples).toEqual(['largest: line 3: 30', 'largest: line 4: 20', 'largest: line 2: 10']);
  });
  test('a bad timestamp is a CellError', () => {
    expect(() => jan({ aggregate: 'sum' }, 'date,cost\n2026-02-30,1')).toThrow(/"2026-02-30" is not a real date and time/);
  });
  test('records after as-of are ignored; the time column places them', () => {
    const data = 'time,cost\n2026-01-31T23:59:59Z,1\n2026-02-01T00:00:00Z,2\n2026-03-01T00:00:01Z,4';
    const out = evaluateRecords({ objective: { measure: { value: 'cost' }, aggregate: 'sum' }, data: { tickets: data }, asOf: '2026-03-01T00:00:00Z' });
    expect(out.map((o) => o.value)).toEqual([1, 2]); // half-open windows: midnight belongs to February
  });
});

describe('count measure', () => {
  test('ratio with good.where picks the good records', () => {
    const o = jan({ measure: 'count', aggregate: 'ratio', good: { where: { status: ['ok', 'fine'] } } });
    // January: ids 1-4, statuses ok, bad, bad, ok -> 2 of 4 = 50
    expect(o.value).toBe(50);
    expect(o.counts).toMatchObject({ records: 4, counted: 4, good: 2 });
    expect(inWords(o).computation[0]).toBe('ratio: 2 of 4 matching status in [ok, fine]');
  });
  test('where filters before counting', () => {
    expect(jan({ measure: 'count', where: { status: 'bad' } }).value).toBe(2);
  });
});

/** The single value of a one-record duration in `zone` on `calendar`. */
function duration(from: string, to: string, zone: string, calendar: string, calendars?: RecordCase['calendars']): number | null {
  const out = evaluateRecords({
    objective: { measure: { duration: { from: 'opened_at', to: 'resolved_at', calendar } }, aggregate: 'max', window: 'validity' },
    data: { tickets: `opened_at,resolved_at\n${from},${to}` },
    asOf: '2027-01-01',
    zone,
    ...(calendars ? { calendars } : {}),
  });
  return out[0]!.value;
}

describe('durations on calendars', () => {
  // Fri 17:00-18:00 = 1h, weekend nothing, Mon 08:00-09:00 = 1h -> 7200 s
  test('across a weekend on an office calendar', () => expect(duration('2026-02-27T17:00', '2026-03-02T09:00', 'Europe/Berlin', 'office')).toBe(7200));
  // Thu 2 Apr 17:00-18:00 = 1h, Fri 3 Apr holiday, weekend, Mon 6 Apr 08:00-09:00 = 1h -> 7200 s (12 h without the holiday)
  test('a holiday', () => {
    const cal = { office: { ...OFFICE, holidays: ['2026-04-03'] } };
    expect(duration('2026-04-02T17:00', '2026-04-06T09:00', 'Europe/Berlin', 'office', cal)).toBe(7200);
    expect(duration('2026-04-02T17:00', '2026-04-06T09:00', 'Europe/Berlin', 'office')).toBe(12 * 3600);
  });
  // Berlin 29 Mar 2026 springs forward: local midnight to midnight is 23 h; 25 Oct falls back: 25 h
  test('DST days in Europe/Berlin on 24x7', () => {
    expect(duration('2026-03-29T00:00', '2026-03-30T00:00', 'Europe/Berlin', '24x7')).toBe(23 * 3600);
    expect(duration('2026-10-25T00:00', '2026-10-26T00:00', 'Europe/Berlin', '24x7')).toBe(25 * 3600);
  });
  // A daily 08:00-18:00 calendar is still 10 h on the DST Sunday: Sat 12-18 = 6h + Sun 08-12 = 4h
  test('DST day on a 7-day office calendar', () => {
    const cal = { daily: { hours: { 'mon-sun': '08:00-18:00' } } };
    expect(duration('2026-03-28T12:00', '2026-03-29T12:00', 'Europe/Berlin', 'daily', cal)).toBe(10 * 3600);
  });
  // New York: 8 Mar 2026 springs forward (23 h), 1 Nov 2026 falls back (25 h)
  test('DST days in America/New_York', () => {
    expect(duration('2026-03-08', '2026-03-09', 'America/New_York', '24x7')).toBe(23 * 3600);
    expect(duration('2026-11-01', '2026-11-02', 'America/New_York', '24x7')).toBe(25 * 3600);
  });
  test('explicit offsets are honoured whatever the zone', () => {
    // 09:00+01:00 = 08:00Z to 10:00Z: 2 h
    expect(duration('2026-02-02T09:00+01:00', '2026-02-02T10:00:00Z', 'UTC', '24x7')).toBe(7200);
  });
  test('the service hours are the default calendar', () => {
    const out = evaluateRecords({
      objective: { measure: { duration: { from: 'a', to: 'b' } }, aggregate: 'max', window: 'validity', service: 'desk' },
      services: { desk: { hours: 'office' } },
      data: { tickets: 'a,b\n2026-02-27T17:00,2026-03-02T09:00' },
      asOf: '2027-01-01',
    });
    expect(out[0]!.value).toBe(7200); // office: 1h Fri + 1h Mon
    expect(inWords(out[0]!).computation[0]).toBe('max of 1 duration on calendar office: 2h');
  });
});

describe('open durations (SPEC 3.4)', () => {
  const tickets = `id,opened_at,resolved_at
A,2026-02-26T09:00,
B,2026-03-10T09:00,
C,2026-02-02T09:00,2026-02-02T10:00
D,2026-03-09T09:00,2026-03-10T11:00
E,2026-03-10T08:00,2026-03-10T13:00
F,2026-03-10T12:30,`;
  const run = (objective: Partial<Objective> = {}) =>
    evaluateRecords({
      objective: { measure: { duration: { from: 'opened_at', to: 'resolved_at', calendar: 'office' } }, aggregate: 'ratio', good: { within: '4h' }, ...objective },
      data: { tickets },
      asOf: '2026-03-10T12:00',
      zone: 'Europe/Berlin',
    });

  test('a breached open ticket counts bad at its breach instant; others are open in the last window', () => {
    const out = run();
    expect(out.map((o) => o.window.label)).toEqual(['2026-01', '2026-02', '2026-03']);
    // Feb: C good (1h), A open since Thu 26 Feb 09:00, 4h reached at 13:00 -> counted bad. 1 of 2 = 50%
    const feb = windowOf(out, '2026-02');
    expect(feb.value).toBe(50);
    expect(feb.counts).toEqual({ records: 2, counted: 2, good: 1, open: 0, excluded: 0, skipped: 0, invalid: 0 });
    expect(inWords(feb).examples[0]).toBe('id A (line 2): open since 2026-02-26 09:00 +01:00, breached 4h target at 2026-02-26 13:00 +01:00');
    // Mar: D closed bad (Mon 9-18 = 9h + Tue 8-11 = 3h = 12h); B open 3h; E resolved after as-of so
    // open, 08:00-12:00 = 4h elapsed, which does not exceed 4h; F opened after as-of is ignored.
    const mar = windowOf(out, '2026-03');
    expect(mar.window.partial).toBe(true);
    expect(mar.counts).toEqual({ records: 3, counted: 1, good: 0, open: 2, excluded: 0, skipped: 0, invalid: 0 });
    expect(mar.value).toBe(0);
    expect(windowOf(out, '2026-01').value).toBeNull();
  });
  test('for other aggregates open tickets are never counted', () => {
    const mar = windowOf(run({ aggregate: 'max', good: undefined }), '2026-03');
    // A (breached) is reported open in the last window too: A, B, E open; D counted (12 h)
    expect(mar.counts).toEqual({ records: 4, counted: 1, good: 0, open: 3, excluded: 0, skipped: 0, invalid: 0 });
    expect(mar.value).toBe(12 * 3600);
  });
  test('with an explicit time column the open ticket is placed by it', () => {
    const t = 'id,opened_at,resolved_at\nA2,2026-01-30T16:00,';
    const base = { measure: { duration: { from: 'opened_at', to: 'resolved_at', calendar: 'office' } }, aggregate: 'ratio', good: { within: '4h' } } as const;
    const run2 = (time?: string) =>
      evaluateRecords({ objective: { ...base, ...(time ? { time } : {}) }, data: { tickets: t }, asOf: '2026-03-10T12:00', zone: 'Europe/Berlin' });
    // Fri 30 Jan 16-18 = 2h, Mon 2 Feb 08-10 = 2h: breach instant Mon 2 Feb 10:00 -> February
    expect(windowOf(run2(), '2026-02').counts.counted).toBe(1);
    expect(windowOf(run2(), '2026-01').counts.counted).toBe(0);
    // time: opened_at places it in January
    expect(windowOf(run2('opened_at'), '2026-01').counts).toMatchObject({ counted: 1, good: 0 });
  });
  test('a record whose explicit time is after as-of is ignored, open or closed (SPEC 5)', () => {
    // Both tickets opened Mon 2 March 08:00 (UTC), 1h limit. `reported_at` (the time column) is 4 March,
    // after as-of 3 March 06:00: neither has "happened" yet, so nothing is placed anywhere.
    // Without the rule the open one (elapsed 10h + 0h by Tue 06:00 > 1h) would count bad in March.
    const t = 'id,opened_at,resolved_at,reported_at\nO,2026-03-02T08:00,,2026-03-04T09:00\nC,2026-03-02T08:00,2026-03-02T08:30,2026-03-04T09:00';
    const objective = { measure: { duration: { from: 'opened_at', to: 'resolved_at', calendar: 'office' } }, aggregate: 'ratio', good: { within: '1h' }, time: 'reported_at' } as const;
    const mar = windowOf(evaluateRecords({ objective, data: { tickets: t }, asOf: '2026-03-03T06:00' }), '2026-03');
    expect(mar.counts).toEqual({ records: 0, counted: 0, good: 0, open: 0, excluded: 0, skipped: 0, invalid: 0 });
    expect(mar.value).toBeNull();
  });
});

describe('bind', () => {
  test('reports missing columns, and a missing default time column', () => {
    const objective = { measure: { value: 'cost' }, aggregate: 'sum', where: { prio: 'P1' } } as const;
    const [need] = recordEvaluator({ objective, data: { tickets: '' }, asOf: '2026-03-01' }).needs();
    expect(need!.phase).toBe(1);
    expect(need!.sink.bind(['x', 'y'])).toEqual(['prio', 'cost', 'timestamp (or time, date; or set `time:` on the objective)']);
  });
  test('duration and pause columns, and the default join column id', () => {
    const objective: Partial<Objective> & Pick<Objective, 'measure'> = {
      measure: { duration: { from: 'opened_at', to: 'resolved_at' } },
      aggregate: 'p95',
      pause: [
        { column: 'waiting', unit: 'm', party: 'company-x' },
        { source: 'status', key: 'k', at: 'at', status: 's', values: ['W'], party: 'company-x' },
      ],
    };
    const needs = recordEvaluator({ objective, data: { tickets: '', status: '' }, asOf: '2026-03-01' }).needs();
    expect(needs.map((n) => [n.dataSet.key, n.phase])).toEqual([
      ['desk/status', 0],
      ['desk/tickets', 1],
    ]);
    expect(needs[1]!.sink.bind(['opened_at'])).toEqual(['resolved_at', 'id', 'waiting']);
    expect(needs[0]!.sink.bind(['k', 'at'])).toEqual(['s']);
  });
});
