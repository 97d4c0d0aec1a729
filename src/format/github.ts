/**
 * `evaluate --format github`: workflow annotations at the objective's YAML node. Windows that fail
 * the run at its `--fail-on` levels are errors (by default the breached complete ones); other
 * at-risk and breached partial windows are warnings, excused and complete no-data ones notices. Each
 * warning of the run (SPEC 9.2) is a warning at its file and line; each triggered remedy (SPEC 9.4)
 * an error at its YAML node (a warning under `--fail-on` levels that do not count remedies).
 */
import type { Evaluated } from '../evaluate/result.js';
import { annotation, type AnnotationLevel } from './annotations.js';
import { headline } from './details.js';
import { statusReason } from './explanation.js';
import { chargedEntries, formatCharge } from './values.js';
import { remedyLine } from './contract.js';
import { failsRun, remedyFailsRun, windowLabel, type EvaluationView } from './view.js';
import { summaryText } from './summary.js';
import { warningMessage } from './warnings.js';

function level(view: EvaluationView, e: Evaluated): AnnotationLevel | null {
  if (failsRun(view, e)) return 'error';
  switch (e.status) {
    case 'breached':
    case 'at-risk':
      return 'warning';
    case 'no-data':
      // suspicious, yet a quiet month is possible: a notice unless --fail-on no-data made it an error
      return e.window.partial ? null : 'notice';
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
  for (const w of view.warnings ?? []) {
    const title = `slacheck warning ${w.code}`;
    out += annotation('warning', { file: w.file, line: w.line ?? undefined, title }, warningMessage(w)) + '\n';
  }
  for (const e of view.evaluated) {
    const lvl = level(view, e);
    if (!lvl) continue;
    const title = `${e.agreement}/${e.objective} ${windowLabel(e)} ${e.status}`;
    out += annotation(lvl, { file: e.source.file, line: e.source.line, col: e.source.column, title }, message(e)) + '\n';
  }
  // SPEC 9.4: a triggered remedy at its YAML node, an error when it fails the run
  for (const r of view.remedies ?? []) {
    if (!r.triggered) continue;
    const { file, line, column } = r.remedy.position;
    const title = `${r.agreement}/${r.id} triggered at ${r.window}`;
    out += annotation(remedyFailsRun(view, r) ? 'error' : 'warning', { file, line, col: column, title }, remedyLine(r)) + '\n';
  }
  // one notice with the summary, in the words of every format (SPEC 6: only complete windows fail a run)
  if (view.evaluated.length > 0) out += annotation('notice', { title: 'slacheck summary' }, summaryText(view.evaluated)) + '\n';
  return out;
}
