/** Service credits (SPEC 6): a tier only for breached, complete windows; an amount only with a matching fee. */
import { itemsOf, type AgreementDoc, type CreditTier, type Fee } from '../agreement/model.js';
import { parseQuantity, parseTarget, type Target } from '../agreement/quantity.js';
import type { Credit, Evaluated } from '../evaluate/result.js';

/** Credit percent of the tier that applies to `value`, or null. */
export function creditPercent(value: number, target: Target, tiers: readonly CreditTier[]): number | null {
  const higherBetter = target.op === '>=' || target.op === '>';
  let best: { threshold: number; percent: number } | null = null;
  for (const tier of tiers) {
    const raw = higherBetter ? tier.below : tier.above;
    if (raw === undefined) continue;
    const threshold = parseQuantity(raw);
    const percent = parseQuantity(tier.credit);
    if (!threshold || !percent) continue;
    if (higherBetter) {
      // the tier with the lowest `below` that the value is under
      if (value < threshold.value && (!best || threshold.value < best.threshold)) best = { threshold: threshold.value, percent: percent.value };
    } else if (value > threshold.value && (!best || threshold.value > best.threshold)) {
      // the tier with the highest `above` that the value exceeds
      best = { threshold: threshold.value, percent: percent.value };
    }
  }
  return best ? best.percent : null;
}

export function creditFor(
  e: Pick<Evaluated, 'status' | 'value' | 'windowKind'> & { window: { partial: boolean } },
  target: Target,
  tiers: readonly CreditTier[] | undefined,
  fee: Fee | undefined,
): Credit | null {
  if (!tiers?.length || e.status !== 'breached' || e.window.partial || e.value === null) return null;
  const percent = creditPercent(e.value, target, tiers);
  if (percent === null) return null;
  const priced = fee !== undefined && fee.per === e.windowKind;
  return {
    percent,
    amount: priced ? Math.round(fee.amount * percent) / 100 : null,
    currency: priced ? fee.currency : null,
  };
}

/** Fills `credit` on every result from its objective's or report's tiers (after dependency attribution). */
export function applyCredits(agreements: readonly { doc: AgreementDoc }[], evaluated: Evaluated[]): void {
  const items = new Map<string, { target: string; credits?: CreditTier[]; fee?: Fee }>();
  for (const { doc } of agreements) {
    for (const item of itemsOf(doc)) {
      items.set(`${doc.id}/${item.id}`, { target: item.target, credits: item.credits, fee: doc.fee });
    }
  }
  for (const e of evaluated) {
    const item = items.get(`${e.agreement}/${e.objective}`);
    const target = item ? parseTarget(item.target) : null;
    if (!item || !target) continue;
    e.credit = creditFor(e, target, item.credits, item.fee);
    if (e.credit) {
      const amount = e.credit.amount === null ? '' : ` (${e.credit.amount.toLocaleString('en-US')} ${e.credit.currency})`;
      e.explanation.statusReason += `; service credit ${e.credit.percent}%${amount}`;
    }
  }
}
