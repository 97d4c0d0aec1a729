/** Numbers as people read them in every output format: values with units, amounts, charges, credits. */
import { NO_PARTY } from '../agreement/model.js';
import { parseDuration, parseTarget } from '../agreement/quantity.js';
import type { Verdict } from '../evaluate/explanation.js';
import type { Charge, Credit, Evaluated, Unit } from '../evaluate/result.js';
import { formatDuration, formatDurationExact } from '../time/format.js';

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

/** The most decimals a value gets to keep clear of its thresholds (SPEC 9.2). */
export const MAX_DECIMALS = 6;

/** A rendering of a value and the number a reader takes it for. */
interface Shown {
  text: string;
  value: number;
}

function shownNumber(value: number, unit: Exclude<Unit, 's'>, decimals: number): Shown {
  const digits = formatNumber(value, decimals);
  return { text: unit === '%' ? `${digits}%` : digits, value: Number(digits.replace(/,/g, '')) };
}

function shownDuration(text: string): Shown {
  return { text, value: parseDuration(text.replace(/ /g, '')) ?? NaN };
}

/** From the usual rendering to the most precise one: the candidates `formatValueAgainst` tries, in order. */
function renderings(value: number, unit: Unit, minDecimals: number): Shown[] {
  const out: Shown[] = [];
  if (unit === 's') {
    // `4h`, then every unit down to whole seconds (`4h 0m 0s`), then fractions of a second
    out.push(shownDuration(formatDuration(value)));
    for (let d = 0; d <= MAX_DECIMALS; d++) out.push(shownDuration(formatDurationExact(value, d)));
    return out;
  }
  const from = Math.min(MAX_DECIMALS, Math.max(minDecimals, unit === 'count' ? 0 : 2));
  for (let d = from; d <= MAX_DECIMALS; d++) out.push(shownNumber(value, unit, d));
  return out;
}

/** The last digit rounded down and up instead of to the nearest (for when nearest is not enough). */
function directed(value: number, unit: Unit): Shown[] {
  const scale = 10 ** MAX_DECIMALS;
  return [Math.floor(value * scale) / scale, Math.ceil(value * scale) / scale].map((v) =>
    unit === 's' ? shownDuration(formatDurationExact(v, MAX_DECIMALS)) : shownNumber(v, unit, MAX_DECIMALS),
  );
}

/** The shown value is on the same side of every threshold as the real one: above, below, or equal. */
function faithful(value: number, shown: number, thresholds: readonly number[]): boolean {
  return thresholds.every((t) => Math.sign(shown - t) === Math.sign(value - t));
}

/**
 * A window value shown beside its target (SPEC 9.2, "display never contradicts the status"): the
 * usual rendering of `formatValue` when a reader would put it on the same side of every threshold
 * as the real value (above, below or equal), else the fewest more decimals, up to 6, that do:
 * 99.98759 against `>= 99.99%` is `99.988%`, never `99.99%`. Durations go from `4h` to every unit
 * (`4h 0m 0s`) and then to fractions of a second (`4h 0m 0.4s`). Percentages also keep clear of 0 and
 * 100: 99.995% is not shown as `100%`. Should 6 decimals not be enough, the last one is rounded down or
 * up, whichever keeps the sides. `minDecimals` raises the usual 2 (the uptime formula shows 4).
 */
export function formatValueAgainst(value: number | null, unit: Unit, thresholds: readonly number[], minDecimals = 0): string {
  if (value === null || Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return formatValue(value, unit);
  const against = unit === '%' ? [...thresholds, 0, 100] : thresholds;
  const candidates = renderings(value, unit, minDecimals);
  const found = [...candidates, ...directed(value, unit)].find((c) => faithful(value, c.value, against));
  return (found ?? candidates[candidates.length - 1]!).text;
}

/** The thresholds a verdict judged the value against: the target, the warning and the credit tiers. */
export function verdictThresholds(v: Verdict): number[] {
  if (v.status === 'no-data') return [];
  return [v.target.value, ...(v.warning ? [v.warning.value] : []), ...(v.credits?.tiers.map((t) => t.threshold) ?? [])];
}

/** The thresholds of a result: its verdict's, or its target as written when it has no value. */
export function resultThresholds(e: Pick<Evaluated, 'target' | 'explanation'>): number[] {
  const v = e.explanation.verdict;
  if (v.status !== 'no-data') return verdictThresholds(v);
  const target = parseTarget(e.target);
  return target ? [target.value] : [];
}

/**
 * A result's value as every format shows it beside its target; `≥ 685h` when open records entered
 * it at what they are so far (SPEC 3.4 v1.1: the final value is at least this).
 */
export function formatResultValue(e: Pick<Evaluated, 'value' | 'unit' | 'target' | 'explanation' | 'lowerBound'>): string {
  const shown = formatValueAgainst(e.value, e.unit, resultThresholds(e));
  return e.lowerBound && e.value !== null ? `≥ ${shown}` : shown;
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

/**
 * A party as a charge names it: its id, or `excluded (no party)` for the reserved `none` an
 * exclusion may charge (SPEC 5), which is nobody rather than a party called "none".
 */
export function partyLabel(party: string): string {
  return party === NO_PARTY ? 'excluded (no party)' : party;
}

/** `company-x 3 (1h 30m)`: records charged to a party and, when any, the working time taken away. */
export function formatCharge(party: string, charge: Charge): string {
  const time = charge.seconds !== 0 ? ` (${formatDuration(charge.seconds)})` : '';
  return `${partyLabel(party)} ${charge.records}${time}`;
}

/** Charged parties in a stable order (party id), so every format lists them the same way. */
export function chargedEntries(charged: Readonly<Record<string, Charge>>): [string, Charge][] {
  return Object.keys(charged)
    .sort()
    .map((party) => [party, charged[party]!]);
}

/**
 * Credit totals per agreement, in first-seen order: amounts summed per currency
 * (`1,200 EUR`); credits without an amount are listed by percent (`5% + 10%`). With the agreement's
 * credit statements (SPEC 9.4), a total that the cap or the minimum reduced says what is issued:
 * `cloud-sla 5,400 EUR (issued 3,600 EUR)`.
 */
export function creditTotals(
  rows: readonly { agreement: string; credit: Credit | null }[],
  statements: readonly { agreement: string; total: number; issued: number; currency: string }[] = [],
): string[] {
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
    const own = statements.filter((s) => s.agreement === agreement);
    const issued = own.reduce((sum, s) => sum + s.issued, 0);
    if (own.length > 0 && own.some((s) => s.issued !== s.total)) parts[0] += ` (issued ${formatAmount(Math.round(issued * 100) / 100, own[0]!.currency)})`;
    if (percents.length > 0) parts.push(percents.map((p) => `${formatNumber(p)}%`).join(' + ') + ' of fee');
    return `${agreement} ${parts.join(', ')}`;
  });
}
