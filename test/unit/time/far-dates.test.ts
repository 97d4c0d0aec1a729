/**
 * Issue 14 (4): far dates cost bounded time and memory. Working time far from the data is computed
 * arithmetically (whole weeks, corrected by holidays and offset changes found per year) and time
 * zones fold far instants onto the span Intl has answered. These tests hold the arithmetic path to
 * the dense day table, to wall time, and to Python's zoneinfo (values worked out in comments).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { CalendarSpec, HolidaySpec } from '../../../src/agreement/model.js';
import { compileCalendar } from '../../../src/time/calendar.js';
import { zoneInfo } from '../../../src/time/zone.js';

const at = (text: string) => Date.parse(text);
const DAY = 86_400_000;

/** The offset Intl gives, in ms (the reference the zone module folds). */
function intlOffset(zone: string, t: number): number {
  const text = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).format(t);
  const m = /GMT(?:([+-−])(\d\d):(\d\d)(?::(\d\d))?)?$/.exec(text)!;
  if (m[1] === undefined) return 0;
  const sign = m[1] === '+' ? 1 : -1;
  return sign * (Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0)) * 1000;
}

describe('zones fold far instants onto what Intl answered', () => {
  const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Gaza', 'Africa/Casablanca', 'Australia/Lord_Howe', 'America/Adak', 'Asia/Kolkata', 'Pacific/Chatham'];
  test('offsets at far instants (years 0 to 9999) equal Intl in every sampled zone', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: at('0000-01-01T00:00:00Z'), max: at('9999-12-31T23:59:59Z') }), (zone, t) => {
        expect(zoneInfo(zone).offsetAt(t)).toBe(intlOffset(zone, t));
      }),
      { numRuns: 400 },
    );
  });

  test.each([
    ['Europe/Berlin', 2026],
    ['Asia/Gaza', 2040], // changes 7 days apart (Ramadan) in the predicted years
    ['Africa/Casablanca', 2030],
    ['America/Adak', 2101],
    ['Europe/Berlin', 2600], // folded
    ['Australia/Lord_Howe', 9998], // folded, 30-minute change
  ])('%s %i: transitions equal a day-by-day scan of Intl', (zone, year) => {
    const from = Date.UTC(year, 0, 1), to = Date.UTC(year + 1, 0, 1);
    const scanned: number[] = [];
    let prev = intlOffset(zone, from);
    for (let t = from + DAY; t <= to; t += DAY) {
      const off = intlOffset(zone, t);
      if (off === prev) continue;
      let lo = t - DAY, hi = t; // the first second with the new offset
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (intlOffset(zone, mid) === prev) lo = mid;
        else hi = mid;
      }
      scanned.push(hi, prev, off);
      prev = off;
    }
    expect(scanned.length).toBeGreaterThan(zone === 'America/Adak' || zone.startsWith('Europe') || zone.startsWith('Australia') ? 5 : 0);
    expect(zoneInfo(zone).transitions(from, to)).toEqual(scanned);
  });
});

