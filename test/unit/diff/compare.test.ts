/** SPEC 9.6: one YAML edit at a time, and the change `diff` reports for it, seen from the customer's side. */
import { describe, expect, test } from 'vitest';
import { loadAgreementText } from '../../../src/agreement/loader.js';
import type { LoadedAgreement } from '../../../src/agreement/model.js';
import { classifyCredits, classifyHours, classifyTarget } from '../../../src/diff/classify.js';
import { diffAgreements } from '../../../src/diff/index.js';

const BASE = `apiVersion: slacheck/v1
kind: SLA
id: desk
title: Service desk
parties:
  ops: { name: Ops, role: provider }
  cust: { name: Customer, role: customer }
validity: { from: 2026-01-01, to: 2026-12-31 }
fee: { amount: 1000, currency: EUR, per: month }
creditTerms: { cap: 30%, minimum: 10, claim: { within: 30d } }
calendars:
  office:
    hours: { mon-fri: "08:00-18:00" }
    holidays: [2026-12-24]
data:
  tickets: { file: tickets.csv }
  log: { file: log.csv }
objectives:
  - id: response
    source: tickets
    measure: { duration: { from: opened, to: answered, calendar: office } }
    aggregate: ratio
    good: { within: 30m }
    target: ">= 95%"
    warning: ">= 97%"
    window: month
    credits:
      - { below: 95%, credit: 5% }
      - { below: 90%, credit: 10% }
  - id: resolution
    source: tickets
    measure: { duration: { from: opened, to: resolved } }
    aggregate: p90
    target: "<= 8h"
    window: month
    credits:
      - { above: 8h, credit: 5% }
      - { above: 12h, credit: 10% }
reports:
  - id: review
    schedule: { every: month, by: "10:00" }
    log: { source: log, at: sent }
    target: ">= 90%"
    window: quarter
`;

function load(text: string, file = 'desk.yaml'): LoadedAgreement[] {
  const { agreements, problems } = loadAgreementText(text, file, '/x');
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return agreements;
}

/** BASE with `from` replaced by `to` (which must occur exactly once). */
function edited(from: string, to: string): string {
  expect(BASE.split(from).length, `"${from}" occurs once in BASE`).toBe(2);
  return BASE.replace(from, to);
}

