import { describe, expect, test } from 'vitest';
import { buildWindows, WindowIndex, windowOverlapEnough } from '../../../src/time/windows.js';

const findWindow = (windows: ConstructorParameters<typeof WindowIndex>[0], ms: number) => new WindowIndex(windows).find(ms);
import type { TimeWindow } from '../../../src/time/types.js';

const at = (text: string) => Date.parse(text);
const iso = (ms: number) => new Date(ms).toISOString();
const year2026 = { from: '2026-01-01', to: '2026-12-31' };
const FAR = at('2030-01-01T00:00Z');
const show = (w: TimeWindow) => [w.label, iso(w.start), iso(w.end), w.partial];

describe('buildWindows in Europe/Berlin', () => {
  test('months: local midnights, DST-aware', () => {
    const ws = buildWindows('month', 'Europe/Berlin', year2026, FAR);
    expect(ws).toHaveLength(12);
    expect(ws.map((w) => w.label)).toEqual(
      ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2026-${m}`));
    // SPEC 8 example: March runs from 1 March 00:00 CET (23:00Z) to 1 April 00:00 CEST (22:00Z)
    expect(show(ws[2]!)).toEqual(['2026-03', '2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z', false]);
    // validity.to is inclusive: the last window ends at 1 January 2027 00:00 CET
    expect(iso(ws[11]!.end)).toBe('2026-12-31T23:00:00.000Z');
    expect(ws.every((w) => w.kind === 'month')).toBe(true);
    for (let i = 1; i < ws.length; i++) expect(ws[i]!.start).toBe(ws[i - 1]!.end);
  });

  test('quarters and year', () => {
    const qs = buildWindows('quarter', 'Europe/Berlin', year2026, FAR);
    expect(qs.map((w) => w.label)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(iso(qs[1]!.start)).toBe('2026-03-31T22:00:00.000Z'); // 1 April 00:00 CEST
    expect(iso(qs[3]!.start)).toBe('2026-09-30T22:00:00.000Z'); // 1 October 00:00 CEST
    const ys = buildWindows('year', 'Europe/Berlin', year2026, FAR);
    expect(ys.map(show)).toEqual([['2026', '2025-12-31T23:00:00.000Z', '2026-12-31T23:00:00.000Z', false]]);
  });

  test('quarters clipped on both ends keep their labels', () => {
    const qs = buildWindows('quarter', 'UTC', { from: '2026-02-15', to: '2026-08-10' }, FAR);
    expect(qs.map(show)).toEqual([
      ['2026-Q1', '2026-02-15T00:00:00.000Z', '2026-04-01T00:00:00.000Z', false],
      ['2026-Q2', '2026-04-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z', false],
      ['2026-Q3', '2026-07-01T00:00:00.000Z', '2026-08-11T00:00:00.000Z', false], // to 10 Aug inclusive
    ]);
  });

  test('ISO weeks: 2026 starts on a Thursday and has 53 weeks', () => {
    const ws = buildWindows('week', 'Europe/Berlin', year2026, FAR);
    expect(ws).toHaveLength(53);
    // W01 is 29 Dec 2025 .. 4 Jan 2026, clipped to 1 January 00:00 CET
    expect(show(ws[0]!)).toEqual(['2026-W01', '2025-12-31T23:00:00.000Z', '2026-01-04T23:00:00.000Z', false]);
    expect(ws[10]!.label).toBe('2026-W11'); // 9..15 March
    expect(iso(ws[10]!.start)).toBe('2026-03-08T23:00:00.000Z');
    // W13 (23..29 March) ends Mon 30 March 00:00 CEST: 7 days minus the DST hour
    expect(ws[12]!.end - ws[12]!.start).toBe((7 * 24 - 1) * 3600_000);
    // 2027-01-01 (a Friday) is in 2026-W53 (28 Dec 2026 .. 3 Jan 2027), clipped to the end of validity
    expect(show(ws[52]!)).toEqual(['2026-W53', '2026-12-27T23:00:00.000Z', '2026-12-31T23:00:00.000Z', false]);
  });

  test('ISO week labels use the week-year at year ends', () => {
    // 30 Dec 2024 (Mon) .. 5 Jan 2025 is 2025-W01; 28 Dec 2024 is a Saturday in 2024-W52
    const ws = buildWindows('week', 'UTC', { from: '2024-12-28', to: '2025-01-06' }, FAR);
    expect(ws.map(show)).toEqual([
      ['2024-W52', '2024-12-28T00:00:00.000Z', '2024-12-30T00:00:00.000Z', false],
      ['2025-W01', '2024-12-30T00:00:00.000Z', '2025-01-06T00:00:00.000Z', false],
      ['2025-W02', '2025-01-06T00:00:00.000Z', '2025-01-07T00:00:00.000Z', false],
    ]);
    // 1 January 2021 (Friday) belongs to 2020-W53
    expect(buildWindows('week', 'UTC', { from: '2021-01-01', to: '2021-01-01' }, FAR)[0]!.label).toBe('2020-W53');
  });

  test('days: 29 March is 23 h long, 25 October 25 h', () => {
    const ws = buildWindows('day', 'Europe/Berlin', { from: '2026-03-28', to: '2026-03-30' }, FAR);
    expect(ws.map((w) => w.label)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    expect(ws.map((w) => (w.end - w.start) / 3600_000)).toEqual([24, 23, 24]);
    const oct = buildWindows('day', 'Europe/Berlin', { from: '2026-10-25', to: '2026-10-25' }, FAR);
    expect((oct[0]!.end - oct[0]!.start) / 3600_000).toBe(25);
  });

  test('as-of: the window containing it is partial, later ones are dropped', () => {
    const ws = buildWindows('month', 'Europe/Berlin', year2026, at('2026-03-15T12:00Z'));
    expect(ws.map((w) => [w.label, w.partial])).toEqual([['2026-01', false], ['2026-02', false], ['2026-03', true]]);
    expect(iso(ws[2]!.end)).toBe('2026-03-31T22:00:00.000Z'); // the natural end, not as-of
    // as-of exactly at the start of April: April starts at as-of and is dropped; March is complete
    const april = buildWindows('month', 'Europe/Berlin', year2026, at('2026-03-31T22:00Z'));
    expect(april.map((w) => [w.label, w.partial])).toEqual([['2026-01', false], ['2026-02', false], ['2026-03', false]]);
    // as-of before validity: nothing to report
    expect(buildWindows('month', 'Europe/Berlin', year2026, at('2025-06-01T00:00Z'))).toEqual([]);
  });

  test('validity window', () => {
    const ws = buildWindows('validity', 'Europe/Berlin', { from: '2026-03-01', to: '2026-03-31' }, at('2026-03-10T00:00Z'));
    expect(ws.map(show)).toEqual([['validity', '2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z', true]]);
    expect(ws[0]!.kind).toBe('validity');
    expect(buildWindows('validity', 'UTC', year2026, at('2026-01-01T00:00Z'))).toEqual([]);
  });
});

describe('WindowIndex.find', () => {
  const ws = buildWindows('month', 'UTC', { from: '2026-01-15', to: '2026-03-31' }, FAR);
  test.each([
    ['2026-01-15T00:00Z', 0], // clipped start
    ['2026-01-14T23:59:59.999Z', -1],
    ['2026-01-31T23:59:59.999Z', 0],
    ['2026-02-01T00:00Z', 1], // half-open: the boundary belongs to the later window
    ['2026-03-31T23:59Z', 2],
    ['2026-04-01T00:00Z', -1],
  ])('%s -> %d', (text, index) => expect(findWindow(ws, at(text))).toBe(index));
  test('empty list', () => expect(findWindow([], 0)).toBe(-1));
});

describe('windowOverlapEnough (SPEC 5)', () => {
  const month = (zone: string, m: string) => buildWindows('month', zone, { from: `2026-${m}-01`, to: `2026-${m}-28` }, FAR)[0]!;
  const nyMonth = (m: number) => buildWindows('month', 'America/New_York', year2026, FAR)[m - 1]!;
  const beMonth = (m: number) => buildWindows('month', 'Europe/Berlin', year2026, FAR)[m - 1]!;
  test('a New York month does not explain the Berlin month it touches for six hours', () => {
    // NY February ends 1 March 00:00 EST = 05:00Z; Berlin March starts 28 Feb 23:00Z: 6 h overlap
    expect(nyMonth(2).end - beMonth(3).start).toBe(6 * 3600_000);
    expect(windowOverlapEnough(nyMonth(2), beMonth(3))).toBe(false);
    expect(windowOverlapEnough(nyMonth(3), beMonth(3))).toBe(true);
    expect(windowOverlapEnough(beMonth(3), nyMonth(3))).toBe(true);
    expect(month('UTC', '03').label).toBe('2026-03');
  });
  test('exactly half of the shorter one is enough', () => {
    // a is 10 long; [5, 20) overlaps it by 5 = half; [6, 20) by 4
    expect(windowOverlapEnough({ start: 0, end: 10 }, { start: 5, end: 20 })).toBe(true);
    expect(windowOverlapEnough({ start: 0, end: 10 }, { start: 6, end: 20 })).toBe(false);
    // a day inside a month: the day is the shorter, fully covered
    expect(windowOverlapEnough({ start: 0, end: 31 }, { start: 3, end: 4 })).toBe(true);
    // touching only
    expect(windowOverlapEnough({ start: 0, end: 10 }, { start: 10, end: 20 })).toBe(false);
  });
});
