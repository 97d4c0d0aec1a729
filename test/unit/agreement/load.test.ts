import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAgreements, loadAgreementText } from '../../../src/agreement/loader.js';

/** A minimal valid agreement; line numbers are referred to by the tests below. */
const BASE = [
  'apiVersion: slacheck/v1', // 1
  'kind: SLA', // 2
  'id: desk', // 3
  'title: Desk', // 4
  'parties:', // 5
  '  ops: { name: Ops, role: provider }', // 6
  '  cust: { name: Cust, role: customer }', // 7
  'validity: { from: 2026-01-01, to: 2026-12-31 }', // 8
  'objectives:', // 9
  '  - id: first-response', // 10
  '    source: tickets', // 11
  '    measure: count', // 12
  '    aggregate: count', // 13
  '    target: "<= 5"', // 14
  '    window: month', // 15
];

/** BASE with line `n` (1-based) replaced by `lines` (none: deleted). */
function edit(n: number, ...lines: string[]): string {
  const out = [...BASE];
  out.splice(n - 1, 1, ...lines);
  return `${out.join('\n')}\n`;
}
const base = () => `${BASE.join('\n')}\n`;

function load(text: string) {
  return loadAgreementText(text, 'a.yaml', '/abs');
}

function only(text: string) {
  const r = load(text);
  expect(r.problems).toHaveLength(1);
  return r.problems[0]!;
}

const tmpRoots: string[] = [];
function tmpTree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'slacheck-load-'));
  tmpRoots.push(root);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}
afterAll(() => {
  for (const root of tmpRoots) rmSync(root, { recursive: true, force: true });
});