// [what, YAML before, YAML after, path, kind, classification]
const EDITS: Array<[string, string, string, string, 'added' | 'removed' | 'changed', 'tightened' | 'loosened' | 'changed']> = [
  ['higher >= target', 'target: ">= 95%"', 'target: ">= 96%"', 'objectives/response/target', 'changed', 'tightened'],
  ['lower >= target', 'target: ">= 95%"', 'target: ">= 94.5%"', 'objectives/response/target', 'changed', 'loosened'],
  ['longer <= target (8h to 12h)', 'target: "<= 8h"', 'target: "<= 12h"', 'objectives/resolution/target', 'changed', 'loosened'],
  ['shorter <= target, other units (8h to 450m)', 'target: "<= 8h"', 'target: "<= 450m"', 'objectives/resolution/target', 'changed', 'tightened'],
  ['> instead of >= at the same number', 'target: ">= 95%"', 'target: "> 95%"', 'objectives/response/target', 'changed', 'tightened'],
  ['target direction flipped', 'target: "<= 8h"', 'target: ">= 8h"', 'objectives/resolution/target', 'changed', 'changed'],
  ['warning raised', 'warning: ">= 97%"', 'warning: ">= 98%"', 'objectives/response/warning', 'changed', 'changed'],
  ['warning removed', '    warning: ">= 97%"\n', '', 'objectives/response/warning', 'removed', 'changed'],
  ['window kind', 'window: month\n    credits:\n      - { below', 'window: quarter\n    credits:\n      - { below', 'objectives/response/window', 'changed', 'changed'],
  ['longer good.within', 'within: 30m', 'within: 1h', 'objectives/response/good', 'changed', 'loosened'],
  ['shorter good.within', 'within: 30m', 'within: 20m', 'objectives/response/good', 'changed', 'tightened'],
  ['fewer service hours', 'mon-fri: "08:00-18:00"', 'mon-fri: "08:00-17:00"', 'calendars/office/hours', 'changed', 'loosened'],
  ['more service hours (Saturday added)', 'hours: { mon-fri: "08:00-18:00" }', 'hours: { mon-fri: "08:00-18:00", sat: "09:00-12:00" }', 'calendars/office/hours', 'changed', 'tightened'],
  ['hours moved', 'mon-fri: "08:00-18:00"', 'mon-fri: "09:00-19:00"', 'calendars/office/hours', 'changed', 'changed'],
  ['holiday added', 'holidays: [2026-12-24]', 'holidays: [2026-12-24, 2026-12-31]', 'calendars/office/holidays/2026-12-31', 'added', 'loosened'],
  ['holiday removed', 'holidays: [2026-12-24]', 'holidays: []', 'calendars/office/holidays/2026-12-24', 'removed', 'tightened'],
  ['day off made a short day', 'holidays: [2026-12-24]', 'holidays: [{ date: 2026-12-24, hours: "08:00-12:00" }]', 'calendars/office/holidays/2026-12-24', 'changed', 'tightened'],
  ['Easter Monday added (6 April 2026)', 'holidays: [2026-12-24]', 'holidays: [2026-12-24, { easter: 1 }]', 'calendars/office/holidays/2026-04-06', 'added', 'loosened'],
  ['smaller credit percentage', '{ below: 90%, credit: 10% }', '{ below: 90%, credit: 8% }', 'objectives/response/credits', 'changed', 'loosened'],
  ['below tier lowered: credits later', '{ below: 95%, credit: 5% }', '{ below: 93%, credit: 5% }', 'objectives/response/credits', 'changed', 'loosened'],
  ['above tier raised: credits later', '{ above: 8h, credit: 5% }', '{ above: 10h, credit: 5% }', 'objectives/resolution/credits', 'changed', 'loosened'],
  ['10% tier removed', '      - { above: 12h, credit: 10% }\n', '', 'objectives/resolution/credits', 'changed', 'loosened'],
  ['credit tier added', '      - { below: 90%, credit: 10% }\n', '      - { below: 90%, credit: 10% }\n      - { below: 80%, credit: 20% }\n', 'objectives/response/credits', 'changed', 'tightened'],
  ['lower cap', 'cap: 30%', 'cap: 20%', 'creditTerms/cap', 'changed', 'loosened'],
  ['cap removed', 'cap: 30%, ', '', 'creditTerms/cap', 'removed', 'tightened'],
  ['higher minimum', 'minimum: 10', 'minimum: 50', 'creditTerms/minimum', 'changed', 'loosened'],
  ['shorter claim period', 'within: 30d', 'within: 14d', 'creditTerms/claim/within', 'changed', 'loosened'],
  ['fee changed', 'amount: 1000', 'amount: 900', 'fee', 'changed', 'changed'],
  ['validity shortened', 'to: 2026-12-31', 'to: 2026-06-30', 'validity/to', 'changed', 'loosened'],
  ['validity starts earlier', 'from: 2026-01-01', 'from: 2025-10-01', 'validity/from', 'changed', 'tightened'],
  ['party added', '  cust: { name: Customer, role: customer }\n', '  cust: { name: Customer, role: customer }\n  audit: { name: Auditor, role: third-party }\n', 'parties/audit', 'added', 'changed'],
  ['report removed', 'reports:\n  - id: review\n    schedule: { every: month, by: "10:00" }\n    log: { source: log, at: sent }\n    target: ">= 90%"\n    window: quarter\n', '', 'reports/review', 'removed', 'loosened'],
  ['report due later', 'by: "10:00"', 'by: "12:00"', 'reports/review/schedule/by', 'changed', 'loosened'],
  ['exclusion added', '    target: "<= 8h"\n', '    target: "<= 8h"\n    exclude: [{ where: { cause: change }, party: cust }]\n', 'objectives/resolution/exclude', 'added', 'loosened'],
  ['two exclusions added', '    target: "<= 8h"\n', '    target: "<= 8h"\n    exclude: [{ where: { cause: a }, party: cust }, { where: { cause: b }, party: none }]\n', 'objectives/resolution/exclude', 'added', 'loosened'],
  ['aggregate changed', 'aggregate: p90', 'aggregate: p95', 'objectives/resolution/aggregate', 'changed', 'changed'],
];

