/**
 * SPEC 9.3 error budgets through the CLI, on examples/service-desk as of 2026-03-15 (Berlin):
 * March is the partial window.
 *
 * service-desk/p1-first-response (ratio within 30m on office hours Mon–Fri 08–18, >= 95%): March has
 * 22 working days = 220 h, of which 2–6 and 9–13 March (100 h) have passed: share 100/220. 10
 * counted so far -> projected 22; allowed 5% × 22 = 1.1; 1 bad record used; 0.1 left; burn rate
 * (1/1.1) ÷ (100/220) = 2. Spent after 0.5 of the service time = 110 h: Monday 16 March 18:00 +01:00.
 *
 * internet-uc/uptime (24x7, >= 99.9%): March in Berlin has 743 h (the spring-forward day has 23 h):
 * allowed 0.1% × 743 h = 2,674.8 s; 5 h of downtime so far: overspent by 15,325.2 s.
 * February, the latest complete window: 672 h -> allowed 2,419.2 s, nothing used.
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
    expect(at('uptime', '2026-03')).toEqual({ unit: 's', allowed: 2674.8, used: 18000, remaining: -15325.2, burnRate: expect.closeTo(14.880952381, 8), exhaustsAt: null });
    expect(at('uptime', '2026-02')).toEqual({ unit: 's', allowed: 2419.2, used: 0, remaining: 2419.2, burnRate: 0, exhaustsAt: null });
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
      return row.split('│')[9]!.trim();
    };
    expect(cell('uptime', '2026-03 (partial)')).toBe('overspent by 4h 15m'); // 15,325.2 s
    expect(cell('uptime', '2026-02')).toBe('40m 19s of 40m 19s left'); // 2,419.2 s
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
    expect(r.stdout).toContain('**Error budgets**\n\n- uptime 2026-02: 40m 19s of downtime allowed');
    expect(r.stdout).toContain('- uptime 2026-03 (partial): 44m 35s of downtime allowed (0.1% of 743h of service time); 5h used; overspent by 4h 15m');
  });
});
