/** SPEC 9.5 holidays: Western Easter, yearly dates, short days, and what they do to working time. */
import { describe, expect, test } from 'vitest';
import { formatDays } from '../../../src/time/civil.js';
import { compileCalendar } from '../../../src/time/calendar.js';
import { easterSunday } from '../../../src/time/holidays.js';

/**
 * Gauss's Easter algorithm (1816, with the 1811 correction and its two exceptions): a different
 * computation from the anonymous Gregorian one under test, as an independent reference.
 */
function gaussEaster(year: number): string {
  const a = year % 19;
  const b = year % 4;
  const c = year % 7;
  const k = Math.floor(year / 100);
  const p = Math.floor((13 + 8 * k) / 25);
  const q = Math.floor(k / 4);
  const M = (15 - p + k - q) % 30;
  const N = (4 + k - q) % 7;
  const d = (19 * a + M) % 30;
  const e = (2 * b + 4 * c + 6 * d + N) % 7;
  let day = 22 + d + e; // in March
  if (d === 29 && e === 6) day = 50; // 19 April
  else if (d === 28 && e === 6 && (11 * M + 11) % 30 < 19) day = 49; // 18 April
  return day <= 31 ? `${year}-03-${String(day).padStart(2, '0')}` : `${year}-04-${String(day - 31).padStart(2, '0')}`;
}

describe('easterSunday', () => {
  test('published dates of Western Easter', () => {
    // from published tables (e.g. the Astronomical Society of South Australia's Easter dates)
    const published: Record<number, string> = {
      1990: '1990-04-15', 1995: '1995-04-16', 2000: '2000-04-23', 2008: '2008-03-23', 2011: '2011-04-24',
      2016: '2016-03-27', 2019: '2019-04-21', 2024: '2024-03-31', 2025: '2025-04-20', 2026: '2026-04-05',
      2027: '2027-03-28', 2038: '2038-04-25', 2049: '2049-04-18', 2076: '2076-04-19', 2100: '2100-03-28',
    };
    for (const [year, date] of Object.entries(published)) expect(formatDays(easterSunday(Number(year)))).toBe(date);
  });

  test('1990–2100: equal to Gauss\'s algorithm, always a Sunday between 22 March and 25 April', () => {
    for (let year = 1990; year <= 2100; year++) {
      const date = formatDays(easterSunday(year));
      expect(date, String(year)).toBe(gaussEaster(year));
      expect(new Date(`${date}T00:00:00Z`).getUTCDay(), date).toBe(0);
      expect(date.slice(5) >= '03-22' && date.slice(5) <= '04-25', date).toBe(true);
    }
  });
});

describe('holidays in working time', () => {
  const H = 3600;
  const office = compileCalendar(
    'office',
    {
      hours: { 'mon-fri': '08:00-18:00' },
      holidays: [{ easter: -2 }, { easter: 1 }, { date: '12-25', every: 'year' }, { date: '2026-12-24', hours: '08:00-12:00' }, { date: '2026-11-28', hours: '09:00-13:00' }],
    },
    'Europe/Berlin',
  );
  const at = (local: string) => Date.parse(local);

  test('Good Friday and Easter Monday 2026 (3 and 6 April) are off: Q2 2026 loses them', () => {
    // Thu 2 April 08:00 +02:00 to Tue 7 April 18:00: Thu 10h + Tue 10h = 20h (Fri, Sat, Sun, Mon off)
    expect(office.workingSeconds(at('2026-04-02T08:00:00+02:00'), at('2026-04-07T18:00:00+02:00'))).toBe(20 * H);
    expect(office.isWorkday('2026-04-06')).toBe(false);
    expect(office.isWorkday('2027-03-29')).toBe(false); // Easter Monday 2027 (Easter 28 March)
    expect(office.isWorkday('2027-04-06')).toBe(true);
    // Q2 2026 (1 April – 30 June): 65 weekdays, minus Good Friday and Easter Monday = 63 days = 630h
    expect(office.workingSeconds(at('2026-04-01T00:00:00+02:00'), at('2026-07-01T00:00:00+02:00'))).toBe(630 * H);
  });

  test('a yearly date is off in every year; a short day replaces the weekly hours, even on a Saturday', () => {
    expect(office.isWorkday('2026-12-25')).toBe(false);
    expect(office.isWorkday('2031-12-25')).toBe(false);
    // Thu 24 Dec 2026 08:00–12:00 only: 4h; Sat 28 Nov 2026 09:00–13:00 works: 4h
    expect(office.workingSeconds(at('2026-12-24T00:00:00+01:00'), at('2026-12-25T00:00:00+01:00'))).toBe(4 * H);
    expect(office.workingSeconds(at('2026-11-28T00:00:00+01:00'), at('2026-11-29T00:00:00+01:00'))).toBe(4 * H);
    // 3 working hours from 24 December 10:00: 10:00–12:00 (2h, the short day ends), then Christmas (yearly),
    // Saturday 26 and Sunday 27 are off, so the third hour is Monday 28 December 08:00–09:00 (+01:00)
    expect(new Date(office.addWorkingSeconds(at('2026-12-24T10:00:00+01:00'), 3 * H)).toISOString()).toBe('2026-12-28T08:00:00.000Z');
  });
});
