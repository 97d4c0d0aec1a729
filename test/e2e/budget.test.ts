/**
 * SPEC 9.3 error budgets through the CLI, on examples/service-desk as of 2026-03-15 (Berlin):
 * March is the partial window.
 *
 * service-desk/p1-first-response (ratio within 30m on office hours Mon–Fri 08–18, >= 95%): March has
 * 22 working days = 220 h, of which 2–6 and 9–13 March (100 h) have passed: share 100/220. 10
 * counted so far -> projected 22; allowed 5% × 22 = 1.1; 1 bad record used; 0.1 left; burn rate
 * (1/1.1) ÷ (100/220) = 2. Spent after 0.5 of the service time = 110 h: Monday 16 March 18:00 +01:00.
 *
 * internet-uc/uptime (24x7 minus the announced Sunday 02:00–04:00 maintenance windows, >= 99.9%):
 * March in Berlin has 743 h (the spring-forward day has 23 h). Known at as-of: 1 March's window
 * (announced 23 Feb) and 15 March's (NetCo's late notice for 8 March, 4 March 16:00, announces it);
 * 8 March was announced too late, and the notices for 22 and 29 March are sent after as-of. So the
 * whole window has 743 h − 4 h = 739 h: allowed 0.1% × 2,660,400 s = 2,660.4 s; 5 h of downtime so
 * far: overspent by 15,339.6 s. Elapsed: 14 days − 1 March's 2 h = 334 h = 1,202,400 s; burn rate
 * (18,000 ÷ 2,660.4) ÷ (1,202,400 ÷ 2,660,400) = 18,000 ÷ 1,202.4 = 14.97006.
 * February, the latest complete window: 672 h − 4 Sundays × 2 h = 664 h -> allowed 2,390.4 s, nothing used.
 */
import { describe, expect, test } from 'vitest';
import { runMain } from './cli.js';

const ARGS = ['evaluate', 'examples/service-desk', '--as-of', '2026-03-15', '--fail-on', 'never'];
type Result = { objective: string; window: { label: string }; budget: Record<string, unknown> | null };

describe('error budgets (SPEC 9.3)', () => {
  test('JSON: a budget on every >= percentage result, projected for the partial window', async () => {
    const r = await runMain([...ARGS, '--format', 'json']);
    const results = (JSON.parse(r.stdout) as { results: Result[] }).results;
    const at = (objective: string, label: string) => results.find((x) => x.objective === objective && x.window.label === label)!.budget;
    expect(at('p1-first-response', '2026-03')).toEqual({ unit: 'records', allowed: 1.1, used: 1, remaining: 0.1, burnRate: 2, exhaustsAt: '2026-03-16T17:00:00.000Z' });
    expect(at('uptime', '2026-03')).toEqual({ unit: 's', allowed: 2660.4, used: 18000, remaining: -15339.6, burnRate: expect.closeTo(14.970059880, 8), exhaustsAt: null });
    expect(at('uptime', '2026-02')).toEqual({ unit: 's', allowed: 2390.4, used: 0, remaining: 2390.4, burnRate: 0, exhaustsAt: null });
    // a `<=` duration target has no budget
    expect(at('p1-resolution', '2026-03')).toBeNull();
    // the daily report: 10 occurrences due so far (workdays 2–13 March), 22 in the month: allowed 5% × 22 = 1.1;
    // reports never get an exhaustion instant
    expect(at('daily-open-tickets', '2026-03')).toEqual({ unit: 'records', allowed: 1.1, used: 0, remaining: 1.1, burnRate: 0, exhaustsAt: null });
  });

  test('the table shows the budget of the partial window and of the latest complete one', async () => {
    const r = await runMain([...ARGS, '--objective', 'p1-first-response', '--objective', 'uptime']);
    const rows = r.stdout.split('\n');
    const cell = (objective: string, label: string) => {
      const row = rows.find((l) => l.includes(` ${objective} `) && l.includes(` ${label}`))!;
      return row.split('│')[10]!.trim(); // after the `attributed to` column (the maintenance charges)
    };
    expect(cell('uptime', '2026-03 (partial)')).toBe('overspent by 4h 15m'); // 15,339.6 s
    expect(cell('uptime', '2026-02')).toBe('39m 50s of 39m 50s left'); // 2,390.4 s
    expect(cell('uptime', '2026-01')).toBe('');
    expect(cell('p1-first-response', '2026-03 (partial)')).toBe('0.1 of 1.1 left');
    expect(cell('p1-first-response', '2026-02')).toBe('1 of 1 left');
  });

  test('explain says how the partial window was projected and when the budget runs out', async () => {
    const r = await runMain(['explain', 'p1-first-response', 'examples/service-desk', '--as-of', '2026-03-15', '--window', '2026-03']);
    expect(r.stdout).toContain(
      '  budget      1.1 bad records allowed (5% of 22 counted records); 1 used; 0.1 left\n' +
        '              partial window: 45.45% of the window\'s service time has passed, so the counted records are projected to 22\n' +
        '              burn rate 2 (1 spends exactly the budget by the window\'s end)\n' +
        '              at this pace the budget runs out 2026-03-16 18:00 +01:00\n',
    );
  });

  test('Markdown lists the budgets under each agreement', async () => {
    const r = await runMain([...ARGS, '--format', 'markdown', '--objective', 'uptime']);
    expect(r.stdout).toContain('**Error budgets**\n\n- uptime 2026-02: 39m 50s of downtime allowed (0.1% of 664h of service time)');
    expect(r.stdout).toContain('- uptime 2026-03 (partial): 44m 20s of downtime allowed (0.1% of 739h of service time); 5h used; overspent by 4h 15m');
  });
});
