/**
 * SPEC 9.3 error budgets: for an objective whose target is `>=`/`>` a percentage (ratio, uptime,
 * reports), how much failure the target allows in a window, how much is used, and — for the
 * partial window — the pace (burn rate) and when the budget runs out at that pace.
 */
import type { Target } from '../agreement/quantity.js';
import type { WorkingCalendar } from '../time/types.js';

/** What an evaluator measured that a budget is computed from. */
export interface BudgetBasis {
  /** `records` (ratio: bad records; reports: late or missed occurrences) or `s` (uptime: downtime). */
  unit: 'records' | 's';
  /** What the allowed share applies to so far: counted records, due occurrences, or service seconds up to as-of. */
  base: number;
  /** Bad records, late or missed occurrences, or downtime seconds (never projected). */
  used: number;
  /**
   * How a partial window is projected to its end: the base of the whole window ÷ the base so far is
   * `whole ÷ elapsed` (service seconds of the whole window and up to as-of; occurrences due in the
   * whole window and so far). For a complete window both are equal.
   */
  elapsed: number;
  whole: number;
  /**
   * The working time on which the pace is measured, to turn "spent after this share of the window"
   * into an instant; null when no instant is given (reports).
   */
  clock: { calendar: WorkingCalendar | null; start: number } | null;
}

export interface Budget {
  unit: 'records' | 's';
  allowed: number;
  used: number;
  remaining: number;
  /** null when nothing is allowed (a 100% target). */
  burnRate: number | null;
  /** Epoch ms; null for complete windows, when already spent, when it lasts the window, or for reports. */
  exhaustsAt: number | null;
  /** The window was partial: `allowed` is projected to its end (explain says how). */
  projected: boolean;
  /** The base the allowed share applied to (projected for a partial window). */
  base: number;
  /** Elapsed share of the window (1 when complete). */
  share: number;
}

/** Rounds away binary noise (0.1 × 3) while keeping every digit a person could mean. */
function tidy(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/** Whether a target has a budget: `>=`/`>` a percentage (SPEC 9.3). */
export function hasBudget(target: Target, unit: string): boolean {
  return unit === '%' && (target.op === '>=' || target.op === '>');
}

/** Working seconds from `start` on a calendar (24x7 when null). */
function addWorking(calendar: WorkingCalendar | null, start: number, seconds: number): number {
  return calendar ? calendar.addWorkingSeconds(start, seconds) : start + seconds * 1000;
}

export function budgetOf(basis: BudgetBasis | undefined, target: Target, unit: string, partial: boolean): Budget | null {
  if (!basis || !hasBudget(target, unit)) return null;
  const share = partial && basis.whole > 0 ? Math.min(1, basis.elapsed / basis.whole) : 1;
  // SPEC 9.3: a partial window's base is projected to the whole window; `used` never is
  const base = partial && share > 0 ? basis.base / share : basis.base;
  const allowed = tidy(((100 - target.value) * base) / 100);
  const used = basis.used;
  const remaining = tidy(allowed - used);
  if (allowed <= 0) return { unit: basis.unit, allowed, used, remaining, burnRate: null, exhaustsAt: null, projected: partial, base: tidy(base), share: tidy(share) };
  const spent = used / allowed;
  const burnRate = tidy(partial && share > 0 ? spent / share : spent);
  let exhaustsAt: number | null = null;
  if (partial && remaining > 0 && used > 0 && basis.clock !== null && share > 0) {
    // at the pace so far, the budget is spent after share × allowed ÷ used of the window's service time
    const at = (share * allowed) / used;
    if (at < 1) exhaustsAt = Math.round(addWorking(basis.clock.calendar, basis.clock.start, at * basis.whole));
  }
  return { unit: basis.unit, allowed, used, remaining, burnRate, exhaustsAt, projected: partial, base: tidy(base), share: tidy(share) };
}