describe('one YAML edit, one classified change', () => {
  test.each(EDITS)('%s', (_what, from, to, path, kind, classification) => {
    const { changes } = diffAgreements(load(BASE), load(edited(from, to)));
    expect(changes.map((c) => [c.path, c.kind, c.classification])).toEqual([[path, kind, classification]]);
  });

  test('the table covers each classification at least four times', () => {
    for (const c of ['tightened', 'loosened', 'changed']) expect(EDITS.filter((e) => e[5] === c).length).toBeGreaterThanOrEqual(4);
  });
});

describe('diffAgreements', () => {
  test('identical agreements, a renamed file and reordered keys are no change', () => {
    const reordered = edited('fee: { amount: 1000, currency: EUR, per: month }', 'fee: { per: month, currency: EUR, amount: 1000 }');
    expect(diffAgreements(load(BASE), load(reordered, 'renamed/desk-sla.yaml'))).toEqual({ changes: [], compared: 1, problems: [] });
  });

  test('holidays are compared by the days they make: the same day written as a yearly date is no change', () => {
    expect(diffAgreements(load(BASE), load(edited('holidays: [2026-12-24]', 'holidays: [{ date: 12-24, every: year }]'))).changes).toEqual([]);
    // a yearly date in a validity of two years makes two days off
    const twoYears = edited('holidays: [2026-12-24]', 'holidays: [{ date: 12-31, every: year }, 2026-12-24]').replace('to: 2026-12-31', 'to: 2027-12-31');
    expect(diffAgreements(load(BASE), load(twoYears)).changes.map((c) => [c.path, c.classification, c.after, c.line])).toEqual([
      ['validity/to', 'tightened', '2027-12-31', 8],
      // line 14 holds the holidays (a flow list): every entry of it is on that line
      ['calendars/office/holidays/2026-12-31', 'loosened', { date: '12-31', every: 'year' }, 14],
      ['calendars/office/holidays/2027-12-31', 'loosened', { date: '12-31', every: 'year' }, 14],
    ]);
  });

  test('exclusions: reordered is changed (another party charged for overlaps), one removed tightened', () => {
    const two = edited('    target: "<= 8h"\n', '    target: "<= 8h"\n    exclude: [{ where: { cause: a }, party: cust }, { where: { cause: b }, party: none }]\n');
    const swapped = two.replace('[{ where: { cause: a }, party: cust }, { where: { cause: b }, party: none }]', '[{ where: { cause: b }, party: none }, { where: { cause: a }, party: cust }]');
    const one = two.replace('{ where: { cause: a }, party: cust }, ', '');
    expect(diffAgreements(load(two), load(swapped)).changes.map((c) => [c.path, c.kind, c.classification])).toEqual([['objectives/resolution/exclude', 'changed', 'changed']]);
    expect(diffAgreements(load(two), load(one)).changes.map((c) => [c.path, c.kind, c.classification])).toEqual([['objectives/resolution/exclude', 'changed', 'tightened']]);
  });

  test('descriptions and contacts are prose, not promises', () => {
    const prose = edited('  ops: { name: Ops, role: provider }', '  ops: { name: Operations, role: provider, contact: ops@example.com }');
    expect(diffAgreements(load(BASE), load(prose)).changes).toEqual([]);
  });

  test('a change carries both values as written and the line in the new version', () => {
    const { changes } = diffAgreements(load(BASE), load(edited('target: "<= 8h"', 'target: "<= 12h"'), 'new.yaml'));
    // BASE line 34 is `    target: "<= 8h"` (apiVersion is line 1, `objectives:` 18, `- id: resolution` 30)
    expect(changes).toEqual([
      { agreement: 'desk', path: 'objectives/resolution/target', kind: 'changed', classification: 'loosened', before: '<= 8h', after: '<= 12h', file: 'new.yaml', line: 34 },
    ]);
    expect(BASE.split('\n')[33]).toBe('    target: "<= 8h"');
  });

  test('a whole agreement added is tightened, removed loosened; agreements are ordered by id', () => {
    const other = BASE.replace('id: desk', 'id: another');
    const { changes, compared } = diffAgreements(load(BASE), load(other, 'another.yaml'));
    expect(compared).toBe(0);
    expect(changes.map((c) => [c.agreement, c.path, c.kind, c.classification, c.file, c.line])).toEqual([
      ['another', '', 'added', 'tightened', 'another.yaml', 3],
      ['desk', '', 'removed', 'loosened', 'desk.yaml', 3],
    ]);
  });

  test('an agreement id twice on one side is a problem', () => {
    const twice = [...load(BASE), ...load(BASE, 'copy.yaml')];
    const { problems } = diffAgreements(load(BASE), twice);
    expect(problems.map((p) => [p.file, p.line, p.code])).toEqual([['copy.yaml', 3, 'duplicate-id']]);
  });

  test('several edits come in file order: agreement settings, then objectives, then reports', () => {
    let text = edited('target: ">= 95%"', 'target: ">= 99%"');
    text = text.replace('cap: 30%', 'cap: 50%').replace('target: ">= 90%"', 'target: ">= 80%"');
    const { changes } = diffAgreements(load(BASE), load(text));
    expect(changes.map((c) => [c.path, c.classification])).toEqual([
      ['creditTerms/cap', 'tightened'],
      ['objectives/response/target', 'tightened'],
      ['reports/review/target', 'loosened'],
    ]);
  });
});