const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Gaza', 'UTC'] as const;
const HOURS = [
  { 'mon-fri': '08:00-18:00' },
  { 'mon-sun': '01:00-04:00' }, // spans the European changes at 02:00/03:00
  { 'mon-sat': '00:00-02:30, 22:00-24:00', sun: '00:00-24:00' }, // midnight changes (Gaza)
  { tue: '09:00-12:00, 13:00-17:00' },
];
const holidayArb: fc.Arbitrary<HolidaySpec> = fc.oneof(
  fc.integer({ min: 2024, max: 2032 }).chain((y) => fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)),
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([m, d]) => ({ date: `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, every: 'year' as const })),
  fc.integer({ min: -48, max: 60 }).map((easter) => ({ easter })),
  fc.tuple(fc.integer({ min: 2025, max: 2031 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom('09:00-13:00', '01:00-03:30', '')).map(([y, m, hours]) => ({ date: `${y}-${String(m).padStart(2, '0')}-28`, hours })),
);
const calendarArb = fc.record({
  timezone: fc.constantFrom(...ZONES),
  hours: fc.constantFrom(...HOURS),
  holidays: fc.array(holidayArb, { maxLength: 6 }),
});
/** Instants across 2024-2033, on whole minutes or anywhere. */
const instantArb = fc.oneof(
  fc.integer({ min: at('2024-01-01T00:00:00Z') / 60_000, max: at('2033-12-31T00:00:00Z') / 60_000 }).map((m) => m * 60_000),
  fc.integer({ min: at('2024-01-01T00:00:00Z'), max: at('2033-12-31T00:00:00Z') }),
);

describe('working time: the arithmetic path equals the dense table', () => {
  test('workingSeconds and addWorkingSeconds agree on random calendars, holidays and instants', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, instantArb, fc.integer({ min: 0, max: 4000 * 3600 }), (spec, a, b, seconds) => {
        const dense = compileCalendar('c', spec as unknown as CalendarSpec, 'UTC');
        const arithmetic = compileCalendar('c', spec as unknown as CalendarSpec, 'UTC', 0);
        expect(arithmetic.workingSeconds(a, b)).toBe(dense.workingSeconds(a, b));
        expect(arithmetic.addWorkingSeconds(a, seconds)).toBe(dense.addWorkingSeconds(a, seconds));
      }),
      { numRuns: Number(process.env.FAR_DATES_RUNS ?? 300) },
    );
  });

  test('a table built around an outlier (a first row dated 9999) still answers near instants exactly', () => {
    const spec: CalendarSpec = { timezone: 'Europe/Berlin', hours: { 'mon-fri': '08:00-18:00' }, holidays: [{ easter: 1 }] };
    const moved = compileCalendar('c', spec, 'UTC');
    const fresh = compileCalendar('c', spec, 'UTC');
    moved.workingSeconds(at('9999-12-31T16:00:00Z'), at('9999-12-31T17:00:00Z'));
    for (let i = 0; i < 3000; i++) {
      const from = at('2026-03-01T00:00:00Z') + i * 3_600_000;
      expect(moved.workingSeconds(from, from + 90 * DAY)).toBe(fresh.workingSeconds(from, from + 90 * DAY));
    }
  });
});

describe('working time at far dates', () => {
  test('hours 00:00-24:00 every day are wall time across every offset change, years 0 to 9999', () => {
    const spec: CalendarSpec = { timezone: 'Europe/Berlin', hours: { 'mon-sun': '00:00-24:00' } };
    const calendars = [compileCalendar('c', spec, 'UTC'), compileCalendar('c', spec, 'UTC', 0)];
    fc.assert(
      fc.property(fc.integer({ min: at('0000-01-03T00:00:00Z'), max: at('9999-12-30T00:00:00Z') }), fc.integer({ min: at('0000-01-03T00:00:00Z'), max: at('9999-12-30T00:00:00Z') }), (a, b) => {
        for (const calendar of calendars) {
          expect(calendar.workingSeconds(a, b)).toBe((b - a) / 1000);
          if (b >= a) expect(calendar.addWorkingSeconds(a, (b - a) / 1000)).toBe(b);
        }
      }),
      { numRuns: 200 },
    );
  });

  test('UTC mon-fri 09:00-17:00 from 2026-01-01 to 9999-12-31T17:00Z', () => {
    // Python: 2,080,316 weekdays in [2026-01-01, 9999-12-31); 9999-12-31 is a Friday, whole by 17:00:
    // (2,080,316 + 1) × 8 h × 3600 = 59,913,129,600 s.
    const calendar = compileCalendar('c', { timezone: 'UTC', hours: { 'mon-fri': '09:00-17:00' } }, 'UTC');
    expect(calendar.workingSeconds(at('2026-01-01T00:00:00Z'), at('9999-12-31T17:00:00Z'))).toBe(59_913_129_600);
    expect(calendar.addWorkingSeconds(at('2026-01-01T00:00:00Z'), 59_913_129_600)).toBe(at('9999-12-31T17:00:00Z'));
  });

  test('Berlin Sundays 01:00-04:00 without Easter Sunday and 25-31 October, 2026 to 2526 and to 9999 (Python zoneinfo)', () => {
    // A Sunday is 3 h, the spring-forward Sunday 2 h; the fall-back Sunday (25-31 Oct) is off, and
    // in years where Easter is the spring-forward Sunday that day is off too. Python's zoneinfo,
    // day by day: 2026-2526: 25,089 working Sundays, 391 of them spring-forward ones:
    // 25,089 × 3 h − 391 h = 74,876 h = 269,553,600 s; 2026-9999 (to 9999-01-01): 4,297,975,200 s.
    const holidays: HolidaySpec[] = [{ easter: 0 }, ...[25, 26, 27, 28, 29, 30, 31].map((d) => ({ date: `10-${d}`, every: 'year' as const }))];
    const spec: CalendarSpec = { timezone: 'Europe/Berlin', hours: { sun: '01:00-04:00' }, holidays };
    for (const dense of [7320, 0]) {
      const calendar = compileCalendar('c', spec, 'UTC', dense);
      const from = at('2025-12-31T23:00:00Z'); // 2026-01-01 00:00 in Berlin
      expect(calendar.workingSeconds(from, at('2525-12-31T23:00:00Z'))).toBe(269_553_600);
      expect(calendar.workingSeconds(from, at('9998-12-31T23:00:00Z'))).toBe(4_297_975_200);
      expect(calendar.addWorkingSeconds(from, 4_297_975_200)).toBeLessThanOrEqual(at('9998-12-31T23:00:00Z'));
    }
  });

  test('a far deadline costs milliseconds, not seconds and gigabytes', () => {
    const spec: CalendarSpec = { timezone: 'Europe/Berlin', hours: { 'mon-fri': '08:00-18:00' }, holidays: [{ easter: -2 }, { easter: 1 }, { date: '12-25', every: 'year' }, '2026-10-03'] };
    const started = performance.now();
    const calendar = compileCalendar('c', spec, 'UTC');
    const far = calendar.workingSeconds(at('2026-01-05T08:00:00Z'), at('9999-12-31T16:00:00Z'));
    const early = calendar.workingSeconds(at('0000-01-03T08:00:00Z'), at('2026-01-05T08:00:00Z'));
    expect(far).toBeGreaterThan(7000 * 250 * 10 * 3600);
    expect(early).toBeGreaterThan(2000 * 250 * 10 * 3600);
    // every year in between has the same few corrections: a generous bound on a loaded machine
    expect(performance.now() - started).toBeLessThan(5000);
    expect(calendar.addWorkingSeconds(at('2026-01-05T08:00:00Z'), 1e12)).toBe(Infinity); // past year 9999
  });
});
