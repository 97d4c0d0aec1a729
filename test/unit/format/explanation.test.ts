/**
 * Explanations in words: every kind of example and computation step the evaluation stage records,
 * rendered exactly as explain, JUnit and GitHub show them.
 */
import { describe, expect, test } from 'vitest';
import { parseTarget } from '../../../src/agreement/quantity.js';
import type { ComputationStep, Example } from '../../../src/evaluate/explanation.js';
import { chainNoteText, computationText, describeAttribution, describeGood, exampleText, verdictText } from '../../../src/format/explanation.js';
import { formatValue } from '../../../src/format/values.js';

const t = (ms: string) => Date.parse(ms);
const rec = { line: 12, id: 'INC-7' };
const within = { kind: 'within', limit: 14400, written: '4h' } as const;
/** No thresholds; instants without a zone of their own (downtime, as-of) in Berlin, UTC+1 in early March. */
const BERLIN = { thresholds: [], zone: 'Europe/Berlin' };

describe('exampleText', () => {
  test.each<[Example, string]>([
    [{ kind: 'not-good', record: rec, measure: 'duration', value: 18000, good: within }, 'id INC-7 (line 12): 5h, not within 4h'],
    [{ kind: 'not-good', record: { line: 3, id: null }, measure: 'deadline', value: 5400, good: { kind: 'on-time', limit: 0 } }, 'line 3: 1h 30m late, not on time'],
    [{ kind: 'not-good', record: rec, measure: 'deadline', value: 0, good: { kind: 'on-time', limit: 0 } }, 'id INC-7 (line 12): on time, not on time'],
    [{ kind: 'not-good', record: rec, measure: 'value', value: 1234.5678, good: { kind: 'max', limit: 1000 } }, 'id INC-7 (line 12): 1,234.57, not ≤ 1,000'],
    [{ kind: 'largest', record: rec, measure: 'deadline', value: -1800 }, 'largest: id INC-7 (line 12): 30m early'],
    [{ kind: 'largest', record: rec, measure: 'duration', value: 36000 }, 'largest: id INC-7 (line 12): 10h'],
    [{ kind: 'paused', record: rec, seconds: 2400 }, 'id INC-7 (line 12): clock paused 40m'],
    // Berlin in March is UTC+1: 08:00Z is 09:00 local
    [{ kind: 'open-breached', record: rec, since: t('2026-03-09T08:00:00Z'), within: '30m', breachAt: t('2026-03-09T08:30:00Z'), zone: 'Europe/Berlin' }, 'id INC-7 (line 12): open since 2026-03-09 09:00 +01:00, breached 30m target at 2026-03-09 09:30 +01:00'],
    [{ kind: 'open', record: rec, since: t('2026-03-10T10:50:00Z'), elapsed: 600, zone: 'Europe/Berlin' }, 'id INC-7 (line 12): open since 2026-03-10 11:50 +01:00, 10m elapsed, not counted'],
    [{ kind: 'open-late', record: rec, due: t('2026-03-02T09:00:00Z'), lateness: 7200, zone: 'UTC' }, 'id INC-7 (line 12): not done, due 2026-03-02 09:00 +00:00, 2h late at as-of'],
    [{ kind: 'open-not-due', record: rec, due: t('2026-03-02T09:00:00Z'), waitingOn: ['company-x'], zone: 'UTC' }, 'id INC-7 (line 12): not done, due 2026-03-02 09:00 +00:00, waiting on company-x (input not delivered), not counted'],
    [{ kind: 'open-not-due', record: rec, due: t('2026-03-02T09:00:00Z'), waitingOn: [], zone: 'UTC' }, 'id INC-7 (line 12): not done, due 2026-03-02 09:00 +00:00, not counted'],
    [{ kind: 'shifted', record: rec, due: t('2026-03-02T09:00:00Z'), shift: 3600, shifted: t('2026-03-02T10:00:00Z'), zone: 'UTC' }, 'id INC-7 (line 12): due 2026-03-02 09:00 +00:00 shifted 1h by late inputs to 2026-03-02 10:00 +00:00'],
    [{ kind: 'excluded', record: rec, where: { cause: ['maintenance', 'change'] }, party: 'none' }, 'id INC-7 (line 12): excluded (cause in [maintenance, change]), charged to no party'],
    [{ kind: 'downtime', record: rec, start: t('2026-03-02T09:00:00Z'), end: null, seconds: 3600 }, 'id INC-7 (line 12): down 2026-03-02 10:00 +01:00 – open at as-of, spans 1h of service time in this window (before merging and exclusions)'],
    [{ kind: 'downtime-excluded', record: rec, start: t('2026-03-02T09:00:00Z'), end: t('2026-03-02T10:00:00Z'), where: { cause: 'maintenance' }, party: 'none' }, 'id INC-7 (line 12): excluded (cause = maintenance, charged to no party), 2026-03-02 10:00 +01:00 – 2026-03-02 11:00 +01:00'],
    [{ kind: 'delivery-late', date: '2026-03-04', deliveredAt: t('2026-03-04T10:42:00Z'), due: t('2026-03-04T10:00:00Z'), zone: 'UTC', line: 5, forColumn: null }, '2026-03-04: delivered 2026-03-04 10:42 +00:00 (line 5), 42m after the due time 2026-03-04 10:00 +00:00 (UTC)'],
    [{ kind: 'delivery-late', date: '2026-03-04', deliveredAt: t('2026-03-05T09:00:00Z'), due: t('2026-03-04T10:00:00Z'), zone: 'UTC', line: 7, forColumn: 'report_date' }, '2026-03-04: delivered 2026-03-05 09:00 +00:00 (line 7, report_date 2026-03-04), 23h after the due time 2026-03-04 10:00 +00:00 (UTC)'],
    [
      { kind: 'delivery-missed', date: '2026-03-05', due: t('2026-03-05T10:00:00Z'), zone: 'UTC', searched: { by: 'time', after: t('2026-03-04T10:00:00Z'), until: t('2026-03-06T10:00:00Z'), untilAsOf: false } },
      '2026-03-05: missed (due 2026-03-05 10:00 +00:00 UTC; no unused delivery after the previous due 2026-03-04 10:00 +00:00 up to the next due 2026-03-06 10:00 +00:00)',
    ],
    [
      { kind: 'delivery-missed', date: '2026-03-05', due: t('2026-03-05T10:00:00Z'), zone: 'UTC', searched: { by: 'time', after: null, until: t('2026-03-05T12:00:00Z'), untilAsOf: true } },
      '2026-03-05: missed (due 2026-03-05 10:00 +00:00 UTC; no unused delivery up to as-of 2026-03-05 12:00 +00:00)',
    ],
    [{ kind: 'delivery-missed', date: '2026-03-05', due: t('2026-03-05T10:00:00Z'), zone: 'UTC', searched: { by: 'for', column: 'report_date' } }, '2026-03-05: missed (due 2026-03-05 10:00 +00:00 UTC; no delivery logged for it in report_date)'],
  ])('%#: %s', (example, text) => expect(exampleText(example, BERLIN)).toBe(text));
});

