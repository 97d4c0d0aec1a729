import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadAgreementText } from '../../../src/agreement/loader.js';
import { agreementSchema, compileValidator, generatedValidatorIsCurrent, schemaErrors, schemaText } from '../../../src/agreement/schema.js';

const FULL = readFileSync('test/fixtures/load/full.yaml', 'utf8');

/** An agreement whose first objective is given as YAML lines (indented 4, after "  - "). */
function withObjective(...lines: string[]): string {
  return [
    'apiVersion: slacheck/v1', // 1
    'kind: SLA', // 2
    'id: desk', // 3
    'title: Desk', // 4
    'parties: { ops: { name: Ops, role: provider } }', // 5
    'validity: { from: 2026-01-01, to: 2026-12-31 }', // 6
    'objectives:', // 7
    '  - id: o', // 8
    ...lines.map((l) => `    ${l}`), // 9...
    '',
  ].join('\n');
}
const REST = ['source: tickets', 'target: ">= 95%"', 'window: month']; // lines 9-11

function problemsOf(text: string) {
  return loadAgreementText(text, 'a.yaml', '/abs').problems.map((p) => ({ code: p.code, line: p.line, column: p.column, message: p.message }));
}

describe('agreement schema', () => {
  it('is draft 2020-12 with the slacheck $id', () => {
    const schema = agreementSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('https://slacheck.dev/schemas/agreement.schema.json');
    expect(JSON.parse(schemaText())).toEqual(schema);
  });

  it('gives every property a title and a description (editor help)', () => {
    const missing: string[] = [];
    const walk = (node: unknown, where: string) => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (n.properties && typeof n.properties === 'object' && !where.endsWith('/if') && !where.endsWith('/then')) {
        for (const [key, prop] of Object.entries(n.properties as Record<string, Record<string, unknown>>)) {
          if (typeof prop.title !== 'string' || typeof prop.description !== 'string') missing.push(`${where}/${key}`);
        }
      }
      for (const [key, value] of Object.entries(n)) walk(value, `${where}/${key}`);
    };
    walk(agreementSchema(), '#');
    expect(missing).toEqual([]);
  });

  it('has a precompiled validator built from the current schema (run node scripts/build-validator.mjs)', () => {
    expect(generatedValidatorIsCurrent()).toBe(true);
  });

  it('accepts the full example using every feature of SPEC 2-5', () => {
    expect(schemaErrors(parse(FULL))).toEqual([]);
  });

  it('accepts percentiles with decimals and the tab delimiter', () => {
    const doc = parse(FULL) as { objectives: { aggregate?: string }[]; data: Record<string, { delimiter?: string }> };
    for (const agg of ['p5', 'p95', 'p99.9', 'median']) {
      doc.objectives[2]!.aggregate = agg;
      expect(schemaErrors(doc)).toEqual([]);
    }
    expect(doc.data.incidents!.delimiter).toBe('\t');
  });

  it.each([
    ['kind', (d: any) => (d.kind = 'SLO'), 'schema-enum'],
    ['role', (d: any) => (d.parties['it-ops'].role = 'vendor'), 'schema-enum'],
    ['fee.per', (d: any) => (d.fee.per = 'hour'), 'schema-enum'],
    ['fee.amount', (d: any) => (d.fee.amount = '12000'), 'schema-type'],
    ['delimiter', (d: any) => (d.data.tickets.delimiter = '|'), 'schema-enum'],
    ['hours key', (d: any) => (d.calendars.office.hours = { monday: '08:00-17:00' }), 'schema-pattern'],
    ['holiday', (d: any) => (d.calendars.office.holidays = ['2026-1-1']), 'schema-pattern'],
    ['validity date', (d: any) => (d.validity.to = '31.12.2026'), 'schema-pattern'],
    ['target', (d: any) => (d.objectives[0].target = '95%'), 'schema-pattern'],
    ['window', (d: any) => (d.objectives[0].window = 'hour'), 'schema-enum'],
    ['pause unit', (d: any) => (d.objectives[0].pause[0].unit = 'd'), 'schema-enum'],
    ['status pause without values', (d: any) => delete d.objectives[0].pause[1].values, 'schema-required'],
    ['input without done', (d: any) => delete d.objectives[1].inputs[0].done, 'schema-required'],
    ['exclusion without party', (d: any) => delete d.objectives[0].exclude[0].party, 'schema-required'],
    ['where with a mapping value', (d: any) => (d.objectives[0].where = { priority: { x: 1 } }), 'schema-type'],
    ['schedule every', (d: any) => (d.reports[0].schedule.every = 'hour'), 'schema-enum'],
    ['schedule by', (d: any) => (d.reports[0].schedule.by = '24:00'), 'schema-pattern'],
    ['schedule roll', (d: any) => (d.reports[0].schedule.roll = 'next-business-day'), 'schema-enum'],
    ['log for', (d: any) => (d.reports[0].log.for = ''), 'schema-min-length'],
    ['report without log', (d: any) => delete d.reports[0].log, 'schema-required'],
    ['monitoring key', (d: any) => (d.monitoring.owner = 'x'), 'schema-additional-property'],
    ['service key', (d: any) => (d.services['service-desk'].hours2 = 'x'), 'schema-additional-property'],
  ])('rejects a bad %s with exactly one error', (_name, breakIt, keyword) => {
    const doc = parse(FULL);
    breakIt(doc);
    const text = JSON.stringify(doc); // JSON is YAML: positions are not the point here
    const problems = problemsOf(text);
    expect(problems.map((p) => p.code)).toEqual([keyword]);
  });
});

