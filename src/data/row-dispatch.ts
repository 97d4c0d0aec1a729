/**
 * Hands parsed CSV records to the row sinks: binds the header, numbers the lines, checks the
 * cell count and turns a sink's CellError into a problem naming file, line and column (SPEC 3.4).
 * This is the per-row hot path: it allocates nothing of its own per record.
 */
import type { RowSink } from './source.js';
import { CellError, InputError, problem } from '../problem.js';
import type { ParseCounters } from './record-parser.js';

export class RowDispatch {
  /** Data records handed to the sinks (the header and skipped blank lines not included). */
  rows = 0;
  private header: string[] | null = null;
  private width = 0;
  /** 1-based line on which the text after the last record starts. */
  private nextLine = 1;
  private lastLines = 0;
  private lastEmpty = 0;
  private counters: ParseCounters | null = null;

  constructor(
    private readonly file: string,
    private readonly sinks: readonly RowSink[],
  ) {}

  /** The parser's counters, read per record to number lines without counting bytes twice. */
  attach(counters: ParseCounters): void {
    this.counters = counters;
  }

  get hasHeader(): boolean {
    return this.header !== null;
  }

  /** 1-based line on which the record being parsed now starts (for syntax errors). */
  currentLine(): number {
    return this.nextLine + (this.counters ? this.counters.empty_lines - this.lastEmpty : 0);
  }

  readonly add = (record: string[]): void => {
    const counters = this.counters!;
    const lines = counters.lines;
    const empty = counters.empty_lines;
    const line = this.nextLine + (empty - this.lastEmpty);
    // csv-parse counts every CR and LF, also inside quotes (so a quoted CRLF counts twice): when
    // its count moved by more than this record's own line break and the skipped empty lines,
    // the record holds line breaks, and they are counted here the way an editor shows them.
    this.nextLine = lines - this.lastLines === 1 + empty - this.lastEmpty ? line + 1 : line + 1 + lineBreaks(record);
    this.lastLines = lines;
    this.lastEmpty = empty;

    // Blank lines are skipped (SPEC 3.4); csv-parse skips empty ones, whitespace-only ones end up here.
    if (record.length === 1 && record[0].trim() === '') return;
    if (this.header === null) return this.bind(record, line);
    if (record.length !== this.width) {
      throw new InputError([
        problem(
          this.file,
          line,
          0,
          'csv-ragged-row',
          `row has ${record.length} ${record.length === 1 ? 'cell' : 'cells'}, the header has ${this.width}; ` +
            'quote cells that contain the delimiter',
        ),
      ]);
    }
    this.rows++;
    const sinks = this.sinks;
    try {
      for (let i = 0; i < sinks.length; i++) sinks[i].add(record, line);
    } catch (err) {
      if (err instanceof CellError) {
        const column = this.header.indexOf(err.column) + 1;
        throw new InputError([problem(this.file, line, column, err.code, err.message)]);
      }
      throw err;
    }
  };

  private bind(record: string[], line: number): void {
    const header = record.map((name) => name.trim());
    this.header = header;
    this.width = header.length;
    const missing = new Set<string>();
    for (const sink of this.sinks) for (const name of sink.bind(header)) missing.add(name);
    if (missing.size === 0) return;
    const has = header.map((name) => JSON.stringify(name)).join(', ');
    // one column holding ';' or tabs: the file most likely uses another delimiter than the one set
    const hint =
      header.length === 1 && /[;\t]/.test(header[0]!)
        ? `; the header looks ${header[0]!.includes(';') ? 'semicolon' : 'tab'}-separated: set the data set's delimiter to "${header[0]!.includes(';') ? ';' : '\\t'}" or remove it to detect it`
        : '';
    throw new InputError(
      [...missing].map((name) =>
        problem(this.file, line, 0, 'csv-missing-column', `column "${name}" is missing; the header has ${has}${hint}`),
      ),
    );
  }
}

/** Line breaks inside a record's cells as an editor shows them: CRLF, LF or a lone CR is one. */
function lineBreaks(record: readonly string[]): number {
  let count = 0;
  for (const cell of record) {
    for (let i = 0; i < cell.length; i++) {
      const c = cell.charCodeAt(i);
      if (c === 10) count++;
      else if (c === 13) {
        count++;
        if (cell.charCodeAt(i + 1) === 10) i++;
      }
    }
  }
  return count;
}
