/** What `slacheck diff` finds (SPEC 9.6): semantic changes between two versions of agreements, as data. */

/** What happened to the thing at `path`. */
export type ChangeKind = 'added' | 'removed' | 'changed';

/** The change seen from the customer's side of the provider's promise (SPEC 9.6). */
export type Classification = 'tightened' | 'loosened' | 'changed';

export const CLASSIFICATIONS: readonly Classification[] = ['loosened', 'tightened', 'changed'];

export interface AgreementChange {
  /** Agreement id (agreements are matched by id, so a renamed file is no change). */
  agreement: string;
  /** Where in the agreement, ids instead of list indexes: `objectives/p1-resolution/target`; `` for the whole agreement. */
  path: string;
  kind: ChangeKind;
  classification: Classification;
  /** The value in BASE as written in the YAML (null when added). */
  before: unknown;
  /** The value now as written in the YAML (null when removed). */
  after: unknown;
  /** The file of the new version (of BASE's version when the whole agreement was removed). */
  file: string;
  /** 1-based line in `file` of the changed node (its nearest surviving parent when removed). */
  line: number;
}
