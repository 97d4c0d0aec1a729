import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAgreementText } from '../../../src/agreement/loader.js';
import { compileAgreements, strictProblems } from '../../../src/compile/index.js';
import { agreementText, at, check, objective, report } from '../../fixtures/semantic/agreement.js';

const FULL = readFileSync(fileURLToPath(new URL('../../fixtures/semantic/full.yaml', import.meta.url)), 'utf8');

describe('checkAgreements: clean agreements', () => {
  it('finds nothing in the minimal valid agreement', () => {
    expect(check(agreementText())).toEqual([]);
  });

  it('finds nothing in a full agreement pair using every feature (shared data, cross-agreement dependsOn, credits, pauses, inputs, uptime, reports)', () => {
    expect(check([['agreements/full.yaml', FULL]])).toEqual([]);
    expect(check([['agreements/full.yaml', FULL]], true)).toEqual([]);
  });
});

describe('checkAgreements: behind the real loader (schema-valid input, real positions)', () => {
  it('passes the full fixture through the schema and finds nothing', () => {
    const load = loadAgreementText(FULL, 'agreements/full.yaml', '/fixtures');
    expect(load.problems).toEqual([]);
    expect(load.agreements.map((a) => a.doc.id)).toEqual(['service-desk', 'network-ola']);
    expect(strictProblems(compileAgreements(load.agreements, { cwd: '/' }).problems)).toEqual([]);
  });

  it('points at the same node as the test reader', () => {
    const text = agreementText({ objectives: [objective({ owner: 'it-opps' })] });
    const load = loadAgreementText(text, 'agreements/desk.yaml', '/fixtures');
    expect(load.problems).toEqual([]);
    expect(compileAgreements(load.agreements, { cwd: '/' }).problems).toEqual(check(text));
    expect(check(text).map((p) => p.code)).toEqual(['unknown-party']);
  });
});

describe('checkAgreements: ids (SPEC 2)', () => {
  it('reports a duplicated agreement id at the second file, naming the first file and line', () => {
    const first = agreementText();
    const second = agreementText({ head: agreementText().split('\n').slice(0, 6).join('\n').replace('title: Service desk', 'title: Copy') });
    const problems = check([
      ['agreements/a.yaml', first],
      ['agreements/b.yaml', second],
    ]);
    // `id: desk` is line 3 of both files; the value starts at column 5
    expect(problems).toEqual([
      {
        file: 'agreements/b.yaml',
        line: 3,
        column: 5,
        severity: 'error',
        code: 'duplicate-id',
        message: 'agreement id `desk` is already used at agreements/a.yaml:3; agreement ids must be unique across all loaded files',
      },
    ]);
  });

  it('reports an objective and a report sharing an id at the second one', () => {
    const text = agreementText({ reports: [report({ id: 'first-response' })] });
    expect(check(text)).toEqual([
      at(
        text,
        'first-response',
        'duplicate-id',
        /^report id `first-response` is already used by the objective at line \d+; objectives and reports share one namespace/,
        { occurrence: 2 },
      ),
    ]);
  });

  it('reports two objectives with the same id', () => {
    const text = agreementText({ objectives: [objective(), objective({ target: '">= 90%"' })] });
    // head 6 + parties 3 + calendars 4 + services 2 + data 3 + monitoring 1 + `objectives:` = line 20; the first entry is line 21
    expect(check(text)).toEqual([at(text, 'first-response', 'duplicate-id', /^objective id `first-response` is already used by the objective at line 21;/, { occurrence: 2 })]);
  });

  it('reserves `none` as a party id and `24x7` as a calendar id', () => {
    const text = agreementText({
      parties: [
        'parties:',
        '  it-ops: { name: IT Operations, role: provider, contact: ops@example.com }',
        '  company-x: { name: Company X, role: customer, contact: cio@example.com }',
        '  none: { name: Nobody, role: third-party, contact: nobody@example.com }',
      ].join('\n'),
      calendars: ['calendars:', '  office: { hours: { mon-fri: "08:00-18:00" } }', '  24x7: { hours: { mon-sun: "00:00-24:00" } }'].join('\n'),
    });
    expect(check(text)).toEqual([
      at(text, '{ name: Nobody', 'reserved-id', /^`none` is reserved/),
      at(text, '{ hours: { mon-sun', 'reserved-id', /^`24x7` is reserved/),
    ]);
  });
});

