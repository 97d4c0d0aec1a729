import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { DataFileError, readCsv } from '../../../src/data/csv.js';
import type { DataSource, RowSink } from '../../../src/data/source.js';
import { CellError, InputError, type Problem } from '../../../src/problem.js';

const dir = mkdtempSync(join(tmpdir(), 'slacheck-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
function dataSet(content: string | Buffer, extra: Partial<DataSource> = {}): DataSource {
  const absPath = join(dir, `data-${++fileCount}.csv`);
  writeFileSync(absPath, content);
  return { key: 'desk/tickets', file: `data/data-${fileCount}.csv`, absPath, timezone: 'UTC', ...extra };
}

/** Records what it is given; needs the listed columns. */
class Recorder implements RowSink {
  header: readonly string[] = [];
  rows: string[][] = [];
  lines: number[] = [];
  constructor(private readonly needs: string[] = []) {}
  bind(header: readonly string[]): string[] {
    this.header = header;
    return this.needs.filter((name) => !header.includes(name));
  }
  add(row: readonly string[], line: number): void {
    this.rows.push([...row]);
    this.lines.push(line);
  }
}

async function problemsOf(promise: Promise<unknown>): Promise<Problem[]> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof InputError) return err.problems;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('readCsv: RFC 4180 text', () => {
  test('quoted newlines and doubled quotes; later rows keep their line numbers', async () => {
    const sink = new Recorder();
    const ds = dataSet(
      'id,note,value\n' + //                        line 1
        '1,"line one\nline two",10\n' + //           lines 2-3
        '2,"say ""hi""",20\n' + //                   line 4
        '3,"a\r\nb\r\nc",30\n' + //                  lines 5-7 (a quoted CRLF is one line break)
        '4,plain,40\n', //                           line 8
    );
    expect(await readCsv(ds, [sink])).toEqual({ rows: 4, invalidRows: 0, invalidLines: [] });
    expect(sink.header).toEqual(['id', 'note', 'value']);
    expect(sink.rows).toEqual([
      ['1', 'line one\nline two', '10'],
      ['2', 'say "hi"', '20'],
      ['3', 'a\r\nb\r\nc', '30'],
      ['4', 'plain', '40'],
    ]);
    expect(sink.lines).toEqual([2, 4, 5, 8]);
  });

  test('UTF-8 BOM is not part of the first column name', async () => {
    const sink = new Recorder(['id']);
    await readCsv(dataSet('\uFEFFid,name\n1,Zoë\n'), [sink]);
    expect(sink.header).toEqual(['id', 'name']);
    expect(sink.rows).toEqual([['1', 'Zoë']]);
  });

  test('CRLF line ends, with a quoted line break and a blank line', async () => {
    const sink = new Recorder();
    // line 1 header, 2 row, 3-4 quoted row, 5 blank, 6 row
    await readCsv(dataSet('id,v\r\n1,a\r\n2,"x\r\ny"\r\n\r\n3,c\r\n'), [sink]);
    expect(sink.rows).toEqual([['1', 'a'], ['2', 'x\r\ny'], ['3', 'c']]);
    expect(sink.lines).toEqual([2, 3, 6]);
  });

  test('a last row without a line break is read', async () => {
    const sink = new Recorder();
    expect(await readCsv(dataSet('a,b\n1,2\n3,4'), [sink])).toEqual({ rows: 2, invalidRows: 0, invalidLines: [] });
    expect(sink.rows).toEqual([['1', '2'], ['3', '4']]);
  });

  test('header names are trimmed, cells are not', async () => {
    const sink = new Recorder(['id', 'name']);
    await readCsv(dataSet(' id , name \n 1 , x \n'), [sink]);
    expect(sink.header).toEqual(['id', 'name']);
    expect(sink.rows).toEqual([[' 1 ', ' x ']]);
  });

  test('blank and whitespace-only lines are skipped, before the header too', async () => {
    const sink = new Recorder();
    // 1 blank, 2 header, 3 row, 4 blank, 5 spaces, 6 blank, 7 row, 8 blank
    expect(await readCsv(dataSet('\na,b\n1,2\n\n   \n\n3,4\n\n'), [sink])).toEqual({ rows: 2, invalidRows: 0, invalidLines: [] });
    expect(sink.header).toEqual(['a', 'b']);
    expect(sink.lines).toEqual([3, 7]);
  });

  test('lines of delimiters only (Excel writes them below a table) are blank lines too, not empty records', async () => {
    const sink = new Recorder();
    // 1 header, 2 row, 3 delimiters only, 4 delimiters and spaces, 5 quoted empty cells, 6 row with one empty cell
    expect(await readCsv(dataSet('a;b;c\r\n1;2;3\r\n;;\r\n ; ;\r\n"";"";""\r\n;5;\r\n'), [sink])).toEqual({ rows: 2, invalidRows: 0, invalidLines: [] });
    expect(sink.rows).toEqual([['1', '2', '3'], ['', '5', '']]);
    expect(sink.lines).toEqual([2, 6]);
  });
});

describe('readCsv: delimiter', () => {
  test('";" is detected from the header line', async () => {
    const sink = new Recorder();
    await readCsv(dataSet('id;name;note\n1;"a;b";c,d\n'), [sink]);
    expect(sink.header).toEqual(['id', 'name', 'note']);
    expect(sink.rows).toEqual([['1', 'a;b', 'c,d']]);
  });

  test('commas inside a quoted header name do not count', async () => {
    const sink = new Recorder();
    // outside quotes: two ";" and no ","
    await readCsv(dataSet('"a,b,c";d;e\n1;2;3\n'), [sink]);
    expect(sink.header).toEqual(['a,b,c', 'd', 'e']);
  });

  test('tab is detected', async () => {
    const sink = new Recorder();
    // outside quotes: two tabs, one ","
    await readCsv(dataSet('id\tname, full\tage\n1\tDoe, Jane\t40\n'), [sink]);
    expect(sink.header).toEqual(['id', 'name, full', 'age']);
    expect(sink.rows).toEqual([['1', 'Doe, Jane', '40']]);
  });

  test('an explicit delimiter wins over detection', async () => {
    const detected = new Recorder();
    const explicit = new Recorder();
    // one "," and one ";": detection takes "," (ties go to ",")
    await readCsv(dataSet('a,b;c\n1,2;3\n'), [detected]);
    await readCsv(dataSet('a,b;c\n1,2;3\n', { delimiter: ';' }), [explicit]);
    expect(detected.header).toEqual(['a', 'b;c']);
    expect(explicit.header).toEqual(['a,b', 'c']);
    expect(explicit.rows).toEqual([['1,2', '3']]);
  });

  test('an explicit tab may be written as "tab"', async () => {
    const sink = new Recorder();
    await readCsv(dataSet('a\tb\n1\t2\n', { delimiter: 'tab' }), [sink]);
    expect(sink.rows).toEqual([['1', '2']]);
  });

  test('a semicolon file read with delimiter "," gets a hint in the missing-column problem', async () => {
    const ds = dataSet('id;priority\n1;P1\n', { delimiter: ',' });
    const [p] = await problemsOf(readCsv(ds, [new Recorder(['priority'])]));
    expect(p).toMatchObject({ code: 'csv-missing-column', line: 1 });
    expect(p!.message).toBe(
      'column "priority" is missing; the header has "id;priority"; the header looks semicolon-separated: set the data set\'s delimiter to ";" or remove it to detect it',
    );
  });

  test('a file that is not UTF-8 (Excel\'s Windows-1252 "CSV") gets a hint in the missing-column problem', async () => {
    // "Priorität" in Windows-1252: ä is the single byte 0xE4
    const ds = dataSet(Buffer.from('Ticketnummer;Priorit\xe4t\nT-1;Hoch\n', 'latin1'));
    const [p] = await problemsOf(readCsv(ds, [new Recorder(['Priorität'])]));
    expect(p).toMatchObject({ code: 'csv-missing-column', line: 1 });
    expect(p!.message).toBe(
      'column "Priorität" is missing; the header has "Ticketnummer", "Priorit\uFFFDt"; the file is not UTF-8 (� stands for bytes that are not): save it as UTF-8, in Excel as "CSV UTF-8"',
    );
  });

  test('an unsupported explicit delimiter is an input error', async () => {
    const ds = dataSet('a|b\n', { delimiter: '|' });
    expect(await problemsOf(readCsv(ds, []))).toEqual([expect.objectContaining({ file: ds.file, code: 'csv-delimiter' })]);
  });
});

describe('readCsv: errors', () => {
  test('ragged row: code, line, message; the rows after it are still read (SPEC 9.1: every bad row is named)', async () => {
    const sink = new Recorder();
    const ds = dataSet('a,b,c,d,e\n1,2,3,4,5\n1,"x\ny",3,4,5\n1,2,3,4\n9,9,9,9,9\n');
    const problems = await problemsOf(readCsv(ds, [sink]));
    // header line 1, row line 2, quoted row lines 3-4, short row line 5
    expect(problems).toEqual([
      expect.objectContaining({ file: ds.file, line: 5, code: 'csv-ragged-row', severity: 'error' }),
    ]);
    expect(problems[0].message).toMatch(/^row has 4 cells, the header has 5/);
    expect(sink.rows).toHaveLength(3); // lines 2, 3-4 and 6
  });

  test('every bad cell of the file is listed, up to 20, then "and N more" (SPEC 9.1)', async () => {
    const picky: RowSink = {
      bind: () => [],
      add(row) {
        if (row[1] === 'bad') throw new CellError('invalid-timestamp', 'opened_at', `"${row[1]}" is not a timestamp`);
        if (row[2] === 'bad') throw new CellError('invalid-number', 'cost', `"${row[2]}" is not a number`);
      },
    };
    const seen = new Recorder();
    // 25 rows (lines 2..26), each with a bad opened_at; line 3 also has a bad cost
    const rows = Array.from({ length: 25 }, (_, i) => `${i},bad,${i === 1 ? 'bad' : '1'}`);
    const problems = await problemsOf(readCsv(dataSet(['id,opened_at,cost', ...rows].join('\n')), [picky, seen]));
    // 26 bad cells: the first 20 in file order (line 2 opened_at, line 3 opened_at ... ), then one summary
    expect(problems).toHaveLength(21);
    expect(problems.slice(0, 3).map((p) => [p.line, p.column, p.code])).toEqual([
      [2, 2, 'invalid-timestamp'],
      [3, 2, 'invalid-timestamp'],
      [4, 2, 'invalid-timestamp'],
    ]);
    // a sink throws at its first bad cell: line 3's cost is not reached by the same sink, so 25 cells in all
    expect(problems[20]).toMatchObject({ line: 0, code: 'csv-more-problems', message: 'and 5 more bad cells not listed' });
    expect(seen.rows).toHaveLength(25); // every sink sees every row, whatever another sink found
  });

  test("a sink's other bad cells of the row are listed too, in error mode only, each once", async () => {
    const both: RowSink = {
      bind: () => [],
      add(row) {
        if (row[1] === 'bad') throw new CellError('invalid-timestamp', 'opened_at', 'bad start');
      },
      otherBadCells: (row) => (row[2] === 'bad' ? [new CellError('invalid-timestamp', 'resolved_at', 'bad end')] : []),
    };
    const text = 'id,opened_at,resolved_at\n1,bad,bad\n2,bad,2026-01-02\n3,2026-01-01,bad\n';
    // line 2: both cells; line 3: the start only; line 4: add() does not throw, so nothing is asked
    const problems = await problemsOf(readCsv(dataSet(text), [both, both]));
    expect(problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [2, 2, 'bad start'],
      [2, 3, 'bad end'],
      [3, 2, 'bad start'],
    ]);
    // with invalid: skip a row is left out once, however many bad cells it has
    expect(await readCsv(dataSet(text, { skipInvalid: true }), [both])).toEqual({ rows: 3, invalidRows: 2, invalidLines: [2, 3] });
  });

  test('invalid: skip leaves bad rows out and counts them with their first lines (SPEC 9.1)', async () => {
    const picky: RowSink = {
      bind: () => [],
      add(row) {
        if (row[1] === 'bad') throw new CellError('invalid-timestamp', 'opened_at', 'bad');
      },
    };
    const ds = dataSet('id,opened_at\n1,bad\n2,2026-01-01\n3,bad\n4,1,extra\n', { skipInvalid: true });
    // lines 2 and 4 have a bad cell, line 5 has too many cells: three rows left out
    expect(await readCsv(ds, [picky])).toEqual({ rows: 3, invalidRows: 3, invalidLines: [2, 4, 5] });
  });

  test('missing columns: one problem per column, naming what the header has', async () => {
    const ds = dataSet('id,opened_at\n1,2026-01-01\n');
    const first = new Recorder(['id', 'resolved_at']);
    const second = new Recorder(['resolved_at', 'priority']);
    const problems = await problemsOf(readCsv(ds, [first, second]));
    expect(problems.map((p) => [p.code, p.line, p.file])).toEqual([
      ['csv-missing-column', 1, ds.file],
      ['csv-missing-column', 1, ds.file],
    ]);
    expect(problems[0].message).toBe('column "resolved_at" is missing; the header has "id", "opened_at"');
    expect(problems[1].message).toMatch(/"priority"/);
    expect(first.rows).toEqual([]);
  });

  test('a CellError becomes a problem at its line and the 1-based header column', async () => {
    const strict: RowSink = {
      bind: () => [],
      add(row) {
        if (row[2] === 'soon') throw new CellError('invalid-timestamp', 'opened_at', 'not a timestamp: "soon"');
      },
    };
    const ds = dataSet('id,priority,opened_at\n1,P1,2026-01-01\n\n2,P2,soon\n');
    // header 1, row 2, blank 3, bad row 4; opened_at is the third column
    expect(await problemsOf(readCsv(ds, [strict]))).toEqual([
      { file: ds.file, line: 4, column: 3, severity: 'error', code: 'invalid-timestamp', message: 'not a timestamp: "soon"' },
    ]);
  });

  test('other exceptions from a sink pass through unchanged', async () => {
    const broken: RowSink = { bind: () => [], add: () => { throw new TypeError('bug'); } };
    await expect(readCsv(dataSet('a\n1\n'), [broken])).rejects.toThrow(TypeError);
  });

  test('missing file says what to check', async () => {
    const ds: DataSource = { key: 'desk/tickets', file: 'data/nope.csv', absPath: join(dir, 'nope.csv'), timezone: 'UTC' };
    const [p] = await problemsOf(readCsv(ds, [new Recorder()]));
    expect(p).toMatchObject({ file: 'data/nope.csv', line: 0, column: 0, code: 'csv-unreadable' });
    expect(p.message).toBe('cannot read data file: the file does not exist');
    // the reason is data: the caller, who knows where the path came from, says what to do
    await expect(readCsv(ds, [])).rejects.toMatchObject({ name: 'DataFileError', reason: 'missing', source: ds });
    await expect(readCsv(ds, [])).rejects.toBeInstanceOf(DataFileError);
  });

  test('a directory is unreadable', async () => {
    const sub = join(dir, 'a-directory.csv');
    mkdirSync(sub);
    const [p] = await problemsOf(readCsv({ key: 'x/y', file: 'd', absPath: sub, timezone: 'UTC' }, []));
    expect(p.code).toBe('csv-unreadable');
    expect(p.message).toMatch(/directory/);
  });

  test.each([
    ['empty', ''],
    ['blank lines only', '\n\r\n  \n'],
    ['a BOM only', '\uFEFF'],
  ])('no header: %s', async (_, content) => {
    const ds = dataSet(content);
    expect(await problemsOf(readCsv(ds, [new Recorder()]))).toEqual([
      expect.objectContaining({ file: ds.file, line: 0, code: 'csv-no-header' }),
    ]);
  });

  test('a header alone is fine: zero rows', async () => {
    const sink = new Recorder(['a']);
    expect(await readCsv(dataSet('a,b\n'), [sink])).toEqual({ rows: 0, invalidRows: 0, invalidLines: [] });
    expect(sink.header).toEqual(['a', 'b']);
  });

  test('unclosed quote: csv-syntax at the line where the row starts', async () => {
    const ds = dataSet('a,b\n1,2\n3,"never closed\n4,5\n');
    const [p] = await problemsOf(readCsv(ds, [new Recorder()]));
    expect(p).toMatchObject({ file: ds.file, line: 3, code: 'csv-syntax' });
    expect(p.message).toMatch(/never closed/);
  });

  test('quote inside an unquoted cell: csv-syntax with line and column', async () => {
    const ds = dataSet('a,b\n1,2\n\n3,5" screen\n');
    const [p] = await problemsOf(readCsv(ds, [new Recorder()]));
    // header 1, row 2, blank 3, bad row 4; the quote is in the second cell
    expect(p).toMatchObject({ line: 4, column: 2, code: 'csv-syntax' });
  });
});

