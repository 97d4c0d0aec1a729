/**
 * The real binary (bin/slacheck.js over dist/, built by `npm test`'s pretest), spawned on purpose:
 * everything else runs in-process through `main()`, so these are the tests of what only a process
 * has — the bin script's wiring, the exit status set through process.exitCode, a closed stdout.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BIN, EXAMPLES_WARNINGS, ROOT, runCli } from './cli.js';

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const EVALUATE = ['evaluate', 'test/fixtures/e2e/evaluate', '--as-of', '2026-04-01', '--format', 'json'];

describe('bin/slacheck.js', () => {
  test('smoke: --version runs the built CLI and exits 0', () => {
    const r = runCli(['--version']);
    expect(r).toEqual({ stdout: `${VERSION}\n`, stderr: '', code: 0 });
  });

  test('the exit status is main()\'s return value: 1 for a breach, 2 for a usage error', () => {
    const breached = runCli(EVALUATE);
    expect(breached.code).toBe(1);
    expect(breached.stderr).toBe('slacheck: 2 complete windows at --fail-on breached: e2e-desk/p1-resolution 2026-03 breached, e2e-uc/uptime 2026-03 breached\n');
    expect(JSON.parse(breached.stdout)).toHaveProperty('summary');
    const usage = runCli(['evaluate', '--bogus']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("unknown option '--bogus'");
  });
});

/** Spawns the binary with its stdout closed before it writes (as `slacheck … | head -c 0` would). */
function runWithClosedStdout(args: readonly string[]): Promise<{ stderr: string; code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ stderr, code, signal }));
  });
}

describe('a closed stdout (EPIPE)', () => {
  // examples/ as JSON is ~95 KB: the writes fail with EPIPE once the reader is gone
  const args = ['evaluate', 'examples', '--as-of', '2026-07-01', '--format', 'json'];

  test('ends quietly with the run\'s exit status: no stack trace, no EPIPE message', async () => {
    const r = await runWithClosedStdout([...args, '--fail-on', 'never']);
    // the examples' one warning (the German Excel recipe's junk rows), nothing else
    expect(r).toEqual({ stderr: EXAMPLES_WARNINGS, code: 0, signal: null });
  });

  test('a failing run still exits 1 and explains why on stderr', async () => {
    const r = await runWithClosedStdout(args);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(1);
    expect(r.stderr.startsWith(EXAMPLES_WARNINGS)).toBe(true);
    // the breached windows, then the triggered remedies of examples/contracts (examples/README.md, section 4)
    expect(r.stderr.slice(EXAMPLES_WARNINGS.length)).toMatch(
      /^slacheck: 30 complete windows at --fail-on breached: .*\nslacheck: 4 triggered remedies at --fail-on breached: .*\n$/,
    );
  });
});