describe('computationText', () => {
  const schedule = { every: 'workday', by: '10:00', calendar: 'office' } as const;
  test.each<[ComputationStep, string]>([
    [{ kind: 'ratio', good: 191, counted: 198, rule: within, calendar: 'office' }, 'ratio: 191 of 198 within 4h on calendar office'],
    [{ kind: 'ratio', good: 2, counted: 4, rule: { kind: 'where', where: { status: ['ok', 'fine'] } }, calendar: null }, 'ratio: 2 of 4 matching status in [ok, fine]'],
    [{ kind: 'count', counted: 1 }, 'count: 1 record'],
    [{ kind: 'aggregate', aggregate: 'p95', counted: 6, measure: 'duration', column: null, calendar: 'office', value: 32400, unit: 's' }, 'p95 of 6 durations on calendar office: 9h'],
    // one value formatter: grouping and two decimals, as the table shows the value
    [{ kind: 'aggregate', aggregate: 'mean', counted: 3, measure: 'value', column: 'cost', calendar: null, value: 1234.5678, unit: 'number' }, 'mean of 3 values of cost: 1,234.57'],
    [{ kind: 'aggregate', aggregate: 'max', counted: 0, measure: 'deadline', column: null, calendar: '24x7', value: null, unit: 's' }, 'max of 0 lateness values on calendar 24x7: no data'],
    // issue 14: one value is singular
    [{ kind: 'aggregate', aggregate: 'max', counted: 1, measure: 'duration', column: null, calendar: '24x7', value: 3600, unit: 's' }, 'max of 1 duration on calendar 24x7: 1h'],
    [{ kind: 'aggregate', aggregate: 'sum', counted: 1, measure: 'value', column: 'cost', calendar: null, value: 5, unit: 'number' }, 'sum of 1 value of cost: 5'],
    [{ kind: 'open-counted', records: 2 }, '2 open records that can no longer be good counted as bad (in counted, not in open)'],
    [{ kind: 'open-not-counted', records: 1 }, '1 open record not counted'],
    [{ kind: 'excluded', records: 3 }, '3 records excluded'],
    [{ kind: 'skipped', records: 1, column: 'cost' }, '1 record skipped (empty cost cell)'],
    [{ kind: 'skipped', records: 2, column: null }, '2 records skipped (empty start cell)'],
    [{ kind: 'unjoined-status-rows', rows: 1, files: ['a.csv'] }, '1 status row in a.csv for keys no measured record has: ignored'],
    [{ kind: 'no-service-time', calendar: 'office' }, 'no service time in this window (calendar office)'],
    [{ kind: 'downtime', downtime: 7200, service: 2678400, calendar: '24x7', incidents: 2, outages: 1 }, 'downtime 2h of 744h service time (calendar 24x7), 2 incidents merged into 1'],
    // 100 × (1 − 7200 ÷ 2678400) = 99.731182…
    [{ kind: 'uptime-formula', downtime: 7200, service: 2678400, value: 100 * (1 - 7200 / 2678400) }, 'uptime = 100 × (1 − 7200s ÷ 2678400s) = 99.7312%'],
    [{ kind: 'downtime-excluded', records: 1, removed: 14400 }, '1 record excluded; 4h of excluded time (exclusions and maintenance) removed from downtime and service time'],
    [{ kind: 'partial', what: 'occurrences', asOf: t('2026-03-10T11:00:00Z') }, 'partial window: occurrences due up to 2026-03-10 12:00 +01:00'],
    [{ kind: 'deliveries', onTime: 2, due: 5, schedule, matchedBy: null }, '2 of 5 daily deliveries on time (by 10:00, office workdays)'],
    [{ kind: 'deliveries', onTime: 0, due: 0, schedule: { every: 'month', by: '12:00', on: 5 }, matchedBy: null }, 'no monthly deliveries due in this window (by day 5, 12:00)'],
    [
      { kind: 'deliveries', onTime: 3, due: 4, schedule: { every: 'week', by: '10:00', calendar: 'office', roll: 'next-workday' }, matchedBy: 'report_date' },
      '3 of 4 weekly deliveries on time (by mon 10:00, rolled to the next office workday; matched by report_date)',
    ],
    [{ kind: 'rolled', roll: 'next-workday', occurrences: [{ date: '2026-04-07', from: ['2026-04-06'] }] }, 'rolled to the next workday: 2026-04-06 → 2026-04-07'],
    [
      { kind: 'rolled', roll: 'previous-workday', occurrences: [{ date: '2026-04-02', from: ['2026-04-03', '2026-04-04', '2026-04-05'] }] },
      'rolled to the previous workday: 2026-04-03, 2026-04-04, 2026-04-05 → 2026-04-02',
    ],
    [{ kind: 'unmatched-deliveries', column: 'report_date', rows: 3, values: ['2026-03-07', ''] }, '3 logged deliveries naming no occurrence in report_date, ignored: 2026-03-07, (empty)'],
    [{ kind: 'unmatched-deliveries', column: 'report_date', rows: 1, values: ['2026-03-07'] }, '1 logged delivery naming no occurrence in report_date, ignored: 2026-03-07'],
    [{ kind: 'late-deliveries', deliveries: [{ date: '2026-03-04', delay: 2520 }] }, 'late: 2026-03-04 (42m late)'],
    [{ kind: 'missed-deliveries', dates: Array.from({ length: 12 }, (_, i) => `d${i}`) }, 'missed: d0, d1, d2, d3, d4, d5, d6, d7, d8, d9 and 2 more'],
  ])('%#: %s', (step, text) => expect(computationText(step, BERLIN)).toBe(text));
});

