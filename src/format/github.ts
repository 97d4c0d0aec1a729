/**
 * `evaluate --format github`: workflow annotations at the objective's YAML node. Breached complete
 * windows are errors, at-risk and breached partial windows warnings, excused ones notices.
 */
import type { Evaluated } from '../evaluate/result.js';
import { annotation, type AnnotationLevel } from './annotations.js';
import { headline } from './details.js';
import { statusReason } from './explanation.js';
import { chargedEntries, formatCharge } from './values.js';
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
  // the status reason names the root cause and the credit when there is one
  const parts = [headline(e), statusReason(e)];
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
