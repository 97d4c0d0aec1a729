import { describe, expect, it } from 'vitest';
import { agreementText, at, check, objective, report, networkOla } from '../../fixtures/semantic/agreement.js';

describe('checkAgreements: party references (SPEC 2, 5)', () => {
  it('names an unknown owner, suggests the close one and lists the parties', () => {
    const text = agreementText({ objectives: [objective({ owner: 'it-opps' })] });
    expect(check(text)).toEqual([
      at(text, 'it-opps', 'unknown-party', 'unknown party `it-opps` in owner (did you mean `it-ops`?); parties are: it-ops, company-x'),
    ]);
  });

  it('checks the auditor, pause, inputs and exclude parties; `none` only in exclude', () => {
    const text = agreementText({
      monitoring: 'monitoring: { collection: Export, verification: monthly, auditor: acme }',
      objectives: [
        objective({ pause: '[{ column: waiting_minutes, unit: m, party: none }]', exclude: '[{ where: { cause: maintenance }, party: none }, { where: { cause: x }, party: bob }]' }),
        objective({
          id: 'changes',
          service: null,
          measure: '{ deadline: { due: due_at, done: done_at } }',
          good: null,
          inputs: '[{ party: customer, due: specs_due, done: specs_received }]',
        }),
      ],
    });
    expect(check(text)).toEqual([
      at(text, 'acme', 'unknown-party', 'unknown party `acme` in monitoring.auditor; parties are: it-ops, company-x'),
      at(text, 'none }]', 'unknown-party', 'unknown party `none` in pause; parties are: it-ops, company-x (`none` is only allowed in exclude)'),
      at(text, 'bob', 'unknown-party', 'unknown party `bob` in exclude; parties are: it-ops, company-x (or `none`)'),
      at(text, 'customer, due', 'unknown-party', 'unknown party `customer` in inputs; parties are: it-ops, company-x'),
    ]);
  });

  it('accepts report recipients that are e-mail addresses or party ids, and names the others', () => {
    const text = agreementText({ reports: [report({ owner: 'company-x', to: '[company-x, a.b@example.org, service-manager, "x@y"]' })] });
    expect(check(text)).toEqual([
      at(text, 'service-manager', 'unknown-recipient', '`service-manager` in to is neither an e-mail address nor a party; parties are: it-ops, company-x'),
      at(text, '"x@y"', 'unknown-recipient', /^`x@y` in to is neither an e-mail address nor a party/),
    ]);
  });
});

describe('checkAgreements: services and calendars', () => {
  it('names an unknown service of an objective and of a report', () => {
    const text = agreementText({ objectives: [objective({ service: 'helpdesk' })], reports: [report({ service: 'desc' })] });
    expect(check(text)).toEqual([
      at(text, 'helpdesk', 'unknown-service', 'unknown service `helpdesk`; services are: desk'),
      at(text, 'desc\n', 'unknown-service', 'unknown service `desc` (did you mean `desk`?); services are: desk'),
    ]);
  });

  it('resolves calendars of measures, service hours and schedules; `24x7` always exists', () => {
    const text = agreementText({
      services: ['services:', '  desk: { description: Support, location: Remote, hours: ofice }'].join('\n'),
      objectives: [
        objective({ measure: '{ duration: { from: a, to: b, calendar: 24x7 } }' }),
        objective({ id: 'up', service: null, aggregate: null, good: null, measure: '{ uptime: { from: a, to: b, calendar: weekend } }' }),
      ],
      reports: [report({ schedule: '{ every: workday, by: "10:00", calendar: 24X7 }' })],
    });
    expect(check(text)).toEqual([
      at(text, 'ofice', 'unknown-calendar', 'unknown calendar `ofice` (did you mean `office`?); calendars are: 24x7, office'),
      at(text, 'weekend', 'unknown-calendar', 'unknown calendar `weekend`; calendars are: 24x7, office'),
      at(text, '24X7', 'unknown-calendar', 'unknown calendar `24X7` (did you mean `24x7`?); calendars are: 24x7, office'),
    ]);
  });
});

describe('checkAgreements: data sets (SPEC 2: local or agreement-id/data-id)', () => {
  const other = networkOla({ objective: '{ id: link, source: incidents, measure: { uptime: { from: a, to: b } }, target: ">= 99%", window: month }' });

  it('resolves a shared data set of another loaded agreement', () => {
    const text = agreementText({ objectives: [objective({ source: 'network/incidents' })] });
    expect(check([['agreements/desk.yaml', text], ['agreements/network.yaml', other]])).toEqual([]);
  });

  it('names unknown local, shared and agreement parts of objective, log and pause sources', () => {
    const text = agreementText({
      objectives: [
        objective({ source: 'ticket' }),
        objective({ id: 'b', source: 'network/incident' }),
        objective({ id: 'c', source: 'netwrk/incidents', pause: '[{ source: status, key: id, at: t, status: s, values: [W], party: company-x }]' }),
      ],
      reports: [report({ log: '{ source: reports, at: delivered_at }' })],
    });
    expect(check([['agreements/desk.yaml', text], ['agreements/network.yaml', other]])).toEqual([
      at(text, 'ticket\n', 'unknown-data-set', 'unknown data set `ticket` (did you mean `tickets`?); this agreement declares: tickets, report-log'),
      at(text, 'network/incident', 'unknown-data-set', 'unknown data set `network/incident` (did you mean `incidents`?); agreement `network` declares: incidents'),
      at(text, 'netwrk/incidents', 'unknown-data-set', 'unknown agreement `netwrk` in `netwrk/incidents` (did you mean `network`?); loaded agreements are: desk, network'),
      at(text, 'status, key', 'unknown-data-set', 'unknown data set `status`; this agreement declares: tickets, report-log'),
      at(text, 'reports, at', 'unknown-data-set', 'unknown data set `reports`; this agreement declares: tickets, report-log'),
    ]);
  });
});

