/**
 * SPEC 9.2: `validate` reports the semantic problems of every part of a file the schema accepted,
 * together with the schema problems, in one run, ordered by line. These tests load real YAML
 * (schema included) and check the parts the schema accepted.
 */
import { describe, expect, it } from 'vitest';
import { loadAgreementText } from '../../../src/agreement/loader.js';
import { compileAgreements } from '../../../src/compile/index.js';
import { compareProblems, type Problem } from '../../../src/problem.js';
import { agreementText, at, objective, positionOf, networkOla } from '../../fixtures/semantic/agreement.js';

const FILE = 'agreements/desk.yaml';

/** What `validate` prints for these files: load problems and semantic problems, sorted. */
function validate(files: Array<[string, string]>): { problems: Problem[]; compiled: number } {
  const loads = files.map(([file, text]) => loadAgreementText(text, file, '/fixtures'));
  const compiled = compileAgreements(
    loads.flatMap((l) => l.checkable),
    { cwd: '/' },
  );
  return { problems: [...loads.flatMap((l) => l.problems), ...compiled.problems].sort(compareProblems), compiled: compiled.agreements.length };
}

const codes = (problems: readonly Problem[]) => problems.map((p) => `${p.line}:${p.code}`);

describe('schema and semantic problems in one run (SPEC 9.2)', () => {
  it('reports a schema error in objective 1 and an unknown party in objective 2, ordered by line', () => {
    const text = agreementText({
      objectives: [objective({ agregate: 'ratio', aggregate: null }), objective({ id: 'fix-time', owner: 'it-opps' })],
    });
    const { problems, compiled } = validate([[FILE, text]]);
    expect(problems).toEqual([
      { ...at(text, '- id: first-response', 'schema-required', 'objectives[0] is missing the required key `aggregate`'), column: 5 },
      at(text, 'agregate', 'schema-additional-property', /^unknown key `agregate` in objectives\[0\] \(did you mean `aggregate`\?\)/),
      at(text, 'it-opps', 'unknown-party', 'unknown party `it-opps` in owner (did you mean `it-ops`?); parties are: it-ops, company-x'),
    ]);
    expect(compiled).toBe(0);
  });

  it('reports an invalid calendar entry and a cycle elsewhere; references to the calendar are not "unknown"', () => {
    const text = agreementText({
      calendars: ['calendars:', '  office:', '    hours: { mon-fri: "08:00-18:00" }', '    holidays: [christmas]'].join('\n'),
      objectives: [
        objective({ dependsOn: '[fix-time]' }),
        objective({ id: 'fix-time', service: null, measure: '{ duration: { from: opened_at, to: resolved_at, calendar: office } }', dependsOn: '[first-response]' }),
      ],
    });
    const { problems } = validate([[FILE, text]]);
    expect(problems).toEqual([
      at(text, 'christmas', 'schema-pattern', /^calendars\.office\.holidays\[0\]: "christmas" is not valid/),
      at(text, 'fix-time]', 'dependency-cycle', /^dependsOn cycle: desk\/first-response -> desk\/fix-time -> desk\/first-response;/),
    ]);
  });

  it('never compiles an agreement with a rejected part, even when every accepted part is fine', () => {
    const text = agreementText({ objectives: [objective({ colour: 'red' })] });
    const { problems, compiled } = validate([[FILE, text]]);
    expect(codes(problems)).toEqual([`${positionOf(text, 'colour').line}:schema-additional-property`]);
    expect(compiled).toBe(0);
  });

  it('skips the checks of a rejected top-level field and of every part that reads it', () => {
    const text = agreementText({
      head: ['apiVersion: slacheck/v1', 'kind: SLA', 'id: desk', 'title: Service desk', 'timezone: 5', 'validity: { from: 2026-01-01, to: 2026-02-30 }'].join('\n'),
      parties: 'parties: [it-ops, company-x]',
      monitoring: 'monitoring: { collection: Nightly export, verification: monthly, auditor: nobody }',
      objectives: [objective({ owner: 'it-opps' })],
    });
    const { problems } = validate([[FILE, text]]);
    // No invalid-timezone for `5`, no role counts or unknown parties without a parties map; the
    // validity is accepted, so its impossible date is still reported.
    expect(codes(problems)).toEqual([
      `${positionOf(text, '5\n').line}:schema-type`,
      `${positionOf(text, '2026-02-30').line}:invalid-date`,
      `${positionOf(text, '[it-ops').line}:schema-type`,
    ]);
  });

  it('does not count roles when a party was rejected, nor call a reference to it unknown', () => {
    const text = agreementText({
      parties: ['parties:', '  it-ops: { name: IT Operations, role: provder, contact: ops@example.com }', '  company-x: { name: Company X, role: customer, contact: cio@example.com }'].join('\n'),
      objectives: [objective({ owner: 'it-ops' }), objective({ id: 'b', owner: 'company-y' })],
    });
    const { problems } = validate([[FILE, text]]);
    expect(problems.map((p) => p.code)).toEqual(['schema-enum', 'unknown-party']);
    expect(problems[1]!.message).toMatch(/^unknown party `company-y` in owner \(did you mean `company-x`\?\)/);
  });

  it('a dependency on a rejected objective is neither unknown nor an edge of a cycle', () => {
    const text = agreementText({
      objectives: [objective({ window: 'fortnight', dependsOn: '[fix-time]' }), objective({ id: 'fix-time', dependsOn: '[first-response]' })],
    });
    const { problems } = validate([[FILE, text]]);
    expect(problems.map((p) => p.code)).toEqual(['schema-enum']);
  });

  it('says nothing about unknown ids while a rejected entry has no readable id', () => {
    const text = agreementText({
      objectives: [objective({ id: null }), objective({ id: 'b', dependsOn: '[first-responze]' })],
    });
    const { problems } = validate([[FILE, text]]);
    expect(problems.map((p) => p.code)).toEqual(['schema-required']);
  });

  it('checks a rejected data set neither for its timezone nor as unknown when referenced', () => {
    const text = agreementText({
      data: ['data:', '  tickets: { file: tickets.csv, timezone: Mars/Base, delimiter: "|" }', '  report-log: { file: reports.csv }'].join('\n'),
    });
    const { problems } = validate([[FILE, text]]);
    expect(problems.map((p) => p.code)).toEqual(['schema-enum']);
  });

  it('checks every other agreement in full and does not call a partly rejected one unloaded', () => {
    const network = networkOla({ objective: '{ id: restore, source: incidents, measure: count, aggregate: count, target: ">= 1", window: weekly }' });
    const desk = agreementText({ objectives: [objective({ dependsOn: '[network/restore, network/restor]' })] });
    const { problems } = validate([
      [FILE, desk],
      ['agreements/network.yaml', network],
    ]);
    expect(problems).toEqual([
      at(desk, 'network/restor]', 'unknown-objective', 'dependsOn: unknown objective or report `network/restor` (did you mean `restore`?); agreement `network` declares: restore'),
      at(network, 'weekly', 'schema-enum', /^objectives\[0\]\.window must be one of/, { file: 'agreements/network.yaml' }),
    ]);
  });
});

