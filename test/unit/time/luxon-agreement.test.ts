/**
 * The hand-written fast path (zone.ts, instant.ts: per-row work) held to luxon, 1990-2040, in zones
 * with ordinary, 30-minute and midnight DST changes. SPEC 3.4: a local time in a DST gap moves
 * forward by the gap; one in a fold is the earlier instant.
 *
 * What luxon does (3.7, fixOffset in datetime.js), found here and asserted below rather than skipped:
 * - outside transitions luxon and the fast path agree to the millisecond;
 * - in a gap luxon also moves forward by the gap, whatever offset it guessed: the same instant;
 * - in a fold luxon keeps the instant whose offset equals its guess. `fromObject`/`fromISO` guess
 *   the zone's offset at `Settings.now()`, so the answer depends on the day luxon runs (a Berlin
 *   02:30 on the October change day is read as +02:00 in July, +01:00 in January); `set` and
 *   `startOf` guess the DateTime's own offset, so `startOf('day')` on an instant after a fold at
 *   midnight (Havana) gives the later midnight. The fast path always takes the earlier instant.
 * The other direction of the existing properties.test.ts checks (instant -> wall time round trip).
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { dayNumberStart, localDayNumber, localDayStart, makeTimestampParser } from '../../../src/time/instant.js';
import { zoneInfo } from '../../../src/time/zone.js';
import {
  DAY, FIRST_YEAR, LAST_YEAR, MINUTE, ZONES, dateOfDay, fieldsOf, reading, specDayStart, transitions, withNow,
} from './luxon-oracle.js';

const NUM_RUNS = 400;
const TRANSITIONS = ZONES.flatMap((zone) => transitions(zone));
const FIRST_MS = Date.UTC(FIRST_YEAR, 0, 1);
const END_MS = Date.UTC(LAST_YEAR + 1, 0, 1);

/** A local wall time anywhere in the years, or within three hours of an offset change (a gap or a fold). */
const localTime = fc.oneof(
  fc.record({ zone: fc.constantFrom(...ZONES), local: fc.integer({ min: FIRST_MS, max: END_MS - 1 }) }),
  fc.record({ tr: fc.constantFrom(...TRANSITIONS), minutes: fc.integer({ min: -180, max: 180 }), ms: fc.integer({ min: 0, max: MINUTE - 1 }) })
    .map(({ tr, minutes, ms }) => ({ zone: tr.zone, local: tr.at + (tr.before + minutes) * MINUTE + ms })),
);

/** An instant anywhere in the years, or within two days of an offset change (midnights next to one). */
const instant = fc.oneof(
  fc.record({ zone: fc.constantFrom(...ZONES), t: fc.integer({ min: FIRST_MS, max: END_MS - 1 }) }),
  fc.record({ tr: fc.constantFrom(...TRANSITIONS), delta: fc.integer({ min: -2 * DAY, max: 2 * DAY }) })
    .map(({ tr, delta }) => ({ zone: tr.zone, t: tr.at + delta })),
);

/** zoneInfo(zone).localToUtc against luxon's DateTime.fromObject, with the relation in gaps and folds. */
function checkLocalToUtc(zone: string, local: number): void {
  const ours = zoneInfo(zone).localToUtc(local);
  const fields = fieldsOf(local);
  const luxon = DateTime.fromObject(fields, { zone }).toMillis();
  const r = reading(zone, local);
  switch (r.kind) {
    case 'unique':
      expect(ours).toBe(r.instant);
      expect(luxon).toBe(r.instant);
      break;
    case 'gap':
      // read with the offset before the gap: the wall time moves forward by the gap, in both
      expect(ours).toBe(local - r.before * MINUTE);
      expect(luxon).toBe(ours);
      expect(ours + DateTime.fromMillis(ours, { zone }).offset * MINUTE).toBe(local + (r.after - r.before) * MINUTE);
      break;
    case 'fold':
      // SPEC 3.4: the earlier. luxon: the instant whose offset the zone has at Settings.now()
      expect(ours).toBe(r.earlier);
      expect([r.earlier, r.later]).toContain(luxon);
      expect(withNow(r.earlier, () => DateTime.fromObject(fields, { zone }).toMillis())).toBe(r.earlier);
      expect(withNow(r.later, () => DateTime.fromObject(fields, { zone }).toMillis())).toBe(r.later);
      break;
  }
}

