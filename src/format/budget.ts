/**
 * SPEC 9.3 error budgets in words: the table's short cell (`3.2 of 5 left`, `41m of 43m left`,
 * `overspent by 2`) and the sentences Markdown and explain print.
 */
import type { Budget } from '../evaluate/index.js';
import type { Evaluated } from '../evaluate/result.js';
import { formatDuration, formatLocalWithOffset } from '../time/format.js';
import { formatNumber } from './values.js';

/** An amount of budget in its unit: records with up to 2 decimals, seconds as a duration. */
function amount(b: Budget, x: number): string {
  return b.unit === 's' ? formatDuration(x) : formatNumber(x);
}

/** The table cell: what is left of what is allowed, or by how much it is overspent. */
export function budgetCell(b: Budget): string {
  if (b.remaining < 0) return `overspent by ${amount(b, -b.remaining)}`;
  return `${amount(b, b.remaining)} of ${amount(b, b.allowed)} left`;
}

/** The results whose budget human formats show: partial windows, and each objective's latest complete window. */
export function budgetShown(history: readonly Evaluated[]): Set<Evaluated> {
  const latest = new Map<string, Evaluated>();
  const shown = new Set<Evaluated>();
  for (const e of history) {
    // a window without data has nothing to spend a budget on (JSON still has its zeros)
    if (!e.budget || e.value === null) continue;
    if (e.window.partial) shown.add(e);
    else {
      const key = `${e.agreement}/${e.objective}/${e.windowKind}`;
      const seen = latest.get(key);
      if (!seen || e.startMs > seen.startMs) latest.set(key, e);
    }
  }
  for (const e of latest.values()) shown.add(e);
  return shown;
}

/**
 * The budget as sentences: what is allowed of what, how the partial window was projected, the
 * pace, and when it runs out.
 */
export function budgetLines(e: Evaluated): string[] {
  const b = e.budget;
  if (!b) return [];
  const unit = b.unit === 's' ? 'of downtime' : `${e.itemKind === 'report' ? 'late or missed occurrences' : 'bad records'}`;
  const share = `${formatNumber(100 - targetValue(e))}%`;
  const of =
    b.unit === 's'
      ? `${share} of ${formatDuration(b.base)} of service time`
      : `${share} of ${formatNumber(b.base)} ${e.itemKind === 'report' ? 'due occurrences' : 'counted records'}`;
  const lines = [`${amount(b, b.allowed)} ${unit} allowed (${of}); ${amount(b, b.used)} used; ${b.remaining < 0 ? `overspent by ${amount(b, -b.remaining)}` : `${amount(b, b.remaining)} left`}`];
  if (b.projected) {
    const elapsed = `${formatNumber(100 * b.share)}% of the window's ${e.itemKind === 'report' ? 'occurrences are due' : 'service time has passed'}`;
    lines.push(`partial window: ${elapsed}, so ${b.unit === 's' ? 'the service time is that of the whole window' : `the ${e.itemKind === 'report' ? 'due occurrences are' : 'counted records are'} projected to ${formatNumber(b.base)}`}`);
  }
  if (b.burnRate !== null) lines.push(`burn rate ${formatNumber(b.burnRate)}${b.projected ? ' (1 spends exactly the budget by the window\'s end)' : ' (share of the budget used)'}`);
  if (b.exhaustsAt !== null) lines.push(`at this pace the budget runs out ${formatLocalWithOffset(b.exhaustsAt, e.zone)}`);
  else if (b.projected && b.remaining > 0 && b.burnRate !== null && b.burnRate > 0 && e.itemKind !== 'report') lines.push('at this pace the budget lasts the window');
  return lines;
}

/** The target's number (`>= 99.9%` → 99.9). */
function targetValue(e: Evaluated): number {
  const m = /([0-9]+(?:\.[0-9]+)?)\s*%/.exec(e.target);
  return m ? Number(m[1]) : 0;
}
