/**
 * Hands parsed CSV records to the row sinks: binds the header, numbers the lines, checks the
 * cell count and turns a sink's CellError into a problem naming file, line and column (SPEC 3.4).
 * SPEC 9.1: a bad row does not stop the read; with `invalid: error` every bad cell is listed (up
 * to 20) when the file ends, with `invalid: skip` the row is left out and counted.
 * This is the per-row hot path: it allocates nothing of its own per record.
 */
import { ColumnError, type ReadSummary, type RowSink } from './source.js';
import { CellError, InputError, problem, type Problem } from '../problem.js';
import type { ParseCounters } from './record-parser.js';

/** SPEC 9.1: bad cells listed at most, then "and N more". */
const MAX_LISTED = 20;
/** Lines of skipped rows the warning names. */
const MAX_LINES = 5;

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

  /** Bad cells and rows found so far (`invalid: error`), the first MAX_LISTED of them. */
  private readonly problems: Problem[] = [];
  private unlisted = 0;
  private invalidRows = 0;
  private readonly invalidLines: number[] = [];
  private lastInvalidLine = -1;

  constructor(
    private readonly file: string,
    private readonly sinks: readonly RowSink[],
    /** `invalid: skip`: rows with a bad cell are left out and counted instead of failing the read. */
    private readonly skipInvalid = false,
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

    // Blank lines are skipped (SPEC 3.4); csv-parse skips empty ones, whitespace-only ones end up
    // here, and so do lines of delimiters only (`;;;;`: Excel writes them below a table whose
    // cells were used once): a row without a single non-blank cell holds no record.
    if (isBlank(record)) return;
    if (this.header === null) return this.bind(record, line);
    if (record.length !== this.width) {
      const cells = `${record.length} ${record.length === 1 ? 'cell' : 'cells'}`;
      this.bad(line, problem(this.file, line, 0, 'csv-ragged-row', `row has ${cells}, the header has ${this.width}; quote cells that contain the delimiter`));
      return;
    }
    this.rows++;
    const sinks = this.sinks;
    // one try around the plain loop (the hot path); after a bad cell the loop goes on with the next sink
    for (let i = 0; i < sinks.length; i++) {
      try {
        for (; i < sinks.length; i++) sinks[i].add(record, line);
      } catch (err) {
        if (!(err instanceof CellError)) throw err;
        // every sink still sees the row: each counts what it reads, and every bad cell is named
        this.bad(line, this.cellProblem(line, err));
        if (!this.skipInvalid) for (const other of sinks[i].otherBadCells?.(record, err) ?? []) this.bad(line, this.cellProblem(line, other));
      }
    }
  };

  private cellProblem(line: number, err: CellError): Problem {
    return problem(this.file, line, this.header!.indexOf(err.column) + 1, err.code, err.message);
  }

  /** A bad cell or row: listed (`invalid: error`) or its row counted as left out (`invalid: skip`). */
  private bad(line: number, p: Problem): void {
    if (this.skipInvalid) {
      if (line === this.lastInvalidLine) return;
      this.lastInvalidLine = line;
      this.invalidRows++;
      if (this.invalidLines.length < MAX_LINES) this.invalidLines.push(line);
      return;
    }
    const known = this.problems.some((q) => q.line === p.line && q.column === p.column && q.code === p.code);
    if (known) return;
    if (this.problems.length < MAX_LISTED) this.problems.push(p);
    else this.unlisted++;
  }

  /** At the end of the file: every bad cell as one InputError, or what was left out. */
  finish(): ReadSummary {
    if (this.problems.length > 0) {
      const more = this.unlisted > 0 ? [problem(this.file, 0, 0, 'csv-more-problems', `and ${this.unlisted} more bad ${this.unlisted === 1 ? 'cell' : 'cells'} not listed`)] : [];
      throw new InputError([...this.problems, ...more]);
    }
    return { rows: this.rows, invalidRows: this.invalidRows, invalidLines: [...this.invalidLines] };
  }

  private bind(record: string[], line: number): void {
    const header = record.map((name) => name.trim());
    this.header = header;
    this.width = header.length;
    const missing = new Set<string>();
    const ambiguous: Problem[] = [];
    for (const sink of this.sinks) {
      try {
        for (const name of sink.bind(header)) missing.add(name);
      } catch (err) {
        if (!(err instanceof ColumnError)) throw err;
        const at = err.copies.map((c) => c + 1);
        const where = `${at.slice(0, -1).join(', ')} and ${at[at.length - 1]}`;
        ambiguous.push(
          problem(this.file, line, at[0]!, err.code, `column "${err.column}" occurs ${at.length} times in the header (columns ${where}); a timestamp or value column must be one of a kind: rename the copies in the export, or read another column`),
        );
      }
    }
    if (ambiguous.length > 0) throw new InputError(ambiguous);
    if (missing.size === 0) return;
    const has = header.map((name) => JSON.stringify(name)).join(', ');
    // U+FFFD: the file is not UTF-8 (Excel's plain "CSV" is Windows-1252 in Western Europe); one
    // column holding ',', ';', tabs or '|': the file most likely uses another delimiter than the one set
    const other = header.length === 1 ? likelyDelimiter(header[0]!) : undefined;
    const hint = header.some((name) => name.includes('\uFFFD'))
      ? '; the file is not UTF-8 (� stands for bytes that are not): save it as UTF-8, in Excel as "CSV UTF-8"'
      : other !== undefined
        ? `; the header looks ${other.name}-separated: set the data set's delimiter to "${other.text}" or remove it to detect it`
        : '';
    throw new InputError(
      [...missing].map((name) =>
        problem(this.file, line, 0, 'csv-missing-column', `column "${name}" is missing; the header has ${has}${hint}`),
      ),
    );
  }
}

/** The delimiter a one-column header most likely uses instead (the most frequent of `,` `;` tab `|`). */
function likelyDelimiter(cell: string): { name: string; text: string } | undefined {
  let best: { name: string; text: string } | undefined;
  let most = 0;
  for (const [char, name, text] of [[',', 'comma', ','], [';', 'semicolon', ';'], ['\t', 'tab', '\\t'], ['|', 'pipe', '|']] as const) {
    const count = cell.split(char).length - 1;
    if (count > most) {
      most = count;
      best = { name, text };
    }
  }
  return best;
}

/** True when no cell holds anything but whitespace. */
/** A record without a single non-blank cell (exported for tests). */
export function isBlank(record: readonly string[]): boolean {
  for (let i = 0; i < record.length; i++) {
    const cell = record[i]!;
    // almost every record ends here, at its first character: no trimmed copy per row
    for (let j = 0; j < cell.length; j++) if (!isSpace(cell.charCodeAt(j))) return false;
  }
  return true;
}

/** What String.prototype.trim removes, for the characters exports hold: blanks, tabs, line breaks, NBSP, BOM. */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && (c <= 0x200a || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000)) || c === 0x1680;
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
