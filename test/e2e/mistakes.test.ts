/** Common user mistakes through the built CLI: each gets one clear line and exit 2 (or 1), never a stack trace. */
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { EXAMPLES_WARNINGS, runMain } from './cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'slacheck-mistakes-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('mistakes', () => {
  test('validate on a folder without agreements: no-agreement, exit 1', async () => {
    const empty = join(tmp, 'empty');
    mkdirSync(empty);
    writeFileSync(join(empty, 'notes.yaml'), 'title: not an agreement\n');
    const r = await runMain(['validate', 'empty'], { cwd: tmp });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('empty  error  no-agreement  no agreement found in empty');
  });

  test('validate on a file that is not YAML at all: ten syntax errors and a count, not hundreds', async () => {
    writeFileSync(join(tmp, 'notes.md'), Array.from({ length: 200 }, (_, i) => `- [${i}] item: "x\n  : y: [`).join('\n'));
    const r = await runMain(['validate', 'notes.md'], { cwd: tmp });
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n').filter((l) => l.includes('yaml-syntax'));
    expect(lines.length).toBe(11);
    expect(r.stdout).toMatch(/\d+ more YAML syntax errors not shown; is notes\.md a YAML agreement file\?/);
  });

  test('--from after --to', async () => {
    const r = await runMain(['evaluate', 'examples', '--as-of', '2026-07-01', '--from', '2026-04-01', '--to', '2026-03-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('slacheck: --from 2026-04-01 is after --to 2026-03-01\n');
  });

  test('dates that do not exist in --from/--to: exit 2 naming the flag (issue 14)', async () => {
    for (const [flag, value] of [['--to', '0000-00-00'], ['--to', '2026-13-45'], ['--from', '2026-13-45'], ['--to', '2026-02-30'], ['--from', '26-03-01']]) {
      const r = await runMain(['evaluate', 'examples', '--as-of', '2026-07-01', flag!, value!]);
      expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `slacheck: ${flag} "${value}": expected a date (YYYY-MM-DD) that exists\n`]);
    }
  });

  test('an empty --window (an unset CI variable) exits 2 in evaluate and explain, never selecting everything (issue 14)', async () => {
    const e = await runMain(['evaluate', 'examples', '--as-of', '2026-07-01', '--window', '']);
    expect([e.code, e.stdout, e.stderr]).toEqual([2, '', 'slacheck: --window is empty: give a window label such as 2026-03 (an unset CI variable?), or leave the flag out\n']);
    const x = await runMain(['explain', 'p1-resolution', 'examples/service-desk', '--as-of', '2026-07-01', '--window', '']);
    expect([x.code, x.stdout, x.stderr]).toEqual([2, '', 'slacheck: --window is empty: give a window label such as 2026-03, or leave the flag out to explain every window\n']);
  });

  test('ids that are names of Object.prototype: a data set called constructor works; --data __proto__/constructor/toString name nothing (issue 14)', async () => {
    const dir = join(tmp, 'ctor');
    cpSync('test/fixtures/e2e/contract', dir, { recursive: true });
    const yaml = join(dir, 'cloud-sla.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('  incidents: { file: incidents.csv }', '  constructor: { file: incidents.csv }').replace('source: incidents', 'source: constructor'));
    for (const args of [['evaluate', dir, '--format', 'json', '--fail-on', 'never'], ['explain', 'uptime', dir], ['graph', dir, '--evaluate']]) {
      const r = await runMain([...args, '--as-of', '2026-07-01']);
      expect([r.code, r.stderr], args.join(' ')).toEqual([0, '']);
    }
    for (const id of ['__proto__', 'constructor', 'toString']) {
      const r = await runMain(['evaluate', 'examples/service-desk', '--as-of', '2026-07-01', '--data', `${id}=x.csv`]);
      expect(r.code, id).toBe(2);
      expect(r.stderr, id).toMatch(new RegExp(`^slacheck: --data ${id}=\\.\\.\\.: no agreement declares a data set "${id}"`));
    }
  });

  test('--output never replaces a device, a FIFO or a symlink; relative paths are resolved against the run\'s cwd (issue 14)', async () => {
    const dir = join(tmp, 'outputs');
    mkdirSync(dir);
    writeFileSync(join(dir, 'real.json'), 'old');
    symlinkSync('real.json', join(dir, 'link.json'));
    symlinkSync('missing.json', join(dir, 'dangling.json'));
    const validate = (output: string) => runMain(['validate', 'test/fixtures/e2e/contract', '--format', 'json', '--output', output]);
    // a symlink to a regular file: the link stays, its target gets the report
    expect((await validate(join(dir, 'link.json'))).code).toBe(0);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'real.json'), 'utf8')).valid).toBe(true);
    // a dangling symlink: its target is created
    expect((await validate(join(dir, 'dangling.json'))).code).toBe(0);
    expect(lstatSync(join(dir, 'dangling.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'missing.json'), 'utf8')).valid).toBe(true);
    // a character device is written through and stays a device
    expect((await validate('/dev/null')).code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    // relative to io.cwd, not the process's working directory
    const r = await runMain(['validate', join(process.cwd(), 'test/fixtures/e2e/contract'), '--format', 'json', '--output', 'rel/report.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'rel', 'report.json'), 'utf8')).valid).toBe(true);
  });

  test('a YAML alias inside the node it names is a problem at the alias, not a stack overflow (issue 14)', async () => {
    const head = 'apiVersion: slacheck/v1\nkind: SLA\nid: a\n';
    writeFileSync(join(tmp, 'self.yaml'), `${head}title: &t [*t]\n`);
    writeFileSync(join(tmp, 'nested.yaml'), `${head}title: x\nobjectives:\n  - &self { id: o, measure: { duration: *self } }\n`);
    const message = 'yaml-alias-cycle  this alias refers to a node that contains it, so it would never end; write the value out instead';
    const v = await runMain(['validate', 'self.yaml'], { cwd: tmp });
    expect([v.code, v.stdout.split('\n')[0]]).toEqual([1, `self.yaml:4:12  error  ${message}`]);
    const n = await runMain(['validate', 'nested.yaml'], { cwd: tmp });
    expect([n.code, n.stdout.split('\n')[0]]).toEqual([1, `nested.yaml:6:41  error  ${message}`]);
    // with --output, stderr still says why validate failed (issue 14)
    const o = await runMain(['validate', 'self.yaml', '--output', 'self-report.txt'], { cwd: tmp });
    expect([o.code, o.stdout, o.stderr]).toEqual([1, '', 'slacheck: 1 error (report in self-report.txt): self.yaml:4:12 yaml-alias-cycle\n']);
    expect(readFileSync(join(tmp, 'self-report.txt'), 'utf8')).toContain(message);
    const e = await runMain(['evaluate', 'self.yaml', '--as-of', '2026-07-01'], { cwd: tmp });
    expect(e.code).toBe(2);
    expect(e.stderr).not.toContain('internal error');
  });

  test('a sum past the range of numbers is an error at the objective, never a null value beside a status (issue 14)', async () => {
    const dir = join(tmp, 'overflow');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'a.yaml'),
      [
        'apiVersion: slacheck/v1', 'kind: SLA', 'id: big', 'title: Big values',
        'parties:', '  p: { name: P, role: provider, contact: p@example.com }', '  c: { name: C, role: customer, contact: c@example.com }',
        'validity: { from: 2026-01-01, to: 2026-12-31 }', 'data:', '  v: { file: v.csv }',
        'monitoring: { collection: x, verification: monthly, auditor: c }', 'objectives:',
        '  - id: total', '    source: v', '    measure: { value: amount }', '    aggregate: sum', '    time: at', '    target: "<= 10"', '    window: month', '',
      ].join('\n'),
    );
    // 1e308 + 1e308 = Infinity in floating point
    writeFileSync(join(dir, 'v.csv'), 'at,amount\n2026-03-01T10:00:00Z,1e308\n2026-03-02T10:00:00Z,1e308\n');
    const r = await runMain(['evaluate', 'overflow', '--as-of', '2026-04-01', '--format', 'json'], { cwd: tmp });
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toContain('overflow/a.yaml:13:5  error  value-overflow  big/total 2026-03: the sum of its records is beyond the range of numbers (Infinity)');
  });

  test('far dates cost bounded time and memory: --as-of 9999-12-31 and "no date" cells like 9999-12-31T17:00:00 (issue 14)', async () => {
    // v1.1 before the fix: as-of 9999 ran out of memory after 78 s; one 9999 cell took 36 s and 1.7 GB.
    const started = performance.now();
    const far = await runMain(['evaluate', 'examples/change-requests', '--as-of', '9999-12-31', '--format', 'json', '--fail-on', 'never']);
    expect(far.code).toBe(0);
    expect(JSON.parse(far.stdout).results.length).toBeGreaterThan(0);

    const dir = join(tmp, 'far-cells');
    cpSync('examples/change-requests', dir, { recursive: true });
    const csv = join(dir, 'data/change-requests.csv');
    const lines = readFileSync(csv, 'utf8').split('\n');
    lines[1] = lines[1]!.replace('2026-01-09T17:00:00', '9999-12-31T17:00:00'); // specs_due of CR-101: "no date"
    lines[2] = lines[2]!.replace('2026-01-28T17:00:00', '0000-01-03T17:00:00'); // due of CR-102, long ago
    writeFileSync(csv, lines.join('\n'));
    const cells = await runMain(['evaluate', '.', '--as-of', '2026-07-01', '--format', 'json', '--fail-on', 'never'], { cwd: dir });
    expect(cells.code).toBe(0);
    const results = JSON.parse(cells.stdout).results as Array<{ objective: string; window: { label: string }; counts: { records: number } }>;
    // Each changed row is placed by the cell that moved (specs_due for specs-on-time, due for
    // cr-on-time), so January keeps 3 of its 4 change requests in each objective.
    const january = results.filter((r) => r.window.label === '2026-01').map((r) => [r.objective, r.counts.records]);
    expect(january).toEqual([['specs-on-time', 3], ['cr-on-time', 3]]);
    expect(performance.now() - started).toBeLessThan(30_000); // about 1 s on a quiet machine
  });

  test('graph checks --data even without --evaluate; a comma file read with delimiter ";" gets a hint; paths outside the working directory print absolute (issue 14)', async () => {
    const graph = await runMain(['graph', 'examples', '--data', 'nope=x.csv']);
    expect(graph.code).toBe(2);
    expect(graph.stderr).toMatch(/^slacheck: --data nope=\.\.\.: no agreement declares a data set "nope"/);

    const dir = join(tmp, 'delimiter');
    cpSync('examples/service-desk', dir, { recursive: true });
    const yaml = join(dir, 'service-desk-sla.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('    file: data/tickets.csv\n', '    file: data/tickets.csv\n    delimiter: ";"\n'));
    const hinted = await runMain(['evaluate', '.', '--as-of', '2026-07-01'], { cwd: dir });
    expect(hinted.code).toBe(2);
    expect(hinted.stderr).toContain('the header looks comma-separated: set the data set\'s delimiter to "," or remove it to detect it');

    // the agreements given by their absolute path from a working directory elsewhere: no ../../../..
    const elsewhere = join(tmp, 'elsewhere', 'deep', 'down');
    mkdirSync(elsewhere, { recursive: true });
    const shown = await runMain(['evaluate', dir, '--as-of', '2026-07-01'], { cwd: elsewhere });
    expect(shown.stderr).toContain(`${join(dir, 'data/tickets.csv')}:1  error  csv-missing-column`);
    expect(shown.stderr).not.toContain('../');
  });

  test('--output "" (an unset variable) and --output DIR/ are usage errors in every command (fuzzer, issue 14)', async () => {
    for (const args of [['validate', 'examples'], ['evaluate', 'examples', '--as-of', '2026-07-01'], ['credits', 'examples', '--as-of', '2026-07-01'], ['graph', 'examples']]) {
      const empty = await runMain([...args, '--output', '']);
      expect([empty.code, empty.stdout, empty.stderr]).toEqual([2, '', 'slacheck: --output is empty: give a file name (is a variable unset?)\n']);
      const folder = await runMain([...args, '--output', 'out/'], { cwd: process.cwd() });
      expect([folder.code, folder.stdout, folder.stderr]).toEqual([2, '', 'slacheck: --output out/ names a folder: give a file name, e.g. --output out/report\n']);
    }
    expect(readdirSync('.')).not.toContain('out');
  });

  test('--output into folders that do not exist yet creates them (SPEC 9.2)', async () => {
    const file = join(tmp, 'reports', '2026-07', 'x.json');
    const r = await runMain(['evaluate', 'examples', '--as-of', '2026-07-01', '--fail-on', 'never', '--format', 'json', '--output', file]);
    expect(r.stderr).toBe(EXAMPLES_WARNINGS);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ asOf: '2026-07-01' });
    // only the report: no temp file left beside it
    expect(readdirSync(join(tmp, 'reports', '2026-07'))).toEqual(['x.json']);
  });

  test('--output under a regular file: one clear line, exit 2', async () => {
    writeFileSync(join(tmp, 'plain'), 'x');
    const file = join(tmp, 'plain', 'sub', 'x.json');
    const r = await runMain(['evaluate', 'examples', '--as-of', '2026-07-01', '--fail-on', 'never', '--format', 'json', '--output', file]);
    expect(r.code).toBe(2);
    // the examples' warning comes first: it is printed before the report is written
    expect(r.stderr).toBe(`${EXAMPLES_WARNINGS}slacheck: cannot write ${file}: ${join(tmp, 'plain', 'sub')} (or a folder on the way) is a file, not a directory\n`);
    // the parent is the file itself
    const r2 = await runMain(['evaluate', 'examples', '--as-of', '2026-07-01', '--fail-on', 'never', '--format', 'json', '--output', join(tmp, 'plain', 'x.json')]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toBe(`${EXAMPLES_WARNINGS}slacheck: cannot write ${join(tmp, 'plain', 'x.json')}: ${join(tmp, 'plain')} (or a folder on the way) is a file, not a directory\n`);
  });

  test('init into a path that is a file', async () => {
    writeFileSync(join(tmp, 'afile'), 'x');
    const r = await runMain(['init', 'afile'], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('slacheck: init cannot write afile/agreement.yaml: afile (or a folder on the way) is a file, not a directory\n');
  });
});
