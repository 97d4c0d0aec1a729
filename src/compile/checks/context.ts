/**
 * What every semantic check receives: the agreement under check, the index of all loaded
 * agreements (references may cross files), and a reporter that turns a YAML path into a Problem.
 * Checks read the agreement through the helpers here, which leave out the parts the schema
 * rejected (SPEC 9.2; `agreement/rejected.ts`).
 */
import { problem, type Problem, type ProblemCode, type Severity } from '../../problem.js';
import type { LoadedAgreement, NodePath, Objective, Remedy, Report } from '../../agreement/model.js';
import { isAccepted } from '../../agreement/rejected.js';
import type { AgreementIndex } from '../resolve.js';

export { indexAgreements, type AgreementIndex } from '../resolve.js';
export { acceptedEntries, isAccepted, referableItemIds, referableNames } from '../../agreement/rejected.js';

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

/** The accepted entries of a list section with their original indexes (never renumbered). */
function acceptedList<T>(a: LoadedAgreement, section: 'objectives' | 'reports' | 'remedies'): Array<{ entry: T; path: NodePath }> {
  const list: unknown = a.doc[section];
  if (!Array.isArray(list) || !isAccepted(a, [section])) return [];
  return (list as T[]).flatMap((entry, i) => (isAccepted(a, [section, i]) ? [{ entry, path: [section, i] as NodePath }] : []));
}

/** Objectives then reports the schema accepted, in declaration order (they share one id namespace, SPEC 2). */
export function itemsOf(a: LoadedAgreement): Item[] {
  return [
    ...acceptedList<Objective>(a, 'objectives').map(({ entry, path }): Item => ({ kind: 'objective', item: entry, path })),
    ...acceptedList<Report>(a, 'reports').map(({ entry, path }): Item => ({ kind: 'report', item: entry, path })),
  ];
}

export function objectivesOf(a: LoadedAgreement): Array<{ objective: Objective; path: NodePath }> {
  return acceptedList<Objective>(a, 'objectives').map(({ entry, path }) => ({ objective: entry, path }));
}

export function reportsOf(a: LoadedAgreement): Array<{ report: Report; path: NodePath }> {
  return acceptedList<Report>(a, 'reports').map(({ entry, path }) => ({ report: entry, path }));
}

/** SPEC 9.4: the remedies the schema accepted, with their YAML paths. */
export function remediesOf(a: LoadedAgreement): Array<{ remedy: Remedy; path: NodePath }> {
  return acceptedList<Remedy>(a, 'remedies').map(({ entry, path }) => ({ remedy: entry, path }));
}