describe('a dependsOn naming an agreement that was not loaded (SPEC 9.2)', () => {
  it('says which path to add', () => {
    const text = agreementText({ objectives: [objective({ dependsOn: '[network-ola/restore-time]' })] });
    const { problems } = validate([[FILE, text]]);
    expect(problems).toEqual([
      at(
        text,
        'network-ola/restore-time',
        'unknown-objective',
        'dependsOn: unknown agreement `network-ola` in `network-ola/restore-time`; it is not among the loaded files — pass the folder that holds it (e.g. `slacheck validate agreements/`)',
      ),
    ]);
  });

  it('keeps did-you-mean when a loaded agreement id is a close match', () => {
    const text = agreementText({ objectives: [objective({ dependsOn: '[dsk/first-response]' })] });
    const { problems } = validate([[FILE, text]]);
    expect(problems.map((p) => p.message)).toEqual([
      'dependsOn: unknown agreement `dsk` in `dsk/first-response` (did you mean `desk`?); loaded agreements are: desk',
    ]);
  });

  it('names the current folder for a file in the working directory', () => {
    const text = agreementText({ objectives: [objective({ dependsOn: '[network-ola/restore-time]' })] });
    const { problems } = validate([['desk.yaml', text]]);
    expect(problems[0]!.message).toMatch(/\(e\.g\. `slacheck validate \.`\)$/);
  });
});
