import { describe, expect, test } from 'vitest';
import { compileCalendar, parseHours } from '../../../src/time/calendar.js';

const at = (text: string) => Date.parse(text);
const iso = (ms: number) => new Date(ms).toISOString();
const H = 3600;

describe('parseHours', () => {
  test('range keys and single days, Monday first, minutes from midnight', () => {
    const r = parseHours({ 'mon-fri': '08:00-18:00', sat: '09:00-12:00' });
    expect(r).toEqual({
      ok: true,
      days: [[[480, 1080]], [[480, 1080]], [[480, 1080]], [[480, 1080]], [[480, 1080]], [[540, 720]], []],
    });
  });
  test('several intervals are sorted; 24:00 is an end', () => {
    const r = parseHours({ tue: '13:00-17:00, 08:00-12:00', sun: '00:00-24:00' });
    expect(r.ok && r.days[1]).toEqual([[480, 720], [780, 1020]]);
    expect(r.ok && r.days[6]).toEqual([[0, 1440]]);
  });
  test('touching intervals are allowed', () => {
    expect(parseHours({ mon: '08:00-12:00,12:00-13:00' }).ok).toBe(true);
  });
  test.each([
    [{ 'fri-mon': '08:00-18:00' }, 'fri-mon', /forward/],
    [{ 'mon-mon': '08:00-18:00' }, 'mon-mon', /write mon/],
    [{ monday: '08:00-18:00' }, 'monday', /mon, tue/],
    [{ Mon: '08:00-18:00' }, 'Mon', /unknown day/],
    [{ 'mon-fri': '08:00-18:00', fri: '09:00-12:00' }, 'fri', /fri is already named by "mon-fri"/],
    [{ mon: '18:00-08:00' }, 'mon', /crosses midnight.*18:00-24:00.*00:00-08:00/],
    [{ mon: '08:00-08:00' }, 'mon', /empty/],
    [{ mon: '24:00-24:00' }, 'mon', /24:00 is allowed only as an end/],
    [{ mon: '08:00-12:00, 11:00-13:00' }, 'mon', /overlap/],
    [{ mon: '8-18' }, 'mon', /HH:MM-HH:MM/],
    [{ mon: '8:00-18:00' }, 'mon', /HH:MM-HH:MM/],
    [{ mon: '08:00-18:60' }, 'mon', /HH:MM-HH:MM/],
    [{ mon: '08:00-24:30' }, 'mon', /HH:MM-HH:MM/],
    [{ mon: '' }, 'mon', /HH:MM-HH:MM/],
  ])('%j is rejected on key %s', (hours, key, message) => {
    const r = parseHours(hours as Record<string, string>);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.key).toBe(key);
      expect(r.message).toMatch(message);
    }
  });
});

describe('24x7', () => {
  const cal = compileCalendar('24x7', null, 'Europe/Berlin');
  test('working time is wall time', () => {
    expect(cal.is24x7).toBe(true);
    expect(cal.timezone).toBe('Europe/Berlin');
    expect(cal.workingSeconds(at('2026-03-28T23:00Z'), at('2026-03-29T22:00Z'))).toBe(23 * H);
    expect(cal.workingSeconds(10_000, 1_500)).toBe(-8.5);
    expect(cal.addWorkingSeconds(1_000, 1.5)).toBe(2_500);
    expect(cal.workingIntervals(5, 9)).toEqual([[5, 9]]);
    expect(cal.workingIntervals(9, 9)).toEqual([]);
    expect(cal.isWorkday('2026-03-29')).toBe(true);
  });
});

