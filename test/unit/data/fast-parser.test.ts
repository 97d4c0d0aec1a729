/**
 * The fast CSV path against csv-parse (issue 13 step 1): on random hostile files cut into chunks of
 * every size, both give the same records with the same `lines`/`empty_lines` counters at each
 * record, and the same error at the same line. csv-parse is the reference.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createFastRecordParser } from '../../../src/data/fast-parser.js';
import { createRecordParser, type RecordParser } from '../../../src/data/record-parser.js';

type Trace = Array<string | number | null>[];

function trace(make: (onRecord: (r: string[]) => void) => RecordParser, bytes: Buffer, chunk: number): Trace {
  const out: Trace = [];
  let parser: RecordParser;
  const onRecord = (r: string[]) => out.push([JSON.stringify(r), parser.counters.lines, parser.counters.empty_lines]);
  parser = make(onRecord);
  for (let i = 0; i < bytes.length; i += chunk) {
    const err = parser.write(bytes.subarray(i, i + chunk));
    if (err) {
      out.push(['error', (err as { code?: string }).code ?? err.message, parser.counters.lines, parser.counters.empty_lines]);
      return out;
    }
  }
  const err = parser.end();
  if (err) out.push(['error', (err as { code?: string }).code ?? err.message, parser.counters.lines, parser.counters.empty_lines]);
  return out;
}

const reference = (delimiter: ',' | ';') => (on: (r: string[]) => void) => createRecordParser(delimiter, on);
const fast = (delimiter: ',' | ';') => (on: (r: string[]) => void) => createFastRecordParser(delimiter, on);

/** Pieces hostile files are made of: cells, quotes, line breaks of every kind, BOMs, multibyte and broken UTF-8. */
const PIECES = ['a', 'bc', 'ü', '€', '😀', ' ', ',', ';', '"', '""', '"x"', '"a,b"', '"q""q"', '\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\ufeff', '1', '2026-03-01T10:00:00Z', '\t'];

const hostile = fc.tuple(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }),
  fc.boolean(),
  fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 2 }),
);

function bytesOf([pieces, bom, junk]: [string[], boolean, number[]]): Buffer {
  const text = (bom ? '\ufeff' : '') + pieces.join('');
  return Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from(junk)]);
}

describe('the fast CSV path gives exactly what csv-parse gives', () => {
  test('hand-picked files', () => {
    const files = [
      'a,b\n1,2\n\n3,4\n',
      'a,b\r\n1,2\r\n\r\n3,4',
      '\ufeffa,b\n"x\ny",2\n5,6\n',
      'a,b\n1,"2\n',
      'a,b\n1,2"x\n',
      'a,b\n"1"x,2\n',
      'a,b\r\n1,2\n3,4\n',
      'a,b\n1,2\r\n3,4\n',
      'a,b\n1\r2,3\n',
      'a,b\n"he said ""hi""",2\n',
      'a,b\n,\n,,\n',
      'a\n\n\n',
      '',
      '\ufeff',
      'a,b\n1,2\r',
    ];
    for (const text of files) {
      const bytes = Buffer.from(text, 'utf8');
      for (const chunk of [1, 2, 3, 5, 64 * 1024]) {
        expect(trace(fast(','), bytes, chunk), `${JSON.stringify(text)} in chunks of ${chunk}`).toEqual(trace(reference(','), bytes, chunk));
      }
    }
  });

  test('random hostile files at chunk sizes from 1 byte up (property)', () => {
    fc.assert(
      fc.property(hostile, fc.integer({ min: 1, max: 70 }), fc.constantFrom(',' as const, ';' as const), (parts, chunk, delimiter) => {
        const bytes = bytesOf(parts);
        expect(trace(fast(delimiter), bytes, chunk)).toEqual(trace(reference(delimiter), bytes, chunk));
        expect(trace(fast(delimiter), bytes, 64 * 1024)).toEqual(trace(reference(delimiter), bytes, 64 * 1024));
      }),
      { numRuns: Number(process.env.FAST_PARSER_RUNS ?? 3000) },
    );
  }, 900_000);

  test('a plain file stays on the fast path; a quoted line break hands the rest to csv-parse', () => {
    const plain = createFastRecordParser(',', () => {});
    plain.write(Buffer.from('a,b\n"1",2\r\n'.replace('\r\n', '\n')));
    plain.end();
    expect(plain.handedOff).toBeNull();
    const quoted = createFastRecordParser(',', () => {});
    quoted.write(Buffer.from('a,b\n"1\n2",3\n'));
    quoted.end();
    expect(quoted.handedOff).toBe('line-break-in-quotes');
  });
});
