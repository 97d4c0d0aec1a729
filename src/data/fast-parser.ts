/**
 * A strict fast CSV tokenizer for the common case (issue 13, step 1): LF or CRLF line endings (one
 * kind per file), unquoted cells and quoted cells without line breaks, `""` escapes, a BOM. It gives
 * exactly what csv-parse gives (records, and csv-parse's `lines`/`empty_lines` counters at each
 * record), and the moment it meets anything else — a quote inside an unquoted cell, text after a
 * closing quote, a line break inside quotes, a lone CR, mixed line endings, an undecodable byte — it
 * hands the rest of the file, from the start of the record it was reading, to csv-parse, which
 * stays the reference and the error reporter. test/unit/data/fast-parser.test.ts holds the two
 * together on random hostile files at every chunk size.
 */
import type { CsvError } from 'csv-parse';
import type { Delimiter } from './delimiter.js';
import { createRecordParser, type ParseCounters, type RecordParser } from './record-parser.js';

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** Why the fast path stopped; null while it runs. */
export type HandOff = 'quote' | 'line-break-in-quotes' | 'lone-cr' | 'mixed-line-endings' | null;

export interface FastRecordParser extends RecordParser {
  /** Why (and whether) the rest of the file went to csv-parse. */
  readonly handedOff: HandOff;
}

