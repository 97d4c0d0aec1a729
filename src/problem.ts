/** A problem found in an input file: the shared error currency of every pipeline stage. */
export type Severity = 'error' | 'warning';

/** Every problem code slacheck reports, by stage: stable strings CI tools and scenario files match on. */
export type ProblemCode =
  // load: paths, YAML and the JSON Schema (`schema-` and the ajv keyword, e.g. `schema-required`)
  | 'path-not-found'
  | 'path-unreadable'
  | 'no-agreement'
  | 'unsupported-api-version'
  | 'yaml-syntax'
  | 'yaml-warning'
  | 'yaml-duplicate-key'
  | 'yaml-alias-limit'
  | `schema-${string}`
  // compile: semantic checks (SPEC 2–7)
  | 'duplicate-id'
  | 'duplicate-window'
  | 'holiday-overlap'
  | 'unknown-calendar-value'
  | 'unknown-maintenance'
  | 'yaml-alias-cycle'
  | 'yaml-nesting'
  | 'yaml-unsupported-tag'
  | 'value-overflow'
  | 'invalid-maintenance'
  | 'holiday-outside-validity'
  | 'reserved-id'
  | 'provider-count'
  | 'no-customer'
  | 'unknown-party'
  | 'unknown-recipient'
  | 'unknown-service'
  | 'unknown-calendar'
  | 'unknown-data-set'
  | 'unknown-objective'
  | 'dependency-cycle'
  | 'invalid-date'
  | 'validity-order'
  | 'invalid-timezone'
  | 'invalid-timestamps'
  | 'unknown-locale'
  | 'invalid-hours'
  | 'empty-calendar'
  | 'invalid-holiday'
  | 'uptime-aggregate'
  | 'missing-aggregate'
  | 'invalid-aggregate'
  | 'invalid-percentile'
  | 'ratio-needs-good'
  | 'good-not-allowed'
  | 'good-mismatch'
  | 'invalid-duration'
  | 'inputs-not-deadline'
  | 'pause-not-duration'
  | 'invalid-target'
  | 'unit-mismatch'
  | 'warning-operator'
  | 'warning-not-stricter'
  | 'day-unit-on-working-calendar'
  | 'credit-direction'
  | 'invalid-credit'
  | 'credit-not-percent'
  | 'credit-terms-without-fee'
  | 'remedy-counts'
  | 'remedy-window-kinds'
  | 'remedy-average-objectives'
  | 'schedule-calendar'
  | 'schedule-on'
  | 'schedule-by'
  | 'doc-service-incomplete'
  | 'doc-report-incomplete'
  | 'doc-monitoring-missing'
  | 'doc-party-contact'
  // compile, `validate` only: the columns named, against each data file's header line (SPEC 9.1)
  | 'unknown-column'
  | 'missing-time-column'
  | 'data-file-missing'
  // data: reading CSV files
  | 'csv-unreadable'
  | 'csv-delimiter'
  | 'csv-no-header'
  | 'csv-syntax'
  | 'csv-ragged-row'
  | 'csv-missing-column'
  | 'ambiguous-column'
  | 'csv-more-problems'
  // evaluate: cells and instants
  | 'invalid-timestamp'
  | 'empty-timestamp'
  | 'invalid-number'
  | 'invalid-interval'
  | 'invalid-as-of';

export interface Problem {
  /** Path relative to the working directory, with forward slashes. */
  file: string;
  /** 1-based; 0 when the problem concerns the whole file. */
  line: number;
  /** 1-based; 0 when the problem concerns the whole file or line. */
  column: number;
  severity: Severity;
  /** Stable, kebab-case code, e.g. `unknown-party`, `csv-ragged-row`. */
  code: ProblemCode;
  message: string;
}

/**
 * Thrown by data-reading stages for input that cannot be evaluated (bad CSV cell, missing file).
 * The CLI turns it into the problem list and exit code 2; it never reaches the user as a stack trace.
 */
export class InputError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.code} ${p.message}`).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }
}

/**
 * Thrown inside a CSV row handler for a bad cell. The CSV reader adds the file and line and
 * rethrows it as an InputError. `column` is the header name of the offending cell.
 */
export class CellError extends Error {
  readonly code: ProblemCode;
  readonly column: string;
  constructor(code: ProblemCode, column: string, message: string) {
    super(message);
    this.name = 'CellError';
    this.code = code;
    this.column = column;
  }
}

export function problem(
  file: string,
  line: number,
  column: number,
  code: ProblemCode,
  message: string,
  severity: Severity = 'error',
): Problem {
  return { file, line, column, severity, code, message };
}

/** Stable sort order for problem lists: file, line, column, code. */
export function compareProblems(a: Problem, b: Problem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}
