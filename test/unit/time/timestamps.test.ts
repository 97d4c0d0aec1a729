/**
 * Timestamp cells by format (SPEC 3.4, 9.1, 9.7): makeCellParser, the messages, format validation.
 * Instants are worked by hand in the comments. Berlin is CET (+01:00) in winter and CEST (+02:00)
 * from 29 March 2026 01:00Z to 25 October 2026 01:00Z; New York is EST (-05:00) until 8 March 2026
 * 07:00Z, then EDT (-04:00).
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { zoneInfo } from '../../../src/time/zone.js';
import { parseTimestampV1 } from '../../bench/v1-timestamps.mjs';
import { checkPatternSyntax, patternTokens } from '../../../src/time/timestamp-format.js';
import {
  describeBadCell, describeTimestampFormat, isKnownLocale, makeCellParser, readTimestampFormat, splitPlan, validateTimestampFormat,
  type TimestampFormat,
} from '../../../src/time/timestamps.js';
import { MINUTE, ZONES, reading, transitions, withNow } from './luxon-oracle.js';

/** slacheck v1's CSV timestamp parser (test/bench/v1-timestamps.mjs), the reference of `iso`. */
const makeV1 = (zone: string) => {
  const info = zoneInfo(zone);
  return (text: string) => parseTimestampV1(text, info);
};
const iso = (ms: number) => (Number.isNaN(ms) ? 'NaN' : new Date(ms).toISOString());
const parser = (format: TimestampFormat, zone = 'Europe/Berlin', locale?: string) => makeCellParser({ format, zone, locale });
const pattern = (p: string, zone?: string, locale?: string) => parser({ pattern: p }, zone, locale);

describe('iso: v1 grammar plus a space before the offset and UTC (SPEC 9.1, 9.7)', () => {
  const berlin = parser('iso');
  test.each([
    ['2026-03-02 10:00:00 -0500', '2026-03-02T15:00:00.000Z'], // 10:00 + 5h
    ['2026-03-02T10:00 +05:30', '2026-03-02T04:30:00.000Z'], // 10:00 - 5:30
    ['2026-03-02T10:00:00.250 +01', '2026-03-02T09:00:00.250Z'],
    ['2026-03-02 10:00:00 UTC', '2026-03-02T10:00:00.000Z'],
    ['2026-03-02 10:00:00UTC', '2026-03-02T10:00:00.000Z'],
    ['2026-03-02T10:00UTC', '2026-03-02T10:00:00.000Z'],
    ['2026-03-02T10:00:00.5 UTC', '2026-03-02T10:00:00.500Z'],
    ['2026-03-02T10:00:00Z', '2026-03-02T10:00:00.000Z'],
    ['2026-03-02T10:00:00 Z', '2026-03-02T10:00:00.000Z'],
    ['  2026-03-02 10:00:00 UTC\r', '2026-03-02T10:00:00.000Z'], // trimmed, as in v1
    // v1's forms are unchanged: local times in the zone, bare dates at local midnight
    ['2026-03-02 10:00', '2026-03-02T09:00:00.000Z'],
    ['2026-03-02', '2026-03-01T23:00:00.000Z'],
    ['2026-03-29T02:30', '2026-03-29T01:30:00.000Z'], // gap: read with +01:00, 03:30 CEST
    ['2026-10-25T02:30', '2026-10-25T00:30:00.000Z'], // fold: the earlier, CEST
  ])('%j -> %s', (text, expected) => expect(iso(berlin(text))).toBe(expected));

  test.each([
    '2026-03-02 10:00:00  -0500', '2026-03-02 10:00:00  UTC', '2026-03-02 10:00:00 utc', '2026-03-02 10:00:00 UT',
    '2026-03-02 10:00:00 UTCZ', '2026-03-02 10:00:00 UTC+01:00', '2026-03-02 10:00:00 GMT', '2026-03-02 UTC',
    '2026-03-02 -0500', '2026-03-02Z', '2026-03-02 10:00:00 -05:00:00', '2026-03-02 10:00:00 +5', '2026-03-02 10:00:00 Zulu',
    '2026-03-02 10:00:00 ', '2026-03-02 10:00:00\t-0500', '2026-02-30 10:00 UTC', '2026-03-02 24:00 UTC',
  ])('%j is NaN', (text) => {
    if (text === '2026-03-02 10:00:00 ') expect(berlin(text)).not.toBeNaN(); // a trailing blank is trimmed
    else expect(berlin(text)).toBeNaN();
  });

  // ISO-like strings: every field in and just out of range, every separator, offset and blank
  const d2 = (min: number, max: number) => fc.integer({ min, max }).map((n) => String(n).padStart(2, '0'));
  const isoLike = fc.record({
    lead: fc.constantFrom('', ' ', '\t'),
    date: fc.tuple(fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')), d2(0, 13), d2(0, 32)).map((p) => p.join('-')),
    time: fc.option(fc.record({
      sep: fc.constantFrom('T', 't', ' ', '  ', '_'),
      hm: fc.tuple(d2(0, 24), d2(0, 60)).map((p) => p.join(':')),
      second: fc.option(d2(0, 60).map((s) => `:${s}`), { nil: '' }),
      fraction: fc.option(fc.stringMatching(/^[0-9]{0,10}$/).map((f) => `.${f}`), { nil: '' }),
    }).map((t) => `${t.sep}${t.hm}${t.second}${t.second === '' ? '' : t.fraction}`), { nil: '' }),
    space: fc.constantFrom('', '', ' ', '  ', '\t'),
    offset: fc.oneof(
      fc.constantFrom('', 'Z', 'z', 'UTC', 'utc', 'UT', 'UTCZ', 'GMT', ' ', '+', '-'),
      fc.tuple(fc.constantFrom('+', '-'), d2(0, 24), fc.constantFrom('', ':', '::'), fc.option(d2(0, 60), { nil: '' })).map((p) => p.join('')),
    ),
    trail: fc.constantFrom('', ' ', '\r\n', 'x'),
  }).map((p) => `${p.lead}${p.date}${p.time}${p.space}${p.offset}${p.trail}`);
  const anyText = fc.oneof(isoLike, isoLike, isoLike, fc.string({ maxLength: 40 }));

  /** What the v1 grammar would read: the one space before an offset dropped, UTC as Z. */
  const asV1 = (s: string) =>
    s.replace(/^(\s*\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d*)?)?) ?(UTC|[Zz+-])/, (_m, head: string, designator: string) =>
      head + (designator === 'UTC' ? 'Z' : designator));

  test.each(['Europe/Berlin', 'America/New_York', 'UTC'])('agrees with v1\'s parser on every string v1 accepts (%s)', (zone) => {
    const v1 = makeV1(zone);
    const ours = parser('iso', zone);
    let accepted = 0;
    fc.assert(fc.property(anyText, (s) => {
      const old = v1(s);
      if (!Number.isNaN(old)) {
        accepted++;
        expect(ours(s)).toBe(old);
      }
    }), { numRuns: 3000 });
    expect(accepted).toBeGreaterThan(100); // the generator does reach valid timestamps
  });

  test('accepts nothing else than v1 does once the extensions are written the v1 way', () => {
    const v1 = makeV1('Europe/Berlin');
    const ours = parser('iso');
    let extended = 0;
    fc.assert(fc.property(anyText, (s) => {
      const ms = ours(s);
      if (!Number.isNaN(ms) && Number.isNaN(v1(s))) extended++;
      expect(ms).toBe(v1(asV1(s)));
    }), { numRuns: 3000 });
    expect(extended).toBeGreaterThan(20);
  });
});

