/** SPEC 9.5, 9.7: maintenance occurrences are built in local time, like working intervals. */
import { describe, expect, test } from 'vitest';
import { maintenanceOccurrences } from '../../../src/time/maintenance.js';

const weekly = (on: number, intervals: Array<[number, number]>, zone = 'Europe/Berlin') => ({ recurring: { every: 'week' as const, on, intervals }, oneOff: null, zone });
const spans = (o: { start: number; end: number; date: string }[]) => o.map((x) => [x.date, new Date(x.start).toISOString(), (x.end - x.start) / 3_600_000]);

describe('maintenanceOccurrences', () => {
  test('Sunday 02:00–04:00 in Berlin: 1 hour on the spring-forward night, 3 hours on the fall-back night', () => {
    const sun = weekly(6, [[120, 240]]);
    // 29 March 2026: 02:00 CET does not exist; it moves forward to 03:00 CEST (01:00Z): 03:00–04:00, 1 h
    expect(spans(maintenanceOccurrences(sun, Date.parse('2026-03-27T00:00Z'), Date.parse('2026-04-02T00:00Z')))).toEqual([['2026-03-29', '2026-03-29T01:00:00.000Z', 1]]);
    // 25 October 2026: 02:00 happens twice; the earlier (CEST, 00:00Z) starts it, 04:00 CET (03:00Z) ends it: 3 h
    expect(spans(maintenanceOccurrences(sun, Date.parse('2026-10-23T00:00Z'), Date.parse('2026-10-27T00:00Z')))).toEqual([['2026-10-25', '2026-10-25T00:00:00.000Z', 3]]);
  });

  test('monthly on a day some months lack; a one-off local span; only occurrences overlapping the range', () => {
    const monthly = { recurring: { every: 'month' as const, on: 31, intervals: [[1320, 1440]] as Array<[number, number]> }, oneOff: null, zone: 'UTC' };
    // January and March have a 31st; February does not
    expect(spans(maintenanceOccurrences(monthly, Date.parse('2026-01-01T00:00Z'), Date.parse('2026-04-01T00:00Z')))).toEqual([
      ['2026-01-31', '2026-01-31T22:00:00.000Z', 2],
      ['2026-03-31', '2026-03-31T22:00:00.000Z', 2],
    ]);
    const oneOff = { recurring: null, oneOff: { from: '2026-06-13T22:00', to: '2026-06-14T06:00' }, zone: 'Europe/Berlin' };
    expect(spans(maintenanceOccurrences(oneOff, Date.parse('2026-06-01T00:00Z'), Date.parse('2026-07-01T00:00Z')))).toEqual([['2026-06-13', '2026-06-13T20:00:00.000Z', 8]]);
    expect(maintenanceOccurrences(oneOff, Date.parse('2026-07-01T00:00Z'), Date.parse('2026-08-01T00:00Z'))).toEqual([]);
  });
});
