import { describe, expect, test } from 'vitest';
import { compileCalendar } from '../../../src/time/calendar.js';
import { occurrences, parseClock } from '../../../src/time/schedule.js';
import type { Occurrence } from '../../../src/time/types.js';

const at = (text: string) => Date.parse(text);
const iso = (ms: number) => new Date(ms).toISOString();
const show = (o: Occurrence) => [o.date, iso(o.due), iso(o.slotStart), iso(o.slotEnd)];
const office = compileCalendar('office', { hours: { 'mon-fri': '08:00-18:00' }, holidays: ['2026-03-31'] }, 'Europe/Berlin');

test.each([
  ['10:00', 600], ['00:00', 0], ['23:59', 1439],
  ['24:00', null], ['9:00', null], ['10:60', null], ['10:00:00', null], [' 10:00', null], ['', null],
])('parseClock(%j) = %j', (text, minutes) => expect(parseClock(text)).toBe(minutes));

describe('occurrences', () => {
  test('every day across the spring DST change (Berlin)', () => {
    const os = occurrences({ every: 'day', by: '10:00' }, null, 'Europe/Berlin', at('2026-03-28T00:00Z'), at('2026-03-30T09:00Z'));
    expect(os.map(show)).toEqual([
      // 10:00 CET = 09:00Z; slot is the local day 00:00 CET (23:00Z) .. 00:00 CET
      ['2026-03-28', '2026-03-28T09:00:00.000Z', '2026-03-27T23:00:00.000Z', '2026-03-28T23:00:00.000Z'],
      // 10:00 CEST = 08:00Z; the day is 23 h: 23:00Z .. 22:00Z
      ['2026-03-29', '2026-03-29T08:00:00.000Z', '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z'],
      ['2026-03-30', '2026-03-30T08:00:00.000Z', '2026-03-29T22:00:00.000Z', '2026-03-30T22:00:00.000Z'],
    ]);
  });

  test('the range is half-open on the due instant', () => {
    const s = { every: 'day', by: '10:00' } as const;
    // due 28 March 09:00Z is included at fromMs and excluded at toMs
    expect(occurrences(s, null, 'Europe/Berlin', at('2026-03-28T09:00Z'), at('2026-03-29T08:00Z')).map((o) => o.date)).toEqual(['2026-03-28']);
    expect(occurrences(s, null, 'Europe/Berlin', at('2026-03-28T09:00:00.001Z'), at('2026-03-29T08:00:00.001Z')).map((o) => o.date)).toEqual(['2026-03-29']);
    expect(occurrences(s, null, 'Europe/Berlin', 5, 5)).toEqual([]);
  });

  test('workdays skip the weekend and holidays', () => {
    // Thu 26 .. Wed 1 April; Sat 28, Sun 29 are weekend; Tue 31 is a holiday
    const os = occurrences({ every: 'workday', by: '10:00', calendar: 'office' }, office, 'UTC', at('2026-03-26T00:00Z'), at('2026-04-02T00:00Z'));
    expect(os.map((o) => o.date)).toEqual(['2026-03-26', '2026-03-27', '2026-03-30', '2026-04-01']);
    // the calendar's timezone (Berlin) decides, not the agreement zone (UTC): 10:00 CEST = 08:00Z
    expect(iso(os[2]!.due)).toBe('2026-03-30T08:00:00.000Z');
    expect(() => occurrences({ every: 'workday', by: '10:00' }, null, 'UTC', 0, 1)).toThrow(/calendar/);
  });

  test('weekly on Friday: the slot is the ISO week', () => {
    const os = occurrences({ every: 'week', by: '12:00', on: 'fri' }, null, 'UTC', at('2026-03-01T00:00Z'), at('2026-03-21T00:00Z'));
    expect(os.map(show)).toEqual([
      ['2026-03-06', '2026-03-06T12:00:00.000Z', '2026-03-02T00:00:00.000Z', '2026-03-09T00:00:00.000Z'],
      ['2026-03-13', '2026-03-13T12:00:00.000Z', '2026-03-09T00:00:00.000Z', '2026-03-16T00:00:00.000Z'],
      ['2026-03-20', '2026-03-20T12:00:00.000Z', '2026-03-16T00:00:00.000Z', '2026-03-23T00:00:00.000Z'],
    ]);
    // default on: mon
    const mondays = occurrences({ every: 'week', by: '09:00' }, null, 'UTC', at('2026-03-01T00:00Z'), at('2026-03-15T00:00Z'));
    expect(mondays.map((o) => o.date)).toEqual(['2026-03-02', '2026-03-09']);
    expect(iso(mondays[0]!.slotStart)).toBe('2026-03-02T00:00:00.000Z');
  });

  test('monthly on the 15th (and by default on the 1st): the slot is the month', () => {
    const os = occurrences({ every: 'month', by: '09:00', on: 15 }, null, 'Europe/Berlin', at('2026-01-01T00:00Z'), at('2026-04-01T00:00Z'));
    expect(os.map(show)).toEqual([
      ['2026-01-15', '2026-01-15T08:00:00.000Z', '2025-12-31T23:00:00.000Z', '2026-01-31T23:00:00.000Z'],
      ['2026-02-15', '2026-02-15T08:00:00.000Z', '2026-01-31T23:00:00.000Z', '2026-02-28T23:00:00.000Z'],
      ['2026-03-15', '2026-03-15T08:00:00.000Z', '2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z'],
    ]);
    const firsts = occurrences({ every: 'month', by: '09:00' }, null, 'UTC', at('2026-11-15T00:00Z'), at('2027-01-15T00:00Z'));
    expect(firsts.map(show)).toEqual([
      ['2026-12-01', '2026-12-01T09:00:00.000Z', '2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
      ['2027-01-01', '2027-01-01T09:00:00.000Z', '2027-01-01T00:00:00.000Z', '2027-02-01T00:00:00.000Z'],
    ]);
  });

  test('a due time in a DST gap moves forward (New York, 8 March 02:30)', () => {
    // 02:30 does not exist; read with EST (-5): 07:30Z = 03:30 EDT
    const os = occurrences({ every: 'day', by: '02:30' }, null, 'America/New_York', at('2026-03-08T00:00Z'), at('2026-03-09T00:00Z'));
    expect(os.map((o) => iso(o.due))).toEqual(['2026-03-08T07:30:00.000Z']);
  });
});