describe('readCsv: streaming', () => {
  test('rows arrive in order to every sink, with exact lines across chunk boundaries', async () => {
    // ~330 KB: several 64 KiB chunks. Every 7th row has a quoted two-line note, every 11th is
    // followed by a blank line, so each row's line is 1 + rows before + extra lines before.
    let text = 'id,note,pad\n';
    const expected: number[] = [];
    let line = 2;
    for (let i = 0; i < 6000; i++) {
      expected.push(line);
      const note = i % 7 === 0 ? `"first\nsecond ""${i}"""` : `note ${i}`;
      text += `${i},${note},${'x'.repeat(40)}\n`;
      line += i % 7 === 0 ? 2 : 1;
      if (i % 11 === 0) {
        text += '\n';
        line += 1;
      }
    }
    const a = new Recorder();
    const b = new Recorder(['id']);
    const progress: Array<[number, number, number]> = [];
    const ds = dataSet(text);
    const result = await readCsv(ds, [a, b], { onProgress: (...args) => progress.push(args) });
    expect(result.rows).toBe(6000);
    expect(a.rows.map((r) => Number(r[0]))).toEqual([...Array(6000).keys()]);
    expect(a.rows[7][1]).toBe('first\nsecond "7"');
    expect(a.lines).toEqual(expected);
    expect(b.lines).toEqual(expected);
    const size = Buffer.byteLength(text);
    expect(progress.length).toBe(Math.ceil(size / 65536));
    expect(progress.at(-1)!.slice(0, 2)).toEqual([size, size]);
    for (let i = 1; i < progress.length; i++) expect(progress[i][2]).toBeGreaterThanOrEqual(progress[i - 1][2]);
  });

  test('a header longer than one chunk still gets its delimiter detected', async () => {
    const names = Array.from({ length: 9000 }, (_, i) => `column_${i}`);
    const sink = new Recorder(['column_8999']);
    await readCsv(dataSet(names.join(';') + '\n' + names.map((_, i) => i).join(';') + '\n'), [sink]);
    expect(sink.header).toHaveLength(9000);
    expect(sink.rows[0][8999]).toBe('8999');
  });
});
