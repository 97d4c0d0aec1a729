import { describe, expect, it } from 'vitest';
import { displayWidth, gridWidth, renderGrid, wrapLine } from '../../../src/format/grid.js';

describe('displayWidth', () => {
  it('counts columns on screen: ANSI codes 0, CJK and emoji 2, combining marks 0', () => {
    expect(displayWidth('breached')).toBe(8);
    expect(displayWidth('\u001b[31mbreached\u001b[39m')).toBe(8);
    // 2 CJK characters × 2
    expect(displayWidth('東京')).toBe(4);
    // ❌ (U+274C) is drawn as a picture: 2; "a" 1
    expect(displayWidth('❌a')).toBe(3);
    // e + combining acute accent: 1
    expect(displayWidth('e\u0301')).toBe(1);
    // the sparkline bars are one column each
    expect(displayWidth('▁▄█')).toBe(3);
  });
});

describe('wrapLine', () => {
  it('wraps at spaces, after hyphens and slashes, and inside a word only when it must', () => {
    expect(wrapLine('root: network-ola/restore-time (network-team)', 14)).toEqual(['root: network-', 'ola/restore-', 'time (network-', 'team)']);
    expect(wrapLine('short', 10)).toEqual(['short']);
    // prose under the table breaks at spaces only
    expect(wrapLine('credits: service-desk 1,800 EUR', 20, 'spaces')).toEqual(['credits:', 'service-desk 1,800', 'EUR']);
    expect(wrapLine('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    // wide characters break by columns: 東京都 is 6 columns, 4 fit (2 characters) per line
    expect(wrapLine('東京都', 4)).toEqual(['東京', '都']);
  });
  it('keeps ANSI codes with the text', () => {
    const red = '\u001b[31mbreached\u001b[39m';
    expect(wrapLine(`${red} now`, 8)).toEqual([red, 'now']);
  });
});

describe('renderGrid', () => {
  it('draws the compact box: a rule under the header, none between rows, right-aligned columns, stacked lines', () => {
    const out = renderGrid(
      [{ head: 'name' }, { head: 'value', align: 'right' }],
      [['a', '1'], ['two\nlines', '100']],
    );
    expect(out).toBe(
      [
        '┌───────┬───────┐',
        '│ name  │ value │',
        '├───────┼───────┤',
        '│ a     │     1 │',
        '│ two   │   100 │',
        '│ lines │       │',
        '└───────┴───────┘',
      ].join('\n'),
    );
  });
  it('wraps cells to a column width and pads by display width (emoji, CJK, colour)', () => {
    const out = renderGrid([{ head: 'x', width: 4 }, { head: 'y' }], [['abcdef', '東京'], ['\u001b[31mok\u001b[39m', '❌']]);
    const lines = out.split('\n');
    // every line is as wide on screen as the top rule: 1 + (4+3) + (4+3) = 15
    expect(gridWidth([4, 4])).toBe(15);
    for (const l of lines) expect(displayWidth(l)).toBe(15);
    expect(lines[3]).toBe('│ abcd │ 東京 │');
    expect(lines[4]).toBe('│ ef   │      │');
    expect(lines[5]).toBe('│ \u001b[31mok\u001b[39m   │ ❌   │');
  });
  it('renders 10,000 rows in linear time (cli-table3 took 20 s for 7,619)', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => [`agreement-${i % 7}`, `objective-${i}`, `2026-${String((i % 12) + 1).padStart(2, '0')}`, `${i % 100}%`, i % 3 ? 'met' : 'breached']);
    const columns = ['agreement', 'objective', 'window', 'value', 'status'].map((head) => ({ head }));
    const started = performance.now();
    const out = renderGrid(columns, rows);
    const ms = performance.now() - started;
    // 10,000 rows + 1 header line + 3 rules
    expect(out.split('\n')).toHaveLength(10_004);
    expect(ms).toBeLessThan(2000);
  });
});
