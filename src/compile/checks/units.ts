/** SPEC 3.3 and 6: targets, warnings and credit tiers parse and fit the unit of the window value. */
import { parseQuantity, parseTarget, usesDayUnits, type QuantityUnit, type Target } from '../../agreement/quantity.js';
import { RESERVED_CALENDAR, type CreditTier, type LoadedAgreement, type NodePath, type Objective } from '../../agreement/model.js';
import { isAccepted, itemsOf, type AgreementCheck, type Reporter } from './context.js';
import { calendarIds, effectiveCalendar, measureCalendar, objectiveUnit, quantityUnitOf } from '../measure.js';
import { describeUnit, unitSource } from './measure.js';

interface Fit {
  unit: QuantityUnit;
  /** Why: "aggregate `ratio`", "a report". */
  source: string;
  /** The measure's calendar, for the `d`/`w` warning; null for percentages. */
  calendar: string | null;
}

const EXAMPLE: Record<QuantityUnit, string> = { '%': '95%', duration: '4h', plain: '10' };

function dayUnitWarning(text: string, fit: Fit, path: NodePath, report: Reporter): void {
  if (fit.calendar === null || fit.calendar === RESERVED_CALENDAR || !usesDayUnits(text)) return;
  report(
    path,
    'day-unit-on-working-calendar',
    `\`${text}\` on calendar \`${fit.calendar}\` counts working time: \`1d\` is 24 working hours, not one business day; write hours (e.g. \`10h\`) or measure with \`calendar: 24x7\``,
    'warning',
  );
}

function checkTarget(field: 'target' | 'warning', text: string, fit: Fit | null, path: NodePath, report: Reporter): Target | null {
  const target = parseTarget(String(text));
  if (!target) {
    report(path, 'invalid-target', `${field} \`${text}\` is not a target; write an operator and a number, e.g. \`>= ${fit ? EXAMPLE[fit.unit] : '95%'}\``);
    return null;
  }
  if (!fit) return target;
  if (target.unit !== fit.unit) {
    report(path, 'unit-mismatch', `${field} \`${target.text}\` is ${describeUnit(target.unit)}, but ${fit.source} gives ${describeUnit(fit.unit)}`);
    return null;
  }
  if (fit.unit === 'duration') dayUnitWarning(target.text, fit, path, report);
  return target;
}

/** SPEC 6: `>=`/`>` targets take `below` tiers, `<=`/`<` take `above`; `credit` is a percentage. */
function checkCredits(tiers: readonly CreditTier[], target: Target, fit: Fit, path: NodePath, report: Reporter): void {
  const want = target.op === '>=' || target.op === '>' ? 'below' : target.op === '<=' || target.op === '<' ? 'above' : null;
  tiers.forEach((tier, k) => {
    const at: NodePath = [...path, k];
    const has = tier.below !== undefined ? 'below' : tier.above !== undefined ? 'above' : null;
    if (want === null) {
      report(at, 'credit-direction', `credit tiers need a target with >=, >, <= or <; \`${target.text}\` has no direction`);
    } else if (has !== null && has !== want) {
      report(
        [...at, has],
        'credit-direction',
        `target \`${target.text}\` is ${want === 'below' ? 'higher' : 'lower'} is better, so tiers use \`${want}\` (credit when the value is ${want} the tier), not \`${has}\``,
      );
    }
    if (has !== null) {
      const raw = tier[has]!;
      const q = parseQuantity(raw);
      if (!q) {
        report([...at, has], 'invalid-credit', `\`${raw}\` is not a quantity; write it like the target, e.g. \`${EXAMPLE[fit.unit]}\``);
      } else if (q.unit !== fit.unit) {
        report([...at, has], 'unit-mismatch', `${has} \`${raw}\` is ${describeUnit(q.unit)}, but ${fit.source} gives ${describeUnit(fit.unit)}`);
      } else if (fit.unit === 'duration') {
        dayUnitWarning(String(raw), fit, [...at, has], report);
      }
    }
    const credit = parseQuantity(tier.credit);
    if (!credit || credit.unit !== '%' || credit.value <= 0 || credit.value > 100) {
      report([...at, 'credit'], 'credit-not-percent', `credit \`${tier.credit}\` must be a percentage of the fee above 0 and at most 100, e.g. \`5%\``);
    }
  });
}

/** A warning that is met whenever the target is met can never mark a window at-risk. */
function isStricter(warning: Target, target: Target): boolean {
  if (warning.op === '>=' || warning.op === '>') return warning.value > target.value || (warning.value === target.value && warning.op === '>' && target.op === '>=');
  if (warning.op === '<=' || warning.op === '<') return warning.value < target.value || (warning.value === target.value && warning.op === '<' && target.op === '<=');
  return true;
}

/** The measure's calendar; null when it comes from a service the schema rejected (it cannot be known). */
function checkedCalendar(a: LoadedAgreement, objective: Objective): string | null {
  if (measureCalendar(objective.measure) === null && objective.service !== undefined && !isAccepted(a, ['services', objective.service])) return null;
  // a calendar per record (SPEC 9.5): the day-unit warning holds when any of its calendars works office hours
  const ids = calendarIds(effectiveCalendar(a.doc, objective));
  return ids.find((id) => id !== RESERVED_CALENDAR) ?? ids[0] ?? null;
}

export const checkUnits: AgreementCheck = (a, _index, report) => {
  for (const { kind, item, path } of itemsOf(a)) {
    let fit: Fit | null;
    if (kind === 'report') {
      fit = { unit: '%', source: 'a report (share of on-time deliveries)', calendar: null };
    } else {
      const objective = item as Objective;
      const unit = objectiveUnit(objective);
      fit = unit === null ? null : { unit: quantityUnitOf(unit), source: unitSource(objective), calendar: checkedCalendar(a, objective) };
      const within = objective.good && 'within' in objective.good ? String(objective.good.within) : null;
      if (within !== null && fit) dayUnitWarning(within, { ...fit, unit: 'duration' }, [...path, 'good', 'within'], report);
    }
    const target = checkTarget('target', item.target, fit, [...path, 'target'], report);
    if (item.warning !== undefined) {
      const warning = checkTarget('warning', item.warning, fit, [...path, 'warning'], report);
      if (target && warning && warning.op !== target.op) {
        report([...path, 'warning'], 'warning-operator', `warning \`${warning.text}\` must use the target's operator \`${target.op}\` (target \`${target.text}\`)`);
      } else if (target && warning && !isStricter(warning, target)) {
        report(
          [...path, 'warning'],
          'warning-not-stricter',
          `warning \`${warning.text}\` is met whenever target \`${target.text}\` is, so no window can be at-risk; make it stricter than the target`,
          'warning',
        );
      }
    }
    if (item.credits?.length && target && fit) checkCredits(item.credits, target, fit, [...path, 'credits'], report);
  }
};
