import { inWords } from '../../in-words.js';
import { describe, expect, test } from 'vitest';
import type { Objective, Pause } from '../../../../src/agreement/model.js';
import { breachInstant, RecordPauses } from '../../../../src/evaluate/adjust/pause.js';
import { StatusHistory } from '../../../../src/evaluate/adjust/status-history.js';
import { compileCalendar } from '../../../../src/time/calendar.js';
import { evaluateRecords, OFFICE, windowOf } from '../record-harness.js';

const WAITING: Pause = { source: 'status', key: 'ticket_id', join: 'id', at: 'changed_at', status: 'status', values: ['Waiting for customer'], party: 'company-x' };
const DURATION = { duration: { from: 'opened_at', to: 'resolved_at', calendar: 'office' } } as const;

function run(objective: Partial<Objective>, tickets: string, status: string, asOf = '2027-01-01') {
  return evaluateRecords({
    objective: { measure: DURATION, aggregate: 'max', pause: [WAITING], ...objective },
    data: { tickets, status },
    asOf,
    zone: 'Europe/Berlin',
  });
}

describe('status-history pauses', () => {
  test('a pause straddling a weekend and the DST change (rows unsorted, one unknown key)', () => {
    const tickets = 'id,opened_at,resolved_at\nT1,2026-03-27T09:00,2026-03-31T12:00';
    // Local times: Friday is +01:00, Monday after the 29 March change is +02:00.
    const status = `ticket_id,changed_at,status
T1,2026-03-30T10:00,In progress
T1,2026-03-27T09:00,In progress
T9,2026-03-27T10:00,Waiting for customer
T1,2026-03-27T16:00,Waiting for customer`;
    const mar = windowOf(run({}, tickets, status), '2026-03');
    // Working time Fri 09-18 = 9h + Mon 08-18 = 10h + Tue 08-12 = 4h = 23h.
    // Paused Fri 16:00 -> Mon 10:00: working part Fri 16-18 = 2h + Mon 08-10 = 2h = 4h.
    // 23h − 4h = 19h = 68400 s.
    expect(mar.value).toBe(68400);
    expect(mar.charged).toEqual({ 'company-x': { records: 1, seconds: 14400 } });
    expect(inWords(mar).attributions).toEqual([
      { mechanism: 'pause', party: 'company-x', records: 1, seconds: 14400, detail: 'status in [Waiting for customer] (status)' },
    ]);
    // T9 has a paused status but no ticket: its row is ignored and counted.
    expect(inWords(mar).computation).toContain('1 status row in status.csv for keys no measured record has: ignored');
  });

  test('a non-paused row before the paused one in the file still ends the pause', () => {
    const tickets = 'id,opened_at,resolved_at\nT1,2026-03-02T08:00,2026-03-02T18:00';
    const status = 'ticket_id,changed_at,status\nT1,2026-03-02T12:00,In progress\nT1,2026-03-02T09:00,Waiting for customer';
    // Paused 09:00-12:00 = 3h of a 10h day -> 7h
    expect(windowOf(run({}, tickets, status), '2026-03').value).toBe(7 * 3600);
  });

  test('rows at the same instant: the one further down the file is the later change', () => {
    const tickets = 'id,opened_at,resolved_at\nT1,2026-03-02T08:00,2026-03-02T18:00\nT2,2026-03-02T08:00,2026-03-02T18:00';
    const status = `ticket_id,changed_at,status
T1,2026-03-02T09:00,In progress
T1,2026-03-02T09:00,Waiting for customer
T1,2026-03-02T10:00,In progress
T2,2026-03-02T09:00,Waiting for customer
T2,2026-03-02T09:00,In progress`;
    const mar = windowOf(run({ aggregate: 'sum' }, tickets, status), '2026-03');
    // T1 waits 09:00-10:00 (1h): 9h; T2's wait is replaced at the same instant: 10h. Sum 19h.
    expect(mar.value).toBe(19 * 3600);
    expect(mar.charged).toEqual({ 'company-x': { records: 1, seconds: 3600 } });
  });

  test('two pause entries overlapping: united, the overlap charged to the entry listed first', () => {
    const tickets = 'id,opened_at,resolved_at\nT2,2026-03-02T08:00,2026-03-02T18:00';
    const status = `ticket_id,changed_at,status
T2,2026-03-02T09:00,Waiting for customer
T2,2026-03-02T11:00,Waiting for vendor
T2,2026-03-02T13:00,In progress`;
    const vendor: Pause = { ...WAITING, values: ['Waiting for customer', 'Waiting for vendor'], party: 'vendor-y' };
    const mar = windowOf(run({ pause: [WAITING, vendor] }, tickets, status), '2026-03');
    // customer: 09-11 = 2h; vendor: 09-13 minus 09-11 = 11-13 = 2h; union 4h -> 10h − 4h = 6h
    expect(mar.value).toBe(6 * 3600);
    expect(mar.charged).toEqual({ 'company-x': { records: 1, seconds: 7200 }, 'vendor-y': { records: 1, seconds: 7200 } });
  });

  test('a pause on an open ticket delays its breach; a still-paused ticket stays open', () => {
    const tickets = 'id,opened_at,resolved_at\nO1,2026-02-27T14:00,\nO2,2026-03-02T08:00,';
    const status = `ticket_id,changed_at,status
O1,2026-02-27T15:00,Waiting for customer
O1,2026-02-27T17:00,In progress
O2,2026-03-02T10:00,Waiting for customer`;
    const out = run({ aggregate: 'ratio', good: { within: '2h' } }, tickets, status, '2026-03-02T15:00');
    // O1: Fri 14-15 = 1h, paused 15-17, 17-18 = 1h -> 2h reached at Fri 27 Feb 18:00 (16:00 without the
    // pause). At as-of Mon 15:00 elapsed = Fri 4h − 2h + Mon 7h = 9h > 2h: counted bad in February.
    const feb = windowOf(out, '2026-02');
    expect(feb.counts).toMatchObject({ records: 1, counted: 1, good: 0 });
    expect(inWords(feb).examples[0]).toMatch(/breached 2h target at 2026-02-27 18:00 \+01:00$/);
    expect(feb.charged).toEqual({ 'company-x': { records: 1, seconds: 7200 } });
    // O2: 08-10 = 2h, paused since 10:00 until as-of: elapsed 2h, not over 2h -> open in March, and
    // its pause (10:00-15:00 = 5h) is charged there.
    const mar = windowOf(out, '2026-03');
    expect(mar.counts).toMatchObject({ records: 1, counted: 0, open: 1 });
    expect(mar.charged).toEqual({ 'company-x': { records: 1, seconds: 5 * 3600 } });
  });
});

