import { expect, test } from 'vitest';
import { formatDuration, formatDurationExact, formatLocalWithOffset } from '../../../src/time/format.js';

test.each([
  [3 * 3600 + 25 * 60, '3h 25m'], // 12300
  [2 * 86400 + 4 * 3600, '52h'], // no days: 2 × 24 + 4 hours
  [12 * 60 + 5, '12m 5s'],
  [45, '45s'],
  [0, '0s'],
  [0.4, '0s'], // rounds to whole seconds
  [59.6, '1m'], // 60 s
  [3600, '1h'],
  [3600 + 5, '1h 5s'], // the two largest non-zero units
  [86400 + 3600 + 60 + 1, '25h 1m'], // 24 + 1 hours, 1 minute; the second is dropped, not rounded
  [-(3600 + 1800), '-1h 30m'],
  [-0.2, '0s'],
  [10 * 86400, '240h'], // 10 × 24
])('%d s -> %s', (seconds, text) => expect(formatDuration(seconds)).toBe(text));

test.each([
  [14400.4, 1, '4h 0m 0.4s'], // 4 × 3600 + 0.4
  [14399.6, 1, '3h 59m 59.6s'],
  [14399.6, 0, '4h 0m 0s'], // rounded to whole seconds first
  [12 * 60 + 5, 0, '12m 5s'],
  [0.25, 6, '0.25s'], // trailing zeros dropped
  [10, 0, '10s'],
  [3600, 2, '1h 0m 0s'],
  [-(3600 + 0.5), 1, '-1h 0m 0.5s'],
  [0.0000004, 6, '0s'],
])('%d s with %d decimals -> %s', (seconds, decimals, text) => expect(formatDurationExact(seconds, decimals)).toBe(text));

test.each([
  // Berlin: CET (+01:00) in winter, CEST (+02:00) from 29 March 2026
  ['2026-02-28T23:00:00Z', 'Europe/Berlin', '2026-03-01 00:00 +01:00'],
  ['2026-03-31T22:00:00Z', 'Europe/Berlin', '2026-04-01 00:00 +02:00'],
  ['2026-03-01T00:00:00Z', 'UTC', '2026-03-01 00:00 +00:00'],
  ['2026-03-01T12:00:00Z', 'America/St_Johns', '2026-03-01 08:30 -03:30'],
])('%s in %s -> %s', (iso, zone, text) => expect(formatLocalWithOffset(Date.parse(iso), zone)).toBe(text));
