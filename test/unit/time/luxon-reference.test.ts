/**
 * The luxon-based window, schedule and local-format code held to the hand-written code it replaced
 * (reference/hand-written.ts, built on the fast path): identical output, 1990-2040, in zones with
 * DST changes at and away from midnight.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Schedule, WindowKind } from '../../../src/agreement/model.js';
import { compileCalendar } from '../../../src/time/calendar.js';
import { formatLocalWithOffset } from '../../../src/time/format.js';

/** The local time without its offset (` +01:00`), as v1's Intl formatter wrote it. */
const formatLocal = (ms: number, zone: string): string => formatLocalWithOffset(ms, zone).replace(/ [+-]\d\d:\d\d$/, '');
import { WEEKDAYS } from '../../../src/time/hours.js';
import { occurrences, scheduleAround } from '../../../src/time/schedule.js';
import { buildWindows } from '../../../src/time/windows.js';
import { DAY, FIRST_YEAR, LAST_YEAR, MINUTE, ZONES, dateOfDay, transitions } from './luxon-oracle.js';
import { referenceBuildWindows, referenceFormatLocal, referenceOccurrences } from './reference/hand-written.js';

const TRANSITIONS = ZONES.flatMap((zone) => transitions(zone));
const FIRST_DAY = Date.UTC(FIRST_YEAR, 0, 1) / DAY;
const LAST_DAY = Date.UTC(LAST_YEAR, 11, 31) / DAY;
const KINDS: WindowKind[] = ['day', 'week', 'month', 'quarter', 'year', 'validity'];

/** A first day anywhere in the years, or a few days before a transition. */
const firstDay = fc.oneof(
  fc.integer({ min: FIRST_DAY, max: LAST_DAY }),
  fc.record({ tr: fc.constantFrom(...TRANSITIONS), back: fc.integer({ min: 0, max: 40 }) })
    .map(({ tr, back }) => Math.floor(tr.at / DAY) - back),
);

describe('buildWindows (luxon) equals the hand-written reference', () => {
  test('random validity periods, zones and as-of instants', () => {
    const input = fc.record({
      kind: fc.constantFrom(...KINDS),
      zone: fc.constantFrom(...ZONES),
      from: firstDay,
      // day windows cost luxon ~0.1 ms each: keep those periods shorter
      length: fc.integer({ min: -2, max: 3 * 366 }),
      asOf: fc.oneof(
        fc.constant(8.64e15),
        fc.integer({ min: -40 * DAY, max: 3 * 366 * DAY }).map((d) => ({ d })),
        fc.nat().map((k) => ({ k })), // exactly a window boundary
      ),
    });
    fc.assert(fc.property(input, ({ kind, zone, from, length, asOf }) => {
      const to = from + (kind === 'day' ? length % 100 : length);
      const validity = { from: dateOfDay(from), to: dateOfDay(to) };
      let asOfMs: number;
      if (typeof asOf === 'number') asOfMs = asOf;
      else if ('d' in asOf) asOfMs = from * DAY + asOf.d;
      else {
        const all = referenceBuildWindows(kind, zone, validity, 8.64e15).flatMap((w) => [w.start, w.end]);
        asOfMs = all.length ? all[asOf.k % all.length]! : 0;
      }
      expect(buildWindows(kind, zone, validity, asOfMs)).toEqual(referenceBuildWindows(kind, zone, validity, asOfMs));
    }), { numRuns: 150 });
  });

  test('day and week windows over the days around every transition, 1990-2040', () => {
    for (const tr of TRANSITIONS) {
      const day = Math.floor((tr.at + tr.before * MINUTE) / DAY);
      const validity = { from: dateOfDay(day - 1), to: dateOfDay(day + 1) };
      for (const kind of ['day', 'week'] as const) {
        expect(buildWindows(kind, tr.zone, validity, 8.64e15)).toEqual(referenceBuildWindows(kind, tr.zone, validity, 8.64e15));
      }
    }
  });

  test('labels and bounds across years 1-9998 in UTC and Berlin (years below 1000 unpadded, as before)', () => {
    fc.assert(fc.property(
      fc.constantFrom('day', 'week', 'month', 'quarter', 'year'), fc.constantFrom('UTC', 'Europe/Berlin'),
      fc.oneof(fc.integer({ min: Date.parse('0001-01-01') / DAY, max: Date.parse('1000-01-01') / DAY }), fc.integer({ min: Date.parse('1000-01-01') / DAY, max: Date.parse('9998-01-01') / DAY })),
      (kind, zone, from) => {
        const validity = { from: dateOfDay(from), to: dateOfDay(from + (kind === 'day' ? 40 : 400)) };
        expect(buildWindows(kind, zone, validity, 8.64e15)).toEqual(referenceBuildWindows(kind, zone, validity, 8.64e15));
      },
    ), { numRuns: 100 });
  });

  test('a day that does not exist (Apia skipped 30 December 2011): an empty window, as before', () => {
    const validity = { from: '2011-12-28', to: '2012-01-01' };
    const ws = buildWindows('day', 'Pacific/Apia', validity, 8.64e15);
    expect(ws).toEqual(referenceBuildWindows('day', 'Pacific/Apia', validity, 8.64e15));
    const skipped = ws.find((w) => w.label === '2011-12-30')!;
    expect(new Date(skipped.start).toISOString()).toBe('2011-12-30T10:00:00.000Z'); // 31 December 00:00 +14:00
    expect(skipped.end).toBe(skipped.start);
  });

  test('the same errors', () => {
    for (const [validity, zone] of [[{ from: '2026-02-30', to: '2026-12-31' }, 'UTC'], [{ from: '2026-01-01', to: '2026-12-31' }, 'Mars/Olympus']] as const) {
      expect(() => buildWindows('month', zone, validity, 0)).toThrow(RangeError);
      expect(() => buildWindows('month', zone, validity, 0)).toThrow(captureMessage(() => referenceBuildWindows('month', zone, validity, 0)));
    }
  });
});

