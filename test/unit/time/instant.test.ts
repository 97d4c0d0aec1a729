import { describe, expect, test } from 'vitest';
import {
  describeBadTimestamp, formatInstant, isValidDate, isValidZone, localDateOf, localDayStart, localToInstant, makeTimestampParser,
} from '../../../src/time/instant.js';

const iso = (ms: number) => (Number.isNaN(ms) ? 'NaN' : formatInstant(ms));
const berlin = makeTimestampParser('Europe/Berlin');
const newYork = makeTimestampParser('America/New_York');
const utc = makeTimestampParser('UTC');

describe('makeTimestampParser: accepted forms', () => {
  test.each([
    // Berlin is CET (+01:00) in winter, CEST (+02:00) from 29 March 2026 01:00Z to 25 October 2026 01:00Z
    ['2026-03-01', '2026-02-28T23:00:00.000Z'], // local midnight, 00:00 - 1h
    ['2026-07-01T12:00', '2026-07-01T10:00:00.000Z'], // 12:00 - 2h
    ['2026-01-15T08:30:15', '2026-01-15T07:30:15.000Z'], // 08:30:15 - 1h
    ['2026-01-15 08:30', '2026-01-15T07:30:00.000Z'], // space separator
    ['2026-01-15t08:30', '2026-01-15T07:30:00.000Z'],
    ['  2026-01-15T08:30  ', '2026-01-15T07:30:00.000Z'], // trimmed
    ['2026-03-01T10:00:00Z', '2026-03-01T10:00:00.000Z'],
    ['2026-03-01T10:00:00z', '2026-03-01T10:00:00.000Z'],
    ['2026-03-01T10:00+05:30', '2026-03-01T04:30:00.000Z'], // 10:00 - 5:30
    ['2026-03-01T10:00+0530', '2026-03-01T04:30:00.000Z'],
    ['2026-03-01T10:00+05', '2026-03-01T05:00:00.000Z'],
    ['2026-03-01T10:00:00-03:00', '2026-03-01T13:00:00.000Z'], // 10:00 + 3h
    ['2026-03-01T10:00:00.5Z', '2026-03-01T10:00:00.500Z'],
    ['2026-03-01T10:00:00.123456789Z', '2026-03-01T10:00:00.123Z'], // ms precision, truncated
    ['2026-03-01T10:00:00.9999+00:00', '2026-03-01T10:00:00.999Z'], // truncated, not rounded up
    ['2024-02-29T00:00Z', '2024-02-29T00:00:00.000Z'], // leap year
    ['2000-02-29', '2000-02-28T23:00:00.000Z'], // divisible by 400: leap
    ['0099-06-01T00:00Z', '0099-06-01T00:00:00.000Z'], // no two-digit-year surprises
    // SPEC 9.1 (v1.1): one space before the offset, and UTC
    ['2026-03-01T10:00 Z', '2026-03-01T10:00:00.000Z'],
    ['2026-03-02 10:00:00 -0500', '2026-03-02T15:00:00.000Z'], // 10:00 + 5h
    ['2026-03-02 10:00:00 UTC', '2026-03-02T10:00:00.000Z'],
    ['2026-03-02T10:00:00UTC', '2026-03-02T10:00:00.000Z'],
  ])('%j -> %s', (text, expected) => expect(iso(berlin(text))).toBe(expected));
});

describe('makeTimestampParser: strict rejections', () => {
  test.each([
    '2026-02-30', '2026-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-01-00',
    '2026-03-01T25:00', '2026-03-01T24:00', '2026-03-01T10:60', '2026-03-01T10:00:60',
    '2026-03-01T10:00Zjunk', '2026-03-01x', '2026-03-01T10:00  Z', '2026-03-01T10:00 UTCx', '2026-03-01  10:00', '2026-3-1', '26-03-01',
    '2026/03/01', '2026-03-01T10', '2026-03-01T1:00', '2026-03-01T10:00:00.', '2026-03-01T10:00:00.1234567890',
    '2026-03-01T10:00+5', '2026-03-01T10:00+05:3', '2026-03-01T10:00+24:00', '2026-03-01T10:00+05:60',
    '2026-03-01T10:00+05:00:00', '', '   ', 'yesterday', '2026-03-01T10:00:00,5Z',
  ])('%j is NaN', (text) => expect(berlin(text)).toBeNaN());
});

