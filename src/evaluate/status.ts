/** Targets and warnings turned into statuses (SPEC 3.3, 6), with the verdict `explain` puts in words. */
import type { Target } from '../agreement/quantity.js';
import { compare } from '../agreement/quantity.js';
import type { CreditTiers, Unit } from '../compile/model.js';
import type { Verdict } from './explanation.js';

/** SPEC 6: met / at-risk / breached / no-data (excused is decided later, by dependency chains). */
export function statusOf(value: number | null, target: Target, warning: Target | null, unit: Unit, credits: CreditTiers | null): Verdict {
  if (value === null) return { status: 'no-data' };
  const status = !compare(value, target.op, target.value) ? 'breached' : warning && !compare(value, warning.op, warning.value) ? 'at-risk' : 'met';
  return { status, value, unit, target, warning, credits };
}
