/**
 * `evaluate --format github`: workflow annotations at the objective's YAML node. Breached complete
 * windows are errors, at-risk and breached partial windows warnings, excused ones notices.
 */
import type { Evaluated } from '../evaluate/result.js';
import { annotation, type AnnotationLevel } from './annotations.js';
import { headline, rootCauseLine } from './details.js';
import { chargedEntries, formatCharge, formatCredit } from './values.js';
import { windowLabel, type EvaluationView } from './view.js';

function level(e: Evaluated): AnnotationLevel | null {
  switch (e.status) {
    case 'breached':
      return e.window.partial ? 'warning' : 'error';
    case 'at-risk':
      return 'warning';
    case 'excused':
      return 'notice';
    default:
      return null;
  }
}

function message(e: Evaluated): string {
  const parts = [headline(e)];
  // the status reason already names the root cause and the credit when there is one
  if (e.explanation.statusReason) parts.push(e.explanation.statusReason);
  else {
    const root = rootCauseLine(e);
    if (root) parts.push(root);
    if (e.credit) parts.push(`credit ${formatCredit(e.credit)}`);
  }
  const charged = chargedEntries(e.charged).map(([party, charge]) => formatCharge(party, charge));
  if (charged.length > 0) parts.push(`charged: ${charged.join(', ')}`);
  return parts.join('; ');
}

export function formatGithub(view: EvaluationView): string {
  let out = '';
  for (const e of view.evaluated) {
    const lvl = level(e);
    if (!lvl) continue;
    const title = `${e.agreement}/${e.objective} ${windowLabel(e)} ${e.status}`;
    out += annotation(lvl, { file: e.source.file, line: e.source.line, col: e.source.column, title }, message(e)) + '\n';
  }
  return out;
}
