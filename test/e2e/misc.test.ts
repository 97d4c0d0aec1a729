/**
 * Help, version, colour decisions and a quiet stderr (SPEC 7; STYLE: colour). In-process through
 * `main()`, except the two "not a TTY" tests, which spawn the built CLI on purpose: what they check
 * is that a real pipe (process.stdout/stderr of a child whose output is piped) counts as no TTY.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, runCli, runMain } from './cli.js';
import { writeBigFixture } from './big-fixture.js';

const ANSI = /\x1b\[[0-9;]*m/;
const TABLE = ['evaluate', 'test/fixtures/e2e/evaluate', '--as-of', '2026-04-01', '--fail-on', 'never'];
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('help and version', () => {
  test('--help exits 0 and lists every command', async () => {
    const r = await runMain(['--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Usage: slacheck /);
    for (const cmd of ['validate', 'evaluate', 'explain', 'graph', 'init', 'schema']) {
      expect(r.stdout).toMatch(new RegExp(`\\n  ${cmd} `));
    }
    expect(r.stdout).toContain('Exit codes: 0 ok, 1');
  });

  test('a command\'s --help exits 0 and shows its options', async () => {
    const r = await runMain(['evaluate', '--help']);
    expect(r.code).toBe(0);
    for (const opt of ['--as-of', '--data', '--fail-on', '--owner', '--format', '--output']) expect(r.stdout).toContain(opt);
  });

  test('--version prints the package version', async () => {
    const r = await runMain(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${VERSION}\n`);
  });

  test('an unknown command is a usage error: exit 2', async () => {
    const r = await runMain(['bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'bogus'");
  });
});

describe('colour is decided once: --color/--no-color, then NO_COLOR, then FORCE_COLOR, then TTY', () => {
  test('FORCE_COLOR=1 without NO_COLOR: the table has ANSI escapes', async () => {
    // NO_COLOR='' counts as unset (no-color.org: only a non-empty value disables colour)
    const r = await runMain(TABLE, { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(ANSI);
  });

  test('NO_COLOR=1 wins over FORCE_COLOR: no escapes', async () => {
    const r = await runMain(TABLE, { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(r.stdout).not.toMatch(ANSI);
    expect(r.stdout).toContain('breached');
  });

  test('not a TTY and nothing forced: no escapes', () => {
    // spawned on purpose: the real binary with its stdout on a pipe (process.stdout.isTTY unset)
    const r = runCli(TABLE, { env: { NO_COLOR: '' } });
    expect(r.stdout).not.toMatch(ANSI);
  });

  test('--color beats NO_COLOR, --no-color beats FORCE_COLOR', async () => {
    expect((await runMain([...TABLE, '--color'], { env: { NO_COLOR: '1' } })).stdout).toMatch(ANSI);
    expect((await runMain([...TABLE, '--no-color'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } })).stdout).not.toMatch(ANSI);
  });

  test('machine formats never carry colour, even when forced', async () => {
    const r = await runMain([...TABLE, '--format', 'json', '--color']);
    expect(r.stdout).not.toMatch(ANSI);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });
});

describe('stderr carries nothing on a successful run that is not a TTY', () => {
  test('the fixture evaluation', async () => {
    const r = await runMain(TABLE);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toBe('');
    expect(r.stderr).toBe('');
  });

  test('a CSV large enough for a progress line (> 4 MB) still prints no progress when not a TTY', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'slacheck-big-'));
    try {
      writeBigFixture(tmp);
      // spawned on purpose: the real binary with its stderr on a pipe (process.stderr.isTTY unset)
      const r = runCli(['evaluate', '.', '--as-of', '2026-02-01', '--format', 'json'], { cwd: tmp });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout) as { results: Array<{ value: number }> };
      expect(json.results.map((x) => x.value)).toEqual([160_000]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