describe('SPEC 3.4 gap and fold (Temporal compatible)', () => {
  test('Berlin gap: 02:30 on 29 March moves forward by the hour', () => {
    // clocks jump 02:00 CET -> 03:00 CEST (01:00Z); 02:30 read with the offset before (+1) = 01:30Z = 03:30 CEST
    expect(iso(berlin('2026-03-29T02:30'))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(berlin('2026-03-29T02:00'))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(berlin('2026-03-29T01:59'))).toBe('2026-03-29T00:59:00.000Z'); // still CET
    expect(iso(berlin('2026-03-29T03:00'))).toBe('2026-03-29T01:00:00.000Z'); // CEST
  });
  test('Berlin fold: 02:30 on 25 October is the earlier instant', () => {
    // 02:00-03:00 local happens twice: first in CEST (+2), then in CET (+1); earlier = 02:30 - 2h
    expect(iso(berlin('2026-10-25T02:30'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(berlin('2026-10-25T03:00'))).toBe('2026-10-25T02:00:00.000Z'); // after the fold, CET
    expect(iso(berlin('2026-10-25T01:59:59'))).toBe('2026-10-24T23:59:59.000Z');
  });
  test('New York gap and fold', () => {
    // 8 March 2026: 02:00 EST (-5) -> 03:00 EDT (-4); 02:30 + 5h = 07:30Z (= 03:30 EDT)
    expect(iso(newYork('2026-03-08T02:30'))).toBe('2026-03-08T07:30:00.000Z');
    // 1 November 2026: 01:00-02:00 twice; earlier is EDT: 01:30 + 4h = 05:30Z
    expect(iso(newYork('2026-11-01T01:30'))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(newYork('2026-11-01T02:30'))).toBe('2026-11-01T07:30:00.000Z'); // EST: +5h
  });
  test('localToInstant uses the same rule', () => {
    expect(iso(localToInstant('Europe/Berlin', 2026, 3, 29, 2, 30))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(localToInstant('Europe/Berlin', 2026, 10, 25, 2, 30))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(localToInstant('UTC', 2026, 1, 2, 3, 4, 5, 6))).toBe('2026-01-02T03:04:05.006Z');
  });
  test('an offset in the text wins over the zone', () => {
    expect(iso(berlin('2026-03-29T02:30+01:00'))).toBe('2026-03-29T01:30:00.000Z');
    expect(berlin('2026-07-01T12:00Z')).toBe(utc('2026-07-01T12:00'));
  });
});

describe('local dates', () => {
  test('localDateOf', () => {
    expect(localDateOf(Date.parse('2026-02-28T23:30:00Z'), 'Europe/Berlin')).toBe('2026-03-01'); // 00:30 local
    expect(localDateOf(Date.parse('2026-03-01T04:59:59Z'), 'America/New_York')).toBe('2026-02-28'); // 23:59:59 EST
    expect(localDateOf(Date.parse('2026-03-01T00:00:00Z'), 'UTC')).toBe('2026-03-01');
  });
  test('localDayStart on DST days', () => {
    expect(iso(localDayStart('2026-03-29', 'Europe/Berlin'))).toBe('2026-03-28T23:00:00.000Z');
    expect(iso(localDayStart('2026-03-30', 'Europe/Berlin'))).toBe('2026-03-29T22:00:00.000Z'); // 23 h later
    expect(iso(localDayStart('2026-10-25', 'Europe/Berlin'))).toBe('2026-10-24T22:00:00.000Z');
    expect(iso(localDayStart('2026-10-26', 'Europe/Berlin'))).toBe('2026-10-25T23:00:00.000Z'); // 25 h later
    expect(localDayStart('2026-02-30', 'Europe/Berlin')).toBeNaN();
  });
  test('a day whose midnight falls in a gap starts at the first instant after it', () => {
    // America/Havana springs forward at 00:00 -> 01:00 (CST -5 -> CDT -4) on 8 March 2026:
    // midnight read with the offset before (-5) = 05:00Z, which is 01:00 CDT
    expect(iso(localDayStart('2026-03-08', 'America/Havana'))).toBe('2026-03-08T05:00:00.000Z');
    expect(localDateOf(localDayStart('2026-03-08', 'America/Havana'), 'America/Havana')).toBe('2026-03-08');
  });
  test('isValidDate', () => {
    expect(isValidDate('2026-12-31')).toBe(true);
    expect(isValidDate('2024-02-29')).toBe(true);
    for (const bad of ['2026-02-29', '2026-12-32', '2026-1-01', '2026-01-01T00:00', ' 2026-01-01', '20260101']) {
      expect(isValidDate(bad), bad).toBe(false);
    }
  });
  test('isValidZone', () => {
    expect(isValidZone('Europe/Berlin')).toBe(true);
    expect(isValidZone('UTC')).toBe(true);
    expect(isValidZone('America/Argentina/Buenos_Aires')).toBe(true);
    for (const bad of ['Mars/Olympus', '', '+01:00', 'Europe/Berlin ', 'CET+1']) expect(isValidZone(bad), bad).toBe(false);
  });
  test('formatInstant', () => {
    expect(formatInstant(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(formatInstant(Date.UTC(2026, 2, 1, 0, 0, 0, 7))).toBe('2026-03-01T00:00:00.007Z');
  });
});

describe('describeBadTimestamp', () => {
  test('a well-formed but impossible date says so', () => {
    expect(describeBadTimestamp('2026-02-30')).toBe('"2026-02-30" is not a real date and time (check the day of the month, the hour and the minutes)');
    expect(describeBadTimestamp('2026-03-05T25:00')).toContain('not a real date and time');
  });
  test('anything else is not ISO 8601', () => {
    expect(describeBadTimestamp('05.03.2026')).toContain('is not an ISO 8601 timestamp');
    expect(describeBadTimestamp('2026-03-05 9am')).toContain('is not an ISO 8601 timestamp');
  });
});