describe('zoneInfo(zone).localToUtc agrees with luxon DateTime.fromObject', () => {
  test('the scan found the transitions: gaps and folds in every DST zone, none in Kolkata and UTC', () => {
    for (const zone of ZONES) {
      const trs = TRANSITIONS.filter((tr) => tr.zone === zone);
      if (zone === 'Asia/Kolkata' || zone === 'UTC') expect(trs).toEqual([]);
      else expect(trs.length).toBeGreaterThanOrEqual(50);
    }
    // Lord Howe moves by 30 minutes; Havana's autumn fold spans midnight (00:00-01:00 twice)
    expect(TRANSITIONS.filter((tr) => tr.zone === 'Australia/Lord_Howe').every((tr) => Math.abs(tr.after - tr.before) === 30)).toBe(true);
    expect(reading('America/Havana', Date.UTC(2026, 10, 1)).kind).toBe('fold');
  });

  test('random local times, many next to a transition', () => {
    fc.assert(fc.property(localTime, ({ zone, local }) => checkLocalToUtc(zone, local)), { numRuns: NUM_RUNS });
  });

  test('the middle of every gap and fold, 1990-2040', () => {
    const seen = { gap: 0, fold: 0, unique: 0 };
    for (const tr of TRANSITIONS) {
      const local = tr.at + ((tr.before + tr.after) / 2) * MINUTE;
      seen[reading(tr.zone, local).kind]++;
      checkLocalToUtc(tr.zone, local);
    }
    expect(seen.unique).toBe(0);
    expect(seen.gap).toBeGreaterThan(300);
    expect(seen.fold).toBeGreaterThan(300);
  });

  test('in a fold luxon follows the season it runs in (why slacheck never lets fromObject resolve one)', () => {
    const fields = { year: 2026, month: 10, day: 25, hour: 2, minute: 30 }; // Berlin, twice
    const inJuly = withNow(Date.UTC(2026, 6, 1), () => DateTime.fromObject(fields, { zone: 'Europe/Berlin' }));
    const inJanuary = withNow(Date.UTC(2026, 0, 1), () => DateTime.fromObject(fields, { zone: 'Europe/Berlin' }));
    expect(inJuly.toISO()).toBe('2026-10-25T02:30:00.000+02:00');
    expect(inJanuary.toISO()).toBe('2026-10-25T02:30:00.000+01:00');
    expect(zoneInfo('Europe/Berlin').localToUtc(Date.UTC(2026, 9, 25, 2, 30))).toBe(inJuly.toMillis());
  });
});

describe('local days agree with luxon startOf("day")', () => {
  test('localDayNumber, dayNumberStart and localDayStart', () => {
    fc.assert(fc.property(instant, ({ zone, t }) => {
      const lx = DateTime.fromMillis(t, { zone });
      const day = Date.UTC(lx.year, lx.month - 1, lx.day) / DAY;
      expect(localDayNumber(t, zone)).toBe(day);
      const start = dayNumberStart(day, zone);
      expect(localDayStart(dateOfDay(day), zone)).toBe(start);
      // SPEC 3.4: midnight, the end of a gap over midnight, the earlier midnight of a fold
      expect(start).toBe(specDayStart(zone, day));
      expect(start).toBeLessThanOrEqual(t);
      const luxonStart = lx.startOf('day').toMillis();
      const r = reading(zone, day * DAY);
      if (r.kind === 'fold') {
        // luxon keeps the offset of the instant it starts from: the later midnight after the fold
        expect(luxonStart).toBe(lx.offset * MINUTE === day * DAY - r.later ? r.later : r.earlier);
        expect(DateTime.fromMillis(start, { zone }).startOf('day').toMillis()).toBe(start);
      } else {
        expect(luxonStart).toBe(start);
      }
    }), { numRuns: NUM_RUNS });
  });

  test('every day next to a transition, 1990-2040', () => {
    let foldsAtMidnight = 0, gapsAtMidnight = 0;
    for (const tr of TRANSITIONS) {
      const around = Math.floor((tr.at + tr.before * MINUTE) / DAY);
      for (let day = around - 1; day <= around + 1; day++) {
        const start = dayNumberStart(day, tr.zone);
        expect(start).toBe(specDayStart(tr.zone, day));
        expect(localDayNumber(start, tr.zone)).toBe(day);
        expect(localDayNumber(start - 1, tr.zone)).toBe(day - 1);
        const kind = reading(tr.zone, day * DAY).kind;
        if (kind === 'fold') foldsAtMidnight++;
        if (kind === 'gap') gapsAtMidnight++;
        // from the first instant of the day, luxon's startOf('day') agrees even on those days
        expect(DateTime.fromMillis(start, { zone: tr.zone }).startOf('day').toMillis()).toBe(start);
      }
    }
    expect(gapsAtMidnight).toBeGreaterThan(50); // Sao Paulo, Santiago, Beirut, Havana
    expect(foldsAtMidnight).toBeGreaterThan(20); // Havana
  });
});

