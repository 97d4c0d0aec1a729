/**
 * SPEC 9.4: credit terms and remedies. Terms need a fee to be paid from; a remedy names objectives
 * that exist and share one window kind, counts no more breaches than windows, and averages one
 * objective against a target in its unit.
 */
import type { LoadedAgreement, NodePath, Objective } from '../../agreement/model.js';
import { parseDuration, parseTarget, type QuantityUnit } from '../../agreement/quantity.js';
import { isAccepted, itemsOf, remediesOf, type AgreementCheck, type AgreementIndex, type Reporter } from './context.js';
import { objectiveUnit, quantityUnitOf } from '../measure.js';
import { describeUnit } from './measure.js';
import { resolveDependency } from '../resolve.js';
import { specsOf, windowKey } from '../../time/window-specs.js';

function checkDuration(text: string, what: string, path: NodePath, report: Reporter): void {
  const seconds = parseDuration(text);
  if (seconds === null || seconds <= 0) report(path, 'invalid-duration', `${what} \`${text}\` is not a positive duration; write e.g. \`30d\`, \`2w\` or \`72h\``);
}

export const checkCreditTerms: AgreementCheck = (a, _index, report) => {
  const terms = a.doc.creditTerms;
  if (!terms || !isAccepted(a, ['creditTerms'])) return;
  if (!a.doc.fee && isAccepted(a, ['fee'])) {
    const keys = Object.keys(terms).map((k) => `\`${k}\``).join(', ');
    report(['creditTerms'], 'credit-terms-without-fee', `creditTerms (${keys}) are paid out of the fee, and this agreement has none; add \`fee: { amount, currency, per }\``);
  }
  if (terms.claim?.within !== undefined) checkDuration(terms.claim.within, 'claim.within', ['creditTerms', 'claim', 'within'], report);
};

/** The window kind and value unit of a resolved objective or report. */
function itemFacts(agreement: LoadedAgreement, id: string): { window: string; unit: QuantityUnit | null } | null {
  const found = itemsOf(agreement).find((x) => x.item.id === id);
  if (!found) return null;
  const unit = found.kind === 'report' ? '%' : objectiveUnit(found.item as Objective);
  return { window: windowKey(specsOf(found.item.window)[0]!), unit: unit === null ? null : quantityUnitOf(unit) };
}

function checkRemedyObjectives(a: LoadedAgreement, refs: readonly string[], path: NodePath, index: AgreementIndex, report: Reporter) {
  const facts: Array<{ ref: string; window: string; unit: QuantityUnit | null }> = [];
  refs.forEach((ref, k) => {
    const r = resolveDependency(ref, a, index);
    if (!r.ok) {
      if (r.message !== null) report([...path, k], 'unknown-objective', `remedy objectives: ${r.message}`);
      return;
    }
    const f = itemFacts(r.agreement, r.id);
    if (f) facts.push({ ref, ...f });
  });
  const kinds = [...new Set(facts.map((f) => f.window))];
  if (kinds.length > 1) {
    report(path, 'remedy-window-kinds', `a remedy pools its objectives' windows by label, so they need one window kind; these have ${facts.map((f) => `\`${f.ref}\` ${f.window}`).join(', ')}`);
  }
  return facts;
}

export const checkRemedies: AgreementCheck = (a, index, report) => {
  const seen = new Map<string, number>();
  for (const { remedy, path } of remediesOf(a)) {
    const earlier = seen.get(remedy.id);
    if (earlier !== undefined) report([...path, 'id'], 'duplicate-id', `remedy id \`${remedy.id}\` is already used by the remedy at line ${earlier}`);
    else seen.set(remedy.id, a.locate([...path, 'id']).line);
    const facts = checkRemedyObjectives(a, remedy.objectives, [...path, 'objectives'], index, report);
    const when = remedy.when;
    if ('breached' in when) {
      if (when.of < when.breached) {
        report([...path, 'when', 'of'], 'remedy-counts', `\`breached: ${when.breached}\` can never happen among \`of: ${when.of}\` windows; \`of\` must be at least \`breached\``);
      }
    } else {
      if (remedy.objectives.length !== 1) {
        report([...path, 'objectives'], 'remedy-average-objectives', `an \`average\` remedy averages one objective's values; it names ${remedy.objectives.length}`);
      }
      const target = parseTarget(String(when.average));
      if (!target) {
        report([...path, 'when', 'average'], 'invalid-target', `average \`${when.average}\` is not a target; write an operator and a number, e.g. \`< 97%\``);
      } else if (facts.length === 1 && facts[0]!.unit !== null && facts[0]!.unit !== target.unit) {
        const f = facts[0]!;
        report([...path, 'when', 'average'], 'unit-mismatch', `average \`${target.text}\` is ${describeUnit(target.unit)}, but \`${f.ref}\` gives ${describeUnit(f.unit!)}`);
      }
    }
    if (remedy.notice !== undefined) checkDuration(remedy.notice, 'notice', [...path, 'notice'], report);
  }
};