describe('loadAgreementText', () => {
  it('loads a valid agreement with positions, file and dir', () => {
    const r = load(base());
    expect(r.problems).toEqual([]);
    expect(r.agreements).toHaveLength(1);
    const a = r.agreements[0]!;
    expect(a.file).toBe('a.yaml');
    expect(a.dir).toBe('/abs');
    expect(a.doc.id).toBe('desk');
    // SPEC 3.4: YAML 1.2 core schema, dates stay strings.
    expect(a.doc.validity.from).toBe('2026-01-01');
    expect(a.locate(['objectives', 0, 'target'])).toEqual({ line: 14, column: 13 });
    // "  cust: { name: Cust, role: " is 28 characters: the value starts at column 29.
    expect(a.locate(['parties', 'cust', 'role'])).toEqual({ line: 7, column: 29 });
    // A path that does not exist: the nearest existing ancestor (the objective map at `id`).
    expect(a.locate(['objectives', 0, 'credits', 2])).toEqual({ line: 10, column: 5 });
    expect(a.locate([])).toEqual({ line: 1, column: 1 });
  });

  it('reports an unknown key at the key', () => {
    const p = only(edit(15, '    window: month', '    colour: red'));
    expect(p).toMatchObject({ code: 'schema-additional-property', line: 16, column: 5, severity: 'error', file: 'a.yaml' });
    expect(p.message).toContain('`colour`');
    expect(p.message).toContain('objectives[0]');
  });

  it('suggests the intended key for a typo', () => {
    const p = only(edit(14, '    traget: "<= 5"', '    target: "<= 5"'));
    expect(p).toMatchObject({ code: 'schema-additional-property', line: 14, column: 5 });
    expect(p.message).toContain('did you mean `target`?');
  });

  it('reports a missing required key at the parent object, naming the key', () => {
    const p = only(edit(14));
    // The objective mapping starts at `id` on line 10, column 5 (after "  - ").
    expect(p).toMatchObject({ code: 'schema-required', line: 10, column: 5 });
    expect(p.message).toContain('`target`');
  });

  it('reports a missing top-level key at the document', () => {
    const p = only(edit(4));
    expect(p).toMatchObject({ code: 'schema-required', line: 1, column: 1 });
    expect(p.message).toContain('`title`');
  });

  it('reports a wrong enum value at the value, listing the allowed ones', () => {
    const p = only(edit(15, '    window: monthly'));
    expect(p).toMatchObject({ code: 'schema-enum', line: 15, column: 13 });
    expect(p.message).toContain('day, week, month, quarter, year, validity');
    expect(p.message).toContain('"monthly"');
  });

  it('reports a bad id', () => {
    const p = only(edit(3, 'id: Desk_1'));
    expect(p).toMatchObject({ code: 'schema-pattern', line: 3, column: 5 });
    expect(p.message).toContain('"Desk_1"');
  });

  it('reports a bad party id at the key', () => {
    const p = only(edit(7, '  Cust: { name: Cust, role: customer }'));
    expect(p).toMatchObject({ code: 'schema-pattern', line: 7, column: 3 });
    expect(p.message).toContain('`Cust`');
  });

  it('keeps a schema-invalid agreement to check, marking exactly the rejected parts (SPEC 9.2)', () => {
    const valid = load(base());
    expect(valid.checkable).toEqual(valid.agreements);
    expect(valid.checkable[0]!.rejected).toBeUndefined();

    // an unknown key and a missing key in objective 0, a bad party id, a bad top-level value
    const r = load(edit(15, '    colour: red').replace('  cust:', '  Cust:').replace('title: Desk', 'title: 5'));
    expect(r.agreements).toEqual([]);
    expect(r.checkable).toHaveLength(1);
    const a = r.checkable[0]!;
    expect(a.rejected).toEqual([['title'], ['parties', 'Cust'], ['objectives', 0]]);
    // positions are those of the document as written
    expect(a.locate(['objectives', 0, 'target'])).toEqual({ line: 14, column: 13 });
    expect(a.locateKey!(['objectives', 0, 'colour'])).toEqual({ line: 15, column: 5 });
  });

  it('rejects a whole section when it is not the right shape, and the whole document for a root error', () => {
    const r = load(edit(9, 'objectives: none').split('\n').slice(0, 9).join('\n').concat('\n'));
    expect(r.checkable[0]!.rejected).toEqual([['objectives']]);
    const missing = load(base().replace('title: Desk\n', ''));
    expect(missing.checkable[0]!.rejected).toEqual([['title']]);
  });

  it('points an empty value (`key:`) at its key', () => {
    const p = only(edit(4, 'title:'));
    expect(p).toMatchObject({ code: 'schema-type', line: 4, column: 1 });
  });

  it('reports a YAML syntax error with its position, never throwing', () => {
    // Unclosed flow sequence: reported at its opening bracket, line 4 column 8.
    const r = load(edit(4, 'title: [Desk'));
    expect(r.agreements).toEqual([]);
    expect(r.problems.map((p) => [p.code, p.line, p.column])).toEqual([['yaml-syntax', 4, 8]]);
  });

  it('reports an unclosed quote at the quote', () => {
    const p = only(edit(4, 'title: "Desk'));
    expect(p).toMatchObject({ code: 'yaml-syntax', line: 4, column: 8 });
  });

  it('reports a duplicate key at the second key', () => {
    const r = load(edit(8, 'validity: { from: 2026-01-01, to: 2026-12-31 }', 'kind: OLA'));
    expect(r.agreements).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ code: 'yaml-duplicate-key', line: 9, column: 1 });
    expect(r.problems[0]!.message).toContain('line 2');
  });

  it('reports a duplicate key inside a flow mapping', () => {
    const p = only(edit(6, '  ops: { name: Ops, role: provider, name: Other }'));
    // "  ops: { name: Ops, role: provider, " is 36 characters: the second `name` is at column 37.
    expect(p).toMatchObject({ code: 'yaml-duplicate-key', line: 6, column: 37 });
  });

  it('stops an alias bomb with a problem', () => {
    const bomb = [
      'apiVersion: slacheck/v1',
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
      '',
    ].join('\n');
    // no wall-clock bound: the limit counts expanded nodes (asserted below), and that count is what
    // keeps a bigger bomb from taking minutes; the test timeout catches a regression that hangs
    const r = load(bomb);
    expect(r.agreements).toEqual([]);
    // Nodes expanded through aliases (limit 10 000): each *a is its list + 10 items = 11, so b
    // adds 10 * 11 = 110; each *b is its list + 10 * (alias + 11) = 121, so c adds 1210 (total
    // 1320); each *c is 1 + 10 * (1 + 121) = 1221, and 1320 + 8 * 1221 = 11088 passes the limit
    // at the 8th *c of line 5: "d: &d [" is 7 characters and each "*c, " 4, so column 8 + 7 * 4 = 36.
    expect(r.problems.map((p) => [p.code, p.line, p.column])).toEqual([['yaml-alias-limit', 5, 36]]);
  });

  it('allows a few ordinary aliases', () => {
    const text = edit(7, '  cust: &c { name: Cust, role: customer }', '  cust2: *c');
    const r = load(text);
    expect(r.problems).toEqual([]);
    expect(r.agreements[0]!.doc.parties.cust2).toEqual({ name: 'Cust', role: 'customer' });
  });

  it('an alias names the last anchor of that name before it, as YAML says (one index, not a walk per alias)', () => {
    const text = edit(7, '  cust: &c { name: Cust, role: customer }', '  cust2: *c', '  vend: &c { name: Vend, role: third-party }', '  vend2: *c');
    const r = load(text);
    expect(r.problems).toEqual([]);
    expect(r.agreements[0]!.doc.parties.cust2).toEqual({ name: 'Cust', role: 'customer' });
    expect(r.agreements[0]!.doc.parties.vend2).toEqual({ name: 'Vend', role: 'third-party' });
  });

  describe('nesting past the limit is one problem at a fixed place (issue 14)', () => {
    const header = 'apiVersion: slacheck/v1\nkind: SLA\nid: x\ntitle:';
    // Whether yaml overflows its stack (1,000 levels) or not (100), the problem is at the first
    // collection past 64 levels: the root mapping is level 1, so the 64th bracket, `-` or key.
    it.each([
      // " " + 63 brackets before it: column 7 + 63 + 1 = 71
      ['flow, 100 levels', `${header} ${'['.repeat(100)}x${']'.repeat(100)}`, 4, 71],
      ['flow, 1,000 levels, unclosed', `${header} ${'['.repeat(1000)}`, 4, 71],
      // line 4+k holds the key at level k+1, indented k: level 65 is line 68 at column 65
      ['block mappings, 100 levels', header + '\n' + Array.from({ length: 100 }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n') + '\n', 68, 65],
      ['block mappings, 3,000 levels', header + '\n' + Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n') + '\n', 68, 65],
      // "  " then "- " per level: the 64th dash at column 3 + 2 × 63 = 129
      ['compact sequences, 100 levels', `${header}\n  ${'- '.repeat(100)}x\n`, 5, 129],
      ['compact sequences, 3,000 levels', `${header}\n  ${'- '.repeat(3000)}x\n`, 5, 129],
    ])('%s', (_, text, line, column) => {
      const r = load(text);
      expect(r.agreements).toEqual([]);
      expect(r.problems.map((p) => [p.code, p.line, p.column])).toEqual([['yaml-nesting', line, column]]);
      expect(r.problems[0]!.message).toContain('deeper than 64 levels');
    });

    it('64 levels are fine', () => {
      const r = load(`${header} ${'['.repeat(63)}x${']'.repeat(63)}`);
      expect(r.problems.map((p) => p.code)).not.toContain('yaml-nesting');
    });
  });

  it('thousands of unclosed strings and hundreds of aliases take linear time (issue 14)', () => {
    // v1.1 took 17.5 s for 32,000 lines of `- "item` (the opening quote was searched per error)
    const started = performance.now();
    const r = load(Array.from({ length: 32_000 }, () => '- "item').join('\n'));
    expect(r.problems.filter((p) => p.code === 'yaml-syntax')).toHaveLength(11);
    const lines = ['apiVersion: slacheck/v1', 'notes:'];
    for (let i = 0; i < 200; i++) lines.push(`  - &a${i} { k: v${i}, pad: "${'x'.repeat(100)}" }`);
    for (let i = 0; i < 3000; i++) lines.push(`  - { k: filler${i}, pad: "${'y'.repeat(100)}" }`);
    for (let i = 0; i < 200; i++) lines.push(`  - *a${i}`);
    load(lines.join('\n'));
    expect(performance.now() - started).toBeLessThan(10_000); // about 1 s on a quiet machine
  });

  it('a tag that makes a value other than plain data (!!binary, !!timestamp) is a problem at the value (fuzzer, issue 14)', () => {
    // found by `npm run fuzz -- --seed 845309017`: a Buffer reached ajv and the error message writer
    const r = load(['apiVersion: slacheck/v1', 'objectives:', '  - id: main', '    window: !!binary aGVsbG8=', ''].join('\n'));
    // "    window: !!binary " is 21 characters: the value starts at column 22
    expect(r.problems.map((p) => [p.code, p.line, p.column])).toEqual([['yaml-unsupported-tag', 4, 22]]);
    expect(r.problems[0]!.message).toContain('!!binary values are not plain data');
    expect(only(edit(4, 'title: !!timestamp 2026-01-01'))).toMatchObject({ code: 'yaml-unsupported-tag', line: 4 });
  });

  it('treats a `__proto__` key as an unknown key, not as the prototype', () => {
    const p = only(edit(4, 'title: Desk', '__proto__: { polluted: true }'));
    expect(p).toMatchObject({ code: 'schema-additional-property', line: 5, column: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects another slacheck apiVersion', () => {
    const p = only(edit(1, 'apiVersion: slacheck/v2'));
    expect(p).toMatchObject({ code: 'unsupported-api-version', line: 1, column: 13 });
    expect(p.message).toContain('slacheck/v2');
  });

  it('rejects a misspelt apiVersion key that names slacheck', () => {
    const p = only(edit(1, 'apiversion: slacheck/v1'));
    expect(p).toMatchObject({ code: 'unsupported-api-version', line: 1, column: 1 });
  });

  it('reports a text without an agreement (as a named file)', () => {
    const r = load('name: my-service\nimage: nginx\n---\n# comment only\n');
    expect(r.problems).toEqual([
      expect.objectContaining({ code: 'no-agreement', line: 0, column: 0, file: 'a.yaml', severity: 'error' }),
    ]);
  });

  it('reads several documents, skipping foreign ones, with file-wide line numbers', () => {
    const second = base().replace('id: desk', 'id: desk-two').replace('window: month', 'window: sometimes');
    const text = `${base()}---\napiVersion: v1\nkind: ConfigMap\n---\n${second}`;
    const r = load(text);
    expect(r.agreements.map((a) => a.doc.id)).toEqual(['desk']);
    // Second agreement starts on line 15 + 1 (---) + 2 (ConfigMap) + 1 (---) + 1 = 20; its window is line 20 + 14 = 34.
    expect(r.problems.map((p) => [p.code, p.line, p.column])).toEqual([['schema-enum', 34, 13]]);

    const both = load(`${base()}---\n${base().replace('id: desk', 'id: desk-two')}`);
    expect(both.agreements.map((a) => a.doc.id)).toEqual(['desk', 'desk-two']);
    // The second document begins on line 17: its objective target is line 17 + 13 = 30.
    expect(both.agreements[1]!.locate(['objectives', 0, 'target'])).toEqual({ line: 30, column: 13 });
  });

  it('keeps `on` a key and dates strings (YAML 1.2 core schema)', () => {
    const text = `${base()}reports:\n  - id: weekly\n    schedule: { every: week, by: "10:00", on: fri }\n    log: { source: log, at: at }\n    target: ">= 90%"\n    window: month\n`;
    const r = load(text);
    expect(r.problems).toEqual([]);
    expect(r.agreements[0]!.doc.reports![0]!.schedule.on).toBe('fri');
  });

  it('reports YAML warnings of an agreement as warnings, not errors', () => {
    const r = load(edit(4, 'title: !custom Desk'));
    expect(r.agreements).toHaveLength(1);
    expect(r.problems).toEqual([expect.objectContaining({ code: 'yaml-warning', severity: 'warning', line: 4, column: 8 })]);
  });
});

describe('loadAgreements', () => {
  it('walks directories recursively, sorted, skipping node_modules, dot-folders and foreign YAML', async () => {
    const root = tmpTree({
      'b.yaml': base().replace('id: desk', 'id: bee'),
      'a/z.yml': base().replace('id: desk', 'id: zed'),
      'a/notes.txt': 'not yaml',
      'k8s.yaml': 'apiVersion: v1\nkind: Service\n',
      'broken-other.yaml': 'foo: [unclosed\n',
      'node_modules/pkg/x.yaml': 'apiVersion: slacheck/v1\nbroken: [\n',
      '.git/y.yaml': 'apiVersion: slacheck/v1\nbroken: [\n',
      '.github/workflows/ci.yml': 'apiVersion: slacheck/v2\n',
    });
    const r = await loadAgreements(['.'], { cwd: root });
    expect(r.unreadable).toEqual([]);
    expect(r.problems).toEqual([]);
    expect(r.files).toEqual(['a/z.yml', 'b.yaml', 'broken-other.yaml', 'k8s.yaml']);
    expect(r.agreements.map((a) => [a.doc.id, a.file, a.dir])).toEqual([
      ['zed', 'a/z.yml', path.join(root, 'a')],
      ['bee', 'b.yaml', root],
    ]);
  });

  it('reports problems with cwd-relative forward-slash paths', async () => {
    const root = tmpTree({ 'agreements/team/desk.yaml': edit(15, '    window: monthly') });
    const r = await loadAgreements([path.join(root, 'agreements')], { cwd: root });
    expect(r.problems.map((p) => [p.file, p.code, p.line])).toEqual([['agreements/team/desk.yaml', 'schema-enum', 15]]);
    expect(r.agreements).toEqual([]);
  });

  it('requires an agreement in a named file but not in a walked directory', async () => {
    const root = tmpTree({ 'dir/compose.yaml': 'services: {}\n', 'compose.yaml': 'services: {}\n' });
    const walked = await loadAgreements(['dir'], { cwd: root });
    expect(walked.problems).toEqual([]);
    expect(walked.files).toEqual(['dir/compose.yaml']);
    const named = await loadAgreements(['compose.yaml'], { cwd: root });
    expect(named.problems).toEqual([expect.objectContaining({ code: 'no-agreement', file: 'compose.yaml', line: 0, column: 0 })]);
    expect(named.unreadable).toEqual([]);
  });

  it('reports a syntax error in a named file and in a walked agreement', async () => {
    const root = tmpTree({ 'x.yaml': 'foo: [unclosed\n', 'd/a.yaml': edit(4, 'title: [Desk') });
    const r = await loadAgreements(['x.yaml', 'd'], { cwd: root });
    expect(r.problems.map((p) => [p.file, p.code, p.line, p.column])).toEqual([
      ['d/a.yaml', 'yaml-syntax', 4, 8],
      ['x.yaml', 'yaml-syntax', 1, 6],
    ]);
  });

  it('lists unreadable paths separately, with line 0', async () => {
    const root = tmpTree({ 'ok.yaml': base() });
    const r = await loadAgreements(['missing.yaml', 'ok.yaml', 'gone/'], { cwd: root });
    expect(r.unreadable).toEqual([
      expect.objectContaining({ file: 'gone', code: 'path-not-found', line: 0, column: 0, severity: 'error' }),
      expect.objectContaining({ file: 'missing.yaml', code: 'path-not-found', line: 0, column: 0, severity: 'error' }),
    ]);
    expect(r.agreements).toHaveLength(1);
    expect(r.files).toEqual(['ok.yaml']);
  });

  it('reads a file once when it is named and also inside a named directory', async () => {
    const root = tmpTree({ 'd/a.yaml': base() });
    const r = await loadAgreements(['d', 'd/a.yaml'], { cwd: root });
    expect(r.files).toEqual(['d/a.yaml']);
    expect(r.agreements).toHaveLength(1);
  });

  it('loads the full example with no problems', async () => {
    const fixture = path.resolve('test/fixtures/load/full.yaml');
    const root = tmpTree({ 'full.yaml': readFileSync(fixture, 'utf8') });
    const r = await loadAgreements([], { cwd: root });
    expect(r.problems).toEqual([]);
    expect(r.agreements).toHaveLength(1);
    expect(r.agreements[0]!.doc.objectives).toHaveLength(12);
  });
});
