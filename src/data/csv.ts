/**
 * CSV ingestion (SPEC 3.4): stream a data set's file through csv-parse and hand every record to
 * the row sinks that asked for it. RFC 4180 quoting, UTF-8 with or without BOM, LF or CRLF, the
 * delimiter given or detected from the header line. A malformed file (quoting, no header, a
 * missing column) stops the read at once; bad cells are gathered and thrown together at the end
 * (SPEC 9.1), or, with `invalid: skip`, their rows are left out and counted in the summary.
 */
import { open, type FileHandle } from 'node:fs/promises';
import type { CsvError } from 'csv-parse';
import { InputError, problem } from '../problem.js';
import type { DataSource, ReadSummary, RowSink } from './source.js';
import { detectDelimiter, normalizeDelimiter, type Delimiter } from './delimiter.js';
import { createFastRecordParser } from './fast-parser.js';
import type { RecordParser } from './record-parser.js';
import { RowDispatch } from './row-dispatch.js';

export interface ReadCsvOptions {
  /** Called after each chunk (64 KiB) with bytes read so far, the file size and data rows so far. */
  onProgress?: (bytesRead: number, totalBytes: number, rows: number) => void;
}

/** Small chunks keep peak memory low; csv-parse's per-byte work dominates either way. */
const CHUNK_BYTES = 64 * 1024;
/** Detect the delimiter from this much of a header line that has not ended yet. */
const HEADER_SCAN_BYTES = 1024 * 1024;

export async function readCsv(
  ds: DataSource,
  sinks: readonly RowSink[],
  opts: ReadCsvOptions = {},
): Promise<ReadSummary> {
  const explicit = ds.delimiter === undefined ? null : explicitDelimiter(ds);
  const { handle, size } = await openDataFile(ds);
  try {
    const dispatch = new RowDispatch(ds.file, sinks, ds.skipInvalid === true);
    let parser: RecordParser | null = null;
    const start = (delimiter: Delimiter): RecordParser => {
      // the strict fast path, handing the file to csv-parse the moment it meets anything unusual
      const created = createFastRecordParser(delimiter, dispatch.add);
      dispatch.attach(created.counters);
      return created;
    };
    if (explicit) parser = start(explicit);
    let head: Buffer[] = []; // chunks held back until the header line is complete, to detect the delimiter
    let bytesRead = 0;
    for (;;) {
      const chunk = await readChunk(handle, ds);
      if (chunk === null) break;
      bytesRead += chunk.length;
      if (parser === null) {
        head.push(chunk);
        const joined = head.length === 1 ? chunk : Buffer.concat(head);
        const detected = detectDelimiter(joined, joined.length >= HEADER_SCAN_BYTES);
        if (detected === null) continue;
        parser = start(detected);
        head = [];
        check(ds, dispatch, parser.write(joined));
      } else {
        check(ds, dispatch, parser.write(chunk));
      }
      opts.onProgress?.(bytesRead, size, dispatch.rows);
    }
    if (parser === null) {
      const joined = Buffer.concat(head);
      parser = start(detectDelimiter(joined, true) ?? ',');
      if (joined.length > 0) check(ds, dispatch, parser.write(joined));
    }
    check(ds, dispatch, parser.end());
    if (!dispatch.hasHeader) {
      throw new InputError([
        problem(ds.file, 0, 0, 'csv-no-header', 'the file is empty; its first line must be a header naming the columns'),
      ]);
    }
    return dispatch.finish();
  } finally {
    await handle.close();
  }
}

function explicitDelimiter(ds: DataSource): Delimiter {
  const delimiter = normalizeDelimiter(ds.delimiter!);
  if (delimiter) return delimiter;
  throw new InputError([
    problem(ds.file, 0, 0, 'csv-delimiter', `delimiter ${JSON.stringify(ds.delimiter)} is not supported; use ",", ";" or a tab`),
  ]);
}

async function openDataFile(ds: DataSource): Promise<{ handle: FileHandle; size: number }> {
  let handle: FileHandle;
  try {
    handle = await open(ds.absPath, 'r');
  } catch (err) {
    throw unreadable(ds, err);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    return { handle, size: stat.size };
  } catch (err) {
    await handle.close();
    throw unreadable(ds, err);
  }
}

async function readChunk(handle: FileHandle, ds: DataSource): Promise<Buffer | null> {
  // A fresh buffer per chunk: csv-parse keeps a view of the unfinished record across chunks.
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let bytesRead: number;
  try {
    ({ bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null));
  } catch (err) {
    throw unreadable(ds, err);
  }
  if (bytesRead === 0) return null;
  return bytesRead === CHUNK_BYTES ? buffer : buffer.subarray(0, bytesRead);
}

/** Why a data file cannot be read; the caller (who knows where the path came from) says what to do. */
export type UnreadableReason = 'missing' | 'directory' | 'permission' | 'other';

/** A data file that cannot be opened or read: `csv-unreadable`, with the reason as data. */
export class DataFileError extends InputError {
  readonly source: DataSource;
  readonly reason: UnreadableReason;
  constructor(source: DataSource, reason: UnreadableReason, message: string) {
    super([problem(source.file, 0, 0, 'csv-unreadable', message)]);
    this.name = 'DataFileError';
    this.source = source;
    this.reason = reason;
  }
}

function unreadable(ds: DataSource, err: unknown): DataFileError {
  const code = (err as NodeJS.ErrnoException)?.code;
  const reason: UnreadableReason =
    code === 'ENOENT' ? 'missing' : code === 'EISDIR' ? 'directory' : code === 'EACCES' || code === 'EPERM' ? 'permission' : 'other';
  const what =
    reason === 'missing'
      ? 'the file does not exist'
      : reason === 'directory'
        ? 'it is a directory, not a CSV file'
        : reason === 'permission'
          ? 'permission denied'
          : `it cannot be read (${code ?? (err as Error)?.message ?? String(err)})`;
  return new DataFileError(ds, reason, `cannot read data file: ${what}`);
}

/** Throws csv-parse's syntax error, if any, as a problem at the line of the record it broke. */
function check(ds: DataSource, dispatch: RowDispatch, err: CsvError | Error | undefined): void {
  if (err === undefined) return;
  const code = (err as CsvError).code as string | undefined;
  const field = (err as unknown as { column?: unknown }).column;
  const column = typeof field === 'number' ? field + 1 : 0;
  const what =
    code === 'CSV_QUOTE_NOT_CLOSED'
      ? 'a quoted cell starting in this row is never closed'
      : code === 'INVALID_OPENING_QUOTE'
        ? 'a quote inside an unquoted cell; quote the whole cell and double the quotes inside it ("")'
        : code === 'CSV_INVALID_CLOSING_QUOTE'
          ? 'a closing quote is followed by more text; inside a quoted cell write a quote as ""'
          : err.message;
  throw new InputError([problem(ds.file, dispatch.currentLine(), column, 'csv-syntax', `malformed CSV: ${what}`)]);
}
