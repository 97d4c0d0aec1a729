/**
 * SPEC 9.4 in words: a credit statement per agreement and fee period, and a remedy entry, each as
 * one line the table and Markdown share.
 */
import type { RemedyEntry } from '../attribution/remedies.js';
import type { CreditStatement } from '../attribution/statements.js';
import { formatAmount, formatNumber, formatValueAgainst } from './values.js';

/**
 * Whether a statement says more than the credit column: only agreements with `creditTerms` (a cap,
 * a minimum or a claim window) get one in the table and Markdown; JSON and `slacheck credits` list
 * every statement.
 */
export function statementHasTerms(s: CreditStatement): boolean {
  return s.cap !== null || s.minimum > 0 || s.claimBy !== null;
}

/**
 * `service-desk 2026-03: 3 credits 1,500 EUR, capped at 900 EUR, issued 900 EUR; claim by 2026-04-30`.
 */
export function statementLine(s: CreditStatement): string {
  const money = (n: number) => formatAmount(n, s.currency);
  const parts = [`${s.items.length} credit${s.items.length === 1 ? '' : 's'} ${money(s.total)}`];
  if (s.cap !== null && s.total > s.cap) parts.push(`capped at ${money(s.cap)}`);
  parts.push(s.issued === 0 && s.capped > 0 ? `under the minimum of ${money(s.minimum)}: not issued` : `issued ${money(s.issued)}`);
  const claim = s.claimBy === null ? '' : `; claim by ${s.claimBy}`;
  return `${s.agreement} ${s.period}: ${parts.join(', ')}${claim}`;
}

/** What a statement's items are: `p1-resolution 10% 1,200 EUR, uptime 5% 600 EUR (cut 300 EUR)`. */
export function statementItems(s: CreditStatement): string {
  return s.items
    .map((i) => `${i.objective} ${formatNumber(i.percent)}% ${formatAmount(i.amount, s.currency)}${i.cut > 0 ? ` (cut ${formatAmount(i.cut, s.currency)})` : ''}`)
    .join(', ');
}

/** Why a remedy holds: `3 of the last 6 windows breached (2026-02, 2026-04, 2026-06)`. */
export function remedyReason(r: RemedyEntry): string {
  const when = r.remedy.when;
  if (!r.triggered) return when.kind === 'breached' ? `not ${when.breached} breached among the last ${when.of} windows` : `the mean of the last ${when.of} windows does not meet ${when.target.text}`;
  if (when.kind === 'breached') {
    return `${r.evidence.length} of the last ${when.of} window${when.of === 1 ? '' : 's'} breached (${r.evidence.join(', ')})`;
  }
  const mean = formatValueAgainst(r.average, r.unit ?? 'number', [when.target.value]);
  return `the mean of ${r.evidence.join(', ')} is ${mean} ${when.target.op} ${formatValueAgainst(when.target.value, r.unit ?? 'number', [])}`;
}

/** `outsourcing/termination-right triggered at 2026-06: 3 of the last 6 windows breached (…); act by 2026-08-29`. */
export function remedyLine(r: RemedyEntry): string {
  const head = `${r.agreement}/${r.id} ${r.triggered ? `triggered at ${r.window}` : `not triggered${r.window ? ` (latest window ${r.window})` : ''}`}`;
  const act = r.actBy === null ? '' : `; act by ${r.actBy}`;
  return `${head}: ${remedyReason(r)}${act}`;
}
