import { describe, expect, test } from 'vitest';
import { compileCalendar } from '../../../src/time/calendar.js';
import { occurrences, parseClock, scheduleAround } from '../../../src/time/schedule.js';
import type { Occurrence } from '../../../src/time/types.js';

const at = (text: string) => Date.parse(text);
const iso = (ms: number) => new Date(ms).toISOString();
// SPEC 4 v1.1: occurrences no longer have slots (v1 gave each its local day, ISO week or month)
const show = (o: Occurrence) => [o.date, iso(o.due)];
const office = compileCalendar('office', { hours: { 'mon-fri': '08:00-18:00' }, holidays: ['2026-03-31'] }, 'Europe/Berlin');

test.each([
  ['10:00', 600], ['00:00', 0], ['23:59', 1439],
  ['24:00', null], ['9:00', null], ['10:60', null], ['10:00:00', null], [' 10:00', null], ['', null],
])('parseClock(%j) = %j', (text, minutes) => expect(parseClock(text)).toBe(minutes));

describe('occurrences', () => {
  test('every day across the spring DST change (Berlin)', () => {
    const os = occurrences({ every: 'day', by: '10:00' }, null, 'Europe/Berlin', at('2026-03-28T00:00Z'), at('2026-03-30T09:00Z'));
    expect(os.map(show)).toEqual([
      // 10:00 CET = 09:00Z
      ['2026-03-28', '2026-03-28T09:00:00.000Z'],
      // 10:00 CEST = 08:00Z
      ['2026-03-29', '2026-03-29T08:00:00.000Z'],
      ['2026-03-30', '2026-03-30T08:00:00.000Z'],
    ]);
    expect(os.map((o) => o.scheduled)).toEqual([['2026-03-28'], ['2026-03-29'], ['2026-03-30']]);
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

  test('weekly on Friday, and by default on Monday', () => {
    const os = occurrences({ every: 'week', by: '12:00', on: 'fri' }, null, 'UTC', at('2026-03-01T00:00Z'), at('2026-03-21T00:00Z'));
    expect(os.map(show)).toEqual([
      ['2026-03-06', '2026-03-06T12:00:00.000Z'],
      ['2026-03-13', '2026-03-13T12:00:00.000Z'],
      ['2026-03-20', '2026-03-20T12:00:00.000Z'],
    ]);
    const mondays = occurrences({ every: 'week', by: '09:00' }, null, 'UTC', at('2026-03-01T00:00Z'), at('2026-03-15T00:00Z'));
    expect(mondays.map((o) => o.date)).toEqual(['2026-03-02', '2026-03-09']);
  });

  test('monthly on the 15th, and by default on the 1st', () => {
    const os = occurrences({ every: 'month', by: '09:00', on: 15 }, null, 'Europe/Berlin', at('2026-01-01T00:00Z'), at('2026-04-01T00:00Z'));
    expect(os.map(show)).toEqual([
      ['2026-01-15', '2026-01-15T08:00:00.000Z'],
      ['2026-02-15', '2026-02-15T08:00:00.000Z'],
      ['2026-03-15', '2026-03-15T08:00:00.000Z'],
    ]);
    const firsts = occurrences({ every: 'month', by: '09:00' }, null, 'UTC', at('2026-11-15T00:00Z'), at('2027-01-15T00:00Z'));
    expect(firsts.map(show)).toEqual([
      ['2026-12-01', '2026-12-01T09:00:00.000Z'],
      ['2027-01-01', '2027-01-01T09:00:00.000Z'],
    ]);
  });

  test('a due time in a DST gap moves forward (New York, 8 March 02:30)', () => {
    // 02:30 does not exist; read with EST (-5): 07:30Z = 03:30 EDT
    const os = occurrences({ every: 'day', by: '02:30' }, null, 'America/New_York', at('2026-03-08T00:00Z'), at('2026-03-09T00:00Z'));
    expect(os.map((o) => iso(o.due))).toEqual(['2026-03-08T07:30:00.000Z']);
  });
});

describe('roll (SPEC 9.5, 9.7)', () => {
  // Berlin office with Good Friday (3 April 2026) and Easter Monday (6 April) off
  const easter = compileCalendar('office', { hours: { 'mon-fri': '08:00-18:00' }, holidays: ['2026-04-03', '2026-04-06'] }, 'Europe/Berlin');

  test('next-workday: a Monday report due on Easter Monday is due on Tuesday', () => {
    const s = { every: 'week', on: 'mon', by: '10:00', calendar: 'office', roll: 'next-workday' } as const;
    const os = occurrences(s, easter, 'UTC', at('2026-03-30T00:00Z'), at('2026-04-14T00:00Z'));
    // Mon 30 Mar 10:00 CEST = 08:00Z; Mon 6 Apr is a holiday → Tue 7 Apr 10:00 CEST; Mon 13 Apr
    expect(os.map(show)).toEqual([
      ['2026-03-30', '2026-03-30T08:00:00.000Z'],
      ['2026-04-07', '2026-04-07T08:00:00.000Z'],
      ['2026-04-13', '2026-04-13T08:00:00.000Z'],
    ]);
    expect(os[1]!.scheduled).toEqual(['2026-04-06']);
  });

  test('next-workday: the days that roll onto the same day become one occurrence', () => {
    const s = { every: 'day', by: '10:00', calendar: 'office', roll: 'next-workday' } as const;
    const os = occurrences(s, easter, 'UTC', at('2026-04-02T00:00Z'), at('2026-04-09T00:00Z'));
    // Fri 3 (holiday), Sat 4, Sun 5, Mon 6 (holiday) all roll to Tue 7, which is due itself:
    // one occurrence for five due dates
    expect(os.map((o) => [o.date, o.scheduled])).toEqual([
      ['2026-04-02', ['2026-04-02']],
      ['2026-04-07', ['2026-04-03', '2026-04-04', '2026-04-05', '2026-04-06', '2026-04-07']],
      ['2026-04-08', ['2026-04-08']],
    ]);
    // a range that starts on Saturday: the group is whole although its first due date is before it
    const fromSaturday = occurrences(s, easter, 'UTC', at('2026-04-04T00:00Z'), at('2026-04-08T00:00Z'));
    expect(fromSaturday.map((o) => o.scheduled)).toEqual([['2026-04-03', '2026-04-04', '2026-04-05', '2026-04-06', '2026-04-07']]);
  });

  test('previous-workday: the 5th of April 2026 (Easter Sunday) rolls over Good Friday to Thursday', () => {
    const s = { every: 'month', on: 5, by: '12:00', calendar: 'office', roll: 'previous-workday' } as const;
    const os = occurrences(s, easter, 'UTC', at('2026-03-01T00:00Z'), at('2026-06-01T00:00Z'));
    // Thu 5 Mar 12:00 CET = 11:00Z; Sun 5 Apr → Sat 4 (weekend) → Fri 3 (holiday) → Thu 2 Apr 12:00 CEST = 10:00Z; Tue 5 May
    expect(os.map(show)).toEqual([
      ['2026-03-05', '2026-03-05T11:00:00.000Z'],
      ['2026-04-02', '2026-04-02T10:00:00.000Z'],
      ['2026-05-05', '2026-05-05T10:00:00.000Z'],
    ]);
    expect(os.map((o) => o.scheduled)).toEqual([['2026-03-05'], ['2026-04-05'], ['2026-05-05']]);
  });

  test('a rolled due outside the range moves its occurrence out of it', () => {
    const s = { every: 'month', on: 5, by: '12:00', calendar: 'office', roll: 'previous-workday' } as const;
    // the range starts on Fri 3 April: April's occurrence, rolled to Thu 2 April, is before it
    const span = scheduleAround(s, easter, 'UTC', at('2026-04-03T00:00Z'), at('2026-04-30T00:00Z'));
    expect(span.occurrences).toEqual([]);
    expect(span.before?.date).toBe('2026-04-02');
    expect(span.after?.date).toBe('2026-05-05');
  });

  test('needs a calendar', () => {
    expect(() => occurrences({ every: 'day', by: '10:00', roll: 'next-workday' }, null, 'UTC', 0, 1)).toThrow(/roll: next-workday needs a calendar/);
  });
});

describe('scheduleAround: the neighbouring occurrences (SPEC 9.7)', () => {
  test("for workday, Monday's previous due is Friday's", () => {
    // Mon 30 March only; Tue 31 March is a holiday of `office`, so the next due is Wed 1 April
    const span = scheduleAround({ every: 'workday', by: '10:00', calendar: 'office' }, office, 'UTC', at('2026-03-30T00:00Z'), at('2026-03-30T12:00Z'));
    expect(span.occurrences.map(show)).toEqual([['2026-03-30', '2026-03-30T08:00:00.000Z']]);
    expect(span.before && show(span.before)).toEqual(['2026-03-27', '2026-03-27T09:00:00.000Z']); // Fri 10:00 CET
    expect(span.after && show(span.after)).toEqual(['2026-04-01', '2026-04-01T08:00:00.000Z']);
  });

  test('one period before and after for week and month; the range is half-open on the due instant', () => {
    const weekly = scheduleAround({ every: 'week', by: '10:00' }, null, 'UTC', at('2026-03-02T10:00Z'), at('2026-03-16T10:00Z'));
    expect(weekly.occurrences.map((o) => o.date)).toEqual(['2026-03-02', '2026-03-09']);
    expect([weekly.before?.date, weekly.after?.date]).toEqual(['2026-02-23', '2026-03-16']);
    const monthly = scheduleAround({ every: 'month', on: 10, by: '17:00' }, null, 'Europe/Berlin', at('2026-01-01T00:00Z'), at('2026-02-01T00:00Z'));
    expect([monthly.before?.date, ...monthly.occurrences.map((o) => o.date), monthly.after?.date]).toEqual(['2025-12-10', '2026-01-10', '2026-02-10']);
  });

  test('an empty range has no neighbours', () => {
    expect(scheduleAround({ every: 'day', by: '10:00' }, null, 'UTC', 5, 5)).toEqual({ before: null, occurrences: [], after: null });
  });
});
