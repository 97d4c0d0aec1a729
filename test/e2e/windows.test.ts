/**
 * SPEC 9.3 window lists and rolling windows through the CLI, on test/fixtures/e2e/windows
 * (Europe/Berlin, 24x7; as of 1 May 2026). Durations are placed by their restore instant.
 *
 *   T1 2 Mar 10:00–11:00    1h good (within 4h)
 *   T2 20 Mar 10:00–16:00   6h bad
 *   T3 29 Mar 01:00–06:00   the spring-forward night: 02:00 becomes 03:00, so 4h, not 5h: good
 *   T4 10 Apr 10:00–11:00   1h good
 *   T5 25 Apr 10:00–20:00   10h bad
 *
 * restore, window [month, quarter]: March 2/3 = 66.67% < 75% breached, credit 10% of 1,000 EUR =
 * 100 EUR; April 1/2 = 50%, 100 EUR; Q1 2/3 breached but no credit (credits apply to the first kind
 * only); Q2 is partial (T4, T5: 50%).
 * restore-28d, rolling 28d every day: 2026-03-02/2026-03-29 runs from 2 March 00:00 +01:00 to
 * 30 March 00:00 +02:00, 28 local days but 671 hours, and holds T1, T2, T3: 2/3. The next,
 * 2026-03-03/2026-03-30, loses T1: 1/2 = 50%. 2026-03-21/2026-04-17 holds T3, T4: 100%.
 * longest-4w, max over rolling 4 weeks ending on Mondays: 2026-03-30/2026-04-26 holds T4, T5: 10h > 8h.
 */
import { describe, expect, test } from 'vitest';
import { runMain } from './cli.js';

const DIR = 'test/fixtures/e2e/windows';
const ARGS = ['evaluate', DIR, '--as-of', '2026-05-01', '--fail-on', 'never', '--format', 'json'];
type Result = { objective: string; window: { label: string; start: string; end: string; partial: boolean }; value: number | null; status: string; counts: { counted: number; good: number }; credit: unknown; budget: unknown };
const results = async (...args: string[]) => (JSON.parse((await runMain([...ARGS, ...args])).stdout) as { results: Result[]; credits: unknown[] }).results;

describe('a window list (SPEC 9.3)', () => {
  test('one result per kind, ordered by start then end; credits on the first kind only', async () => {
    const rs = await results('--objective', 'restore');
    expect(rs.map((r) => [r.window.label, r.window.partial, r.value === null ? null : Math.round(r.value * 100) / 100, r.status, r.credit])).toEqual([
      ['2026-01', false, null, 'no-data', null],
      ['2026-Q1', false, 66.67, 'breached', null],
      ['2026-02', false, null, 'no-data', null],
      ['2026-03', false, 66.67, 'breached', { percent: 10, amount: 100, currency: 'EUR' }],
      ['2026-04', false, 50, 'breached', { percent: 10, amount: 100, currency: 'EUR' }],
      ['2026-Q2', true, 50, 'breached', null],
    ]);
  });

  test('--latest keeps the latest complete window of each kind; --window selects among all', async () => {
    const latest = await results('--objective', 'restore', '--latest');
    expect(latest.map((r) => r.window.label)).toEqual(['2026-Q1', '2026-04']);
    const q1 = await results('--window', '2026-Q1');
    expect(q1.map((r) => `${r.objective} ${r.window.label}`)).toEqual(['restore 2026-Q1']);
  });
});

describe('rolling windows (SPEC 9.3)', () => {
  test('28 local days, the DST day 23 hours; each window counts the records it holds', async () => {
    const rs = await results('--objective', 'restore-28d');
    const at = (label: string) => rs.find((r) => r.window.label === label)!;
    expect(at('2026-03-02/2026-03-29').window).toEqual({
      label: '2026-03-02/2026-03-29', start: '2026-03-01T23:00:00.000Z', end: '2026-03-29T22:00:00.000Z', partial: false,
    });
    expect(at('2026-03-02/2026-03-29').counts).toMatchObject({ counted: 3, good: 2 });
    expect(at('2026-03-03/2026-03-30').counts).toMatchObject({ counted: 2, good: 1 });
    expect([at('2026-03-21/2026-04-17').value, at('2026-03-21/2026-04-17').status]).toEqual([100, 'met']);
    // the first window ends at the midnight after 1 January; the last complete one ends at as-of;
    // the one after it contains as-of and is the only partial one: 121 windows (ends 2 Jan .. 2 May)
    expect(rs[0]!.window.label).toBe('2025-12-05/2026-01-01');
    expect(rs.at(-2)!.window).toMatchObject({ label: '2026-04-03/2026-04-30', partial: false });
    expect(rs.at(-1)!.window).toMatchObject({ label: '2026-04-04/2026-05-01', partial: true });
    expect(rs).toHaveLength(121);
    // a budget per rolling window: 2026-04-03/2026-04-30 counts T4, T5: allowed 25% × 2 = 0.5, used 1
    expect(at('2026-04-03/2026-04-30').budget).toEqual({ unit: 'records', allowed: 0.5, used: 1, remaining: -0.5, burnRate: 2, exhaustsAt: null });
  });

  test('a max over rolling weeks ending on Mondays', async () => {
    const rs = await results('--objective', 'longest-4w', '--window', '2026-03-30/2026-04-26');
    // T4 1h and T5 10h: max 10h = 36,000 s > 8h
    expect(rs.map((r) => [r.window.start, r.window.end, r.value, r.status])).toEqual([['2026-03-29T22:00:00.000Z', '2026-04-26T22:00:00.000Z', 36000, 'breached']]);
    // 2026-03-23/2026-04-19: T3 (4h on the DST night) and T4 (1h): max 4h
    const earlier = await results('--objective', 'longest-4w', '--window', '2026-03-23/2026-04-19');
    expect(earlier[0]!.value).toBe(4 * 3600);
  });

  test('the table labels rolling windows START/END and the exit code counts them like any window', async () => {
    const r = await runMain(['evaluate', DIR, '--as-of', '2026-05-01', '--objective', 'restore-28d', '--window', '2026-03-02/2026-03-29']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('│ windows-sla │ restore-28d │ ops   │ 2026-03-02/2026-03-29 │ 66.67% │ >= 75% │ breached │ 3/3, 2 good │');
    expect(r.stderr).toBe('slacheck: 1 complete window at --fail-on breached: windows-sla/restore-28d 2026-03-02/2026-03-29 breached\n');
  });
});