describe('office calendar in Berlin: mon-fri 08:00-18:00, holiday 24 December', () => {
  const office = compileCalendar('office', { hours: { 'mon-fri': '08:00-18:00' }, holidays: ['2026-12-24'] }, 'Europe/Berlin');

  test('a weekday is 10 hours; a weekend is none', () => {
    expect(office.is24x7).toBe(false);
    expect(office.timezone).toBe('Europe/Berlin');
    // Wed 4 March local day: 23:00Z..23:00Z holds 08:00-18:00 CET
    expect(office.workingSeconds(at('2026-03-03T23:00Z'), at('2026-03-04T23:00Z'))).toBe(10 * H);
    // Sat 28 March 00:00 CET (27th 23:00Z) to Mon 30 March 00:00 CEST (29th 22:00Z)
    expect(office.workingSeconds(at('2026-03-27T23:00Z'), at('2026-03-29T22:00Z'))).toBe(0);
  });

  test('across a weekend (including the DST Sunday)', () => {
    // Fri 27 March 12:00 CET (11:00Z) -> Mon 30 March 10:00 CEST (08:00Z): Fri 12-18 = 6h, Mon 08-10 = 2h
    expect(office.workingSeconds(at('2026-03-27T11:00Z'), at('2026-03-30T08:00Z'))).toBe(8 * H);
    expect(office.workingSeconds(at('2026-03-30T08:00Z'), at('2026-03-27T11:00Z'))).toBe(-8 * H);
    expect(office.workingIntervals(at('2026-03-27T11:00Z'), at('2026-03-30T08:00Z')).map(([a, b]) => [iso(a), iso(b)])).toEqual([
      ['2026-03-27T11:00:00.000Z', '2026-03-27T17:00:00.000Z'], // 12:00-18:00 CET
      ['2026-03-30T06:00:00.000Z', '2026-03-30T08:00:00.000Z'], // 08:00-10:00 CEST
    ]);
  });

  test('addWorkingSeconds lands on Monday morning', () => {
    // Fri 17:00 CET (16:00Z) + 2h: 1h to 18:00 Friday, 1h from Mon 08:00 CEST (06:00Z) -> 07:00Z
    expect(iso(office.addWorkingSeconds(at('2026-03-27T16:00Z'), 2 * H))).toBe('2026-03-30T07:00:00.000Z');
    // exactly 1h lands on the end of Friday's interval, not on Monday 08:00
    expect(iso(office.addWorkingSeconds(at('2026-03-27T16:00Z'), 1 * H))).toBe('2026-03-27T17:00:00.000Z');
    // starting on Saturday: the first working hour is Monday 08:00-09:00 CEST
    expect(iso(office.addWorkingSeconds(at('2026-03-28T10:00Z'), 1 * H))).toBe('2026-03-30T07:00:00.000Z');
    expect(office.addWorkingSeconds(at('2026-03-28T10:00Z'), 0)).toBe(at('2026-03-28T10:00Z'));
    // 2.5 s: fractional seconds stay exact in ms
    expect(office.addWorkingSeconds(at('2026-03-27T08:00Z'), 2.5)).toBe(at('2026-03-27T08:00:02.500Z'));
  });

  test('a holiday is a whole day off', () => {
    // Wed 23 (10h) + Thu 24 holiday (0) + Fri 25 (10h): 23 Dec 00:00 CET = 22nd 23:00Z .. 26 Dec 00:00 = 25th 23:00Z
    expect(office.workingSeconds(at('2026-12-22T23:00Z'), at('2026-12-25T23:00Z'))).toBe(20 * H);
    expect(office.isWorkday('2026-12-24')).toBe(false);
    expect(office.isWorkday('2026-12-23')).toBe(true);
    expect(office.isWorkday('2026-03-28')).toBe(false); // Saturday
    expect(office.isWorkday('2026-02-30')).toBe(false);
  });

  test('data years away from the first query', () => {
    expect(office.workingSeconds(at('2026-03-04T07:00Z'), at('2026-03-04T08:00Z'))).toBe(H); // builds around 2026
    // Mon 6 Jan 2031 00:00 CET .. Mon 13 Jan: 5 x 10h
    expect(office.workingSeconds(at('2031-01-05T23:00Z'), at('2031-01-12T23:00Z'))).toBe(50 * H);
    // Mon 4 Jan 2016 .. Mon 11 Jan 2016 (extends to the left)
    expect(office.workingSeconds(at('2016-01-03T23:00Z'), at('2016-01-10T23:00Z'))).toBe(50 * H);
    // from 2016 to 2031 is consistent with the pieces
    const a = at('2016-01-03T23:00Z'), b = at('2026-03-04T07:00Z'), c = at('2031-01-12T23:00Z');
    expect(office.workingSeconds(a, b) + office.workingSeconds(b, c)).toBe(office.workingSeconds(a, c));
  });
});

