import { describe, expect, it } from 'vitest';
import { loadAgreementText } from '../../../src/agreement/loader.js';
import { agreementText, at, check, objective, positionOf, report } from '../../fixtures/semantic/agreement.js';

const HEAD = (validity: string, timezone = 'Europe/Berlin') =>
  ['apiVersion: slacheck/v1', 'kind: SLA', 'id: desk', 'title: Service desk', `timezone: ${timezone}`, `validity: ${validity}`].join('\n');

describe('checkAgreements: validity (SPEC 2)', () => {
  it('needs from <= to, pointing at to', () => {
    const text = agreementText({ head: HEAD('{ from: 2026-12-31, to: 2026-01-01 }') });
    expect(check(text)).toEqual([
      at(text, '2026-01-01 }', 'validity-order', 'validity ends (2026-01-01) before it starts (2026-12-31); `to` must be on or after `from`'),
    ]);
  });

  it('accepts a one-day validity (both ends inclusive)', () => {
    expect(check(agreementText({ head: HEAD('{ from: 2026-03-01, to: 2026-03-01 }') }))).toEqual([]);
  });

  it('rejects a day that does not exist, without also claiming an order problem', () => {
    const text = agreementText({ head: HEAD('{ from: 2026-02-30, to: 2026-01-01 }') });
    expect(check(text)).toEqual([
      at(text, '2026-02-30', 'invalid-date', 'validity.from `2026-02-30` is not a date; write `YYYY-MM-DD` with a day that exists'),
    ]);
  });
});

describe('checkAgreements: timezones', () => {
  it('rejects unknown IANA names of the agreement, a calendar and a data set', () => {
    const text = agreementText({
      head: HEAD('{ from: 2026-01-01, to: 2026-12-31 }', 'Europe/Berln'),
      calendars: ['calendars:', '  office: { timezone: CET-ish, hours: { mon-fri: "08:00-18:00" } }'].join('\n'),
      data: ['data:', '  tickets: { file: tickets.csv, timezone: Mars/Olympus }', '  report-log: { file: reports.csv, timezone: America/New_York }'].join('\n'),
    });
    const msg = (zone: string) => `unknown timezone \`${zone}\`; use an IANA name such as \`Europe/Berlin\`, \`America/New_York\` or \`UTC\``;
    expect(check(text)).toEqual([
      at(text, 'Europe/Berln', 'invalid-timezone', msg('Europe/Berln')),
      at(text, 'CET-ish', 'invalid-timezone', msg('CET-ish')),
      at(text, 'Mars/Olympus', 'invalid-timezone', msg('Mars/Olympus')),
    ]);
  });

  it('accepts UTC', () => {
    expect(check(agreementText({ head: HEAD('{ from: 2026-01-01, to: 2026-12-31 }', 'UTC') }))).toEqual([]);
  });
});

describe('checkAgreements: calendars (SPEC 3.4)', () => {
  const calendar = (hours: string, holidays = '[2026-12-24]') =>
    ['calendars:', '  office:', '    hours:', ...hours.split('\n').map((l) => `      ${l}`), `    holidays: ${holidays}`].join('\n');

  it('points at the value of the offending hours key', () => {
    const text = agreementText({ calendars: calendar('mon-fri: "08:00-18:00"\nsat: "22:00-02:00"') });
    expect(check(text)).toEqual([at(text, '"22:00-02:00"', 'invalid-hours', /^calendar `office`: .*crosses midnight/)]);
  });

  it('rejects a backwards range and a day named twice', () => {
    const backwards = agreementText({ calendars: calendar('fri-mon: "08:00-18:00"') });
    expect(check(backwards)).toEqual([at(backwards, '"08:00-18:00"', 'invalid-hours', /^calendar `office`: .*runs backwards/)]);
    const twice = agreementText({ calendars: calendar('mon-fri: "08:00-18:00"\nfri: "08:00-12:00"') });
    expect(check(twice)).toEqual([at(twice, '"08:00-12:00"', 'invalid-hours', /^calendar `office`: fri is already named/)]);
  });

  it('warns about a calendar without any working time', () => {
    const text = agreementText({ calendars: ['calendars:', '  office: { hours: {} }'].join('\n') });
    expect(check(text)).toEqual([
      at(text, '{}', 'empty-calendar', 'calendar `office` has no working hours; add e.g. `mon-fri: "08:00-18:00"`', { severity: 'warning' }),
    ]);
  });

  it('rejects holidays that are not real dates (2026-02-30)', () => {
    const text = agreementText({ calendars: calendar('mon-fri: "08:00-18:00"', '[2026-02-28, 2026-02-30]') });
    expect(check(text)).toEqual([
      at(text, '2026-02-30', 'invalid-holiday', 'holiday `2026-02-30` in calendar `office` is not a date; write `YYYY-MM-DD` with a day that exists'),
    ]);
  });
});