describe('verdictText and one value formatter', () => {
  const target = (s: string) => parseTarget(s)!;
  test('a value prints the same in the verdict as in the table (4.25678 -> 4.26, 1234 -> 1,234)', () => {
    const v = { status: 'breached' as const, value: 4.25678, unit: 'number' as const, target: target('>= 5'), warning: null, credits: null };
    expect(verdictText(v)).toBe(`${formatValue(4.25678, 'number')} < 5 (target)`);
    expect(verdictText(v)).toBe('4.26 < 5 (target)');
    expect(verdictText({ status: 'met', value: 1234, unit: 'count', target: target('>= 1000'), warning: null, credits: null })).toBe('1,234 ≥ 1000 (target)');
  });
  test('no data', () => expect(verdictText({ status: 'no-data' })).toBe('no counted records in the window'));
  test('the value never looks equal to, or on the wrong side of, the target, warning or credit tiers (SPEC 9.2)', () => {
    const verdict = (status: 'met' | 'at-risk' | 'breached', value: number, unit: '%' | 's', t: string, w: string | null = null) =>
      ({ status, value, unit, target: target(t), warning: w ? target(w) : null, credits: null });
    // the report that started this: 99.98759% against >= 99.99% read "99.99% < 99.99%"
    expect(verdictText(verdict('breached', 99.98759, '%', '>= 99.99%'))).toBe('99.988% < 99.99% (target)');
    // exactly on the target: 2 decimals, and "≥" is true as shown
    expect(verdictText(verdict('met', 99.99, '%', '>= 99.99%'))).toBe('99.99% ≥ 99.99% (target)');
    // 99.995 would round to 100%, which is above 99.99 but claims nothing failed: 99.995%
    expect(verdictText(verdict('met', 99.995, '%', '>= 99.99%'))).toBe('99.995% ≥ 99.99% (target)');
    // at-risk 96.996 against a 97% warning: not "97% … but below the 97% warning"
    expect(verdictText(verdict('at-risk', 96.996, '%', '>= 95%', '>= 97%'))).toBe('96.996% ≥ 95% (target) but below the 97% warning');
    // 4h 0m 0.4s against <= 4h (14400 s): not "4h > 4h"
    expect(verdictText(verdict('breached', 14400.4, 's', '<= 4h'))).toBe('4h 0m 0.4s > 4h (target)');
    // credit tiers: 98.997 is below the 99% tier (SPEC 6), so it must not read 99%
    const credits = { direction: 'below' as const, tiers: [{ threshold: 99, percent: 10 }, { threshold: 98, percent: 25 }] };
    expect(verdictText({ ...verdict('breached', 98.997, '%', '>= 99.5%'), credits })).toBe('98.997% < 99.5% (target)');
  });
  test('computation and examples show values as the verdict does', () => {
    const wording = { thresholds: [14400], zone: 'UTC' };
    const p95 = { kind: 'aggregate', aggregate: 'p95', counted: 6, measure: 'duration', column: null, calendar: null, value: 14400.4, unit: 's' } as const;
    expect(computationText(p95, wording)).toBe('p95 of 6 durations: 4h 0m 0.4s');
    expect(exampleText({ kind: 'largest', record: rec, measure: 'duration', value: 14400.4 }, wording)).toBe('largest: id INC-7 (line 12): 4h 0m 0.4s');
    // a record against its own good rule: 4h 0m 0.4s is not within 4h
    expect(exampleText({ kind: 'not-good', record: rec, measure: 'duration', value: 14400.4, good: within }, BERLIN)).toBe('id INC-7 (line 12): 4h 0m 0.4s, not within 4h');
    expect(exampleText({ kind: 'not-good', record: rec, measure: 'value', value: 10.004, good: { kind: 'max', limit: 10 } }, BERLIN)).toBe('id INC-7 (line 12): 10.004, not ≤ 10');
    // the limit as written, not rounded to 2 decimals (10.13)
    expect(exampleText({ kind: 'not-good', record: rec, measure: 'value', value: 10.5, good: { kind: 'max', limit: 10.125 } }, BERLIN)).toBe('id INC-7 (line 12): 10.5, not ≤ 10.125');
    // 100 × (1 − 1s ÷ 8035200s) = 99.99998755…: 4 decimals would say 100%, 5 say 99.99999
    expect(computationText({ kind: 'uptime-formula', downtime: 1, service: 8035200, value: 100 * (1 - 1 / 8035200) }, { thresholds: [99.99], zone: 'UTC' }))
      .toBe('uptime = 100 × (1 − 1s ÷ 8035200s) = 99.99999%');
  });
  test('describeGood', () => {
    expect(describeGood({ kind: 'min', limit: 2.5 })).toBe('≥ 2.5');
    expect(describeGood({ kind: 'on-time', limit: 0 })).toBe('on time');
  });
  test('chain notes', () => {
    expect(chainNoteText({ kind: 'attributed', path: ['b/y', 'c/z'] })).toBe('itself attributed to b/y → c/z');
    expect(chainNoteText({ kind: 'no-breach', seen: [{ label: '2026-03', status: 'met' }] })).toBe('no breached overlapping window (2026-03 met)');
    expect(chainNoteText({ kind: 'not-evaluated' })).toBe('no overlapping window evaluated');
  });
  test('describeAttribution: a status history names its where (SPEC 9.1: only those rows are the history)', () => {
    const source = { key: 'jsm/changelog', file: 'changelog.csv', absPath: '/changelog.csv', timezone: 'UTC' };
    const pause = { kind: 'status', source, sourceRef: 'changelog', key: 'Issue key', join: 'Issue key', at: 'Changed', status: 'To', values: ['Waiting for customer'], party: 'acme' } as const;
    expect(describeAttribution({ mechanism: 'pause', pause: { ...pause, values: [...pause.values], where: undefined } })).toBe('To in [Waiting for customer] (changelog)');
    expect(describeAttribution({ mechanism: 'pause', pause: { ...pause, values: [...pause.values], where: { Field: 'status' } } })).toBe(
      'To in [Waiting for customer] (changelog, rows where Field = status)',
    );
  });
});
