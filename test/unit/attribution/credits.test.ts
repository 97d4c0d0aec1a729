import { describe, expect, test } from 'vitest';
import { parseTarget } from '../../../src/agreement/quantity.js';
import { creditFor, creditPercent } from '../../../src/attribution/credits.js';

const higher = parseTarget('>= 99.9%')!;
const lower = parseTarget('<= 8h')!;
const tiersBelow = [
  { below: '99.9%', credit: '5%' },
  { below: '99%', credit: '15%' },
];
const tiersAbove = [
  { above: '8h', credit: '5%' },
  { above: '12h', credit: 10 },
];

describe('credit tiers at their edges (SPEC 6)', () => {
  test.each([
    [99.9, null], // not under 99.9: no tier
    [99.89, 5], // under 99.9 only
    [99, 5], // 99 is not under 99 (strict): still the 5% tier
    [98.99, 15], // under both: the lowest `below` (99) wins
  ])('higher is better: %d -> %s', (v, pct) => expect(creditPercent(v, higher, tiersBelow)).toBe(pct));

  test.each([
    [8 * 3600, null], // exactly 8h does not exceed 8h
    [8 * 3600 + 1, 5],
    [12 * 3600, 5], // 12h does not exceed 12h
    [12 * 3600 + 1, 10], // exceeds both: the highest `above` (12h) wins
  ])('lower is better: %d s -> %s', (v, pct) => expect(creditPercent(v, lower, tiersAbove)).toBe(pct));

  const fee = { amount: 12000, currency: 'EUR', per: 'month' as const };
  test('amount only when the window kind matches fee.per', () => {
    // 15% of 12000 EUR = 1800 EUR
    expect(creditFor({ status: 'breached', value: 98, windowKind: 'month', window: { partial: false } }, higher, tiersBelow, fee)).toEqual({ percent: 15, amount: 1800, currency: 'EUR' });
    expect(creditFor({ status: 'breached', value: 98, windowKind: 'quarter', window: { partial: false } }, higher, tiersBelow, fee)).toEqual({ percent: 15, amount: null, currency: null });
    expect(creditFor({ status: 'breached', value: 98, windowKind: 'month', window: { partial: false } }, higher, tiersBelow, undefined)).toEqual({ percent: 15, amount: null, currency: null });
  });
  test('no credit unless breached in a complete window', () => {
    expect(creditFor({ status: 'excused', value: 98, windowKind: 'month', window: { partial: false } }, higher, tiersBelow, fee)).toBeNull();
    expect(creditFor({ status: 'breached', value: 98, windowKind: 'month', window: { partial: true } }, higher, tiersBelow, fee)).toBeNull();
  });
});