describe('DST days in Berlin', () => {
  const every = compileCalendar('every', { hours: { 'mon-sun': '08:00-18:00' } }, 'Europe/Berlin');
  const allDay = compileCalendar('all-day', { hours: { 'mon-sun': '00:00-24:00' } }, 'Europe/Berlin');
  const night = compileCalendar('night', { hours: { sun: '01:00-04:00' } }, 'Europe/Berlin');

  test('29 March: 08:00-18:00 is still 10 hours; 00:00-24:00 is 23 hours', () => {
    // 08:00 CEST = 06:00Z .. 18:00 CEST = 16:00Z
    const day = [at('2026-03-28T23:00Z'), at('2026-03-29T22:00Z')] as const;
    expect(every.workingSeconds(...day)).toBe(10 * H);
    expect(every.workingIntervals(...day)).toEqual([[at('2026-03-29T06:00Z'), at('2026-03-29T16:00Z')]]);
    // local midnight 23:00Z .. next local midnight 22:00Z
    expect(allDay.workingSeconds(...day)).toBe(23 * H);
  });
  test('an interval spanning the gap loses the hour', () => {
    // 01:00 CET = 00:00Z .. 04:00 CEST = 02:00Z: 2 h, not 3
    expect(night.workingSeconds(at('2026-03-28T23:00Z'), at('2026-03-29T22:00Z'))).toBe(2 * H);
    // on a normal Sunday it is 3 h: 22 March 01:00 CET = 00:00Z .. 04:00 CET = 03:00Z
    expect(night.workingSeconds(at('2026-03-21T23:00Z'), at('2026-03-22T23:00Z'))).toBe(3 * H);
    // 25 October: 01:00 CEST = 23:00Z (24th) .. 04:00 CET = 03:00Z: 4 h
    expect(night.workingSeconds(at('2026-10-24T22:00Z'), at('2026-10-25T23:00Z'))).toBe(4 * H);
  });
  test('25 October: 00:00-24:00 is 25 hours, 08:00-18:00 still 10', () => {
    const day = [at('2026-10-24T22:00Z'), at('2026-10-25T23:00Z')] as const;
    expect(allDay.workingSeconds(...day)).toBe(25 * H);
    expect(every.workingSeconds(...day)).toBe(10 * H);
  });
  test('all-day intervals merge across midnight', () => {
    expect(allDay.workingIntervals(at('2026-03-28T12:00Z'), at('2026-03-30T12:00Z'))).toEqual([
      [at('2026-03-28T12:00Z'), at('2026-03-30T12:00Z')],
    ]);
  });
});

describe('America/New_York', () => {
  const allDay = compileCalendar('all-day', { hours: { 'mon-sun': '00:00-24:00' } }, 'UTC');
  const ny = compileCalendar('ny', { timezone: 'America/New_York', hours: { 'mon-sun': '00:00-24:00' } }, 'UTC');
  const office = compileCalendar('ny-office', { timezone: 'America/New_York', hours: { 'mon-fri': '09:00-17:00' } }, 'Europe/Berlin');

  test('spec.timezone beats the default zone', () => {
    expect(ny.timezone).toBe('America/New_York');
    expect(allDay.timezone).toBe('UTC');
  });
  test('8 March is 23 h, 1 November 25 h', () => {
    // 8 March: 00:00 EST = 05:00Z .. 9 March 00:00 EDT = 04:00Z
    expect(ny.workingSeconds(at('2026-03-08T05:00Z'), at('2026-03-09T04:00Z'))).toBe(23 * H);
    // 1 November: 00:00 EDT = 04:00Z .. 2 November 00:00 EST = 05:00Z
    expect(ny.workingSeconds(at('2026-11-01T04:00Z'), at('2026-11-02T05:00Z'))).toBe(25 * H);
  });
  test('office hours follow local time across the change', () => {
    // Fri 6 March 09:00 EST = 14:00Z; Mon 9 March 09:00 EDT = 13:00Z
    expect(iso(office.addWorkingSeconds(at('2026-03-06T14:00Z'), 9 * H))).toBe('2026-03-09T14:00:00.000Z');
    // Fri 8h + Mon 09:00-10:00 EDT 1h: 9h; Mon 10:00 EDT = 14:00Z
    expect(office.workingSeconds(at('2026-03-06T14:00Z'), at('2026-03-09T14:00Z'))).toBe(9 * H);
  });
});

test('a calendar with lunch breaks: 8 h a day', () => {
  const cal = compileCalendar('lunch', { hours: { 'mon-fri': '08:00-12:00, 13:00-17:00' } }, 'UTC');
  expect(cal.workingSeconds(at('2026-03-02T00:00Z'), at('2026-03-09T00:00Z'))).toBe(40 * H); // 5 x 8h
  expect(cal.workingSeconds(at('2026-03-02T11:30Z'), at('2026-03-02T13:30Z'))).toBe(H); // 11:30-12 + 13-13:30
  // Mon 11:00 + 2h: 1h to 12:00, then 13:00 + 1h = 14:00
  expect(iso(cal.addWorkingSeconds(at('2026-03-02T11:00Z'), 2 * H))).toBe('2026-03-02T14:00:00.000Z');
});

test('a calendar without working time never reaches a positive amount', () => {
  const none = compileCalendar('none', { hours: {} }, 'UTC');
  expect(none.workingSeconds(0, 1e10)).toBe(0);
  expect(none.addWorkingSeconds(0, 1)).toBe(Infinity);
  expect(none.isWorkday('2026-03-02')).toBe(false);
});

test('invalid specs throw (validate reports them first)', () => {
  expect(() => compileCalendar('x', { hours: { 'fri-mon': '08:00-18:00' } }, 'UTC')).toThrow(/fri-mon/);
  expect(() => compileCalendar('x', { hours: {}, holidays: ['2026-02-30'] }, 'UTC')).toThrow(/holiday/);
  expect(() => compileCalendar('x', { hours: {} }, 'Mars/Olympus')).toThrow(/time zone/);
});