describe('classifiers', () => {
  test('targets: units and operators', () => {
    expect(classifyTarget('>= 99.9%', '>= 99.95%')).toBe('tightened');
    expect(classifyTarget('< 4h', '<= 4h')).toBe('loosened');
    expect(classifyTarget('<= 1h', '<= 60m')).toBeNull(); // the same promise written differently
    expect(classifyTarget('>= 95%', '>= 95')).toBe('changed'); // unit changed
    expect(classifyTarget('== 5', '== 6')).toBe('changed');
  });

  test('credits: a tier moved one way and another the other way is changed', () => {
    // before: 5% under 95%, 10% under 90%; after: 10% under 95%, nothing more under 90% -> at 92%
    // the customer gets 10% instead of 5% (more), at 85% still 10% (same): tightened
    expect(classifyCredits([{ below: '95%', credit: '5%' }, { below: '90%', credit: '10%' }], [{ below: '95%', credit: '10%' }])).toBe('tightened');
    // 5% from 95% down and 20% from 80% down against 10% from 90% down: at 92% less, at 85% more
    expect(classifyCredits([{ below: '95%', credit: '5%' }, { below: '80%', credit: '20%' }], [{ below: '90%', credit: '10%' }])).toBe('changed');
    expect(classifyCredits(undefined, [{ below: '95%', credit: '5%' }])).toBe('tightened');
    expect(classifyCredits([{ above: '4h', credit: '5%' }], [{ below: '95%', credit: '5%' }])).toBe('changed');
    // the same tiers in another order
    expect(classifyCredits([{ below: '95%', credit: '5%' }, { below: '90%', credit: '10%' }], [{ below: '90%', credit: '10%' }, { below: 95, credit: 5 }])).toBe('changed');
    expect(classifyCredits([{ below: '95%', credit: '5%' }, { below: '90%', credit: '10%' }], [{ below: '90%', credit: '10%' }, { below: '95%', credit: '5%' }])).toBeNull();
  });

  test('hours: the same week written with other keys is no change', () => {
    expect(classifyHours({ 'mon-fri': '08:00-18:00' }, { 'mon-wed': '08:00-18:00', 'thu-fri': '08:00-12:00, 12:00-18:00' })).toBeNull();
    expect(classifyHours({ 'mon-fri': '08:00-18:00' }, { 'mon-fri': '08:00-12:00, 13:00-18:00' })).toBe('loosened');
  });
});
