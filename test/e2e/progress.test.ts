/**
 * The progress line (issue: progress on stderr while reading CSVs over a few MB, only on a TTY,
 * never with --quiet). A pseudo-terminal comes from util-linux `script`; skipped where it is missing.
 * Spawns the built binary on purpose: a real terminal is process-level (process.stderr.isTTY).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeBigFixture } from './big-fixture.js';
import { BIN } from './cli.js';

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
let tmp = '';

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'slacheck-tty-'));
  writeBigFixture(tmp);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the CLI with stdout and stderr on a pseudo-terminal; returns what the terminal showed. */
function onTty(args: string, setup = ''): { screen: string; code: number | null } {
  const r = spawnSync('script', ['-qec', `${setup}${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} ${args}`, '/dev/null'], {
    cwd: tmp,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', TERM: 'dumb' },
  });
  return { screen: r.stdout, code: r.status };
}

describe.skipIf(!hasScript)('progress on a terminal', () => {
  test('reading a 4.6 MB CSV shows bytes read and rows per second, then clears the line', () => {
    const r = onTty('evaluate . --as-of 2026-02-01 --format json');
    expect(r.code).toBe(0);
    expect(r.screen).toMatch(/reading events\.csv: [\d.]+\/4\.\d MB, [\d,]+ rows\/s/);
    // the report itself is intact after the cleared progress line
    expect(r.screen).toContain('"value": 160000');
  });

  test('on a terminal the table\'s summary line says how many rows and files were read, and how long it took', () => {
    const r = onTty('evaluate . --as-of 2026-02-01 --format table');
    expect(r.code).toBe(0);
    // big-fixture.ts: 160 000 rows in events.csv, the one data file
    expect(r.screen).toMatch(/1 complete window: 1 met, 0 at-risk, 0 breached, 0 excused, 0 no-data · read 160,000 rows from 1 file in \d+(\.\d)? s/);
  });

  test('the table fits the terminal\'s width (stty cols 70): every line within 70 columns, the hidden columns named', () => {
    const r = onTty('evaluate . --as-of 2026-02-01 --format table --quiet', 'stty cols 70 rows 40; ');
    expect(r.code).toBe(0);
    const lines = r.screen.replace(/\r/g, '').split('\n');
    expect(lines.some((l) => l.startsWith('┌'))).toBe(true);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(70);
    expect(r.screen.replace(/\r?\n/g, ' ')).toContain('hidden to fit 70 columns: trend,');
  });

  test('--quiet shows no progress', () => {
    const r = onTty('evaluate . --as-of 2026-02-01 --format json --quiet');
    expect(r.code).toBe(0);
    expect(r.screen).not.toContain('reading events.csv');
    expect(r.screen).toContain('"value": 160000');
  });
});