describe('checkAgreements: roles (SPEC 2)', () => {
  it('needs exactly one provider: none at all points at parties', () => {
    const text = agreementText({
      parties: ['parties:', '  it-ops: { name: IT Operations, role: third-party, contact: a@example.com }', '  company-x: { name: Company X, role: customer, contact: b@example.com }'].join('\n'),
    });
    // parties is line 7; its value (the block map) starts on line 8, column 3
    expect(check(text)).toEqual([
      { file: 'agreements/desk.yaml', line: 8, column: 3, severity: 'error', code: 'provider-count', message: 'no party has role `provider`; exactly one party must provide the service' },
    ]);
  });

  it('needs exactly one provider: a second one points at its role', () => {
    const text = agreementText({
      parties: [
        'parties:',
        '  it-ops: { name: IT Operations, role: provider, contact: a@example.com }',
        '  telco: { name: Telco, role: provider, contact: c@example.com }',
        '  company-x: { name: Company X, role: customer, contact: b@example.com }',
      ].join('\n'),
    });
    expect(check(text)).toEqual([
      at(text, 'provider', 'provider-count', 'parties `it-ops`, `telco` all have role `provider`; exactly one may (make the others `third-party`)', { occurrence: 2 }),
    ]);
  });

  it('needs a customer', () => {
    const text = agreementText({
      parties: ['parties:', '  it-ops: { name: IT Operations, role: provider, contact: a@example.com }', '  company-x: { name: Company X, role: third-party, contact: b@example.com }'].join('\n'),
    });
    // points at the parties map, which starts at `it-ops` (line 8, column 3)
    expect(check(text)).toEqual([at(text, 'it-ops: {', 'no-customer', 'no party has role `customer`; an agreement needs at least one')]);
  });
});

describe('checkAgreements: documentation gaps (SPEC 7)', () => {
  const gappy = agreementText({
    parties: ['parties:', '  it-ops: { name: IT Operations, role: provider }', '  company-x: { name: Company X, role: customer, contact: cio@example.com }'].join('\n'),
    services: ['services:', '  desk: { description: Support }'].join('\n'),
    monitoring: 'monitoring: { collection: Nightly export }',
    reports: [report({ format: null, to: '[]' })],
  });

  it('warns about a party without contact, an incomplete service, monitoring and report', () => {
    expect(check(gappy)).toEqual([
      at(gappy, '{ name: IT Operations', 'doc-party-contact', 'party `it-ops` has no `contact`; add who to call or write to', { severity: 'warning' }),
      at(gappy, '{ description: Support }', 'doc-service-incomplete', 'service `desk` does not say `location`, `hours`; document what, where and when it is delivered', { severity: 'warning' }),
      at(gappy, '{ collection: Nightly', 'doc-monitoring-missing', /^monitoring does not say `verification`, `auditor`/, { severity: 'warning' }),
      at(gappy, 'id: monthly-report', 'doc-report-incomplete', 'report `monthly-report` does not say `format`, `to`; document its format, channel and recipients', { severity: 'warning' }),
    ]);
  });

  it('turns them into errors with strict', () => {
    const problems = check(gappy, true);
    expect(problems.map((p) => [p.code, p.severity])).toEqual([
      ['doc-party-contact', 'error'],
      ['doc-service-incomplete', 'error'],
      ['doc-monitoring-missing', 'error'],
      ['doc-report-incomplete', 'error'],
    ]);
  });

  it('warns when there is no monitoring section at all, pointing at the document', () => {
    const text = agreementText({ monitoring: '' });
    expect(check(text)).toEqual([
      { file: 'agreements/desk.yaml', line: 1, column: 1, severity: 'warning', code: 'doc-monitoring-missing', message: expect.stringMatching(/^no `monitoring` section/) },
    ]);
  });
});
