/** Numbers as people read them in every output format: values with units, amounts, charges, credits. */
import type { Charge, Credit, Unit } from '../evaluate/result.js';
import { formatDuration } from '../time/format.js';

/**
 * A number with `,` thousands grouping and at most `maxDecimals` decimals, trailing zeros dropped.
 * A non-zero number that would round to 0 keeps two significant digits instead (`0.0042`).
 */
export function formatNumber(n: number, maxDecimals = 2): string {
  if (!Number.isFinite(n)) return String(n);
  const fixed = Math.abs(n).toFixed(maxDecimals);
  if (Number(fixed) === 0) return n === 0 ? '0' : String(Number(n.toPrecision(2)));
  const [int = '0', frac = ''] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const decimals = frac.replace(/0+$/, '');
  return (n < 0 ? '-' : '') + grouped + (decimals ? `.${decimals}` : '');
}

/** A window value in human units: `96.5%`, `3h 25m`, `42`, `12.35`; `—` for no value. */
export function formatValue(value: number | null, unit: Unit): string {
  if (value === null || Number.isNaN(value)) return '—';
  switch (unit) {
    case '%':
      return `${formatNumber(value)}%`;
    case 's':
      return formatDuration(value);
    case 'count':
      return formatNumber(value, 0);
    case 'number':
      return formatNumber(value);
  }
}

/** `1,200 EUR`. */
export function formatAmount(amount: number, currency: string): string {
  return `${formatNumber(amount)} ${currency}`;
}

/** `10% (1,200 EUR)`, or `10%` when the credit has no amount (no fee, or fee period differs: SPEC 6). */
export function formatCredit(credit: Credit | null): string {
  if (!credit) return '';
  const percent = `${formatNumber(credit.percent)}%`;
  if (credit.amount === null || credit.currency === null) return percent;
  return `${percent} (${formatAmount(credit.amount, credit.currency)})`;
}

/** `company-x 3 (1h 30m)`: records charged to a party and, when any, the working time taken away. */
export function formatCharge(party: string, charge: Charge): string {
  const time = charge.seconds !== 0 ? ` (${formatDuration(charge.seconds)})` : '';
  return `${party} ${charge.records}${time}`;
}

/** Charged parties in a stable order (party id), so every format lists them the same way. */
export function chargedEntries(charged: Readonly<Record<string, Charge>>): [string, Charge][] {
  return Object.keys(charged)
    .sort()
    .map((party) => [party, charged[party]!]);
}

/**
 * Credit totals per agreement, in first-seen order: amounts summed per currency
 * (`1,200 EUR`); credits without an amount are listed by percent (`5% + 10%`).
 */
export function creditTotals(rows: readonly { agreement: string; credit: Credit | null }[]): string[] {
  const byAgreement = new Map<string, { amounts: Map<string, number>; percents: number[] }>();
  for (const row of rows) {
    if (!row.credit) continue;
    let entry = byAgreement.get(row.agreement);
    if (!entry) byAgreement.set(row.agreement, (entry = { amounts: new Map(), percents: [] }));
    const { amount, currency, percent } = row.credit;
    if (amount !== null && currency !== null) entry.amounts.set(currency, (entry.amounts.get(currency) ?? 0) + amount);
    else entry.percents.push(percent);
  }
  return [...byAgreement].map(([agreement, { amounts, percents }]) => {
    const parts = [...amounts].map(([currency, amount]) => formatAmount(amount, currency));
    if (percents.length > 0) parts.push(percents.map((p) => `${formatNumber(p)}%`).join(' + ') + ' of fee');
    return `${agreement} ${parts.join(', ')}`;
  });
}