describe('occurrences (luxon) equal the hand-written reference', () => {
  const by = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  const roll = fc.constantFrom<Schedule['roll']>(undefined, 'next-workday', 'previous-workday');
  const schedule: fc.Arbitrary<Schedule> = fc.oneof(
    fc.record({ every: fc.constant('day' as const), by, roll }),
    fc.record({ every: fc.constant('workday' as const), by, calendar: fc.constant('office'), roll }),
    fc.record({ every: fc.constant('week' as const), by, on: fc.constantFrom<string | undefined>(undefined, ...WEEKDAYS), roll }),
    fc.record({ every: fc.constant('month' as const), by, on: fc.option(fc.integer({ min: 1, max: 28 }), { nil: undefined }), roll }),
  ).map((s) => (s.roll === undefined ? (({ roll: _, ...rest }) => rest)(s) : s));

  test('random schedules (with and without roll), zones and ranges', () => {
    fc.assert(fc.property(
      schedule, fc.constantFrom(...ZONES), fc.constantFrom(...ZONES), firstDay,
      fc.integer({ min: -DAY, max: 120 * DAY }), fc.integer({ min: 0, max: DAY - 1 }),
      (s, zone, calendarZone, day, length, into) => {
        // a week of holidays from day + 3 makes rolls of up to 9 days (with the weekend)
        const holidays = Array.from({ length: 7 }, (_, i) => dateOfDay(day + 3 + i));
        const calendar = s.every === 'workday' || s.roll !== undefined
          ? compileCalendar('office', { timezone: calendarZone, hours: { 'mon-fri': '08:00-17:00', sat: '00:00-01:00' }, holidays }, zone)
          : null;
        const fromMs = day * DAY + into;
        const toMs = fromMs + length;
        expect(occurrences(s, calendar, zone, fromMs, toMs)).toEqual(referenceOccurrences(s, calendar, zone, fromMs, toMs));
        if (length <= 0) return;
        // the neighbours are the reference's last occurrence before the range and first after it
        const span = scheduleAround(s, calendar, zone, fromMs, toMs);
        expect(span.before).toEqual(referenceOccurrences(s, calendar, zone, fromMs - 40 * DAY, fromMs).at(-1) ?? null);
        expect(span.after).toEqual(referenceOccurrences(s, calendar, zone, toMs, toMs + 40 * DAY)[0] ?? null);
      },
    ), { numRuns: 150 });
  });

  test('daily at midnight and in the middle of every gap and fold, 1990-2040', () => {
    for (const tr of TRANSITIONS) {
      const middle = tr.at + ((tr.before + tr.after) / 2) * MINUTE; // a local wall time, as ms
      const day = Math.floor(middle / DAY);
      const minutes = Math.floor((middle - day * DAY) / MINUTE);
      const clock = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      for (const time of ['00:00', clock]) {
        const s: Schedule = { every: 'day', by: time };
        const [fromMs, toMs] = [(day - 1) * DAY, (day + 2) * DAY];
        expect(occurrences(s, null, tr.zone, fromMs, toMs)).toEqual(referenceOccurrences(s, null, tr.zone, fromMs, toMs));
      }
    }
  });

  test('the same errors', () => {
    const bad: Array<[Schedule, string]> = [
      [{ every: 'day', by: '24:00' }, 'UTC'], [{ every: 'workday', by: '10:00' }, 'UTC'], [{ every: 'week', by: '10:00', on: 'fri-sat' }, 'UTC'],
      [{ every: 'month', by: '10:00', on: 31 }, 'UTC'], [{ every: 'day', by: '10:00' }, 'Mars/Olympus'],
    ];
    for (const [s, zone] of bad) {
      expect(() => occurrences(s, null, zone, 0, DAY)).toThrow(captureMessage(() => referenceOccurrences(s, null, zone, 0, DAY)));
    }
  });
});

test('formatLocalWithOffset (luxon), offset aside, equals the Intl formatter it replaced', () => {
  fc.assert(fc.property(
    fc.constantFrom(...ZONES),
    fc.oneof(
      fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }),
      fc.record({ tr: fc.constantFrom(...TRANSITIONS), delta: fc.integer({ min: -3 * 3600_000, max: 3 * 3600_000 }) }).map(({ tr, delta }) => tr.at + delta),
      fc.integer({ min: Date.parse('0001-01-02'), max: Date.parse('9999-12-31') }),
    ),
    (zone, ms) => {
      expect(formatLocal(ms, zone)).toBe(referenceFormatLocal(ms, zone));
    },
  ), { numRuns: 400 });
});

test('formatLocalWithOffset differs from the Intl formatter only in year 0 (1 BC), which Intl wrote as year 1', () => {
  const ms = Date.parse('0000-06-01T12:00:00Z');
  expect(formatLocal(ms, 'UTC')).toBe('0-06-01 12:00'); // ISO 8601's year 0, as the CSV parser reads `0000-06-01`
  expect(referenceFormatLocal(ms, 'UTC')).toBe('1-06-01 12:00'); // Intl's era year, era dropped
});

function captureMessage(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}
