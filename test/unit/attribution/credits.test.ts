import { describe, expect, test } from 'vitest';
import { creditFor, creditPercent } from '../../../src/attribution/credits.js';
import type { AgreementDoc } from '../../../src/agreement/model.js';
import type { CreditTiers } from '../../../src/compile/index.js';
import { compileDocs } from '../compiled.js';

/** The compiled tiers of an objective with `target` and `credits` as written in YAML. */
type Objective = NonNullable<AgreementDoc['objectives']>[number];
function tiersOf(target: string, credits: Objective['credits'], measure: Pick<Objective, 'measure' | 'aggregate'>): CreditTiers {
  const [a] = compileDocs([
    {
      apiVersion: 'slacheck/v1', kind: 'SLA', id: 'a', title: 'A', validity: { from: '2026-01-01', to: '2026-12-31' },
      parties: { p: { name: 'P', role: 'provider' }, c: { name: 'C', role: 'customer' } },
      data: { t: { file: 't.csv' } },
      objectives: [{ id: 'o', source: 't', ...measure, target, window: 'month', credits }],
    },
  ]);
  return a!.items[0]!.credits!;
}

const tiersBelow = tiersOf(
  '>= 99.9%',
  [
    { below: '99.9%', credit: '5%' },
    { below: '99%', credit: '15%' },
  ],
  { measure: { uptime: { from: 'start', to: 'end' } } },
);
const tiersAbove = tiersOf(
  '<= 8h',
  [
    { above: '8h', credit: '5%' },
    { above: '12h', credit: '10%' },
  ],
  { measure: { duration: { from: 'opened', to: 'resolved' } }, aggregate: 'mean' },
);

describe('credit tiers at their edges (SPEC 6)', () => {
  test.each([
    [99.9, null], // not under 99.9: no tier
    [99.89, 5], // under 99.9 only
    [99, 5], // 99 is not under 99 (strict): still the 5% tier
    [98.99, 15], // under both: the lowest `below` (99) wins
  ])('higher is better: %d -> %s', (v, pct) => expect(creditPercent(v, tiersBelow)).toBe(pct));

  test.each([
    [8 * 3600, null], // exactly 8h does not exceed 8h
    [8 * 3600 + 1, 5],
    [12 * 3600, 5], // 12h does not exceed 12h
    [12 * 3600 + 1, 10], // exceeds both: the highest `above` (12h) wins
  ])('lower is better: %d s -> %s', (v, pct) => expect(creditPercent(v, tiersAbove)).toBe(pct));

  const fee = { amount: 12000, currency: 'EUR', per: 'month' as const };
  test('amount only when the window kind matches fee.per', () => {
    // 15% of 12000 EUR = 1800 EUR
    expect(creditFor({ status: 'breached', value: 98, windowKind: 'month', window: { partial: false } }, tiersBelow, fee)).toEqual({ percent: 15, amount: 1800, currency: 'EUR' });
    expect(creditFor({ status: 'breached', value: 98, windowKind: 'quarter', window: { partial: false } }, tiersBelow, fee)).toEqual({ percent: 15, amount: null, currency: null });
    expect(creditFor({ status: 'breached', value: 98, windowKind: 'month', window: { partial: false } }, tiersBelow, null)).toEqual({ percent: 15, amount: null, currency: null });
  });
  test('no credit unless breached in a complete window', () => {
    expect(creditFor({ status: 'excused', value: 98, windowKind: 'month', window: { partial: false } }, tiersBelow, fee)).toBeNull();
    expect(creditFor({ status: 'breached', value: 98, windowKind: 'month', window: { partial: true } }, tiersBelow, fee)).toBeNull();
  });
});