describe('pause columns', () => {
  const col: Pause = { column: 'waiting_minutes', unit: 'm', party: 'company-x' };
  test('larger than the duration: clamped at 0, charged only what was subtracted', () => {
    const tickets = 'id,opened_at,resolved_at,waiting_minutes\nP1,2026-03-02T09:00,2026-03-02T10:00,90';
    const mar = windowOf(run({ pause: [col] }, tickets, 'ticket_id,changed_at,status'), '2026-03');
    // 1h duration, 90 min waiting: value max(0, 3600 − 5400) = 0, charged 3600 s (not 5400)
    expect(mar.value).toBe(0);
    expect(mar.charged).toEqual({ 'company-x': { records: 1, seconds: 3600 } });
  });
  test('subtracted after the status pauses; one record charged once per party', () => {
    const tickets = 'id,opened_at,resolved_at,waiting_minutes\nP2,2026-03-02T09:00,2026-03-02T10:00,60';
    const status = 'ticket_id,changed_at,status\nP2,2026-03-02T09:30,Waiting for customer\nP2,2026-03-02T10:00,Resolved';
    const mar = windowOf(run({ pause: [WAITING, col] }, tickets, status), '2026-03');
    // 1h − 30m status pause = 30m; column 60m subtracts only the 30m left -> 0; charged 1800 + 1800
    expect(mar.value).toBe(0);
    expect(mar.charged).toEqual({ 'company-x': { records: 1, seconds: 3600 } });
    expect(inWords(mar).attributions.map((a) => [a.detail, a.seconds])).toEqual([
      ['status in [Waiting for customer] (status)', 1800],
      ['column waiting_minutes (m)', 1800],
    ]);
  });
  test('moves the breach instant of an open ticket later by its value in working time', () => {
    const tickets = 'id,opened_at,resolved_at,waiting_minutes\nO1,2026-02-27T16:00,,30';
    const out = run({ pause: [col], aggregate: 'ratio', good: { within: '2h' } }, tickets, 'ticket_id,changed_at,status', '2026-03-03T12:00');
    // Fri 16-18 = 2h would breach at Fri 18:00 (February); +30 working minutes -> Mon 2 Mar 08:30 (March)
    expect(windowOf(out, '2026-02').counts.records).toBe(0);
    expect(inWords(windowOf(out, '2026-03')).examples[0]).toMatch(/breached 2h target at 2026-03-02 08:30 \+01:00$/);
  });
});

