/** Help, version, colour decisions and a quiet stderr, through the built CLI (SPEC 7; STYLE: colour). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, runCli } from './cli.js';
import { writeBigFixture } from './big-fixture.js';

const ANSI = /\x1b\[[0-9;]*m/;
const TABLE = ['evaluate', 'test/fixtures/e2e/evaluate', '--as-of', '2026-04-01', '--fail-on', 'never'];
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('help and version', () => {
  test('--help exits 0 and lists every command', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Usage: slacheck /);
    for (const cmd of ['validate', 'evaluate', 'explain', 'graph', 'init', 'schema']) {
      expect(r.stdout).toMatch(new RegExp(`\\n  ${cmd} `));
    }
    expect(r.stdout).toContain('Exit codes: 0 ok, 1');
  });

  test('a command\'s --help exits 0 and shows its options', () => {
    const r = runCli(['evaluate', '--help']);
    expect(r.code).toBe(0);
    for (const opt of ['--as-of', '--data', '--fail-on', '--owner', '--format', '--output']) expect(r.stdout).toContain(opt);
  });

  test('--version prints the package version', () => {
    const r = runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${VERSION}\n`);
  });

  test('an unknown command is a usage error: exit 2', () => {
    const r = runCli(['bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'bogus'");
  });
});

describe('colour is decided once: --color/--no-color, then NO_COLOR, then FORCE_COLOR, then TTY', () => {
  test('FORCE_COLOR=1 without NO_COLOR: the table has ANSI escapes', () => {
    // NO_COLOR='' counts as unset (no-color.org: only a non-empty value disables colour)
    const r = runCli(TABLE, { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(ANSI);
  });

  test('NO_COLOR=1 wins over FORCE_COLOR: no escapes', () => {
    const r = runCli(TABLE, { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(r.stdout).not.toMatch(ANSI);
    expect(r.stdout).toContain('breached');
  });

  test('not a TTY and nothing forced: no escapes', () => {
    const r = runCli(TABLE, { env: { NO_COLOR: '' } });
    expect(r.stdout).not.toMatch(ANSI);
  });

  test('--color beats NO_COLOR, --no-color beats FORCE_COLOR', () => {
    expect(runCli([...TABLE, '--color'], { env: { NO_COLOR: '1' } }).stdout).toMatch(ANSI);
    expect(runCli([...TABLE, '--no-color'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).not.toMatch(ANSI);
  });

  test('machine formats never carry colour, even when forced', () => {
    const r = runCli([...TABLE, '--format', 'json', '--color']);
    expect(r.stdout).not.toMatch(ANSI);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });
});

describe('stderr carries nothing on a successful run that is not a TTY', () => {
  test('the fixture evaluation', () => {
    const r = runCli(TABLE);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toBe('');
    expect(r.stderr).toBe('');
  });

  test('a CSV large enough for a progress line (> 4 MB) still prints no progress when not a TTY', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'slacheck-big-'));
    try {
      writeBigFixture(tmp);
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
