/** A problem found in an input file: the shared error currency of every pipeline stage. */
export type Severity = 'error' | 'warning';

export interface Problem {
  /** Path relative to the working directory, with forward slashes. */
  file: string;
  /** 1-based; 0 when the problem concerns the whole file. */
  line: number;
  /** 1-based; 0 when the problem concerns the whole file or line. */
  column: number;
  severity: Severity;
  /** Stable, kebab-case code, e.g. `unknown-reference`, `csv-ragged-row`. */
  code: string;
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
  readonly code: string;
  readonly column: string;
  constructor(code: string, column: string, message: string) {
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
  code: string,
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