describe('epoch-s and epoch-ms', () => {
  const seconds = parser('epoch-s');
  const millis = parser('epoch-ms');
  test('hand-worked', () => {
    // 2026-01-01T00:00Z is 20,454 days after 1970-01-01: 20454 * 86400 = 1,767,225,600 s; + 10 h = 1,767,261,600
    expect(20454 * 86400 + 10 * 3600).toBe(1767261600);
    expect(iso(seconds('1767261600'))).toBe('2026-01-01T10:00:00.000Z');
    expect(iso(millis('1767261600000'))).toBe('2026-01-01T10:00:00.000Z');
    expect(iso(seconds('1767261600.5'))).toBe('2026-01-01T10:00:00.500Z');
    expect(iso(seconds(' 1767261600.123456 '))).toBe('2026-01-01T10:00:00.123Z'); // ms precision, truncated
    expect(iso(millis('1767261600000.9'))).toBe('2026-01-01T10:00:00.000Z');
    expect(seconds('0')).toBe(0);
    expect(Object.is(seconds('-0'), 0)).toBe(true);
    expect(seconds('-1.5')).toBe(-1500);
    expect(seconds('-0.0001')).toBe(-1); // -0.1 ms floored: toward the past, as fractions are truncated
    expect(millis('-86400000')).toBe(-86_400_000);
    expect(millis('8640000000000000')).toBe(8.64e15);
  });
  test.each(['', ' ', '-', '+5', '.5', '5.', '1e9', '1E9', '1,5', '1_000', '0x10', '12 34', '1767261600s', '--1', 'NaN', 'Infinity', '١٢٣', '8640000000000001', '99999999999999999'])(
    '%j is NaN in both', (text) => {
      expect(seconds(text)).toBeNaN();
      expect(millis(text)).toBeNaN();
    },
  );
  test('8,640,000,000,000 s is the last second of the Date range', () => {
    expect(seconds('8640000000000')).toBe(8.64e15);
    expect(seconds('8640000000000.001')).toBeNaN();
  });
  test('every whole ms instant reads back from its seconds and its milliseconds', () => {
    fc.assert(fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (ms) => {
      expect(millis(String(ms))).toBe(ms);
      // String(ms / 1000) writes at most three decimals, exactly (doubles near 8.64e12 are 2^-10 apart)
      if (!String(ms / 1000).includes('e')) expect(seconds(String(ms / 1000))).toBe(ms);
    }), { numRuns: 2000 });
  });
});

