/**
 * Targets and warnings turned into statuses (SPEC 3.3, 6), with the reason a person reads in
 * `explain`, and the unit each objective or report yields.
 */
import type { Operator, Target } from '../agreement/quantity.js';
import { compare } from '../agreement/quantity.js';
import { formatDuration } from '../time/format.js';
import type { Status, Unit } from './result.js';

const SYMBOL: Record<Operator, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '==': '=' };
const NEGATED: Record<Operator, string> = { '>=': '<', '>': '≤', '<=': '>', '<': '≥', '==': '≠' };
/** How a value that meets the target misses the warning, in words. */
const MISSED_WARNING: Record<Operator, string> = {
  '>=': 'below',
  '>': 'not above',
  '<=': 'above',
  '<': 'not below',
  '==': 'not equal to',
};

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** A window value as a person reads it: `96.46%`, `3h 25m`, `12`, `4.25`. */
export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case '%':
      return `${round(value, 2)}%`;
    case 's':
      return formatDuration(value);
    case 'count':
      return String(value);
    case 'number':
      return String(round(value, 4));
  }
}

/** The threshold of a target as the user wrote it: `>= 95%` -> `95%`. */
function thresholdText(t: Target): string {
  return t.text.slice(t.text.indexOf(t.op) + t.op.length).trim();
}

/** SPEC 6: met / at-risk / breached / no-data (excused is decided later, by dependency chains). */
export function statusOf(
  value: number | null,
  target: Target,
  warning: Target | null,
  unit: Unit = unitFromTarget(target),
): { status: Status; reason: string } {
  if (value === null) return { status: 'no-data', reason: 'no counted records in the window' };
  const shown = formatValue(value, unit);
  const t = thresholdText(target);
  if (!compare(value, target.op, target.value)) {
    return { status: 'breached', reason: `${shown} ${NEGATED[target.op]} ${t} (target)` };
  }
  const met = `${shown} ${SYMBOL[target.op]} ${t} (target)`;
  if (!warning) return { status: 'met', reason: met };
  const w = thresholdText(warning);
  if (!compare(value, warning.op, warning.value)) {
    return { status: 'at-risk', reason: `${met} but ${MISSED_WARNING[warning.op]} the ${w} warning` };
  }
  return { status: 'met', reason: `${met} and ${SYMBOL[warning.op]} ${w} (warning)` };
}

function unitFromTarget(t: Target): Unit {
  return t.unit === '%' ? '%' : t.unit === 'duration' ? 's' : 'number';
}
