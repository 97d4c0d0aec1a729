import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { compileCalendar } from '../../../src/time/calendar.js';
import { localDateOf, localDayStart, makeTimestampParser } from '../../../src/time/instant.js';

// 2025-06-01 .. 2027-06-01, spanning several DST changes, with whole-ms instants
const instant = fc.integer({ min: Date.UTC(2025, 5, 1), max: Date.UTC(2027, 5, 1) });
const NUM_RUNS = 300;

const calendars = [
  compileCalendar('office', { hours: { 'mon-fri': '08:00-12:00, 13:00-17:00', sat: '02:00-03:30' }, holidays: ['2026-12-24', '2026-03-30'] }, 'Europe/Berlin'),
  compileCalendar('ny', { timezone: 'America/New_York', hours: { 'mon-fri': '09:00-17:00', sun: '00:00-24:00' } }, 'UTC'),
];
const allDay = compileCalendar('all-day', { hours: { 'mon-sun': '00:00-24:00' } }, 'Europe/Berlin');
const wall = compileCalendar('24x7', null, 'Europe/Berlin');

describe.each(calendars.map((c) => [c.id, c] as const))('working time properties: %s', (_id, cal) => {
  test('additive: W(a,b) + W(b,c) = W(a,c)', () => {
    fc.assert(fc.property(instant, instant, instant, (a, b, c) => {
      expect(cal.workingSeconds(a, b) + cal.workingSeconds(b, c)).toBeCloseTo(cal.workingSeconds(a, c), 6);
    }), { numRuns: NUM_RUNS });
  });
  test('never negative for a <= b, never more than wall time, signed', () => {
    fc.assert(fc.property(instant, instant, (x, y) => {
      const [a, b] = x <= y ? [x, y] : [y, x];
      const w = cal.workingSeconds(a, b);
      expect(w).toBeGreaterThanOrEqual(0);
      expect(w).toBeLessThanOrEqual((b - a) / 1000);
      expect(cal.workingSeconds(b, a) + w).toBe(0);
    }), { numRuns: NUM_RUNS });
  });
  test('workingIntervals sum to workingSeconds', () => {
    fc.assert(fc.property(instant, fc.integer({ min: 0, max: 40 * 86_400_000 }), (a, len) => {
      const ivs = cal.workingIntervals(a, a + len);
      const total = ivs.reduce((s, [x, y]) => s + (y - x), 0) / 1000;
      expect(total).toBe(cal.workingSeconds(a, a + len));
      for (const [x, y] of ivs) expect(x < y && x >= a && y <= a + len).toBe(true);
    }), { numRuns: NUM_RUNS });
  });
  test('addWorkingSeconds inverts workingSeconds', () => {
    fc.assert(fc.property(instant, fc.integer({ min: 0, max: 400 * 3600 }), (a, s) => {
      const t = cal.addWorkingSeconds(a, s);
      expect(t).toBeGreaterThanOrEqual(a);
      expect(cal.workingSeconds(a, t)).toBeCloseTo(s, 6);
      // earliest: a millisecond before, the amount is not yet reached
      if (s > 0) expect(cal.workingSeconds(a, t - 1)).toBeLessThan(s);
    }), { numRuns: NUM_RUNS });
  });
  test('addWorkingSeconds(a, W(a,b)) is at most b and reaches the same amount', () => {
    fc.assert(fc.property(instant, instant, (x, y) => {
      const [a, b] = x <= y ? [x, y] : [y, x];
      const w = cal.workingSeconds(a, b);
      const t = cal.addWorkingSeconds(a, w);
      expect(t).toBeLessThanOrEqual(b);
      expect(cal.workingSeconds(a, t)).toBeCloseTo(w, 6);
    }), { numRuns: NUM_RUNS });
  });
});

test('24x7 and a mon-sun 00:00-24:00 calendar both equal wall time, DST included', () => {
  fc.assert(fc.property(instant, instant, (a, b) => {
    expect(wall.workingSeconds(a, b)).toBe((b - a) / 1000);
    expect(allDay.workingSeconds(a, b)).toBe((b - a) / 1000);
  }), { numRuns: NUM_RUNS });
});