describe('building blocks', () => {
  const office = compileCalendar('office', OFFICE, 'UTC');
  const t = (s: string) => Date.parse(`${s}Z`);
  test('breachInstant skips paused intervals and adds extra seconds', () => {
    // from Mon 08:00, within 3h, paused 09:00-11:00: 1h before, then 2h from 11:00 -> 13:00
    const at = breachInstant(office, t('2026-03-02T08:00'), 3 * 3600, Float64Array.of(t('2026-03-02T09:00')), Float64Array.of(t('2026-03-02T11:00')), 1, 0);
    expect(at).toBe(t('2026-03-02T13:00'));
    // + 6h extra: 13:00 + 5h = 18:00, then 1h on Tuesday -> Tue 09:00
    expect(breachInstant(office, t('2026-03-02T08:00'), 3 * 3600, Float64Array.of(t('2026-03-02T09:00')), Float64Array.of(t('2026-03-02T11:00')), 1, 6 * 3600)).toBe(
      t('2026-03-03T09:00'),
    );
  });
  test('StatusHistory keeps only paused keys and merges consecutive paused rows', () => {
    const h = new StatusHistory(WAITING as never, { key: 's', file: 's.csv', absPath: '/s.csv', timezone: 'UTC' }, t('2026-12-31T00:00'));
    expect(h.bind(['ticket_id', 'changed_at', 'status'])).toEqual([]);
    const rows = [
      ['A', '2026-03-02T09:00', 'Waiting for customer'],
      ['B', '2026-03-02T09:00', 'In progress'],
      ['A', '2026-03-02T10:00', 'Waiting for customer'],
      ['A', '2026-03-02T11:00', 'In progress'],
      ['A', '2027-01-01T00:00', 'Waiting for customer'], // after as-of: not happened yet
    ];
    rows.forEach((r, i) => h.add(r, i + 2));
    expect(h.find('B')).toBe(-1);
    const id = h.find('A');
    expect(h.rangeEnd(id) - h.rangeStart(id)).toBe(1);
    expect([h.starts[h.rangeStart(id)], h.ends[h.rangeStart(id)]]).toEqual([t('2026-03-02T09:00'), t('2026-03-02T11:00')]);
    expect(h.unjoinedRows()).toBe(0);
  });
  test('StatusHistory with thousands of keys: every paused key found, others not', () => {
    const h = new StatusHistory(WAITING as never, { key: 's', file: 's.csv', absPath: '/s.csv', timezone: 'UTC' }, t('2026-12-31T00:00'));
    h.bind(['ticket_id', 'changed_at', 'status']);
    // 5000 keys (past the 1024 initial capacity and several rehashes); even keys wait 1h, odd ones
    // only have an "In progress" row. Each even key's pause ends with a row read before its start.
    for (let k = 0; k < 5000; k++) {
      if (k % 2 === 0) h.add([`K${k}`, '2026-03-02T10:00', 'In progress'], 0);
      h.add([`K${k}`, '2026-03-02T09:00', k % 2 === 0 ? 'Waiting for customer' : 'In progress'], 0);
    }
    for (let k = 0; k < 5000; k++) {
      const id = h.find(`K${k}`);
      if (k % 2 === 1) {
        expect(id).toBe(-1);
        continue;
      }
      expect(id).toBeGreaterThanOrEqual(0);
      expect(h.rangeEnd(id) - h.rangeStart(id)).toBe(1);
      expect(h.ends[h.rangeStart(id)]! - h.starts[h.rangeStart(id)]!).toBe(3600_000); // 09:00-10:00
    }
    expect(h.find('K50000')).toBe(-1);
  });

  test('RecordPauses clips to the record', () => {
    const h = new StatusHistory(WAITING as never, { key: 's', file: 's.csv', absPath: '/s.csv', timezone: 'UTC' }, t('2026-12-31T00:00'));
    h.bind(['ticket_id', 'changed_at', 'status']);
    h.add(['A', '2026-03-02T07:00', 'Waiting for customer'], 2);
    const p = new RecordPauses([{ history: h, joinCol: 0, entry: 0 }]);
    const charged: number[] = [];
    // open-ended pause since 07:00, record [08:00, 12:00) -> 4h paused, all working time
    expect(p.compute(['A'], t('2026-03-02T08:00'), t('2026-03-02T12:00'), office, (_e, s) => charged.push(s))).toBe(4 * 3600);
    expect(charged).toEqual([4 * 3600]);
    expect(p.compute([''], t('2026-03-02T08:00'), t('2026-03-02T12:00'), office, () => {})).toBe(0);
  });
});