describe('checkAgreements: report schedules (SPEC 4)', () => {
  it('needs a calendar for every: workday', () => {
    const text = agreementText({ reports: [report({ schedule: '{ every: workday, by: "10:00" }' })] });
    expect(check(text)).toEqual([at(text, '{ every: workday', 'schedule-calendar', /^`every: workday` needs a `calendar`/)]);
  });

  it('takes on: mon..sun for week, 1..28 for month, and nothing for day', () => {
    const text = agreementText({
      reports: [
        report({ schedule: '{ every: week, on: monday, by: "10:00" }' }),
        report({ id: 'b', schedule: '{ every: month, on: 31, by: "10:00" }' }),
        report({ id: 'c', schedule: '{ every: day, on: 1, by: "10:00" }' }),
        report({ id: 'd', schedule: '{ every: month, on: 28, by: "10:00" }' }),
        report({ id: 'e', schedule: '{ every: week, on: sun, by: "23:59" }' }),
      ],
    });
    expect(check(text)).toEqual([
      at(text, 'monday', 'schedule-on', '`on: monday` is not a weekday; write one of mon, tue, wed, thu, fri, sat, sun'),
      at(text, '31, by', 'schedule-on', '`on: 31` is not a day of the month from 1 to 28 (every month has it); use 1..28'),
      { ...at(text, 'on: 1,', 'schedule-on', '`on` is for `every: week` (mon..sun) or `every: month` (1..28); remove it for `every: day`'), column: positionOf(text, 'on: 1,').column + 4 },
    ]);
  });

  it('needs a calendar for roll (SPEC 9.5), and takes roll and log.for with one', () => {
    const text = agreementText({
      reports: [
        report({ schedule: '{ every: week, on: mon, by: "10:00", roll: next-workday }' }),
        report({ id: 'b', schedule: '{ every: month, on: 5, by: "12:00", calendar: office, roll: previous-workday }', log: '{ source: report-log, at: delivered_at, for: report_date }' }),
      ],
    });
    expect(check(text)).toEqual([
      at(text, 'next-workday', 'schedule-calendar', '`roll: next-workday` needs a `calendar` that says which days have working time, e.g. `calendar: office`'),
    ]);
  });

  it('needs by as HH:MM', () => {
    const text = agreementText({ reports: [report({ schedule: '{ every: month, by: "25:00" }' })] });
    expect(check(text)).toEqual([at(text, '"25:00"', 'schedule-by', '`by: 25:00` is not a local time; write `HH:MM`, e.g. `"10:00"`')]);
  });
});

describe('checkAgreements: window lists and rolling windows (SPEC 9.3)', () => {
  it('accepts a list of kinds and rolling windows; a kind listed twice is an error at the second', () => {
    const ok = agreementText({ objectives: [objective({ window: '[month, quarter, { rolling: 28d, every: day }]' })] });
    expect(check(ok)).toEqual([]);
    const twice = agreementText({ objectives: [objective({ window: '[month, { rolling: 4w, every: week }, month]' })] });
    expect(check(twice)).toEqual([
      at(twice, 'month]', 'duplicate-window', '`month` is listed twice in `window`; each window kind gives one result per window, so list it once'),
    ]);
  });

  it('the schema rejects a rolling length in hours and an unknown `every`', () => {
    const schemaProblems = (text: string) => loadAgreementText(text, 'desk.yaml', '/').problems.map((p) => [p.code, p.message]);
    const hours = agreementText({ objectives: [objective({ window: '{ rolling: 36h, every: day }' })] });
    expect(schemaProblems(hours)).toEqual([
      ['schema-pattern', 'objectives[0].window.rolling: "36h" is not valid: write whole days or weeks, e.g. 28d or 4w, or { months: 3 }'],
    ]);
    const every = agreementText({ objectives: [objective({ window: '{ rolling: 28d, every: hour }' })] });
    expect(schemaProblems(every).map(([code]) => code)).toEqual(['schema-enum']);
  });
});

describe('checkAgreements: holidays (SPEC 9.5)', () => {
  const calendars = (holidays: string) => ['calendars:', '  office:', '    hours: { mon-fri: "08:00-18:00" }', `    holidays: ${holidays}`].join('\n');
  it('accepts yearly, Easter and short-day entries', () => {
    const text = agreementText({ calendars: calendars('[2026-01-02, { date: 12-25, every: year }, { easter: 1 }, { easter: -2 }, { date: 2026-12-24, hours: "08:00-12:00" }]') });
    expect(check(text)).toEqual([]);
  });

  it('rejects impossible dates and hours; warns about a short day outside the validity and redundant entries', () => {
    const text = agreementText({
      calendars: calendars('[{ date: 02-30, every: year }, { date: 2027-12-31, hours: "08:00-12:00" }, { date: 2026-12-30, hours: "18:00-08:00" }, 2026-04-06, { easter: 1 }]'),
    });
    expect(check(text).map((p) => [p.code, p.severity, p.message])).toEqual([
      ['invalid-holiday', 'error', 'holiday 1 of calendar `office`: `02-30` is not a day of the year; write `MM-DD`, e.g. `12-25`'],
      ['holiday-outside-validity', 'warning', 'short day 2027-12-31 of calendar `office` lies outside the validity\'s years (2026–2026), so it never applies'],
      ['invalid-hours', 'error', 'holiday 3 of calendar `office` (short day 2026-12-30): "18:00-08:00" crosses midnight: an interval cannot, write 18:00-24:00 on this day and 00:00-08:00 on the next'],
      // Easter Monday 2026 is 6 April, already listed
      ['holiday-overlap', 'warning', 'easter 1 (2026-04-06) is already a day off by holiday 4 of calendar `office`; remove one'],
    ]);
  });

  it('a short day on a day another entry makes off is an error', () => {
    const text = agreementText({ calendars: calendars('[{ date: 12-24, every: year }, { date: 2026-12-24, hours: "08:00-12:00" }]') });
    expect(check(text).map((p) => [p.code, p.severity])).toEqual([['holiday-overlap', 'error']]);
  });
});
