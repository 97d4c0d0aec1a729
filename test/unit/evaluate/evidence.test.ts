/**
 * SPEC 9.4 `credits --evidence`: the records behind a failing value, with times, value and what
 * they charged. Collected only when asked for; ordinary runs carry none.
 */
import { describe, expect, test } from 'vitest';
import type { Objective } from '../../../src/agreement/model.js';
import { evaluateRecords, windowOf } from './record-harness.js';

const DEADLINE = { deadline: { due: 'due_at', done: 'done_at', calendar: 'office' } } as const;
const INPUTS: Objective['inputs'] = [{ party: 'company-x', due: 'specs_due', done: 'specs_received' }];
const HEADER = 'id,due_at,done_at,specs_due,specs_received';
const ms = (iso: string) => Date.parse(iso);

describe('evidence of failing records', () => {
  test('a ratio names every record that is not good, open ones at their value so far, with the input lateness charged', () => {
    const rows = [
      // D1: specs Fri 27 Feb 12:00 -> 14:00 = 2h late (company-x). Due Mon 2 Mar 12:00 + 2h = 14:00; done Tue 3 Mar 10:00:
      //     Mon 14-18 = 4h + Tue 08-10 = 2h = 6h late -> not on time
      'D1,2026-03-02T12:00,2026-03-03T10:00,2026-02-27T12:00,2026-02-27T14:00',
      // D2: on time (due Wed 4 Mar 12:00, done 11:00): not evidence
      'D2,2026-03-04T12:00,2026-03-04T11:00,,',
      // D3: open, due Thu 26 Mar 12:00; as-of Fri 27 Mar 12:00: Thu 12-18 = 6h + Fri 08-12 = 4h = 10h late so far
      'D3,2026-03-26T12:00,,,',
    ].join('\n');
    const out = evaluateRecords({
      objective: { measure: DEADLINE, aggregate: 'ratio', inputs: INPUTS },
      data: { tickets: `${HEADER}\n${rows}` },
      asOf: '2026-03-27T12:00',
      zone: 'Europe/Berlin',
      evidence: true,
    });
    const mar = windowOf(out, '2026-03');
    expect(mar.value).toBeCloseTo(100 / 3, 10);
    expect(mar.evidence).toEqual([
      // Berlin is UTC+1 until 29 March: 14:00 local = 13:00Z (the shifted due), Tue 10:00 = 09:00Z
      { line: 2, key: 'D1', start: ms('2026-03-02T13:00:00Z'), end: ms('2026-03-03T09:00:00Z'), value: 6 * 3600, open: false, charged: [{ party: 'company-x', seconds: 7200 }] },
      { line: 4, key: 'D3', start: ms('2026-03-26T11:00:00Z'), end: null, value: 10 * 3600, open: true, charged: [] },
    ]);
  });

  test('other aggregates name the records failing an upper target alone; a lower target names none', () => {
    const DURATION = { duration: { from: 'opened', to: 'closed' } } as const;
    // 24x7 (no calendar): 9h > 8h fails alone; 3h does not
    const rows = 'id,opened,closed\nT1,2026-03-02T00:00:00Z,2026-03-02T09:00:00Z\nT2,2026-03-03T00:00:00Z,2026-03-03T03:00:00Z';
    const upper = evaluateRecords({ objective: { measure: DURATION, aggregate: 'p95', target: '<= 8h' }, data: { tickets: rows }, asOf: '2026-04-01', evidence: true });
    expect(windowOf(upper, '2026-03').evidence!.map((e) => [e.key, e.value])).toEqual([['T1', 9 * 3600]]);
    const lower = evaluateRecords({ objective: { measure: DURATION, aggregate: 'mean', target: '>= 1h' }, data: { tickets: rows }, asOf: '2026-04-01', evidence: true });
    expect(windowOf(lower, '2026-03').evidence).toEqual([]);
  });

  test('an ordinary run carries no evidence', () => {
    const rows = 'id,opened,closed\nT1,2026-03-02T00:00:00Z,2026-03-02T09:00:00Z';
    const out = evaluateRecords({ objective: { measure: { duration: { from: 'opened', to: 'closed' } }, aggregate: 'ratio', good: { within: '1h' } }, data: { tickets: rows }, asOf: '2026-04-01' });
    expect(windowOf(out, '2026-03').evidence).toBeUndefined();
  });
});
