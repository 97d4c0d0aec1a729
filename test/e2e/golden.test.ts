/**
 * Golden end-to-end tests: slacheck (in-process, through `main()`) on examples/ with a fixed
 * --as-of, each format's full output compared byte for byte with test/fixtures/golden/.
 *
 * Update mode: after an intended output change, run
 *   UPDATE_GOLDEN=1 npx vitest run test/e2e/golden.test.ts
 * which rewrites the golden files instead of comparing; review the diff (`git diff test/fixtures/golden`)
 * as a user would before committing it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { marked, type Tokens } from 'marked';
import { describe, expect, test } from 'vitest';
import { EXAMPLES_WARNINGS, ROOT, runMain } from './cli.js';

const GOLDEN = join(ROOT, 'test/fixtures/golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const EVALUATE = ['evaluate', 'examples', '--as-of', '2026-07-01', '--fail-on', 'never'];

const CASES: Array<{ file: string; args: string[]; env?: Record<string, string> }> = [
  { file: 'evaluate.table.txt', args: [...EVALUATE, '--format', 'table'] },
  // issue 16: the table fitted to an 80- and a 120-column terminal (COLUMNS, as a shell sets it)
  { file: 'evaluate.table.80.txt', args: [...EVALUATE, '--format', 'table'], env: { COLUMNS: '80' } },
  { file: 'evaluate.table.120.txt', args: [...EVALUATE, '--format', 'table'], env: { COLUMNS: '120' } },
  { file: 'evaluate.markdown.md', args: [...EVALUATE, '--format', 'markdown'] },
  { file: 'evaluate.junit.xml', args: [...EVALUATE, '--format', 'junit'] },
  { file: 'evaluate.github.txt', args: [...EVALUATE, '--format', 'github'] },
  { file: 'evaluate.json', args: [...EVALUATE, '--format', 'json'] },
  { file: 'graph.mermaid.mmd', args: ['graph', 'examples', '--format', 'mermaid'] },
  { file: 'graph.dot.gv', args: ['graph', 'examples', '--format', 'dot'] },
];

/**
 * Runs one case (NO_COLOR=1, from the repository root) and checks the exit code and stderr: empty,
 * but for `evaluate` the one warning the examples print on purpose (a recipe's junk rows).
 */
async function output(args: string[], env?: Record<string, string>): Promise<string> {
  const r = await runMain(args, { env });
  expect(r.stderr).toBe(args[0] === 'evaluate' ? EXAMPLES_WARNINGS : '');
  expect(r.code).toBe(0);
  return r.stdout;
}

const golden = (file: string) => readFileSync(join(GOLDEN, file), 'utf8');

describe('golden outputs of slacheck on examples/', () => {
  for (const { file, args, env } of CASES) {
    const prefix = env ? `${Object.entries(env).map(([k, v]) => `${k}=${v}`).join(' ')} ` : '';
    test(`${prefix}slacheck ${args.join(' ')} = ${file}`, async () => {
      const actual = await output(args, env);
      if (UPDATE) writeFileSync(join(GOLDEN, file), actual);
      expect(actual).toBe(golden(file));
    });
  }
});

