/**
 * csv-parse driven chunk by chunk, without its stream wrapper.
 *
 * `Parser#api` is the synchronous core that csv-parse's own Transform calls; using it directly
 * skips an object-mode stream push per record (about 15% of the parse time) and lets a row
 * handler's exception stop parsing at once. It is not in csv-parse's typings, so the shape is
 * declared here and checked at construction; csv-parse is pinned exactly in package.json.
 */
import { Parser, type CsvError } from 'csv-parse';
import type { Delimiter } from './delimiter.js';

/** Live counters kept by csv-parse while it parses. */
export interface ParseCounters {
  /** csv-parse's line counter: every CR or LF, inside quotes too, counts as a line break. */
  readonly lines: number;
  /** Empty lines skipped so far. */
  readonly empty_lines: number;
}

interface ParserCore {
  parse(
    chunk: Buffer | undefined,
    end: boolean,
    push: (record: string[]) => void,
    close: () => void,
  ): CsvError | Error | undefined;
}

export interface RecordParser {
  readonly counters: ParseCounters;
  /** Parses a chunk, calling `onRecord` for each complete record; returns a syntax error, if any. */
  write(chunk: Buffer): CsvError | Error | undefined;
  /** Flushes the last record (a file need not end with a line break). */
  end(): CsvError | Error | undefined;
}

const noop = (): void => {};

export function createRecordParser(
  delimiter: Delimiter,
  onRecord: (record: string[]) => void,
  handOff?: { recordDelimiter: '\n' | '\r\n' | undefined },
): RecordParser {
  // RFC 4180: `"` quotes, `""` escapes; the column count is checked by the caller so it can skip
  // whitespace-only lines and name the line itself. `handOff`: the fast path hands the file over
  // mid-way (fast-parser.ts), with the line ending it already detected.
  const parser = new Parser({
    delimiter,
    // a file handed over mid-way has had its BOM removed: a U+FEFF there is text
    bom: handOff === undefined,
    skip_empty_lines: true,
    relax_column_count: true,
    ...(handOff?.recordDelimiter !== undefined ? { record_delimiter: handOff.recordDelimiter } : {}),
  });
  const core = (parser as unknown as { api?: ParserCore }).api;
  if (!core || typeof core.parse !== 'function') {
    throw new Error('csv-parse no longer exposes Parser#api: src/data/record-parser.ts needs updating');
  }
  return {
    counters: parser.info,
    write: (chunk) => core.parse(chunk, false, onRecord, noop),
    end: () => core.parse(undefined, true, onRecord, noop),
  };
}
