/**
 * `slacheck diff` (SPEC 9.6) through `main()`: a path BASE (test/fixtures/diff), a git revision of a
 * temporary repository, the three formats, `--fail-on` and the usage errors (exit 2).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT, runMain } from './cli.js';

const BEFORE = 'test/fixtures/diff/before';
const AFTER = 'test/fixtures/diff/after';

describe('diff with a path as BASE', () => {
  test('text: one line per change with its line in the new file; exit 1 because promises were loosened', async () => {
    const r = await runMain(['diff', BEFORE, AFTER]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('service-desk  test/fixtures/diff/after/service-desk.yaml');
    // after/service-desk.yaml line 39 is `    target: "<= 12h"` of p1-resolution
    expect(lines).toContain('  39  loosened   objectives/p1-resolution/target       <= 8h → <= 12h');
    expect(readFileSync(join(ROOT, AFTER, 'service-desk.yaml'), 'utf8').split('\n')[38]).toBe('    target: "<= 12h"');
    expect(lines).toContain('  43  tightened  objectives/p2-resolution              added: target >= 90%, window month');
    expect(r.stdout.endsWith('slacheck diff against test/fixtures/diff/before: 8 changes in 1 agreement: 5 loosened, 2 tightened, 1 changed\n')).toBe(true);
  });

  test('json: base, changes with before/after as written, summary', async () => {
    const r = await runMain(['diff', BEFORE, AFTER, '--format', 'json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['base', 'changes', 'summary']);
    expect(json.base).toBe(BEFORE);
    // hours 08:00-17:00 and 24/25/26 Dec off, a longer P1 target, a smaller credit, P3 removed: 5 loosened;
    // a higher P1 first-response target and P2 added: 2 tightened; the warning: 1 changed
    expect(json.summary).toEqual({ tightened: 2, loosened: 5, changed: 1 });
    expect(json.changes).toContainEqual({
      agreement: 'service-desk', path: 'objectives/p1-resolution/credits', kind: 'changed', classification: 'loosened',
      before: [{ above: '8h', credit: '5%' }, { above: '12h', credit: '10%' }], after: [{ above: '12h', credit: '5%' }],
      file: 'test/fixtures/diff/after/service-desk.yaml', line: 42,
    });
    expect(json.changes.map((c: { path: string }) => c.path)).toEqual([
      'calendars/office/hours', 'calendars/office/holidays/2026-12-24', 'objectives/p1-first-response/target', 'objectives/p1-first-response/warning',
      'objectives/p1-resolution/target', 'objectives/p1-resolution/credits', 'objectives/p2-resolution', 'objectives/p3-resolution',
    ]);
  });

  test('markdown: a heading, the summary, a table per agreement with loosened in bold', async () => {
    const r = await runMain(['diff', BEFORE, AFTER, '--format', 'markdown']);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('### slacheck diff against `test/fixtures/diff/before`');
    expect(lines).toContain('**5 changes loosen a promise to the customer.**');
    expect(lines).toContain('| **loosened** | `objectives/p1-resolution/target` | `<= 8h` | `<= 12h` | 39 |');
    expect(lines).toContain('| tightened | `objectives/p2-resolution` | — | `target >= 90%, window month` | 43 |');
  });

  test('--fail-on: never exits 0; swapped sides only tighten, so the default passes and `changed` fails', async () => {
    expect((await runMain(['diff', BEFORE, AFTER, '--fail-on', 'never'])).code).toBe(0);
    // reversed: more hours, a holiday less, 12h -> 8h, the 10% tier back and P3 added are tightened;
    // the lower first-response target and P2 removed loosened; the warning stays `changed`
    const reversed = await runMain(['diff', AFTER, BEFORE, '--format', 'json']);
    expect(JSON.parse(reversed.stdout).summary).toEqual({ tightened: 5, loosened: 2, changed: 1 });
    const same = await runMain(['diff', BEFORE, BEFORE]);
    expect(same).toEqual({ code: 0, stderr: '', stdout: 'slacheck diff against test/fixtures/diff/before: no semantic changes in 1 agreement\n' });
    expect((await runMain(['diff', BEFORE, BEFORE, '--fail-on', 'changed'])).code).toBe(0);
    expect((await runMain(['diff', AFTER, BEFORE, '--fail-on', 'changed'])).code).toBe(1);
  });

  test('without PATH, a BASE folder below the working directory is BASE only', async () => {
    const r = await runMain(['diff', 'before', '--format', 'json'], { cwd: join(ROOT, 'test/fixtures/diff') });
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.summary).toEqual({ tightened: 2, loosened: 5, changed: 1 });
    expect(new Set(json.changes.map((c: { file: string }) => c.file))).toEqual(new Set(['after/service-desk.yaml']));
  });

  test('--output writes the report; stderr names the failing changes for the CI log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slacheck-diff-out-'));
    try {
      const r = await runMain(['diff', BEFORE, AFTER, '--format', 'markdown', '--output', join(dir, 'pr', 'diff.md')]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `slacheck: 5 changes at --fail-on loosened (report in ${join(dir, 'pr', 'diff.md')}): service-desk/calendars/office/hours, ` +
          'service-desk/calendars/office/holidays/2026-12-24, service-desk/objectives/p1-resolution/target, and 2 more\n',
      );
      expect(readFileSync(join(dir, 'pr', 'diff.md'), 'utf8')).toBe((await runMain(['diff', BEFORE, AFTER, '--format', 'markdown'])).stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('usage errors exit 2: unknown format, unknown fail level, a missing PATH', async () => {
    expect((await runMain(['diff', BEFORE, AFTER, '--format', 'html'])).code).toBe(2);
    expect((await runMain(['diff', BEFORE, AFTER, '--fail-on', 'breached'])).code).toBe(2);
    const missing = await runMain(['diff', BEFORE, 'no/such/folder']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no/such/folder');
  });
});

describe('diff with a git revision as BASE', () => {
  let repo: string;
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd: repo, encoding: 'utf8' });
  const original = readFileSync(join(ROOT, BEFORE, 'service-desk.yaml'), 'utf8');

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'slacheck-diff-'));
    mkdirSync(join(repo, 'agreements'));
    writeFileSync(join(repo, 'agreements', 'sla.yaml'), original);
    writeFileSync(join(repo, 'agreements', 'other-tool.yaml'), 'name: not an agreement\n');
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'agreements');
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  test('an edit in the work tree against HEAD: the target loosened, exit 1', async () => {
    writeFileSync(join(repo, 'agreements', 'sla.yaml'), original.replace('target: "<= 8h"', 'target: "<= 10h"'));
    const r = await runMain(['diff', 'HEAD', '--format', 'json'], { cwd: repo });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).changes).toEqual([
      { agreement: 'service-desk', path: 'objectives/p1-resolution/target', kind: 'changed', classification: 'loosened', before: '<= 8h', after: '<= 10h', file: 'agreements/sla.yaml', line: 39 },
    ]);
    // from a subfolder, paths are relative to it and the revision is read at the same place
    const sub = await runMain(['diff', 'HEAD', '.'], { cwd: join(repo, 'agreements') });
    expect(sub.code).toBe(1);
    expect(sub.stdout.split('\n')[0]).toBe('service-desk  sla.yaml');
  });

  test('a renamed file with the same agreement is no change; a removed agreement is loosened and named as it was at the revision', async () => {
    writeFileSync(join(repo, 'agreements', 'sla.yaml'), original);
    git('mv', 'agreements/sla.yaml', 'agreements/service-desk-sla.yaml');
    const renamed = await runMain(['diff', 'HEAD', 'agreements'], { cwd: repo });
    expect(renamed).toEqual({ code: 0, stderr: '', stdout: 'slacheck diff against HEAD: no semantic changes in 1 agreement\n' });
    git('commit', '-q', '-m', 'rename');
    rmSync(join(repo, 'agreements', 'service-desk-sla.yaml'));
    writeFileSync(join(repo, 'agreements', 'placeholder.yaml'), original.replace('id: service-desk', 'id: new-desk'));
    const r = await runMain(['diff', 'HEAD~1', '--format', 'json'], { cwd: repo });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).changes.map((c: Record<string, unknown>) => [c.agreement, c.kind, c.classification, c.file, c.line])).toEqual([
      ['new-desk', 'added', 'tightened', 'agreements/placeholder.yaml', 4],
      ['service-desk', 'removed', 'loosened', 'HEAD~1:agreements/sla.yaml', 4],
    ]);
    rmSync(join(repo, 'agreements', 'placeholder.yaml'));
    git('checkout', '-q', '--', '.');
  });

  test('an unknown revision, and a BASE outside any repository, exit 2 with a clear message', async () => {
    const bad = await runMain(['diff', 'no-such-branch'], { cwd: repo });
    expect(bad).toEqual({ code: 2, stdout: '', stderr: 'slacheck: BASE "no-such-branch" is neither a path nor a git revision (try a branch, a tag, a commit or HEAD~1)\n' });
    const outside = mkdtempSync(join(tmpdir(), 'slacheck-no-repo-'));
    try {
      writeFileSync(join(outside, 'sla.yaml'), original);
      const r = await runMain(['diff', 'main'], { cwd: outside });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`slacheck: BASE "main" is not an existing path, and ${outside} is not inside a git repository, so it cannot be a revision\n`);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  test('an invalid agreement at the revision is reported with REV:path, exit 2', async () => {
    writeFileSync(join(repo, 'agreements', 'service-desk-sla.yaml'), original.replace('kind: SLA', 'kind: XLA'));
    git('commit', '-q', '-am', 'broken');
    writeFileSync(join(repo, 'agreements', 'service-desk-sla.yaml'), original);
    const r = await runMain(['diff', 'HEAD'], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('HEAD:agreements/service-desk-sla.yaml:3:7');
    expect(r.stderr).toContain('the agreements are not valid');
  });
});
