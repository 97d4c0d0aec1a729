/**
 * Our own fuzzer (issue 14): a fixed seed in `npm test`, and checks that each oracle fires.
 * The cases run main() of the built dist/ (npm test builds first) in a worker thread; see
 * test/fuzz/run.mjs for `npm run fuzz -- --seed S --count N`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { caseRandom, corpus, generateCase, type FuzzCase } from './generators.mjs';
import { checkRun, checkSame, jsonTargets, type Run } from './oracles.mjs';
import { DIST_MAIN, fuzz } from './runner.mjs';

/** The seed and size of the fixed run in `npm test` (a few hundred cases, seconds). */
const SEED = 14;
const COUNT = 250;

const FAKE_MAIN = pathToFileURL(join(import.meta.dirname, 'fixtures', 'misbehaving-main.mjs')).href;

describe('generators', () => {
  it('are deterministic per (seed, index) and differ between indexes', () => {
    const a = generateCase(7, 3);
    expect(generateCase(7, 3)).toEqual(a);
    expect(generateCase(7, 4)).not.toEqual(a);
    expect(generateCase(8, 3)).not.toEqual(a);
    const r = caseRandom(1, 0);
    const xs = Array.from({ length: 1000 }, () => r.int(0, 9));
    // every digit is drawn, none more than 3x its share (1000 / 10 = 100)
    for (let d = 0; d <= 9; d++) expect(xs.filter((x) => x === d).length).toBeGreaterThan(0);
    for (let d = 0; d <= 9; d++) expect(xs.filter((x) => x === d).length).toBeLessThan(300);
  });

  it('read every example folder and cover every command', () => {
    const names = corpus().map((c) => c.name);
    expect(names).toContain('service-desk');
    expect(names).toContain('real-exports/german-excel');
    const commands = new Set(Array.from({ length: 200 }, (_, i) => generateCase(SEED, i).args[0]));
    expect([...commands].sort()).toEqual(['credits', 'evaluate', 'explain', 'graph', 'validate']);
  });

  it('leave the known-open shapes (far dates, deep nesting, unclosed strings) out unless asked', () => {
    const far = /9999-12-31|\+275760|\[{500}|k499: "unclosed/;
    const hits = (includeKnown: boolean) =>
      Array.from({ length: 1500 }, (_, i) => generateCase(SEED, i, { includeKnown })).filter(
        (c: FuzzCase) => c.args.some((a) => far.test(a)) || Object.values(c.files).some((t) => far.test(t)),
      ).length;
    expect(hits(false)).toBe(0);
    expect(hits(true)).toBeGreaterThan(0);
  });
});

describe('oracles', () => {
  const clean: Run = { code: 0, stdout: '', stderr: '', thrown: null, directWrites: [], ms: 5, heapGrowthMb: 1, outside: [], devices: [], written: {} };
  const limits = { timeMs: 1000, heapMb: 100 };
  const oracles = (args: string[], run: Partial<Run>) => checkRun(args, { ...clean, ...run }, limits).map((f) => f.oracle);

  it('pass a clean run and flag each broken property', () => {
    expect(oracles(['validate'], {})).toEqual([]);
    expect(oracles(['validate'], { code: 3 })).toEqual(['exit-code']);
    expect(oracles(['validate'], { thrown: 'TypeError: x' })).toEqual(['escaped-exception']);
    const stack = 'slacheck: oops\n    at load (file:///x/dist/agreement/load.js:10:5)\n';
    expect(oracles(['validate'], { stderr: stack })).toEqual(['stack-trace']);
    expect(oracles(['validate', '--debug'], { stderr: stack })).toEqual([]);
    expect(oracles(['validate'], { stderr: 'slacheck: internal error: x (run with --debug for details)\n' })).toEqual(['internal-error']);
    expect(oracles(['validate', '--format', 'json'], { stdout: '{"a":' })).toEqual(['json']);
    expect(oracles(['validate', '--format', 'json'], { stdout: '{"a":1}' })).toEqual([]);
    // exit 2 (usage) need not print JSON
    expect(oracles(['validate', '--format', 'json'], { code: 2, stdout: '' })).toEqual([]);
    // nor need --help, which prints help and exits 0
    expect(oracles(['evaluate', '--format', 'json', '--help'], { stdout: 'Usage: slacheck evaluate' })).toEqual([]);
    expect(oracles(['validate'], { ms: 1001 })).toEqual(['slow']);
    expect(oracles(['validate'], { heapGrowthMb: 101 })).toEqual(['memory']);
    expect(oracles(['validate'], { outside: ['+/tmp/x'] })).toEqual(['outside-write']);
    expect(oracles(['validate'], { devices: ['/dev/null:file:0'] })).toEqual(['device']);
    expect(oracles(['validate'], { directWrites: ['hi'] })).toEqual(['process-write']);
    expect(oracles(['evaluate'], { stdout: 'value: [object Object]\n' })).toEqual(['garbage']);
    expect(oracles(['evaluate'], { written: { 'r.md': 'from Invalid DateTime' } })).toEqual(['garbage']);
    // unless the input itself holds it (a CSV cell echoed in an error message)
    expect(checkRun(['evaluate'], { ...clean, stderr: 'bad cell "Invalid Date"' }, limits, 'x,Invalid Date\n')).toEqual([]);
  });

  it('find the JSON of evaluate on stdout or in the paired --output file', () => {
    expect(jsonTargets(['evaluate', '.', '--format', 'json'])).toEqual(['-']);
    expect(jsonTargets(['evaluate', '.', '--format', 'table', '--format', 'json', '--output', 'a.txt', '--output', 'b.json'])).toEqual(['b.json']);
    expect(jsonTargets(['evaluate', '.', '--format', 'json', '--format', 'table', '--output', 'a.json'])).toEqual(['a.json']);
    expect(jsonTargets(['credits', '.', '--format', 'json', '--output', '/dev/null'])).toEqual([]);
    expect(oracles(['evaluate', '--format', 'json', '--output', './r.json'], { written: { 'r.json': '[]' } })).toEqual([]);
    expect(oracles(['evaluate', '--format', 'json', '--output', 'r.json'], { written: {} })).toEqual(['json']);
  });

  it('compare two runs', () => {
    expect(checkSame(clean, { ...clean })).toEqual([]);
    expect(checkSame(clean, { ...clean, stdout: 'x' }).map((f) => f.oracle)).toEqual(['nondeterministic']);
    expect(checkSame(clean, { ...clean, written: { 'a.txt': '1' } }).map((f) => f.oracle)).toEqual(['nondeterministic']);
  });
});

describe('runner', () => {
  it('notices each kind of failure of a misbehaving main(), and bounds a hanging one', async () => {
    const kinds = ['ok', 'throw', 'stack', 'exit3', 'json', 'random', 'escape', 'console', 'hang', 'exit', 'ok'];
    const files = { 'a.yaml': 'needle\n' };
    const args = (kind: string) => (kind === 'json' ? ['json', '--format', 'json'] : kind === 'stack' ? ['stack', '--needle'] : [kind]);
    const result = await fuzz({
      seed: 1,
      count: kinds.length,
      mainUrl: FAKE_MAIN,
      limits: { timeMs: 300 },
      generate: (_seed, i) => ({ args: args(kinds[i]), files, shape: [] }),
    });
    const byCase = new Map(result.failures.map((f) => [kinds[f.index], f.failures.map((x) => x.oracle)]));
    expect(byCase.get('ok')).toBeUndefined();
    expect(byCase.get('throw')).toEqual(['escaped-exception']);
    expect(byCase.get('stack')).toEqual(['stack-trace']);
    expect(byCase.get('exit3')).toEqual(['exit-code']);
    expect(byCase.get('json')).toEqual(['json']);
    expect(byCase.get('random')).toEqual(['nondeterministic']);
    expect(byCase.get('escape')).toEqual(['outside-write']);
    expect(byCase.get('console')).toEqual(['process-write']);
    expect(byCase.get('hang')).toEqual(['timeout']);
    expect(byCase.get('exit')).toEqual(['crash']);
    // the worker stopped for the hang is replaced: the last case ran and passed
    expect(result.failures.map((f) => f.index)).not.toContain(kinds.length - 1);
  });

  it('saves a minimised reproducer: only the flags and lines the failure needs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slacheck-fuzz-findings-'));
    try {
      const files = { 'a.yaml': 'one\ntwo\nneedle\nthree\nfour\nfive\n', 'b.csv': 'x,y\n1,2\n' };
      const result = await fuzz({
        seed: 5,
        count: 1,
        mainUrl: FAKE_MAIN,
        findingsDir: dir,
        generate: () => ({ args: ['stack', '.', '--needle', '--quiet', '--as-of', '2026-07-01'], files, shape: ['hand-made'] }),
      });
      expect(result.failures).toHaveLength(1);
      const repro = JSON.parse(readFileSync(join(dir, '5-0', 'repro.json'), 'utf8'));
      // --as-of stays (without it a case depends on the clock); '.' and --quiet go
      expect(repro.args).toEqual(['stack', '--needle', '--as-of', '2026-07-01']);
      // b.csv is not needed; of a.yaml only the needle line is (and the empty line the final \n leaves
      // can go too)
      expect(repro.files).toEqual({ 'a.yaml': 'needle' });
      expect(existsSync(join(dir, '5-0', 'case', 'a.yaml'))).toBe(true);
      expect(repro.failures[0].oracle).toBe('stack-trace');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('slacheck under the fuzzer', () => {
  it(`seed ${SEED}: ${COUNT} cases against dist's main() pass every oracle`, { timeout: 120_000 }, async () => {
    expect(existsSync(new URL(DIST_MAIN)), 'dist/ is missing: run `npm run build` (npm test does)').toBe(true);
    const result = await fuzz({ seed: SEED, count: COUNT });
    const report = result.failures.map((f) => `#${f.index} ${f.args.join(' ')}\n  ${f.failures.map((x) => x.message.split('\n')[0]).join('\n  ')}`);
    expect(report).toEqual([]);
    expect(result.cases).toBe(COUNT);
  });
});