test('local day start and local date round-trip', () => {
  fc.assert(fc.property(instant, fc.constantFrom('Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata'), (t, zone) => {
    const date = localDateOf(t, zone);
    const start = localDayStart(date, zone);
    expect(start).toBeLessThanOrEqual(t);
    expect(localDateOf(start, zone)).toBe(date);
    expect(localDateOf(start - 1, zone) < date).toBe(true);
  }), { numRuns: NUM_RUNS });
});

describe('makeTimestampParser agrees with luxon outside DST transitions', () => {
  const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'America/Sao_Paulo', 'UTC'];
  const local = fc.record({
    year: fc.integer({ min: 1975, max: 2045 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    ms: fc.integer({ min: 0, max: 999 }),
    zone: fc.constantFrom(...zones),
  });
  const p2 = (n: number) => String(n).padStart(2, '0');
  test('local timestamps', () => {
    fc.assert(fc.property(local, (l) => {
      const text = `${l.year}-${p2(l.month)}-${p2(l.day)}T${p2(l.hour)}:${p2(l.minute)}:${p2(l.second)}.${String(l.ms).padStart(3, '0')}`;
      const dt = DateTime.fromISO(text, { zone: l.zone });
      // outside transitions: the same offset three hours either side
      fc.pre(dt.isValid && dt.offset === dt.minus({ hours: 3 }).offset && dt.offset === dt.plus({ hours: 3 }).offset);
      expect(makeTimestampParser(l.zone)(text)).toBe(dt.toMillis());
    }), { numRuns: 500 });
  });
  test('timestamps with an offset', () => {
    fc.assert(fc.property(local, fc.integer({ min: -14 * 60, max: 14 * 60 }), (l, offsetMinutes) => {
      const sign = offsetMinutes < 0 ? '-' : '+';
      const abs = Math.abs(offsetMinutes);
      const text = `${l.year}-${p2(l.month)}-${p2(l.day)} ${p2(l.hour)}:${p2(l.minute)}${sign}${p2(Math.floor(abs / 60))}:${p2(abs % 60)}`;
      const dt = DateTime.fromISO(text.replace(' ', 'T'), { setZone: true });
      expect(makeTimestampParser(l.zone)(text)).toBe(dt.toMillis());
    }), { numRuns: 500 });
  });
});

describe('around every 2026 transition, parsing a local wall time gives its instant (or, in a fold, the earlier one)', () => {
  const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Australia/Lord_Howe', 'America/Havana', 'Asia/Tehran'];
  const transitions: Array<[string, number]> = [];
  for (const zone of zones) {
    // hourly scan, then the exact minute
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3600_000) {
      const before = DateTime.fromMillis(t, { zone }).offset, after = DateTime.fromMillis(t + 3600_000, { zone }).offset;
      if (before === after) continue;
      let m = t;
      while (DateTime.fromMillis(m, { zone }).offset === before) m += 60_000;
      transitions.push([zone, m]);
    }
  }
  test('the scan found transitions', () => expect(transitions.length).toBeGreaterThanOrEqual(9));
  test('round trip', () => {
    fc.assert(fc.property(fc.constantFrom(...transitions), fc.integer({ min: -3 * 3600, max: 3 * 3600 }), ([zone, tr], dt) => {
      const t = tr + dt * 1000;
      const text = DateTime.fromMillis(t, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
      const parsed = makeTimestampParser(zone)(text);
      const shown = DateTime.fromMillis(parsed, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
      expect(shown).toBe(text); // an existing wall time is read as that wall time
      expect(parsed).toBeLessThanOrEqual(t); // the earlier instant in a fold
      // nothing earlier shows the same wall time
      const earlier = [30, 60, 90, 120].map((min) => parsed - min * 60_000);
      for (const e of earlier) expect(DateTime.fromMillis(e, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss")).not.toBe(text);
    }), { numRuns: 400 });
  });
});
