/**
 * The header line of a data file, read as cheaply as possible (SPEC 9.1: `validate` checks the
 * columns an agreement names against it). Only the bytes up to the end of the first record are
 * parsed, even of a 100 MB export; with the same parser, BOM handling, quoting and delimiter
 * detection as the CSV reader, so `validate` and `evaluate` see the same column names.
 *
 * Synchronous on purpose: it reads one small chunk per file, and the compile step that is given
 * it (as `CompileOptions.readHeader`) stays a plain function.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { ProblemCode } from '../problem.js';
import { detectDelimiter, normalizeDelimiter, type Delimiter } from './delimiter.js';
import { createRecordParser, type RecordParser } from './record-parser.js';

/** Why a header cannot be read; the caller knows the file's display path and where it was declared. */
export interface HeaderProblem {
  code: ProblemCode;
  /** Says what is wrong with the file, without naming it (`the file is empty; …`). */
  message: string;
}

/** The header's column names (trimmed, in file order, repeats kept), null when the file does not exist, or a problem. */
export type HeaderRead = string[] | null | HeaderProblem;

export interface ReadHeaderOptions {
  /** `,`, `;` or a tab (also `tab`, `\t`) as written in the data set; undefined: detected as the CSV reader does. */
  delimiter?: string;
  /** A header line longer than this is an error (default 4 MiB). */
  maxBytes?: number;
}

/** The signature `compileAgreements` takes (`CompileOptions.readHeader`). */
export type ReadHeader = (absPath: string, opts?: ReadHeaderOptions) => HeaderRead;

const CHUNK_BYTES = 64 * 1024;
/** As the CSV reader: detect the delimiter from this much of a header line that has not ended yet. */
const HEADER_SCAN_BYTES = 1024 * 1024;
export const MAX_HEADER_BYTES = 4 * 1024 * 1024;

export const readHeader: ReadHeader = (absPath, opts = {}) => {
  const maxBytes = opts.maxBytes ?? MAX_HEADER_BYTES;
  let explicit: Delimiter | null = null;
  if (opts.delimiter !== undefined) {
    explicit = normalizeDelimiter(opts.delimiter);
    if (!explicit) return { code: 'csv-delimiter', message: `delimiter ${JSON.stringify(opts.delimiter)} is not supported; use ",", ";" or a tab` };
  }
  let fd: number;
  try {
    fd = openSync(absPath, 'r');
  } catch (err) {
    return openProblem(err);
  }
  try {
    if (!fstatSync(fd).isFile()) return { code: 'csv-unreadable', message: 'cannot read data file: it is a directory, not a CSV file' };
    return readFirstRecord(fd, explicit, maxBytes);
  } catch (err) {
    return openProblem(err);
  } finally {
    closeSync(fd);
  }
};

function openProblem(err: unknown): HeaderRead {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return null;
  const what =
    code === 'EISDIR'
      ? 'it is a directory, not a CSV file'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : `it cannot be read (${code ?? (err as Error)?.message ?? String(err)})`;
  return { code: 'csv-unreadable', message: `cannot read data file: ${what}` };
}

function readFirstRecord(fd: number, explicit: Delimiter | null, maxBytes: number): HeaderRead {
  let header: string[] | null = null;
  // Blank lines before the header are skipped, as the CSV reader does.
  const onRecord = (record: string[]): void => {
    if (header !== null || (record.length === 1 && record[0]!.trim() === '')) return;
    header = record.map((name) => name.trim());
  };
  let parser: RecordParser | null = explicit ? createRecordParser(explicit, onRecord) : null;
  let head: Buffer[] = [];
  let bytesRead = 0;
  for (;;) {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    const n = readSync(fd, buffer, 0, CHUNK_BYTES, null);
    const chunk = buffer.subarray(0, n);
    let err: Error | undefined;
    if (n === 0) {
      if (parser === null) {
        const joined = Buffer.concat(head);
        parser = createRecordParser(detectDelimiter(joined, true) ?? ',', onRecord);
        if (joined.length > 0) err = parser.write(joined);
      }
      err ??= parser.end();
    } else {
      bytesRead += n;
      if (parser === null) {
        head.push(chunk);
        const joined = head.length === 1 ? chunk : Buffer.concat(head);
        const detected = detectDelimiter(joined, joined.length >= HEADER_SCAN_BYTES);
        if (detected !== null) {
          parser = createRecordParser(detected, onRecord);
          head = [];
          err = parser.write(joined);
        }
      } else {
        err = parser.write(chunk);
      }
    }
    // A later row's syntax is the CSV reader's business: once the header is complete, stop.
    if (header !== null) return header;
    if (err !== undefined) return { code: 'csv-syntax', message: `malformed CSV in the header line: ${syntaxWhat(err)}` };
    if (n === 0) return { code: 'csv-no-header', message: 'the file is empty; its first line must be a header naming the columns' };
    if (bytesRead >= maxBytes) {
      return {
        code: 'csv-no-header',
        message: `the header line is longer than ${formatBytes(maxBytes)}; is it a CSV file with a header naming the columns?`,
      };
    }
  }
}

function syntaxWhat(err: Error): string {
  const code = (err as { code?: string }).code;
  return code === 'CSV_QUOTE_NOT_CLOSED'
    ? 'a quoted cell is never closed'
    : code === 'INVALID_OPENING_QUOTE'
      ? 'a quote inside an unquoted cell; quote the whole cell and double the quotes inside it ("")'
      : code === 'CSV_INVALID_CLOSING_QUOTE'
        ? 'a closing quote is followed by more text; inside a quoted cell write a quote as ""'
        : err.message;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${+(n / (1024 * 1024)).toFixed(1)} MB` : n >= 1024 ? `${+(n / 1024).toFixed(1)} KB` : `${n} bytes`;
}
