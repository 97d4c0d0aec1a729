import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/data/csv.js';
import { readHeader } from '../../../src/data/header.js';

const root = mkdtempSync(path.join(tmpdir(), 'slacheck-header-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
function file(content: string | Buffer): string {
  const p = path.join(root, `f${n++}.csv`);
  writeFileSync(p, content);
  return p;
}

describe('readHeader (SPEC 9.1)', () => {
  it('reads the trimmed column names of the first line, repeats kept', () => {
    expect(readHeader(file('Issue key,Summary,Created,Resolved,Labels,Labels\nNET-1,x,2026-01-01,,a,b\n'))).toEqual([
      'Issue key',
      'Summary',
      'Created',
      'Resolved',
      'Labels',
      'Labels',
    ]);
    expect(readHeader(file(' id , opened_at\r\n1,2\r\n'))).toEqual(['id', 'opened_at']);
  });

  it('skips a BOM and blank lines, and reads a header without a line break', () => {
    expect(readHeader(file('\uFEFFid,at\n1,2\n'))).toEqual(['id', 'at']);
    expect(readHeader(file('\n\r\n\nid;at\n'))).toEqual(['id', 'at']);
    expect(readHeader(file('\n   \nid,at\n'))).toEqual(['id', 'at']);
    expect(readHeader(file('id,at'))).toEqual(['id', 'at']);
  });

  it('reads quoted header cells, with delimiters, quotes and line breaks inside', () => {
    expect(readHeader(file('"Issue key","Created, local","say ""hi""","two\nlines"\n1,2,3,4\n'))).toEqual([
      'Issue key',
      'Created, local',
      'say "hi"',
      'two\nlines',
    ]);
  });

  it('uses the delimiter given, else detects it as the CSV reader does', () => {
    const semi = file('Vorgang;Erstellt am;Status, alt\n1;2;3\n');
    expect(readHeader(semi)).toEqual(['Vorgang', 'Erstellt am', 'Status, alt']);
    expect(readHeader(semi, { delimiter: ',' })).toEqual(['Vorgang;Erstellt am;Status', 'alt']);
    expect(readHeader(file('a\tb\tc\n'), { delimiter: 'tab' })).toEqual(['a', 'b', 'c']);
    expect(readHeader(file('a\tb\n'))).toEqual(['a', 'b']);
    expect(readHeader(semi, { delimiter: '|' })).toEqual({ code: 'csv-delimiter', message: expect.stringContaining('"|" is not supported') });
  });

  it('returns null for a file that does not exist (also below a missing folder)', () => {
    expect(readHeader(path.join(root, 'nope.csv'))).toBeNull();
    expect(readHeader(path.join(root, 'no', 'such', 'dir.csv'))).toBeNull();
    expect(readHeader(path.join(file('x\n'), 'below-a-file.csv'))).toBeNull();
  });

  it('returns a problem for a directory, an empty file and a broken header', () => {
    const dir = path.join(root, 'a-folder.csv');
    mkdirSync(dir);
    expect(readHeader(dir)).toEqual({ code: 'csv-unreadable', message: 'cannot read data file: it is a directory, not a CSV file' });
    expect(readHeader(file(''))).toEqual({ code: 'csv-no-header', message: expect.stringContaining('the file is empty') });
    expect(readHeader(file('\n\n'))).toEqual({ code: 'csv-no-header', message: expect.stringContaining('the file is empty') });
    expect(readHeader(file('id,"at\n1,2\n'))).toEqual({ code: 'csv-syntax', message: expect.stringContaining('a quoted cell is never closed') });
  });

  it('ignores what is wrong after the header line', () => {
    expect(readHeader(file('id,at\n1,"2\n'))).toEqual(['id', 'at']);
    expect(readHeader(file('id,at\n1,2,3,4\n"x"y,1\n'))).toEqual(['id', 'at']);
  });

  it('stops at a header line longer than the limit', () => {
    expect(readHeader(file(`${'x'.repeat(300 * 1024)}\n`), { maxBytes: 200 * 1024 })).toEqual({
      code: 'csv-no-header',
      message: 'the header line is longer than 200 KB; is it a CSV file with a header naming the columns?',
    });
    expect(readHeader(file(`${'x,'.repeat(50 * 1024)}y\n`), { maxBytes: 200 * 1024 })).toHaveLength(50 * 1024 + 1);
  });

  it('reads only the start of a large file', () => {
    // a sparse 100 MB file: the header, then 100 MB of NUL bytes that would be slow to parse
    const p = path.join(root, 'large.csv');
    const fd = openSync(p, 'w');
    writeSync(fd, 'id,opened_at,"closed at"\n');
    writeSync(fd, '\n', 100 * 1024 * 1024);
    closeSync(fd);
    const started = performance.now();
    expect(readHeader(p)).toEqual(['id', 'opened_at', 'closed at']);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('sees the same header as the CSV reader', async () => {
    const contents = [
      'a,b\n1,2\n',
      '\uFEFF"x ""1""";y;z\n1;2;3\n',
      '\n\n  a\t b \t"c\nd"\n',
      '\n   \nid;at\n',
      'only\n',
      'a,b',
      'Issue key,Labels,Labels\r\nX,1,2\r\n',
    ];
    for (const content of contents) {
      const p = file(content);
      let seen: readonly string[] | undefined;
      await readCsv({ key: 'a/d', file: 'd.csv', absPath: p, timezone: 'UTC' }, [{ bind: (h) => ((seen = h), []), add: () => {} }]);
      expect(readHeader(p), JSON.stringify(content)).toEqual(seen);
    }
  });
});