describe('golden files parse as their format', () => {
  test('the fitted tables are no wider than their terminals and name what they hid', () => {
    for (const [file, width] of [['evaluate.table.80.txt', 80], ['evaluate.table.120.txt', 120]] as const) {
      const text = golden(file);
      // every line of the report, table and notes alike (the credit statements keep their own lines)
      const table = text.slice(0, text.indexOf('credit statements:'));
      for (const line of table.split('\n')) expect([...line].length, `${file}: ${line}`).toBeLessThanOrEqual(width);
      expect(table).toContain(`hidden to fit ${width} columns: trend, credit`);
      // the same 130 rows as the full table: one status cell per result
      expect(table.match(/│ (met|at-risk|breached|excused|no-data) +│/g)).toHaveLength(130);
    }
  });

  // examples/README.md: 130 results, 84 met, 13 at-risk, 30 breached, 3 excused, 0 no-data (the
  // four scenarios' 106 and the recipes' 24); breached windows are all complete at --as-of
  // 2026-07-01 (July is not reported).
  test('evaluate.json carries the expected summary, the one warning, the statements and the remedies', () => {
    const json = JSON.parse(golden('evaluate.json')) as {
      asOf: string;
      results: unknown[];
      summary: Record<string, number>;
      warnings: Array<{ code: string; file: string }>;
      credits: Array<{ agreement: string; period: string }>;
      remedies: Array<{ agreement: string; id: string; triggered: boolean }>;
    };
    expect(json.asOf).toBe('2026-07-01');
    expect(json.results).toHaveLength(130);
    expect(json.summary).toEqual({ met: 84, 'at-risk': 13, breached: 30, excused: 3, 'no-data': 0 });
    expect(json.warnings.map((w) => [w.code, w.file])).toEqual([['invalid-rows', 'examples/real-exports/german-excel/ticketliste.csv']]);
    // examples/contracts (examples/README.md, section 4): public-cloud's four statements, it-outsourcing's four remedy entries
    expect(json.credits.filter((c) => c.agreement === 'public-cloud').map((c) => c.period)).toEqual(['2026-02', '2026-03', '2026-04', '2026-06']);
    expect(json.remedies.map((r) => [r.agreement, r.id, r.triggered])).toEqual([
      ['it-outsourcing', 'termination-right', true],
      ['it-outsourcing', 'improvement-plan', true],
      ['it-outsourcing', 'improvement-plan', true],
      ['it-outsourcing', 'improvement-plan', true],
    ]);
  });

  test('junit: testsuites > one testsuite per agreement > testcases, a failure for each breach', () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['testsuite', 'testcase'].includes(name) });
    type Case = { '@name': string; '@classname': string; failure?: unknown; skipped?: unknown };
    type Suite = { '@name': string; '@tests': string; '@failures': string; testcase: Case[] };
    const doc = parser.parse(golden('evaluate.junit.xml')) as { testsuites: { '@tests': string; '@failures': string; testsuite: Suite[] } };
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s) => s['@name'])).toEqual([
      'app-maintenance',
      'checkout-platform',
      'internet-uc',
      'it-outsourcing',
      'jsm-service-desk',
      'marketing-sales-ola',
      'network-ola',
      'public-cloud',
      'sales-service-ola',
      'service-desk',
      'servicenow-incidents',
      'stadtwerke-it',
      'zendesk-support',
    ]);
    const cases = suites.flatMap((s) => s.testcase);
    // 130 results and 4 remedy entries of it-outsourcing (termination-right at 2026-06,
    // improvement-plan at 2026-04, -05 and -06: examples/README.md section 4)
    expect(cases).toHaveLength(134);
    expect(doc.testsuites['@tests']).toBe('134');
    // every suite's counts agree with its testcases
    for (const s of suites) {
      expect(Number(s['@tests'])).toBe(s.testcase.length);
      expect(Number(s['@failures'])).toBe(s.testcase.filter((c) => c.failure !== undefined).length);
      for (const c of s.testcase) expect(c['@classname']).toBe(s['@name']);
    }
    const failed = cases.filter((c) => c.failure !== undefined).map((c) => c['@name']);
    // 30 breached complete windows and the 4 triggered remedy entries (--fail-on never marks what the default would)
    expect(failed).toHaveLength(34);
    expect(doc.testsuites['@failures']).toBe('34');
    expect(failed.filter((n) => n.startsWith('remedy '))).toEqual([
      'remedy termination-right [2026-06]',
      'remedy improvement-plan [2026-04]',
      'remedy improvement-plan [2026-05]',
      'remedy improvement-plan [2026-06]',
    ]);
    // two breaches named in examples/README.md
    expect(failed).toContain('p1-resolution [2026-03]');
    expect(failed).toContain('uptime [2026-03]');
    // an excused window is not a failure
    expect(failed).not.toContain('cr-on-time [2026-03]');
  });

  test('markdown: tables with header rows, one status cell per result', () => {
    const tokens = marked.lexer(golden('evaluate.markdown.md'));
    const all = tokens.filter((t): t is Tokens.Table => t.type === 'table');
    // besides the result tables, public-cloud's credit statement (the one agreement with creditTerms)
    const statements = all.filter((t) => t.header[0]?.text === 'period');
    expect(statements.map((t) => t.header.map((h) => h.text))).toEqual([['period', 'credits', 'total', 'capped', 'issued', 'claim by']]);
    expect(statements[0]!.rows.map((r) => r[0]!.text)).toEqual(['2026-02', '2026-03', '2026-04', '2026-06']);
    const tables = all.filter((t) => !statements.includes(t));
    // one table per agreement and window kind: 6 agreements with months only, 3 with months and
    // quarters, 4 with quarters only
    expect(tables).toHaveLength(16);
    for (const t of tables) {
      expect(t.header.slice(0, 3).map((h) => h.text)).toEqual(['objective', 'owner', 'target']);
      // the other header cells are window labels, and every row has a cell for each
      for (const h of t.header.slice(3)) expect(h.text).toMatch(/^2026-(0[1-6]|Q[12])$/);
      for (const row of t.rows) expect(row).toHaveLength(t.header.length);
    }
    // objectives × windows = the 130 results
    expect(tables.reduce((n, t) => n + t.rows.length * (t.header.length - 3), 0)).toBe(130);
    const cells = tables.flatMap((t) => t.rows.flatMap((r) => r.slice(3).map((c) => c.text)));
    expect(cells.filter((c) => c.startsWith('❌'))).toHaveLength(30);
    expect(cells.filter((c) => c.startsWith('⚠️'))).toHaveLength(13);
    expect(cells.filter((c) => c.startsWith('⏸'))).toHaveLength(3);
    // a heading per agreement
    const headings = tokens.filter((t): t is Tokens.Heading => t.type === 'heading' && t.depth === 2).map((h) => h.text);
    expect(headings).toHaveLength(13);
    expect(headings[0]).toBe('SLA app-maintenance — Application maintenance for the Company X web shop');
  });

  test('github: the run warning first, then one annotation per breached or at-risk window, then the triggered remedies', () => {
    const lines = golden('evaluate.github.txt').trimEnd().split('\n');
    // the examples' one warning (the German Excel recipe's junk rows), at its CSV line
    expect(lines[0]).toMatch(/^::warning file=examples\/real-exports\/german-excel\/ticketliste\.csv,line=11,title=slacheck warning invalid-rows::3 rows left out/);
    const windows = lines.slice(1);
    const errors = windows.filter((l) => l.startsWith('::error '));
    const warnings = windows.filter((l) => l.startsWith('::warning '));
    // 30 breached complete windows, then the 4 triggered remedy entries at their YAML lines
    expect(errors).toHaveLength(34);
    expect(errors.slice(30).map((l) => l.slice(0, l.indexOf('::', 2)))).toEqual([
      '::error file=examples/contracts/outsourcing-sla.yaml,line=89,col=5,title=it-outsourcing/termination-right triggered at 2026-06',
      '::error file=examples/contracts/outsourcing-sla.yaml,line=94,col=5,title=it-outsourcing/improvement-plan triggered at 2026-04',
      '::error file=examples/contracts/outsourcing-sla.yaml,line=94,col=5,title=it-outsourcing/improvement-plan triggered at 2026-05',
      '::error file=examples/contracts/outsourcing-sla.yaml,line=94,col=5,title=it-outsourcing/improvement-plan triggered at 2026-06',
    ]);
    expect(warnings).toHaveLength(13);
    for (const l of [...errors, ...warnings]) expect(l).toMatch(/^::(error|warning) file=examples\/[^,]+\.yaml,line=\d+,col=\d+,title=[^:]+::/);
  });
});
