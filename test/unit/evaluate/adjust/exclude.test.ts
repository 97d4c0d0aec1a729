import { inWords } from '../../in-words.js';
import { describe, expect, test } from 'vitest';
import type { Objective } from '../../../../src/agreement/model.js';
import { compileExclusions } from '../../../../src/evaluate/adjust/exclude.js';
import { evaluateRecords, windowOf } from '../record-harness.js';

describe('compileExclusions', () => {
  test('the first matching entry wins; missing columns reported once', () => {
    const ex = compileExclusions(
      [
        { where: { cause: ['customer-change'] }, party: 'company-x' },
        { where: { cause: ['maintenance', 'customer-change'] }, party: 'none' },
        { where: { team: 'x' }, party: 'none' },
      ],
      ['id', 'cause'],
    );
    expect(ex.missing).toEqual(['team']);
    expect(ex.match(['1', 'customer-change'])).toBe(0);
    expect(ex.match(['2', 'maintenance'])).toBe(1);
    expect(ex.match(['3', 'other'])).toBe(-1);
  });
});

describe('exclusion precedence (SPEC 5)', () => {
  const objective: Partial<Objective> & Pick<Objective, 'measure'> = {
    measure: { duration: { from: 'opened_at', to: 'resolved_at', calendar: 'office' } },
    aggregate: 'ratio',
    good: { within: '4h' },
    pause: [{ source: 'status', key: 'ticket_id', join: 'id', at: 'changed_at', status: 'status', values: ['Waiting'], party: 'company-x' }],
    exclude: [
      { where: { cause: 'maintenance' }, party: 'none' },
      { where: { cause: ['maintenance', 'customer-change'] }, party: 'company-x' },
    ],
  };
  const tickets = `id,opened_at,resolved_at,cause
X1,2026-02-26T09:00,,maintenance
X2,2026-02-02T09:00,2026-02-02T17:00,customer-change
X3,2026-02-03T09:00,2026-02-03T10:00,
`;
  const status = 'ticket_id,changed_at,status\nX1,2026-02-26T10:00,Waiting\nX1,2026-02-26T11:00,Open\nX2,2026-02-02T10:00,Waiting';

  test('an open, paused, breached record that matches exclude is only excluded', () => {
    const out = evaluateRecords({ objective, data: { tickets, status }, asOf: '2026-03-10T12:00', zone: 'Europe/Berlin' });
    // X1 (open, would breach on 26 Feb) is reported where an open record would be: the last window.
    const mar = windowOf(out, '2026-03');
    expect(mar.counts).toEqual({ records: 1, counted: 0, good: 0, open: 0, excluded: 1, skipped: 0, invalid: 0 });
    expect(mar.charged).toEqual({ none: { records: 1, seconds: 0 } });
    expect(inWords(mar).examples).toEqual(['id X1 (line 2): excluded (cause = maintenance), charged to no party']);
    // X2 (closed, 8h, paused) excluded in February by the second entry, with no pause charge; X3 good.
    const feb = windowOf(out, '2026-02');
    expect(feb.counts).toEqual({ records: 2, counted: 1, good: 1, open: 0, excluded: 1, skipped: 0, invalid: 0 });
    expect(feb.charged).toEqual({ 'company-x': { records: 1, seconds: 0 } });
    expect(inWords(feb).attributions).toEqual([
      { mechanism: 'exclude', party: 'company-x', records: 1, seconds: 0, detail: 'cause in [maintenance, customer-change]' },
    ]);
    expect(feb.value).toBe(100);
  });
});