describe('schema problems', () => {
  it('collapses anyOf: a dependency of the wrong type is one type problem', () => {
    const problems = problemsOf(withObjective(...REST, 'measure: count', 'aggregate: count', 'dependsOn: [3]'));
    // Line 14 "    dependsOn: [3]": the value 3 is at column 17.
    expect(problems).toEqual([
      expect.objectContaining({ code: 'schema-type', line: 14, column: 17, message: expect.stringContaining('objectives[0].dependsOn[0]') }),
    ]);
  });

  it('collapses anyOf: a dependency object with an unknown key names the key', () => {
    const problems = problemsOf(withObjective(...REST, 'measure: count', 'aggregate: count', 'dependsOn: [{ objective: x, excuse: true }]'));
    // "    dependsOn: [{ objective: x, " is 32 characters: `excuse` at column 33.
    expect(problems).toEqual([expect.objectContaining({ code: 'schema-additional-property', line: 14, column: 33 })]);
    expect(problems[0]!.message).toContain('did you mean `excuses`?');
  });

  it('collapses anyOf: a nested error in a measure is reported alone, at its parent', () => {
    const problems = problemsOf(withObjective(...REST, 'measure:', '  duration: { from: opened_at }', 'aggregate: mean'));
    // Line 13 "      duration: { from: opened_at }": the flow map opens at column 17.
    expect(problems).toEqual([expect.objectContaining({ code: 'schema-required', line: 13, column: 17, message: expect.stringContaining('`to`') })]);
  });

  it('reports a measure with two kinds once', () => {
    const problems = problemsOf(withObjective(...REST, 'measure: { value: a, duration: { from: b, to: c } }', 'aggregate: mean'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 12, column: 14 });
    expect(problems[0]!.message).toContain('exactly one of `value`, `duration`, `deadline` or `uptime`');
  });

  it('reports a misspelt measure string with the measure hint', () => {
    const problems = problemsOf(withObjective(...REST, 'measure: counts', 'aggregate: count'));
    expect(problems).toEqual([expect.objectContaining({ code: 'schema-any-of', line: 12, column: 14 })]);
  });

  it('reports a bad aggregate once', () => {
    const problems = problemsOf(withObjective(...REST, 'measure: count', 'aggregate: p9x'));
    expect(problems).toEqual([expect.objectContaining({ code: 'schema-any-of', line: 13, column: 16 })]);
    expect(problems[0]!.message).toContain('p95');
  });

  it('requires an aggregate except for uptime, and forbids it for uptime', () => {
    expect(problemsOf(withObjective(...REST, 'measure: count'))).toEqual([
      expect.objectContaining({ code: 'schema-required', line: 8, column: 5, message: expect.stringContaining('`aggregate`') }),
    ]);
    expect(problemsOf(withObjective(...REST, 'measure: { uptime: { from: a, to: b } }'))).toEqual([]);
    // The aggregate is pointed at by its key: line 13, column 5.
    expect(problemsOf(withObjective(...REST, 'measure: { uptime: { from: a, to: b } }', 'aggregate: mean'))).toEqual([
      expect.objectContaining({ code: 'schema-not-allowed', line: 13, column: 5 }),
    ]);
  });

  it('requires exactly one key in good', () => {
    const problems = problemsOf(withObjective(...REST, 'measure: count', 'aggregate: ratio', 'good: { within: 30m, max: 3 }'));
    expect(problems).toEqual([expect.objectContaining({ code: 'schema-max-properties', line: 14, column: 11 })]);
    expect(problems[0]!.message).toContain('exactly one of `within`, `max`, `min` or `where`');
  });

  it('requires exactly one of below/above in a credit tier', () => {
    for (const tier of ['{ below: 95%, above: 1%, credit: 5% }', '{ credit: 5% }']) {
      const problems = problemsOf(withObjective(...REST, 'measure: count', 'aggregate: count', `credits: [${tier}]`));
      expect(problems).toHaveLength(1);
      expect(problems[0]!.message).toContain('{ below: VALUE, credit: PERCENT } or { above: VALUE, credit: PERCENT }');
    }
  });

  it('keeps each pause form closed', () => {
    const problems = problemsOf(withObjective(...REST, 'measure: { duration: { from: a, to: b } }', 'aggregate: mean', 'pause: [{ column: w, unit: m, party: ops, values: [x] }]'));
    // "    pause: [{ column: w, unit: m, party: ops, " is 46 characters: `values` at column 47.
    expect(problems).toEqual([expect.objectContaining({ code: 'schema-additional-property', line: 14, column: 47 })]);
    const status = problemsOf(withObjective(...REST, 'measure: { duration: { from: a, to: b } }', 'aggregate: mean', 'pause: [{ source: s, key: k, at: t, status: st, values: [x] }]'));
    expect(status).toEqual([expect.objectContaining({ code: 'schema-required', message: expect.stringContaining('`party`') })]);
  });

  it('reports schedule.on out of range once, with the hint', () => {
    const text = `${withObjective(...REST, 'measure: count', 'aggregate: count')}reports:\n  - id: r\n    schedule: { every: month, by: "10:00", on: 31 }\n    log: { source: l, at: t }\n    target: ">= 90%"\n    window: month\n`;
    const problems = problemsOf(text);
    // Line 16 "    schedule: { every: month, by: \"10:00\", on: " is 47 characters: 31 at column 48.
    expect(problems).toEqual([expect.objectContaining({ code: 'schema-any-of', line: 16, column: 48, message: expect.stringContaining('1..28') })]);
  });
});

describe('run-time compiled validator (used when the schema changed after the build)', () => {
  it('reports the same errors as the precompiled one', () => {
    const validate = compileValidator(agreementSchema());
    const doc = parse(FULL) as any;
    expect(validate(doc)).toBe(true);
    doc.objectives[0].window = 'hour';
    doc.objectives[0].colour = 'red';
    delete doc.reports[0].log;
    expect(validate(doc)).toBe(false);
    const key = (e: { instancePath: string; keyword: string }) => `${e.instancePath} ${e.keyword}`;
    expect(validate.errors!.map(key)).toEqual(schemaErrors(doc).map(key));
    // `window` is one of a kind, a rolling window or a list (SPEC 9.3): ajv reports each branch, then
    // the oneOf; the translator keeps the branch that fits a string (one enum error, tested above)
    expect(validate.errors!.map(key)).toEqual([
      '/objectives/0 additionalProperties',
      '/objectives/0/window enum',
      '/objectives/0/window type',
      '/objectives/0/window type',
      '/objectives/0/window oneOf',
      '/reports/0 required',
    ]);
  });
});
