/**
 * SPEC 9.4 credit statements: per agreement and fee period, the credits of its windows of the fee's
 * kind summed in SPEC 8 order (objectives, then reports, in file order), capped at a share of the
 * fee, dropped under the minimum, with the last date to claim them. A post-pass over credited
 * results; it changes none of them.
 */
import type { CompiledAgreement } from '../compile/model.js';
import type { Evaluated } from '../evaluate/result.js';
import { lastDateInTime } from '../time/instant.js';

export interface CreditItem {
  objective: string;
  /** The window label (equal to the statement's period). */
  window: string;
  percent: number;
  /** fee × percent ÷ 100, in cents. */
  amount: number;
  /** What the cap took off this item (items are capped in order: the first ones are paid in full). */
  cut: number;
}

export interface CreditStatement {
  agreement: string;
  /** The fee period's label, e.g. `2026-03`. */
  period: string;
  periodStartMs: number;
  periodEndMs: number;
  items: CreditItem[];
  /** The items' sum, before the cap. */
  total: number;
  /** After the cap. */
  capped: number;
  /** What is paid: `capped`, or 0 when it is under the minimum. */
  issued: number;
  currency: string;
  /** The cap as an amount, or null without one. */
  cap: number | null;
  minimum: number;
  /** The last local date to claim it, or null without `claim.within`. */
  claimBy: string | null;
}

/** Cents, as credit amounts are (SPEC 6). */
function cents(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * One statement per agreement with a fee and fee period with at least one credited item (SPEC
 * 9.7). `evaluated` is every result in SPEC 8 order; partial and excused windows carry no credit.
 */
export function creditStatements(agreements: readonly CompiledAgreement[], evaluated: readonly Evaluated[]): CreditStatement[] {
  const out: CreditStatement[] = [];
  // SPEC 8 order: agreements by id (then fee periods in time order)
  for (const a of [...agreements].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) {
    const fee = a.fee;
    if (!fee) continue;
    const periods = new Map<string, { startMs: number; endMs: number; items: CreditItem[] }>();
    for (const e of evaluated) {
      if (e.agreement !== a.id || e.windowKind !== fee.per || e.credit?.amount == null) continue;
      let p = periods.get(e.window.label);
      if (!p) periods.set(e.window.label, (p = { startMs: e.startMs, endMs: e.endMs, items: [] }));
      p.items.push({ objective: e.objective, window: e.window.label, percent: e.credit.percent, amount: e.credit.amount, cut: 0 });
    }
    const terms = a.creditTerms;
    const cap = terms?.cap == null ? null : cents((fee.amount * terms.cap) / 100);
    const minimum = terms?.minimum ?? 0;
    const sorted = [...periods].sort((x, y) => x[1].startMs - y[1].startMs);
    for (const [period, { startMs, endMs, items }] of sorted) {
      const total = cents(items.reduce((sum, item) => sum + item.amount, 0));
      let room = cap ?? Infinity;
      for (const item of items) {
        const paid = Math.min(item.amount, room);
        item.cut = cents(item.amount - paid);
        room = cents(room - paid);
      }
      const capped = cap === null ? total : Math.min(total, cap);
      out.push({
        agreement: a.id,
        period,
        periodStartMs: startMs,
        periodEndMs: endMs,
        items,
        total,
        capped,
        issued: capped < minimum ? 0 : capped,
        currency: fee.currency,
        cap,
        minimum,
        claimBy: terms?.claimWithin ? lastDateInTime(endMs, terms.claimWithin.seconds, a.zone) : null,
      });
    }
  }
  return out;
}