export function createFastRecordParser(delimiter: Delimiter, onRecord: (record: string[]) => void): FastRecordParser {
  const delim = delimiter.charCodeAt(0);
  /** Text after the last complete record (an unfinished record), carried to the next chunk. */
  let carry = '';
  /** Bytes of a UTF-8 sequence the last chunk cut, decoded with the next one. */
  let held: Buffer | null = null;
  let started = false;
  /** 0 unknown, 1 LF, 2 CRLF. */
  let ending = 0;
  let lines = 1;
  let emptyLines = 0;
  let slow: RecordParser | null = null;
  let handedOff: HandOff = null;
  let lineOffset = 0;
  let emptyOffset = 0;

  const counters: ParseCounters = {
    get lines() {
      return slow ? lineOffset + slow.counters.lines : lines;
    },
    get empty_lines() {
      return slow ? emptyOffset + slow.counters.empty_lines : emptyLines;
    },
  };

  /** Hands `text` (from the start of an unfinished record) and everything after it to csv-parse. */
  const handOff = (why: Exclude<HandOff, null>, text: string): CsvError | Error | undefined => {
    handedOff = why;
    // csv-parse counts from line 1: its counts are offset by the lines and empty lines before `text`
    lineOffset = lines - 1;
    emptyOffset = emptyLines;
    // csv-parse keeps the line ending it detected: give it the one this file uses
    slow = createRecordParser(delimiter, onRecord, { recordDelimiter: ending === 1 ? '\n' : ending === 2 ? '\r\n' : undefined });
    carry = '';
    const rest = held ? Buffer.concat([Buffer.from(text, 'utf8'), held]) : Buffer.from(text, 'utf8');
    held = null;
    return rest.length > 0 ? slow.write(rest) : undefined;
  };

  /**
   * Parses the complete records of `text`; returns the index where the unfinished record starts, or
   * -1 after handing off (`text` from the failing record went to csv-parse; its error, if any, in `err`).
   */
  let err: CsvError | Error | undefined;
  const parse = (text: string, final: boolean): number => {
    const n = text.length;
    let p = 0;
    for (;;) {
      if (p >= n) return p;
      const first = text.charCodeAt(p);
      // an empty line: skipped, and counted as csv-parse counts it
      if (first === LF || first === CR) {
        const brk = lineBreakAt(text, p, final);
        if (brk === 0) return p; // a CR at the end of the chunk: wait for the next one
        if (brk < 0) return fail(brk === -1 ? 'lone-cr' : 'mixed-line-endings', text, p);
        emptyLines++;
        lines++;
        p += brk;
        continue;
      }
      const record: string[] = [];
      let q = p;
      for (;;) {
        if (q >= n) {
          if (!final) return p; // unfinished: wait for more
          record.push('');
          onRecord(record);
          return n;
        }
        let cell: string;
        const c = text.charCodeAt(q);
        if (c === QUOTE) {
          // a quoted cell: up to the closing quote; `""` is a quote; no line breaks inside
          let r = q + 1;
          let value = '';
          let from = r;
          for (;;) {
            const close = text.indexOf('"', r);
            const lf = text.indexOf('\n', r);
            const cr = text.indexOf('\r', r);
            const breakAt = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
            if (close < 0 || (breakAt >= 0 && breakAt < close)) {
              if (breakAt >= 0) return fail('line-break-in-quotes', text, p);
              if (!final) return p;
              return fail('quote', text, p); // unclosed at the end of the file: csv-parse names it
            }
            if (close + 1 >= n && !final) return p; // is it `""`? the next chunk says
            if (text.charCodeAt(close + 1) === QUOTE) {
              value += text.slice(from, close + 1);
              r = close + 2;
              from = r;
              continue;
            }
            value += text.slice(from, close);
            q = close + 1;
            break;
          }
          cell = value;
          if (q < n) {
            const after = text.charCodeAt(q);
            if (after !== delim && after !== LF && after !== CR) return fail('quote', text, p);
          }
        } else {
          // an unquoted cell: up to the delimiter or the line break; a quote inside is csv-parse's to judge
          let r = q;
          while (r < n) {
            const d = text.charCodeAt(r);
            if (d === delim || d === LF || d === CR) break;
            if (d === QUOTE) return fail('quote', text, p);
            r++;
          }
          cell = text.slice(q, r);
          q = r;
        }
        record.push(cell);
        if (q >= n) {
          if (!final) return p;
          onRecord(record);
          return n;
        }
        const d = text.charCodeAt(q);
        if (d === delim) {
          q++;
          continue;
        }
        const brk = lineBreakAt(text, q, final);
        if (brk === 0) return p;
        if (brk < 0) return fail(brk === -1 ? 'lone-cr' : 'mixed-line-endings', text, p);
        onRecord(record);
        lines++;
        p = q + brk;
        break;
      }
    }
  };

  /** The length of the line break at `i` (1 or 2), 0 when a CR ends the chunk, −1 a lone CR, −2 a change of line ending. */
  const lineBreakAt = (text: string, i: number, final: boolean): number => {
    const c = text.charCodeAt(i);
    if (c === LF) {
      if (ending === 2) return -2;
      ending = 1;
      return 1;
    }
    // CR
    if (i + 1 >= text.length) return final ? -1 : 0;
    if (text.charCodeAt(i + 1) !== LF) return -1;
    if (ending === 1) return -2;
    ending = 2;
    return 2;
  };

  const fail = (why: Exclude<HandOff, null>, text: string, from: number): number => {
    err = handOff(why, text.slice(from));
    return -1;
  };

  const run = (text: string, final: boolean): CsvError | Error | undefined => {
    err = undefined;
    const at = parse(text, final);
    if (at < 0) {
      if (final && slow) return err ?? slow.end();
      return err;
    }
    carry = text.slice(at);
    return undefined;
  };

  return {
    counters,
    get handedOff() {
      return handedOff;
    },
    write(chunk: Buffer) {
      if (slow) return slow.write(chunk);
      const bytes = held ? Buffer.concat([held, chunk]) : chunk;
      const cut = completeLength(bytes);
      held = cut < bytes.length ? Buffer.from(bytes.subarray(cut)) : null;
      let text = bytes.toString('utf8', 0, cut);
      if (!started && text.length > 0) {
        started = true;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      return run(carry + text, false);
    },
    end() {
      if (slow) return slow.end();
      const rest = held ? held.toString('utf8') : '';
      held = null;
      if (!started && rest.length > 0) {
        started = true;
        return run(rest.charCodeAt(0) === 0xfeff ? rest.slice(1) : rest, true);
      }
      return run(carry + rest, true);
    },
  };
}

/** The length of `b` without a UTF-8 sequence its end cuts short (those bytes wait for the next chunk). */
function completeLength(b: Buffer): number {
  const n = b.length;
  for (let i = n - 1; i >= 0 && i >= n - 3; i--) {
    const c = b[i]!;
    if ((c & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return i + need > n ? i : n;
  }
  return n;
}
