/**
 * The contract between the data stage and whoever consumes rows: what to read (a `DataSource`),
 * who receives the rows (`RowSink`), and the reader the core is given (`ReadRows`).
 */
import type { CellError } from '../problem.js';

/** A data set resolved to a file (SPEC 2: a shared data set keeps its declaring agreement's settings). */
export interface DataSource {
  /** `agreement-id/data-id`, unique across the run. */
  key: string;
  /** Display path (relative to the working directory) used in problems. */
  file: string;
  /** Absolute path to read. */
  absPath: string;
  /** Timezone for timestamps without an offset. */
  timezone: string;
  /** `,`, `;` or tab as written; undefined: detect from the header line. */
  delimiter?: string;
  /** The path was given by the caller (`--data`) rather than declared in the agreement. */
  overridden?: boolean;
  /** SPEC 9.1: how timestamp cells are written: `iso`, `epoch-s`, `epoch-ms` or a luxon format string. */
  timestamps?: string;
  /** Locale of names in a `timestamps` format string (default en-US). */
  locale?: string;
  /** The declared `key` column (SPEC 9.1), when there is one. */
  keyColumn?: string;
  /** SPEC 9.1: skip rows with a bad cell (counted) instead of stopping the run. */
  skipInvalid?: boolean;
}

export interface RowSink {
  /**
   * Called once with the data set's header. Look up column positions here (never per row) and
   * return the names of columns this sink needs that the header lacks (the reader reports them).
   */
  bind(header: readonly string[]): string[];
  /**
   * Called per record. `line` is the 1-based line number in the file. Throw `CellError` for a
   * cell that cannot be read (non-numeric value, bad timestamp); the reader adds file and line.
   */
  add(row: readonly string[], line: number): void;
  /**
   * Called only after `add` threw `first` for this row and the data set is `invalid: error`: the
   * row's other bad cells in the columns this sink reads, so that every bad cell is listed at once
   * (SPEC 9.1), not one per run. Never on the hot path.
   */
  otherBadCells?(row: readonly string[], first: CellError): CellError[];
}

/**
 * Reads one data source and hands every record to each sink, in file order. Throws `InputError`
 * with every problem it can name (file, line, column), or, with `invalid: skip`, leaves rows with a
 * bad cell out and counts them. The core is given one (the CLI passes the
 * CSV reader); tests pass rows from memory.
 */
export type ReadRows = (source: DataSource, sinks: readonly RowSink[]) => Promise<ReadSummary>;

/** What reading a data source found besides the rows it handed on (SPEC 9.1, 9.2 warnings). */
export interface ReadSummary {
  /** Data rows read (the header and blank lines not included). */
  rows: number;
  /** Rows left out for a bad cell (`invalid: skip`). */
  invalidRows: number;
  /** The first few of their lines. */
  invalidLines: number[];
}

/**
 * Thrown by `RowSink.bind` for a column it cannot use as named: SPEC 9.1, a timestamp or value
 * column the header repeats is ambiguous. The reader reports it at the header line.
 */
export class ColumnError extends Error {
  readonly code: 'ambiguous-column';
  readonly column: string;
  /** 0-based positions of the column's copies in the header. */
  readonly copies: readonly number[];
  constructor(code: 'ambiguous-column', column: string, copies: readonly number[]) {
    super(`column "${column}" occurs ${copies.length} times in the header`);
    this.name = 'ColumnError';
    this.code = code;
    this.column = column;
    this.copies = copies;
  }
}
