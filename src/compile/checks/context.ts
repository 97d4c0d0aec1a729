/**
 * What every semantic check receives: the agreement under check, the index of all loaded
 * agreements (references may cross files), and a reporter that turns a YAML path into a Problem.
 */
import { problem, type Problem, type ProblemCode, type Severity } from '../../problem.js';
import type { AgreementDoc, LoadedAgreement, NodePath, Objective, Report } from '../../agreement/model.js';
import type { AgreementIndex } from '../resolve.js';

export { indexAgreements, type AgreementIndex } from '../resolve.js';

export type Reporter = (path: NodePath, code: ProblemCode, message: string, severity?: Severity) => void;

export type AgreementCheck = (agreement: LoadedAgreement, index: AgreementIndex, report: Reporter) => void;

/** A reporter that locates each path in `agreement`'s file and appends to `sink`. */
export function reporterFor(agreement: LoadedAgreement, sink: Problem[]): Reporter {
  return (path, code, message, severity = 'error') => {
    const at = agreement.locate(path);
    sink.push(problem(agreement.file, at.line, at.column, code, message, severity));
  };
}

/** An objective or report with the YAML path of its list entry. */
export interface Item {
  kind: 'objective' | 'report';
  item: Objective | Report;
  path: NodePath;
}

/** Objectives then reports, in declaration order (they share one id namespace, SPEC 2). */
export function itemsOf(doc: AgreementDoc): Item[] {
  return [
    ...(doc.objectives ?? []).map((item, i): Item => ({ kind: 'objective', item, path: ['objectives', i] })),
    ...(doc.reports ?? []).map((item, i): Item => ({ kind: 'report', item, path: ['reports', i] })),
  ];
}

export function objectivesOf(doc: AgreementDoc): Array<{ objective: Objective; path: NodePath }> {
  return (doc.objectives ?? []).map((objective, i) => ({ objective, path: ['objectives', i] }));
}

export function reportsOf(doc: AgreementDoc): Array<{ report: Report; path: NodePath }> {
  return (doc.reports ?? []).map((report, i) => ({ report, path: ['reports', i] }));
}