describe('makeTimestampParser agrees with luxon DateTime.fromISO in every SPEC 3.4 form', () => {
  const p2 = (n: number) => String(n).padStart(2, '0');
  const text = fc.record({
    local: localTime,
    form: fc.constantFrom('date', 'minutes', 'seconds', 'fraction'),
    fraction: fc.integer({ min: 1, max: 9 }).chain((n) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n })),
    sep: fc.constantFrom('T', 't', ' '),
    offset: fc.oneof(
      fc.constant(''), fc.constantFrom('Z', 'z'),
      fc.record({ minutes: fc.integer({ min: -14 * 60, max: 14 * 60 }), style: fc.constantFrom('hh', 'hhmm', 'hh:mm') })
        .map(({ minutes, style }) => {
          const m = style === 'hh' ? Math.trunc(minutes / 60) * 60 : minutes;
          const sign = m < 0 ? '-' : '+', h = p2(Math.floor(Math.abs(m) / 60)), mm = p2(Math.abs(m) % 60);
          return style === 'hh' ? `${sign}${h}` : style === 'hhmm' ? `${sign}${h}${mm}` : `${sign}${h}:${mm}`;
        }),
    ),
  }).map(({ local: { zone, local }, form, fraction, sep, offset }) => {
    const f = fieldsOf(local);
    const date = `${f.year}-${p2(f.month)}-${p2(f.day)}`;
    if (form === 'date') return { zone, local: Date.UTC(f.year, f.month - 1, f.day), text: date, offset: '' };
    let time = `${p2(f.hour)}:${p2(f.minute)}`;
    if (form !== 'minutes') time += `:${p2(f.second)}`;
    if (form === 'fraction') time += `.${fraction}`;
    // the wall time the text names, to ms (digits past the third are truncated)
    const ms = form === 'fraction' ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0;
    const named = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, form === 'minutes' ? 0 : f.second, ms);
    return { zone, local: named, text: `${date}${sep}${time}${offset}`, offset };
  });

  test('random timestamps: equal outside transitions; in a gap equal; in a fold ours is the earlier', () => {
    fc.assert(fc.property(text, ({ zone, local, text, offset }) => {
      const ours = makeTimestampParser(zone)(text);
      // luxon's fromISO wants `T` (SPEC 3.4 also allows a space); it takes `t` and `z` as they are
      const luxon = DateTime.fromISO(text.replace(' ', 'T'), { zone }).toMillis();
      if (offset !== '') {
        expect(ours).toBe(luxon); // an offset names the instant: no zone rule involved
        return;
      }
      const r = reading(zone, local);
      if (r.kind === 'fold') {
        expect(ours).toBe(r.earlier);
        expect([r.earlier, r.later]).toContain(luxon);
      } else {
        expect(ours).toBe(luxon);
      }
    }), { numRuns: NUM_RUNS });
  });
});
