/** `slacheck init` and `slacheck schema` end to end: a starter that validates and evaluates, never overwritten. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runMain, type CliRun } from './cli.js';

/** Every file below `dir`, relative to it, sorted. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

describe('slacheck init into an empty directory', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'slacheck-init-'));
  const dir = join(tmp, 'starter');
  let first: CliRun;
  beforeAll(async () => {
    mkdirSync(dir);
    first = await runMain(['init', 'starter'], { cwd: tmp });
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  test('exit 0; writes the agreement, its data and a guide, and says what was written', async () => {
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    expect(filesBelow(dir)).toEqual(['SLACHECK.md', 'agreement.schema.json', 'agreement.yaml', 'data/report-log.csv', 'data/tickets.csv']);
    // the modeline's target is there and is the schema `slacheck schema` prints
    expect(readFileSync(join(dir, 'agreement.schema.json'), 'utf8')).toBe((await runMain(['schema'])).stdout);
    expect(first.stdout).toContain('Wrote starter/agreement.yaml, starter/data/tickets.csv, starter/data/report-log.csv, starter/SLACHECK.md, starter/agreement.schema.json');
    expect(first.stdout).toContain('slacheck validate starter');
    expect(readFileSync(join(dir, 'agreement.yaml'), 'utf8')).toContain('apiVersion: slacheck/v1');
  });

  test('the starter validates without problems: exit 0', async () => {
    const r = await runMain(['validate', 'starter'], { cwd: tmp });
    expect(r.stdout).toBe('✔ 1 file valid, no problems\n');
    expect(r.code).toBe(0);
  });

  test('the starter evaluates (today, and at a fixed --as-of): exit 0 or 1, never 2', async () => {
    for (const extra of [[], ['--as-of', '2026-07-01']]) {
      const r = await runMain(['evaluate', 'starter', '--format', 'json', ...extra], { cwd: tmp });
      expect([0, 1]).toContain(r.code);
      expect(r.stderr).toBe('');
      const json = JSON.parse(r.stdout) as { results: unknown[] };
      expect(json.results.length).toBeGreaterThan(0);
    }
  });

  test('init again into the same directory: exit 2, files unchanged (bytes and mtimes)', async () => {
    const before = filesBelow(dir).map((f) => ({ f, bytes: readFileSync(join(dir, f)), mtime: statSync(join(dir, f)).mtimeMs }));
    const r = await runMain(['init', 'starter'], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('init would overwrite starter/agreement.yaml');
    expect(r.stderr).toContain('nothing was written');
    expect(filesBelow(dir)).toEqual(before.map((b) => b.f));
    for (const b of before) {
      expect(readFileSync(join(dir, b.f)).equals(b.bytes)).toBe(true);
      expect(statSync(join(dir, b.f)).mtimeMs).toBe(b.mtime);
    }
  });

  test('init refuses even when only one starter file exists, and writes none of the others', async () => {
    // a directory that does not exist yet is created
    const partial = join(tmp, 'partial');
    const seeded = await runMain(['init', 'partial'], { cwd: tmp });
    expect(seeded.code).toBe(0);
    for (const f of ['SLACHECK.md', 'agreement.yaml', 'agreement.schema.json', 'data/report-log.csv']) rmSync(join(partial, f));
    const r = await runMain(['init', 'partial'], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('partial/data/tickets.csv');
    expect(existsSync(join(partial, 'agreement.yaml'))).toBe(false);
    expect(filesBelow(partial)).toEqual(['data/tickets.csv']);
  });
});

describe('slacheck schema', () => {
  test('prints JSON that parses and has an $id', async () => {
    const r = await runMain(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as { $id?: unknown; $schema?: unknown; properties?: Record<string, unknown> };
    expect(typeof schema.$id).toBe('string');
    expect(schema.$id).toMatch(/^https?:\/\//);
    expect(schema.properties).toHaveProperty('apiVersion');
    expect(schema.properties).toHaveProperty('objectives');
  });
});
