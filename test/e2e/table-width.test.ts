/** Issue 16: the terminal table fits the terminal (COLUMNS, then the TTY's width; piped: no limit), --wide, --columns. */
import { describe, expect, test } from 'vitest';
import { terminalWidth, type Io } from '../../src/cli/io.js';
import { runMain } from './cli.js';

const ARGS = ['evaluate', 'examples/service-desk', '--as-of', '2026-07-01', '--objective', 'p1-resolution', '--fail-on', 'never'];
const io = (env: Record<string, string>, stdout: Io['stdout']): Io => ({ cwd: '.', env, stdout, stderr: { write: () => true } });
const firstLine = (s: string) => s.slice(0, s.indexOf('\n'));

describe('the width the table is fitted to', () => {
  test('COLUMNS beats the terminal; a terminal gives its width; piped output has no limit', () => {
    const tty = { write: () => true, isTTY: true, columns: 100 };
    const pipe = { write: () => true, isTTY: false };
    expect(terminalWidth(io({ COLUMNS: '80' }, tty))).toBe(80);
    expect(terminalWidth(io({}, tty))).toBe(100);
    expect(terminalWidth(io({}, pipe))).toBeUndefined();
    expect(terminalWidth(io({ COLUMNS: '120' }, pipe))).toBe(120);
    // nonsense in COLUMNS is ignored
    expect(terminalWidth(io({ COLUMNS: 'wide' }, tty))).toBe(100);
    expect(terminalWidth(io({ COLUMNS: '0' }, pipe))).toBeUndefined();
  });
});

describe('evaluate --format table', () => {
  test('COLUMNS=80 fits the table to 80 columns and names the hidden columns; without it every column shows', async () => {
    const narrow = await runMain(ARGS, { env: { COLUMNS: '80' } });
    expect(narrow.code).toBe(0);
    expect(firstLine(narrow.stdout).length).toBeLessThanOrEqual(80);
    expect(narrow.stdout).toContain('hidden to fit 80 columns: trend, credit, ');
    const piped = await runMain(ARGS);
    expect(piped.stdout).toContain('│ trend  │');
    expect(piped.stdout).not.toContain('hidden');
  });

  test('--wide shows every column at 80 columns too', async () => {
    const wide = await runMain([...ARGS, '--wide'], { env: { COLUMNS: '80' } });
    expect(wide.stdout).toBe((await runMain(ARGS)).stdout);
  });

  test('--columns picks the columns, in order; a hyphen stands for the space', async () => {
    const r = await runMain([...ARGS, '--columns', 'window,status,attributed-to'], { env: { COLUMNS: '80' } });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[1]).toBe('│ window  │ status   │ attributed to                    │');
  });

  test('an unknown column, or --wide with --columns, is a usage error (exit 2)', async () => {
    const bad = await runMain([...ARGS, '--columns', 'window,statu']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--columns window,statu: no column statu; expected a comma-separated list of agreement, objective, owner, window, value, target, status, counts, attributed-to, credit, budget, trend');
    const both = await runMain([...ARGS, '--columns', 'window', '--wide']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--wide and --columns: choose one');
  });

  test('a table written to a file keeps every column whatever COLUMNS says', async () => {
    const { mkdtempSync, readFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'slacheck-width-'));
    try {
      const r = await runMain([...ARGS, '--format', 'table', '--output', join(dir, 'table.txt')], { env: { COLUMNS: '80' } });
      expect(r.code).toBe(0);
      expect(readFileSync(join(dir, 'table.txt'), 'utf8')).toBe((await runMain(ARGS)).stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
