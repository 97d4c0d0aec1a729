/**
 * Service credits (SPEC 6): a tier only for breached, complete windows; an amount only with a
 * matching fee. A post-pass over attributed results: it returns new results.
 */
import type { Fee } from '../agreement/model.js';
import type { CompiledAgreement, CreditTiers } from '../compile/model.js';
import type { Credit, Evaluated } from '../evaluate/result.js';

/** Credit percent of the tier that applies to `value`, or null. */
export function creditPercent(value: number, credits: CreditTiers): number | null {
  let best: { threshold: number; percent: number } | null = null;
  for (const tier of credits.tiers) {
    if (credits.direction === 'below') {
      // the tier with the lowest `below` that the value is under
      if (value < tier.threshold && (!best || tier.threshold < best.threshold)) best = tier;
    } else if (value > tier.threshold && (!best || tier.threshold > best.threshold)) {
      // the tier with the highest `above` that the value exceeds
      best = tier;
    }
  }
  return best ? best.percent : null;
}

export function creditFor(
  e: Pick<Evaluated, 'status' | 'value' | 'windowKind'> & { window: { partial: boolean } },
  credits: CreditTiers | null,
  fee: Fee | null,
): Credit | null {
  if (!credits || e.status !== 'breached' || e.window.partial || e.value === null) return null;
  const percent = creditPercent(e.value, credits);
  if (percent === null) return null;
  const priced = fee !== null && fee.per === e.windowKind;
  return {
    percent,
    amount: priced ? Math.round(fee.amount * percent) / 100 : null,
    currency: priced ? fee.currency : null,
  };
}

/** Each result with the `credit` its objective's or report's tiers give (after dependency attribution). */
export function applyCredits(agreements: readonly CompiledAgreement[], evaluated: readonly Evaluated[]): Evaluated[] {
  const items = new Map<string, { credits: CreditTiers | null; fee: Fee | null; window: string }>();
  for (const a of agreements) for (const item of a.items) items.set(item.key, { credits: item.credits, fee: a.fee, window: item.window });
  return evaluated.map((e) => {
    const item = items.get(`${e.agreement}/${e.objective}`);
    // SPEC 9.3: with several window kinds, credits apply to windows of the first kind listed only
    const credit = item && e.windowKind === item.window ? creditFor(e, item.credits, item.fee) : null;
    return credit ? { ...e, credit } : e;
  });
}