describe('checkAgreements: dependsOn references (SPEC 5)', () => {
  it('names unknown local and qualified dependencies, in both entry forms', () => {
    const text = agreementText({
      objectives: [objective({ dependsOn: '[monthly-report, first-respons, { objective: desk/nothing, excuses: true }, a/b/c]' })],
    });
    expect(check(text)).toEqual([
      at(text, 'first-respons,', 'unknown-objective', 'dependsOn: unknown objective or report `first-respons` (did you mean `first-response`?); this agreement declares: first-response, monthly-report'),
      at(text, 'desk/nothing', 'unknown-objective', 'dependsOn: unknown objective or report `desk/nothing`; this agreement declares: first-response, monthly-report'),
      at(text, 'a/b/c', 'unknown-objective', 'dependsOn: `a/b/c` is not an objective or report reference; write `id` or `agreement-id/id`'),
    ]);
  });
});

describe('shared calendars (SPEC 9.5)', () => {
  const ola = [
    'apiVersion: slacheck/v1',
    'kind: OLA',
    'id: network',
    'title: Network',
    'timezone: America/New_York',
    'validity: { from: 2026-01-01, to: 2026-12-31 }',
    'parties:',
    '  net: { name: Net, role: provider, contact: n@example.com }',
    '  it-ops: { name: IT, role: customer, contact: i@example.com }',
    'monitoring: { collection: x, verification: y, auditor: it-ops }',
    'calendars:',
    '  desk-hours: { hours: { mon-fri: "09:00-17:00" } }',
    '',
  ].join('\n');

  it('an agreement uses another one\'s calendar as `agreement-id/calendar-id`; unknown ones are named at their node', () => {
    const ok = agreementText({ objectives: [objective({ measure: '{ duration: { from: opened_at, to: responded_at, calendar: network/desk-hours } }' })] });
    expect(check([['agreements/desk.yaml', ok], ['agreements/network.yaml', ola]])).toEqual([]);
    const typo = agreementText({ objectives: [objective({ measure: '{ duration: { from: opened_at, to: responded_at, calendar: network/desk-hour } }' })] });
    expect(check([['agreements/desk.yaml', typo], ['agreements/network.yaml', ola]])).toEqual([
      at(typo, 'network/desk-hour', 'unknown-calendar', 'unknown calendar `network/desk-hour` (did you mean `desk-hours`?); agreement `network` declares: desk-hours'),
    ]);
    const missing = agreementText({ objectives: [objective({ measure: '{ duration: { from: opened_at, to: responded_at, calendar: netwrk/desk-hours } }' })] });
    expect(check([['agreements/desk.yaml', missing], ['agreements/network.yaml', ola]])[0]!.message).toMatch(/^unknown agreement `netwrk` in `netwrk\/desk-hours` \(did you mean `network`\?\)/);
  });

  it('the compiled measure shares the declaring agreement\'s calendar object, in that agreement\'s timezone', async () => {
    const { compileAgreements } = await import('../../../src/compile/index.js');
    const { loadText } = await import('../../fixtures/semantic/agreement.js');
    const text = agreementText({ objectives: [objective({ measure: '{ duration: { from: opened_at, to: responded_at, calendar: network/desk-hours } }' })] });
    const { agreements } = compileAgreements([...loadText(text, 'agreements/desk.yaml'), ...loadText(ola, 'agreements/network.yaml')], { cwd: '/' });
    const desk = agreements.find((a) => a.id === 'desk')!;
    const measure = (desk.items[0] as { measure: { calendar: { id: string; timezone: string; workingSeconds(a: number, b: number): number } } }).measure;
    expect([measure.calendar.id, measure.calendar.timezone]).toEqual(['network/desk-hours', 'America/New_York']);
    // Monday 2 March 2026, 09:00–17:00 in New York (EST, UTC−5) = 14:00–22:00 UTC: 8h
    expect(measure.calendar.workingSeconds(Date.parse('2026-03-02T00:00:00Z'), Date.parse('2026-03-03T00:00:00Z'))).toBe(8 * 3600);
  });
});
