import { inWords } from '../../in-words.js';
import { describe, expect, test } from 'vitest';
import type { Objective } from '../../../../src/agreement/model.js';
import { evaluateRecords, windowOf } from '../record-harness.js';

const DEADLINE = { deadline: { due: 'due_at', done: 'done_at', calendar: 'office' } } as const;
const INPUTS: Objective['inputs'] = [
  { party: 'company-x', due: 'specs_due', done: 'specs_received' },
  { party: 'vendor-y', due: 'data_due', done: 'data_received' },
];
const HEADER = 'id,due_at,done_at,specs_due,specs_received,data_due,data_received';

function run(objective: Partial<Objective>, rows: string, asOf: string) {
  return evaluateRecords({ objective: { measure: DEADLINE, ...objective }, data: { tickets: `${HEADER}\n${rows}` }, asOf, zone: 'Europe/Berlin' });
}

describe('inputs (SPEC 5)', () => {
  test('two late inputs on one deliverable: the shift is their sum, charged separately', () => {
    const row = 'D1,2026-03-02T12:00,2026-03-03T10:00,2026-02-27T12:00,2026-02-27T14:00,2026-02-27T12:00,2026-03-02T09:00';
    // specs: Fri 12:00 -> 14:00 = 2h late. data: Fri 12-18 = 6h + Mon 08-09 = 1h = 7h late.
    // Shift 9h from Mon 12:00: Mon 12-18 = 6h, Tue 08-11 = 3h -> due Tue 11:00; done Tue 10:00 -> lateness −1h.
    const out = run({ aggregate: 'max', inputs: INPUTS }, row, '2026-04-01');
    const mar = windowOf(out, '2026-03');
    expect(mar.value).toBe(-3600);
    expect(mar.charged).toEqual({ 'company-x': { records: 1, seconds: 7200 }, 'vendor-y': { records: 1, seconds: 25200 } });
    expect(mar.attributions.map((a) => a.mechanism)).toEqual(['input', 'input']);
    // Without inputs: Mon 12-18 = 6h + Tue 08-10 = 2h = 8h late
    expect(windowOf(run({ aggregate: 'max' }, row, '2026-04-01'), '2026-03').value).toBe(8 * 3600);
    // Default good for deadlines is "on time": with the inputs it is on time
    expect(windowOf(run({ aggregate: 'ratio', inputs: INPUTS }, row, '2026-04-01'), '2026-03').value).toBe(100);
    expect(windowOf(run({ aggregate: 'ratio' }, row, '2026-04-01'), '2026-03').value).toBe(0);
  });

  test('an input not yet delivered keeps an open deliverable from being late', () => {
    const row = 'D2,2026-03-02T12:00,,2026-03-02T09:00,,,';
    const asOf = '2026-03-02T15:00';
    // specs missing: late from 09:00 to as-of 15:00 = 6h; due moves to Mon 18:00, after as-of -> open, not counted
    const mar = windowOf(run({ aggregate: 'ratio', inputs: INPUTS }, row, asOf), '2026-03');
    expect(mar.counts).toMatchObject({ records: 1, counted: 0, open: 1 });
    expect(mar.value).toBeNull();
    expect(mar.charged).toEqual({ 'company-x': { records: 1, seconds: 6 * 3600 } });
    // explain names whom it waits on (the data input has no due date, so only company-x)
    expect(inWords(mar).examples.join('\n')).toContain('waiting on company-x (input not delivered)');
    // Without the input the due instant 12:00 is before as-of: counted bad, placed by its due column
    const bare = windowOf(run({ aggregate: 'ratio' }, row, asOf), '2026-03');
    expect(bare.counts).toMatchObject({ records: 1, counted: 1, good: 0, open: 0 });
    expect(bare.value).toBe(0);
  });

  test('an input delivered with no done counts as arriving with the deliverable', () => {
    // specs due Mon 10:00, no receipt; deliverable due Mon 12:00 done Mon 16:00.
    // specs arrive with the deliverable: 10:00-16:00 = 6h late; due -> Mon 18:00; done 16:00 -> −2h
    const row = 'D3,2026-03-02T12:00,2026-03-02T16:00,2026-03-02T10:00,,,';
    expect(windowOf(run({ aggregate: 'max', inputs: INPUTS }, row, '2026-04-01'), '2026-03').value).toBe(-7200);
  });

  test('an early input shifts nothing and charges nothing', () => {
    const row = 'D4,2026-03-02T12:00,2026-03-02T13:00,2026-03-02T10:00,2026-03-02T09:00,,';
    const mar = windowOf(run({ aggregate: 'max', inputs: INPUTS }, row, '2026-04-01'), '2026-03');
    expect(mar.value).toBe(3600); // 12:00 -> 13:00
    expect(mar.charged).toEqual({});
  });

  test('a deadline due after as-of is ignored', () => {
    const row = 'D5,2026-03-05T12:00,2026-03-02T10:00,,,,';
    expect(windowOf(run({ aggregate: 'count' }, row, '2026-03-04'), '2026-03').counts.records).toBe(0);
  });
});
