/**
 * The contract between the data stage and whoever consumes rows: what to read (a `DataSource`),
 * who receives the rows (`RowSink`), and the reader the core is given (`ReadRows`).
 */

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
}

/**
 * Reads one data source and hands every record to each sink, in file order. Throws `InputError`
 * with every problem it can name (file, line, column). The core is given one (the CLI passes the
 * CSV reader); tests pass rows from memory.
 */
export type ReadRows = (source: DataSource, sinks: readonly RowSink[]) => Promise<void>;
