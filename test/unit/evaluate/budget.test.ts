/** SPEC 9.3 error budgets, from hand-worked cases (the arithmetic is in the comments). */
import { describe, expect, test } from 'vitest';
import { parseTarget } from '../../../src/agreement/quantity.js';
import { budgetOf, type BudgetBasis } from '../../../src/evaluate/budget.js';
import { compileCalendar } from '../../../src/time/calendar.js';

const target = (t: string) => parseTarget(t)!;
const H = 3600;

describe('budgetOf', () => {
  test('a complete ratio window: allowed = (1 − T) × counted, burn rate = used ÷ allowed', () => {
    // 40 counted, 37 good, >= 95%: allowed 5% × 40 = 2, used 3, remaining −1 (overspent), burn rate 1.5
    const basis: BudgetBasis = { unit: 'records', base: 40, used: 3, elapsed: 100, whole: 100, clock: null };
    expect(budgetOf(basis, target('>= 95%'), '%', false)).toEqual({
      unit: 'records', allowed: 2, used: 3, remaining: -1, burnRate: 1.5, exhaustsAt: null, projected: false, base: 40, share: 1,
    });
  });

  test('a partial ratio window on office hours is projected, and runs out on a working day', () => {
    // Office Mon–Fri 08:00–18:00 UTC. March 2026 has 22 working days = 220 h; by Sat 14 March
    // 10 days = 100 h have passed: share 100/220. 10 counted so far -> projected 10 × 220/100 = 22;
    // >= 95%: allowed 5% × 22 = 1.1; used 1; remaining 0.1; burn rate (1/1.1) ÷ (100/220) = 2.
    // At that pace the budget is spent after (100/220) × 1.1/1 = 0.5 of the service time = 110 h:
    // 10 days (100 h) to Fri 13 March, then 10 h of Monday 16 March: 18:00.
    const office = compileCalendar('office', { timezone: 'UTC', hours: { 'mon-fri': '08:00-18:00' } }, 'UTC');
    const start = Date.parse('2026-03-01T00:00:00Z');
    const basis: BudgetBasis = { unit: 'records', base: 10, used: 1, elapsed: 100 * H, whole: 220 * H, clock: { calendar: office, start } };
    const b = budgetOf(basis, target('>= 95%'), '%', true)!;
    expect([b.allowed, b.used, b.remaining, b.burnRate, b.base]).toEqual([1.1, 1, 0.1, 2, 22]);
    expect(new Date(b.exhaustsAt!).toISOString()).toBe('2026-03-16T18:00:00.000Z');
  });

  test('a partial window on pace to last: no exhaustion instant; one already spent: none either', () => {
    // 24x7, half the window passed (share 0.5), 100 counted -> 200 projected, >= 99%: allowed 2;
    // 1 used: burn rate (1/2) ÷ 0.5 = 1, spent exactly at the window's end, not before it: null
    const basis: BudgetBasis = { unit: 'records', base: 100, used: 1, elapsed: 50, whole: 100, clock: { calendar: null, start: 0 } };
    const onPace = budgetOf(basis, target('>= 99%'), '%', true)!;
    expect([onPace.allowed, onPace.burnRate, onPace.exhaustsAt]).toEqual([2, 1, null]);
    // 3 used of 2 allowed: remaining −1, exhaustsAt null (spent already)
    const spent = budgetOf({ ...basis, used: 3 }, target('>= 99%'), '%', true)!;
    expect([spent.remaining, spent.burnRate, spent.exhaustsAt]).toEqual([-1, 3, null]);
  });

  test('uptime: seconds of downtime against the whole window\'s service time', () => {
    // A 30-day month, 24x7: 720 h. As of day 10 (240 h): 1 h of downtime. >= 99.9%: allowed 0.1% of
    // 720 h = 0.72 h = 2,592 s; used 3,600 s: overspent by 1,008 s; burn rate (3600/2592) ÷ (240/720) = 4.1666…
    const basis: BudgetBasis = { unit: 's', base: 240 * H, used: H, elapsed: 240 * H, whole: 720 * H, clock: { calendar: null, start: 0 } };
    const b = budgetOf(basis, target('>= 99.9%'), '%', true)!;
    expect([b.allowed, b.used, b.remaining, b.exhaustsAt]).toEqual([2592, 3600, -1008, null]);
    expect(b.burnRate).toBeCloseTo(4.166666667, 9);
    // 20 min of downtime instead: burn rate (1200/2592) ÷ (1/3) = 1.3889; spent after (1/3) × 2592/1200 = 0.72
    // of the month = 518.4 h after its start
    const pace = budgetOf({ ...basis, used: 1200 }, target('>= 99.9%'), '%', true)!;
    expect(pace.exhaustsAt).toBe(518.4 * H * 1000);
  });

  test('a 100% target allows nothing: no burn rate, no exhaustion; other targets have no budget', () => {
    const basis: BudgetBasis = { unit: 'records', base: 10, used: 0, elapsed: 1, whole: 1, clock: null };
    expect(budgetOf(basis, target('>= 100%'), '%', false)).toMatchObject({ allowed: 0, remaining: 0, burnRate: null, exhaustsAt: null });
    expect(budgetOf(basis, target('<= 5%'), '%', false)).toBeNull();
    expect(budgetOf(basis, target('>= 50'), 'count', false)).toBeNull();
    expect(budgetOf(undefined, target('>= 95%'), '%', false)).toBeNull();
  });
});