describe('format strings: real exports, hand-worked', () => {
  test('Jira: 05/Jan/26 10:00 AM in New York is 15:00Z (EST, -5 h)', () => {
    expect(iso(pattern('dd/MMM/yy h:mm a', 'America/New_York')('05/Jan/26 10:00 AM'))).toBe('2026-01-05T15:00:00.000Z');
    expect(iso(pattern('dd/MMM/yy h:mm a', 'America/New_York')('05/Jan/26 12:30 AM'))).toBe('2026-01-05T05:30:00.000Z'); // 00:30
    expect(iso(pattern('dd/MMM/yy h:mm a', 'America/New_York')('05/jan/26 10:00 pm'))).toBe('2026-01-06T03:00:00.000Z'); // names ignore case
  });
  test('German Excel: 02.03.2026 10:00 in Berlin is 09:00Z (CET, +1 h)', () => {
    expect(iso(pattern('dd.MM.yyyy HH:mm')('02.03.2026 10:00'))).toBe('2026-03-02T09:00:00.000Z');
    expect(iso(pattern('dd.MM.yyyy HH:mm')('02.07.2026 10:00'))).toBe('2026-07-02T08:00:00.000Z'); // CEST, +2 h
    expect(iso(pattern('dd.MM.yyyy')('02.03.2026'))).toBe('2026-03-01T23:00:00.000Z'); // local midnight
  });
  test('US Excel: 3/12/2026 3:00 PM in New York is 19:00Z (EDT since 8 March, -4 h)', () => {
    expect(iso(pattern('M/d/yyyy h:mm a', 'America/New_York')('3/12/2026 3:00 PM'))).toBe('2026-03-12T19:00:00.000Z');
    expect(iso(pattern('M/d/yyyy h:mm a', 'America/New_York')('03/05/2026 3:00 PM'))).toBe('2026-03-05T20:00:00.000Z'); // EST
  });
  test('Berlin spring-forward gap: 29.03.2026 02:30 is 03:30 CEST = 01:30Z', () => {
    expect(iso(pattern('dd.MM.yyyy HH:mm')('29.03.2026 02:30'))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(pattern('dd.MM.yyyy HH:mm')('29.03.2026 03:30'))).toBe('2026-03-29T01:30:00.000Z');
  });
  test('Berlin fall-back fold: 25.10.2026 02:30 is the earlier, 02:30 CEST = 00:30Z, whenever luxon runs', () => {
    for (const now of [Date.UTC(2026, 0, 15), Date.UTC(2026, 6, 15)]) {
      withNow(now, () => {
        expect(iso(pattern('dd.MM.yyyy HH:mm')('25.10.2026 02:30'))).toBe('2026-10-25T00:30:00.000Z');
        // a zone named in the cell follows the same rule
        expect(iso(pattern('dd.MM.yyyy HH:mm z', 'UTC')('25.10.2026 02:30 Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
      });
    }
    // luxon alone would follow the season it runs in
    const luxon = (now: number) => withNow(now, () => DateTime.fromFormat('25.10.2026 02:30', 'dd.MM.yyyy HH:mm', { zone: 'Europe/Berlin' }).toMillis());
    expect(iso(luxon(Date.UTC(2026, 0, 15)))).toBe('2026-10-25T01:30:00.000Z');
    expect(iso(luxon(Date.UTC(2026, 6, 15)))).toBe('2026-10-25T00:30:00.000Z');
  });
  test('an offset or zone in the cell wins over the data set zone', () => {
    expect(iso(pattern('dd.MM.yyyy HH:mm ZZ')('25.10.2026 02:30 +01:00'))).toBe('2026-10-25T01:30:00.000Z');
    expect(iso(pattern('EEE, d MMM yyyy HH:mm:ss ZZZ')('Mon, 2 Mar 2026 10:00:00 -0500'))).toBe('2026-03-02T15:00:00.000Z');
    expect(iso(pattern('yyyy-MM-dd HH:mm z')('2026-03-02 10:00 America/New_York'))).toBe('2026-03-02T15:00:00.000Z');
    expect(pattern('yyyy-MM-dd HH:mm z')('2026-03-02 10:00 Mars/Olympus')).toBeNaN();
  });
  test('two-digit years as luxon reads them (SPEC 9.7): above 60 is 19xx; yy also takes 3 or 4 digits', () => {
    const read = pattern('dd.MM.yy', 'UTC');
    expect(iso(read('01.01.60'))).toBe('2060-01-01T00:00:00.000Z');
    expect(iso(read('01.01.61'))).toBe('1961-01-01T00:00:00.000Z');
    expect(iso(read('01.01.99'))).toBe('1999-01-01T00:00:00.000Z');
    expect(iso(read('01.01.00'))).toBe('2000-01-01T00:00:00.000Z');
    expect(iso(read('01.01.2026'))).toBe('2026-01-01T00:00:00.000Z');
    expect(iso(read('01.01.026'))).toBe('2026-01-01T00:00:00.000Z');
    expect(read('01.01.6')).toBeNaN();
  });
  test('German month names (locale de-DE): MMM is "März", "Dez.", "Sept." (the dot optional); LLL is "Mär", "Dez", "Sep"', () => {
    const mmm = pattern('dd.MMM.yy', 'Europe/Berlin', 'de-DE');
    const lll = pattern('dd.LLL.yy', 'Europe/Berlin', 'de-DE');
    expect(iso(mmm('05.März.26'))).toBe('2026-03-04T23:00:00.000Z');
    expect(mmm('05.Mär.26')).toBeNaN(); // not luxon's format-context abbreviation ...
    expect(iso(lll('05.Mär.26'))).toBe('2026-03-04T23:00:00.000Z'); // ... but its standalone one
    expect(mmm('05.Mrz.26')).toBeNaN(); // Excel's German abbreviation is neither
    expect(lll('05.Mrz.26')).toBeNaN();
    expect(iso(mmm('05.Dez..26'))).toBe('2026-12-04T23:00:00.000Z'); // what luxon writes for dd.MMM.yy
    expect(iso(mmm('05.Dez.26'))).toBe('2026-12-04T23:00:00.000Z');
    expect(iso(mmm('05.Sept.26'))).toBe('2026-09-04T22:00:00.000Z');
    expect(mmm('05.Sep.26')).toBeNaN();
    expect(iso(pattern("d. MMMM yyyy 'um' HH:mm", 'Europe/Berlin', 'de-DE')('2. März 2026 um 10:00'))).toBe('2026-03-02T09:00:00.000Z');
    expect(pattern('dd.MMM.yy')('05.März.26')).toBeNaN(); // en-US by default
  });
  test('AM/PM in other locales: en-GB am/pm, es-ES "p.\u202fm." (only with that narrow no-break space), de-DE AM/PM', () => {
    expect(iso(pattern('dd/MM/yyyy h:mm a', 'UTC', 'en-GB')('05/01/2026 3:00 pm'))).toBe('2026-01-05T15:00:00.000Z');
    expect(iso(pattern('dd/MM/yyyy h:mm a', 'UTC', 'en-GB')('05/01/2026 3:00 PM'))).toBe('2026-01-05T15:00:00.000Z');
    expect(iso(pattern('dd/MM/yyyy h:mm a', 'UTC', 'es-ES')('05/01/2026 3:00 p.\u202fm.'))).toBe('2026-01-05T15:00:00.000Z');
    for (const pm of ['p. m.', 'p.m.', 'pm', 'PM']) expect(pattern('dd/MM/yyyy h:mm a', 'UTC', 'es-ES')(`05/01/2026 3:00 ${pm}`)).toBeNaN();
    expect(pattern('dd/MM/yyyy h:mm a', 'UTC', 'en-GB')('05/01/2026 3:00 p.m.')).toBeNaN();
    expect(iso(pattern('dd.MM.yyyy h:mm a', 'UTC', 'de-DE')('05.01.2026 3:00 PM'))).toBe('2026-01-05T15:00:00.000Z');
  });
  test('what luxon lets through: blanks around the cell are ignored here, 24:00 is the next midnight, 13:00 PM is 13:00', () => {
    const read = pattern('dd.MM.yyyy HH:mm', 'UTC');
    expect(iso(read('  02.03.2026 10:00 '))).toBe('2026-03-02T10:00:00.000Z');
    expect(iso(read('02.03.2026 24:00'))).toBe('2026-03-03T00:00:00.000Z');
    expect(read('02.03.2026 24:01')).toBeNaN();
    expect(iso(pattern('dd.MM.yyyy h:mm a', 'UTC')('02.03.2026 13:00 PM'))).toBe('2026-03-02T13:00:00.000Z');
  });
  test.each([
    ['dd.MM.yyyy HH:mm', '30.02.2026 10:00'], ['dd.MM.yyyy HH:mm', '2.3.2026 10:00'], ['dd.MM.yyyy HH:mm', '02.03.2026 10:00:00'],
    ['dd.MM.yyyy HH:mm', '02.03.2026 25:00'], ['dd.MM.yyyy HH:mm', '2026-03-02 10:00'], ['dd.MM.yyyy HH:mm', ''],
    ['M/d/yyyy h:mm a', '3/12/2026 3:00'], ['dd/MMM/yy h:mm a', '05/Foo/26 10:00 AM'],
    ['EEE, d MMM yyyy HH:mm:ss ZZZ', 'Tue, 2 Mar 2026 10:00:00 -0500'], // 2 March 2026 is a Monday
  ])('%s does not read %j', (p, text) => expect(pattern(p)(text)).toBeNaN());
  test('the cache gives the same answers as no cache, also past its size', () => {
    const cached = makeCellParser({ format: { pattern: 'dd.MM.yyyy HH:mm' }, zone: 'Europe/Berlin', cacheSize: 3 });
    const plain = makeCellParser({ format: { pattern: 'dd.MM.yyyy HH:mm' }, zone: 'Europe/Berlin', cacheSize: 0 });
    const cells = ['02.03.2026 10:00', '29.03.2026 02:30', 'junk', '25.10.2026 02:30', '02.03.2026 10:00', '30.02.2026 10:00', 'junk'];
    for (let round = 0; round < 3; round++) for (const c of [...cells, ...cells.reverse()]) expect(cached(c)).toBe(plain(c));
  });
});

describe('format strings: properties', () => {
  const parsers = new Map<string, (text: string) => number>();
  const cachedPattern = (p: string, zone: string, locale: string) => {
    const key = `${p}|${zone}|${locale}`;
    let parse = parsers.get(key);
    if (parse === undefined) parsers.set(key, (parse = pattern(p, zone, locale)));
    return parse;
  };
  const CASES: Array<{ pattern: string; locale: string }> = [
    { pattern: 'dd/MMM/yy h:mm a', locale: 'en-US' },
    { pattern: 'dd.MM.yyyy HH:mm', locale: 'de-DE' },
    { pattern: 'M/d/yyyy h:mm:ss a', locale: 'en-US' },
    { pattern: "d. MMMM yyyy 'um' HH:mm:ss", locale: 'de-DE' },
    { pattern: 'EEE, d MMM yyyy HH:mm:ss.SSS', locale: 'en-GB' },
    { pattern: 'dd.MMM.yy HH:mm', locale: 'de-DE' },
  ];
  const TRANSITIONS = ZONES.flatMap((zone) => transitions(zone, 1990, 2040));
  const FIRST = Date.UTC(1990, 0, 1), END = Date.UTC(2041, 0, 1);
  /** A wall time (ms since 1970-01-01T00:00 local) in 1990-2040, or within three hours of an offset change. */
  const wallTime = fc.oneof(
    fc.record({ zone: fc.constantFrom(...ZONES), local: fc.integer({ min: FIRST, max: END - 1 }) }),
    fc.record({ tr: fc.constantFrom(...TRANSITIONS), minutes: fc.integer({ min: -180, max: 180 }), ms: fc.integer({ min: 0, max: MINUTE - 1 }) })
      .map(({ tr, minutes, ms }) => ({ zone: tr.zone, local: tr.at + (tr.before + minutes) * MINUTE + ms })),
  );

  test('a wall time written in a format string reads as the fast path reads it in ISO (gap forward, fold earlier), and as luxon outside folds', () => {
    const counts = { unique: 0, gap: 0, fold: 0 };
    fc.assert(fc.property(wallTime, fc.constantFrom(...CASES), ({ zone, local }, { pattern: p, locale }) => {
      const text = DateTime.fromMillis(local, { zone: 'utc', locale }).toFormat(p); // the wall fields, written
      const ours = cachedPattern(p, zone, locale)(text);
      // the wall time the text holds (the format may drop seconds), by luxon in UTC
      const wall = DateTime.fromFormat(text, p, { zone: 'utc', locale }).toMillis();
      expect(ours).toBe(makeV1(zone)(new Date(wall).toISOString().slice(0, 23)));
      const r = reading(zone, wall);
      counts[r.kind]++;
      if (r.kind === 'fold') expect(ours).toBe(r.earlier);
      else expect(ours).toBe(DateTime.fromFormat(text, p, { zone, locale }).toMillis());
    }), { numRuns: 800 });
    expect(counts.gap).toBeGreaterThan(10);
    expect(counts.fold).toBeGreaterThan(10);
  });

  test('format -> parse -> format round-trips for random instants (the earlier of a fold writes the same text)', () => {
    const withZone = [...CASES, { pattern: 'yyyy-MM-dd HH:mm:ss.SSS ZZ', locale: 'en-US' }, { pattern: 'dd.MM.yyyy HH:mm:ss z', locale: 'en-US' }];
    fc.assert(fc.property(
      fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(1961, 0, 1), max: Date.UTC(2060, 11, 31) }), fc.constantFrom(...withZone),
      (zone, ms, { pattern: p, locale }) => {
        const text = DateTime.fromMillis(ms, { zone, locale }).toFormat(p);
        const read = cachedPattern(p, zone, locale)(text);
        expect(DateTime.fromMillis(read, { zone, locale }).toFormat(p)).toBe(text);
        if (p.includes('SSS Z')) expect(read).toBe(ms);
      },
    ), { numRuns: 800 });
  });
});

describe('format strings read in two parts (a date part and a time part, each cached)', () => {
  test.each([
    ['dd/MMM/yy h:mm a', 'en-US', { datePattern: 'dd/MMM/yy', timePattern: "yyyy-MM-dd'T'h:mm' 'a", separator: ' ', before: 0 }],
    ['dd.MM.yyyy HH:mm:ss', 'de-DE', { datePattern: 'dd.MM.yyyy', timePattern: "yyyy-MM-dd'T'HH:mm:ss", separator: ' ', before: 0 }],
    ['M/d/yyyy h:mm a', 'en-US', { datePattern: 'M/d/yyyy', timePattern: "yyyy-MM-dd'T'h:mm' 'a", separator: ' ', before: 0 }],
    ["d. MMMM yyyy 'um' HH:mm", 'de-DE', { datePattern: "d.' 'MMMM' 'yyyy", timePattern: "yyyy-MM-dd'T'HH:mm", separator: ' um ', before: 2 }],
    ['EEE, d MMM yyyy HH:mm:ss', 'en-US', { datePattern: "EEE,' 'd' 'MMM' 'yyyy", timePattern: "yyyy-MM-dd'T'HH:mm:ss", separator: ' ', before: 3 }],
    ['dd.MMM.yy HH:mm', 'de-DE', { datePattern: 'dd.MMM.yy', timePattern: "yyyy-MM-dd'T'HH:mm", separator: ' ', before: 0 }],
    ['yyyy/MM/dd-HH:mm', 'en-US', { datePattern: 'yyyy/MM/dd', timePattern: "yyyy-MM-dd'T'HH:mm", separator: '-', before: 0 }],
  ] as const)('%j (%s)', (p, locale, plan) => expect(splitPlan(p, locale)).toEqual(plan));

  test.each([
    ['dd.MM.yyyy', 'no time part'], ["dd.MM.yyyy'T'HH:mm", 'a letter separates the parts'], ['HH:mm dd.MM.yyyy', 'time first'],
    ['dd.MM.yyyyHH:mm', 'no separator'], ['yyyy-MM-dd HH:mm ZZ', 'an offset'], ['dd.MM.yyyy HH:mm z', 'a zone'], ['D t', 'macros'],
    ['yyyy-ooo HH:mm', 'a day of the year'], ['dd.MM HH:mm yyyy', 'the year after the time'],
    ['dd.MMM.yy.HH:mm', 'the separator "." is in de-DE month names ("Dez.")'],
  ])('%j is read whole: %s', (p) => expect(splitPlan(p, 'de-DE')).toBeNull());

  test('24:00 after a weekday is read as luxon reads the whole cell (found by the property below, seed 1698907212)', () => {
    const p = 'EEE, d MMM yyyy HH:mm:ss.SSS';
    for (const zone of ['UTC', 'Europe/Berlin']) {
      const split = makeCellParser({ format: { pattern: p }, zone, locale: 'en-US' });
      const whole = makeCellParser({ format: { pattern: p }, zone, locale: 'en-US', cacheSize: 0 });
      // luxon rolls 24:00 over to the next day and then finds "Mon" naming the wrong weekday
      for (const cell of ['Mon, 1 Jan 1990 24:00:00.000', 'Sun, 31 Dec 1989 24:00:00.000']) {
        expect(iso(split(cell))).toBe(iso(whole(cell)));
      }
      expect(iso(split('Mon, 1 Jan 1990 23:00:00.000'))).toBe(zone === 'UTC' ? '1990-01-01T23:00:00.000Z' : '1990-01-01T22:00:00.000Z');
    }
    // without a weekday, 24:00 is the next day's midnight both ways
    const dmy = makeCellParser({ format: { pattern: 'dd.MM.yyyy HH:mm' }, zone: 'UTC', locale: 'de-DE' });
    expect(iso(dmy('31.12.2026 24:00'))).toBe(iso(makeCellParser({ format: { pattern: 'dd.MM.yyyy HH:mm' }, zone: 'UTC', locale: 'de-DE', cacheSize: 0 })('31.12.2026 24:00')));
  });

  test('the split reading equals luxon on the whole cell, for written cells and broken ones', () => {
    const CASES = ['dd/MMM/yy h:mm a', 'dd.MM.yyyy HH:mm:ss', 'M/d/yyyy h:mm a', "d. MMMM yyyy 'um' HH:mm", 'EEE, d MMM yyyy HH:mm:ss.SSS', 'dd.MMM.yy H:mm'];
    const LOCALES = ['en-US', 'de-DE', 'en-GB', 'fr-FR'];
    const MUTATIONS: Array<(s: string) => string> = [
      (s) => s, (s) => s, (s) => s.replace(' ', '  '), (s) => s.replace(' ', ''), (s) => s.replace(/\d(?!.*\d)/, 'x'),
      (s) => s.replace(/\b\d\d?:\d\d/, '24:00'), (s) => s.replace(/\b\d\d?:\d\d/, '24:01'), (s) => s.replace(/^\d\d?/, '31'),
      (s) => s.replace(/^\d\d?/, '30'), (s) => `${s} `, (s) => `${s}x`, (s) => s.replace('AM', 'am').replace('PM', 'pm'),
      (s) => s.replace(/\b\d\d?:/, '13:'), (s) => s.replace(/\b\d\d?:/, '0:'), (s) => s.replace(/\b\d\d?:/, '12:'),
      (s) => s.replace(/[A-Za-zä]+/, (w) => w.slice(0, 3)), (s) => s.replace(' ', ' um '),
    ];
    const parsers = new Map<string, [(t: string) => number, (t: string) => number]>();
    let split = 0;
    fc.assert(fc.property(
      fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom(...CASES), fc.constantFrom(...LOCALES),
      fc.constantFrom(...ZONES), fc.constantFrom(...MUTATIONS),
      (ms, p, locale, zone, mutate) => {
        const key = `${p}|${locale}|${zone}`;
        let pair = parsers.get(key);
        if (pair === undefined) {
          pair = [makeCellParser({ format: { pattern: p }, zone, locale }), makeCellParser({ format: { pattern: p }, zone, locale, cacheSize: 0 })];
          parsers.set(key, pair);
        }
        if (splitPlan(p, locale) !== null) split++;
        const text = mutate(DateTime.fromMillis(ms, { zone, locale }).toFormat(p));
        expect(pair[0](text)).toBe(pair[1](text));
      },
    ), { numRuns: 1500 });
    expect(split).toBeGreaterThan(1000);
  });
});

describe('describeTimestampFormat', () => {
  test.each([
    [{ pattern: 'dd/MMM/yy h:mm a' }, 'America/New_York', 'en-US', 'dd/MMM/yy h:mm a, e.g. 05/Jan/26 10:00 AM'],
    [{ pattern: 'dd.MM.yyyy HH:mm' }, 'Europe/Berlin', 'de-DE', 'dd.MM.yyyy HH:mm, e.g. 05.01.2026 10:00'],
    [{ pattern: 'M/d/yyyy h:mm a' }, 'America/New_York', 'en-US', 'M/d/yyyy h:mm a, e.g. 1/5/2026 10:00 AM'],
    [{ pattern: 'dd.MMM.yy HH:mm' }, 'Europe/Berlin', 'de-DE', 'dd.MMM.yy HH:mm, e.g. 05.Jan..26 10:00'],
    [{ pattern: 'dd/MMM/yy h:mm a' }, 'Europe/London', 'en-GB', 'dd/MMM/yy h:mm a, e.g. 05/Jan/26 10:00 am'],
    [{ pattern: 'yyyy-MM-dd HH:mm ZZ' }, 'America/New_York', 'en-US', 'yyyy-MM-dd HH:mm ZZ, e.g. 2026-01-05 10:00 -05:00'],
    ['iso', 'UTC', 'en-US', 'ISO 8601, e.g. 2026-03-05, 2026-03-05T09:00 or 2026-03-05T09:00:00+01:00'],
    ['epoch-s', 'UTC', 'en-US', 'seconds since 1970-01-01T00:00:00Z, e.g. 1767607200'], // 1767261600 + 4 days + 0 h
    ['epoch-ms', 'UTC', 'en-US', 'milliseconds since 1970-01-01T00:00:00Z, e.g. 1767607200000'],
  ] as const)('%j in %s (%s)', (format, zone, locale, expected) => {
    expect(describeTimestampFormat(format, zone, locale)).toBe(expected);
  });
  test('the epoch example is 2026-01-05T10:00Z', () => expect(iso(1767607200 * 1000)).toBe('2026-01-05T10:00:00.000Z'));
});

describe('describeBadCell: the messages', () => {
  const NOT_ISO = '(e.g. 2026-03-05, 2026-03-05T09:00 or 2026-03-05T09:00:00+01:00)';
  const NOT_REAL = 'is not a real date and time (check the day of the month, the hour and the minutes)';
  test.each([
    // v1's two wordings
    ['2026-02-30', `"2026-02-30" ${NOT_REAL}`],
    ['2026-03-01T25:00', `"2026-03-01T25:00" ${NOT_REAL}`],
    ['2026-02-30 10:00:00 UTC', `"2026-02-30 10:00:00 UTC" ${NOT_REAL}`],
    ['2026-02-30 10:00:00 -0500', `"2026-02-30 10:00:00 -0500" ${NOT_REAL}`],
    ['yesterday', `"yesterday" is not an ISO 8601 timestamp ${NOT_ISO}`],
    ['2026-03-01  10:00', `"2026-03-01  10:00" is not an ISO 8601 timestamp ${NOT_ISO}`],
    ['2026-03-01T10:00  Z', `"2026-03-01T10:00  Z" is not an ISO 8601 timestamp ${NOT_ISO}`],
    // known non-ISO forms name the `timestamps` value that reads them
    ['05/Jan/26 10:00 AM', '"05/Jan/26 10:00 AM" is not an ISO 8601 timestamp; if the export writes dates this way, set the data set\'s `timestamps: "dd/MMM/yy h:mm a"`'],
    ['02.03.2026 10:00', '"02.03.2026 10:00" is not an ISO 8601 timestamp; if the export writes dates this way, set the data set\'s `timestamps: "dd.MM.yyyy HH:mm"`'],
    ['02.03.2026', '"02.03.2026" is not an ISO 8601 timestamp; if the export writes dates this way, set the data set\'s `timestamps: "dd.MM.yyyy"`'],
    ['3/12/2026 3:00 PM', '"3/12/2026 3:00 PM" is not an ISO 8601 timestamp; if the export writes dates this way, set the data set\'s `timestamps: "M/d/yyyy h:mm a"`'],
    ['03/12/2026 15:00', '"03/12/2026 15:00" is not an ISO 8601 timestamp; if the export writes dates this way, set the data set\'s `timestamps: "dd/MM/yyyy HH:mm"`'],
    ['2026/03/02 10:00', '"2026/03/02 10:00" is not an ISO 8601 timestamp; if the export writes dates this way, set the data set\'s `timestamps: "yyyy/MM/dd HH:mm"`'],
    ['Mar 2, 2026 10:00 AM', '"Mar 2, 2026 10:00 AM" is not an ISO 8601 timestamp; if the export writes dates this way, set the data set\'s `timestamps: "MMM d, yyyy h:mm a"`'],
    ['1767261600', '"1767261600" is not an ISO 8601 timestamp; if the export writes dates this way, set the data set\'s `timestamps: epoch-s`'],
    ['1767261600123', '"1767261600123" is not an ISO 8601 timestamp; if the export writes dates this way, set the data set\'s `timestamps: epoch-ms`'],
    ['42', `"42" is not an ISO 8601 timestamp ${NOT_ISO}`],
    ['31.02.2026 10:00', `"31.02.2026 10:00" is not an ISO 8601 timestamp ${NOT_ISO}`], // no known form reads an impossible date
  ])('iso: %j', (text, expected) => expect(describeBadCell(text, 'iso', 'Europe/Berlin')).toBe(expected));

  test('a format string: no match, an impossible date, a wrong weekday, another known form', () => {
    const german: TimestampFormat = { pattern: 'dd.MM.yyyy HH:mm' };
    expect(describeBadCell('02.03.26 10:00', german, 'Europe/Berlin', 'de-DE')).toBe(
      '"02.03.26 10:00" does not match the data set\'s timestamps format: expected dd.MM.yyyy HH:mm, e.g. 05.01.2026 10:00; '
      + 'if the export writes dates this way, set the data set\'s `timestamps: "dd.MM.yy HH:mm"`');
    expect(describeBadCell('morgen', german, 'Europe/Berlin', 'de-DE')).toBe(
      '"morgen" does not match the data set\'s timestamps format: expected dd.MM.yyyy HH:mm, e.g. 05.01.2026 10:00');
    expect(describeBadCell('30.02.2026 10:00', german, 'Europe/Berlin', 'de-DE')).toBe(
      `"30.02.2026 10:00" ${NOT_REAL}; expected dd.MM.yyyy HH:mm, e.g. 05.01.2026 10:00`);
    expect(describeBadCell('2026-03-02T10:00', german, 'Europe/Berlin', 'de-DE')).toBe(
      '"2026-03-02T10:00" does not match the data set\'s timestamps format: expected dd.MM.yyyy HH:mm, e.g. 05.01.2026 10:00; '
      + 'if the export writes dates this way, set the data set\'s `timestamps: iso`');
    expect(describeBadCell('05/Jan/26 10:00', { pattern: 'dd/MMM/yy h:mm a' }, 'America/New_York')).toBe(
      '"05/Jan/26 10:00" does not match the data set\'s timestamps format: expected dd/MMM/yy h:mm a, e.g. 05/Jan/26 10:00 AM');
    expect(describeBadCell('Tue, 2 Mar 2026 10:00:00 -0500', { pattern: 'EEE, d MMM yyyy HH:mm:ss ZZZ' }, 'UTC')).toBe(
      '"Tue, 2 Mar 2026 10:00:00 -0500" is not a real date: its weekday is not that date\'s; '
      + 'expected EEE, d MMM yyyy HH:mm:ss ZZZ, e.g. Mon, 5 Jan 2026 10:00:00 +0000');
  });

  test('epochs', () => {
    expect(describeBadCell('1.7e9', 'epoch-s', 'UTC')).toBe(
      '"1.7e9" is not an epoch-s timestamp: expected seconds since 1970-01-01T00:00:00Z, e.g. 1767607200');
    expect(describeBadCell('2026-03-02T10:00:00Z', 'epoch-ms', 'UTC')).toBe(
      '"2026-03-02T10:00:00Z" is not an epoch-ms timestamp: expected milliseconds since 1970-01-01T00:00:00Z, e.g. 1767607200000; '
      + 'if the export writes dates this way, set the data set\'s `timestamps: iso`');
    expect(describeBadCell('05/Jan/26 10:00 AM', 'epoch-s', 'UTC')).toContain('`timestamps: "dd/MMM/yy h:mm a"`');
    expect(describeBadCell('17672616000000000', 'epoch-ms', 'UTC')).toBe( // beyond the Date range
      '"17672616000000000" is not an epoch-ms timestamp: expected milliseconds since 1970-01-01T00:00:00Z, e.g. 1767607200000');
  });

  test('messages never throw: an unknown zone or locale (validation reports those) is read as UTC or en-US', () => {
    expect(describeBadCell('x', { pattern: 'dd/MMM/yy h:mm a' }, 'Mars/Olympus', 'de_DE')).toBe(
      '"x" does not match the data set\'s timestamps format: expected dd/MMM/yy h:mm a, e.g. 05/Jan/26 10:00 AM');
    expect(describeBadCell('02.03.2026 10:00', 'iso', 'Mars/Olympus', 'de_DE')).toContain('`timestamps: "dd.MM.yyyy HH:mm"`');
    expect(() => makeCellParser({ format: { pattern: 'dd.MM.yyyy' }, zone: 'UTC', locale: 'de_DE' })).toThrow(RangeError);
    expect(() => makeCellParser({ format: 'iso', zone: 'Mars/Olympus' })).toThrow(RangeError);
  });

  test('every cell the parser rejects gets a message naming the cell', () => {
    const formats: TimestampFormat[] = ['iso', 'epoch-s', { pattern: 'dd.MM.yyyy HH:mm' }];
    fc.assert(fc.property(fc.string({ maxLength: 30 }), fc.constantFrom(...formats), (text, format) => {
      if (Number.isNaN(parser(format)(text))) expect(describeBadCell(text, format, 'Europe/Berlin')).toMatch(new RegExp(`^"${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" `));
    }), { numRuns: 300 });
  });
});

describe('validateTimestampFormat and isKnownLocale', () => {
  test.each(['iso', 'epoch-s', 'epoch-ms', 'dd/MMM/yy h:mm a', 'dd.MM.yyyy HH:mm', 'M/d/yyyy h:mm a', "d. MMMM yyyy 'um' HH:mm",
    'yyyy-MM-dd HH:mm:ss.SSS ZZ', 'dd.MM.yyyy HH:mm z', 'yyyy-ooo', 'kkkk-WW-c HH:mm', 'D', 'f', 'yyyy-MM-dd'])('%j is usable', (text) => {
    expect(validateTimestampFormat(text)).toEqual({ ok: true, format: readTimestampFormat(text) });
  });
  test.each([
    ['', 'timestamps is empty: write iso, epoch-s, epoch-ms or a luxon format such as "dd.MM.yyyy HH:mm"'],
    ['HH:mm', '"HH:mm" has no year (yyyy or yy), month (MM, M or MMM) and day (dd or d): a timestamps format needs a full date, as in "dd.MM.yyyy HH:mm"'],
    ['dd.MM HH:mm', '"dd.MM HH:mm" has no year (yyyy or yy): a timestamps format needs a full date, as in "dd.MM.yyyy HH:mm"'],
    ['yyyy-MM', '"yyyy-MM" has no day (dd or d): a timestamps format needs a full date, as in "dd.MM.yyyy HH:mm"'],
    ['dd.MM.yyyy um HH:mm', '"dd.MM.yyyy um HH:mm" has the minutes twice ("m" and "mm"); put literal text in single quotes, as in "dd.MM.yyyy \'um\' HH:mm"'],
    ['yyyy-MM-dd HH:mm yy', '"yyyy-MM-dd HH:mm yy" has the year twice ("yyyy" and "yy"); put literal text in single quotes, as in "dd.MM.yyyy \'um\' HH:mm"'],
    ['yyyy-MM-dd HH:mm Q', '"yyyy-MM-dd HH:mm Q" has the unknown token "Q"; use the tokens of luxon\'s fromFormat (yyyy, yy, MM, MMM, dd, HH, h, mm, ss, a, ZZ, ...) and put other text in single quotes, as in "dd.MM.yyyy \'um\' HH:mm"'],
    ['yyyy-MM-dd HH:mm ZZZZ', '"yyyy-MM-dd HH:mm ZZZZ" has the token "ZZZZ", which luxon can write but not read; use the tokens of luxon\'s fromFormat (yyyy, yy, MM, MMM, dd, HH, h, mm, ss, a, ZZ, ...)'],
    ['X', '"X" has the token "X", which luxon can write but not read; use the tokens of luxon\'s fromFormat (yyyy, yy, MM, MMM, dd, HH, h, mm, ss, a, ZZ, ...)'],
    ['yyyyy-MM-dd', '"yyyyy-MM-dd" has the token "yyyyy", which luxon can read but not write (so no example can be shown); use yyyy or yyyyyy'],
    ['dd.MM.yyyy hh:mm', '"dd.MM.yyyy hh:mm" has a 12-hour hour (h or hh) without AM/PM (a): use HH for a 24-hour clock, or add a'],
    ['dd.MM.yyyy HH:mm a', '"dd.MM.yyyy HH:mm a" has a 24-hour hour (H or HH) and AM/PM (a): use h with a, or HH without a'],
  ])('%j: %s', (text, message) => expect(validateTimestampFormat(text)).toEqual({ ok: false, message }));

  test('the round trip in the locale: luxon writes some locales it cannot read', () => {
    expect(validateTimestampFormat('dd/MMM/yy h:mm a', 'ja-JP')).toEqual({
      ok: false,
      message: 'luxon cannot read "dd/MMM/yy h:mm a" in locale ja-JP: it writes 2026-01-05 10:00:00.000 as "05/1/26 10:00 午前" but does not read it back',
    });
    expect(validateTimestampFormat('dd.MM.yyyy HH:mm', 'ar-EG')).toMatchObject({ ok: false }); // Arabic-Indic digits
    // Thai dates are Buddhist-era years in the macros: 2569 is read as a Gregorian year
    expect(validateTimestampFormat('D', 'th-TH')).toEqual({
      ok: false,
      message: 'luxon cannot read "D" in locale th-TH: it writes 2026-01-05 10:00:00.000 as "5/1/2569" but reads it back as "5/1/3112"',
    });
    for (const locale of ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES', 'nl-NL', 'pt-BR', 'de-CH']) {
      expect(validateTimestampFormat('dd/MMM/yy h:mm a', locale)).toMatchObject({ ok: true });
    }
  });

  test('the syntax check splits a format as luxon does (without macros, luxon\'s parse tokens are its split)', () => {
    const luxonSplit = (p: string) => DateTime.fromFormatExplain('', p, { locale: 'en-US' }).tokens;
    for (const p of ['dd/MMM/yy h:mm a', "d. MMMM yyyy 'um' HH:mm", "yyyy-MM-dd'T'HH:mm:ss''", "''yyyy", "'a''b'", 'yyyy  MM', "'open"]) {
      expect(patternTokens(p)).toEqual(luxonSplit(p));
    }
    const chars = fc.constantFrom(...'yMdHhmsSaEZzLo\' .:/-,'.split(''));
    fc.assert(fc.property(fc.array(chars, { maxLength: 16 }).map((cs) => cs.join('')), (p) => {
      expect(patternTokens(p)).toEqual(luxonSplit(p));
    }), { numRuns: 500 });
    expect(patternTokens("dd.MM.yyyy 'um' HH:mm")[6]).toEqual({ literal: true, val: 'um' });
    expect(checkPatternSyntax("dd.MM.yyyy 'um' HH:mm")).toBeNull();
  });

  test.each([['en-US', true], ['de-DE', true], ['de', true], ['EN-us', true], ['de_DE', false], ['xx-XX', false], ['', false], ['tlh', false]])(
    'isKnownLocale(%j) is %s', (locale, known) => expect(isKnownLocale(locale)).toBe(known),
  );
});
