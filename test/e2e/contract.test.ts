/**
 * SPEC 9.4 through `main()`: credit statements (sum, cap in objective order, minimum, claim-by) and
 * remedies (k of n breached, an average of n), on test/fixtures/e2e/contract (a cloud SLA,
 * UTC, fee 1,000 USD per month, cap 26% = 260 USD, minimum 50 USD, claims within 30d).
 *
 * Uptime per month (downtime from incidents.csv; hours in the month):
 *   Jan 1 h of 744 h   -> 743/744     = 99.8656% < 99.9% -> tier 10%  -> 100 USD
 *   Feb 10 h of 672 h  -> 662/672     = 98.5119% < 99%   -> tier 25%  -> 250 USD
 *   Mar 40 h of 744 h  -> 704/744     = 94.6237% < 95%   -> tier 100% -> 1,000 USD
 *   Apr 0 h            -> 100%, met;  May 0.5 h of 744 h -> 99.9328%, met;  Jun 100%, met
 * p1-restore (ratio within 4h, >= 90%, tier below 90% -> 2% = 20 USD): Feb 1 of 2 good = 50%,
 * May 0 of 1 = 0%: both breached, 20 USD each; every other month 100%.
 */
import { describe, expect, test } from 'vitest';
import { runMain } from './cli.js';

const DIR = 'test/fixtures/e2e/contract';
const AS_OF = ['--as-of', '2026-07-01'];

async function json(...args: string[]) {
  const r = await runMain(['evaluate', DIR, ...AS_OF, '--format', 'json', ...args]);
  return { ...r, out: JSON.parse(r.stdout) as { credits: unknown[]; remedies: unknown[]; results: unknown[] } };
}

describe('credit statements', () => {
  test('summed per fee period in objective order, capped, dropped under the minimum, with the claim date', async () => {
    const { out } = await json('--fail-on', 'never');
    expect(out.credits).toEqual([
      // Jan: 100 <= cap 260; 100 >= minimum 50: issued. Ends 1 Feb 00:00; + 30 days = 3 Mar 00:00, so 2 Mar is the last day
      {
        agreement: 'cloud-sla', period: '2026-01', items: [{ objective: 'uptime', window: '2026-01', percent: 10, amount: 100, cut: 0 }],
        total: 100, capped: 100, issued: 100, currency: 'USD', claimBy: '2026-03-02',
      },
      // Feb: 250 + 20 = 270 > 260: uptime (first in file order) is paid in full, p1-restore gets the 10 left (cut 10).
      // Ends 1 Mar; + 30 days = 31 Mar 00:00 -> 30 Mar
      {
        agreement: 'cloud-sla', period: '2026-02',
        items: [
          { objective: 'uptime', window: '2026-02', percent: 25, amount: 250, cut: 0 },
          { objective: 'p1-restore', window: '2026-02', percent: 2, amount: 20, cut: 10 },
        ],
        total: 270, capped: 260, issued: 260, currency: 'USD', claimBy: '2026-03-30',
      },
      // Mar: 1,000 capped at 260 (cut 740). Ends 1 Apr; + 30 days = 1 May 00:00 -> 30 Apr (SPEC 9.7's example)
      {
        agreement: 'cloud-sla', period: '2026-03', items: [{ objective: 'uptime', window: '2026-03', percent: 100, amount: 1000, cut: 740 }],
        total: 1000, capped: 260, issued: 260, currency: 'USD', claimBy: '2026-04-30',
      },
      // May: 20 < minimum 50: not issued (0). Ends 1 Jun; + 30 days = 1 Jul -> 30 Jun. Apr and Jun have no credit: not listed
      {
        agreement: 'cloud-sla', period: '2026-05', items: [{ objective: 'p1-restore', window: '2026-05', percent: 2, amount: 20, cut: 0 }],
        total: 20, capped: 20, issued: 0, currency: 'USD', claimBy: '2026-06-30',
      },
    ]);
  });

  test('a window selection shows the statements of the periods it shows, each whole', async () => {
    // --objective p1-restore still shows February's statement with both items and the whole cap
    const { out } = await json('--fail-on', 'never', '--objective', 'p1-restore', '--window', '2026-02');
    expect(out.credits).toEqual([expect.objectContaining({ period: '2026-02', total: 270, capped: 260, issued: 260 })]);
  });
});

describe('remedies', () => {
  test('one entry per window at which the condition holds', async () => {
    const { out } = await json('--fail-on', 'never');
    expect(out.remedies).toEqual([
      // 3 of 6: breached Jan, Feb, Mar. At Mar the last windows are Jan..Mar (fewer than 6 exist): 3 breached.
      // Apr, May, Jun still see Jan..Mar among their last 6. actBy: W's end + 60 days, the day before:
      // Mar ends 1 Apr -> 31 May -> 30 May; Apr ends 1 May -> 30 Jun -> 29 Jun; May: 1 Jun -> 31 Jul -> 30 Jul; Jun: 1 Jul -> 30 Aug -> 29 Aug
      { agreement: 'cloud-sla', id: 'termination-right', triggered: true, window: '2026-03', evidence: ['2026-01', '2026-02', '2026-03'], actBy: '2026-05-30' },
      { agreement: 'cloud-sla', id: 'termination-right', triggered: true, window: '2026-04', evidence: ['2026-01', '2026-02', '2026-03'], actBy: '2026-06-29' },
      { agreement: 'cloud-sla', id: 'termination-right', triggered: true, window: '2026-05', evidence: ['2026-01', '2026-02', '2026-03'], actBy: '2026-07-30' },
      { agreement: 'cloud-sla', id: 'termination-right', triggered: true, window: '2026-06', evidence: ['2026-01', '2026-02', '2026-03'], actBy: '2026-08-29' },
      // average < 99% of 3 (needs all 3, so not at Jan or Feb):
      //   Mar (99.8656 + 98.5119 + 94.6237) / 3 = 97.667 < 99;  Apr (98.5119 + 94.6237 + 100) / 3 = 97.712 < 99
      //   May (94.6237 + 100 + 99.9328) / 3 = 98.186 < 99;  Jun (100 + 99.9328 + 100) / 3 = 99.978: not. No notice: no actBy
      { agreement: 'cloud-sla', id: 'service-review', triggered: true, window: '2026-03', evidence: ['2026-01', '2026-02', '2026-03'], actBy: null },
      { agreement: 'cloud-sla', id: 'service-review', triggered: true, window: '2026-04', evidence: ['2026-02', '2026-03', '2026-04'], actBy: null },
      { agreement: 'cloud-sla', id: 'service-review', triggered: true, window: '2026-05', evidence: ['2026-03', '2026-04', '2026-05'], actBy: null },
    ]);
  });

  test('--latest selects the entries at the latest complete window; a remedy that does not hold there appears once, not triggered', async () => {
    const { out } = await json('--fail-on', 'never', '--latest');
    expect(out.remedies).toEqual([
      { agreement: 'cloud-sla', id: 'termination-right', triggered: true, window: '2026-06', evidence: ['2026-01', '2026-02', '2026-03'], actBy: '2026-08-29' },
      { agreement: 'cloud-sla', id: 'service-review', triggered: false, window: '2026-06', evidence: [], actBy: null },
    ]);
    expect(out.credits).toEqual([]); // June has no credit
  });

  test('a triggered remedy fails the run at --fail-on remedy, and at the default breached', async () => {
    // June alone: both objectives met, so only the termination right (triggered at June) can fail the run
    const remedy = await runMain(['evaluate', DIR, ...AS_OF, '--window', '2026-06', '--fail-on', 'remedy']);
    expect(remedy.code).toBe(1);
    expect(remedy.stderr).toBe('slacheck: 1 triggered remedy at --fail-on remedy: cloud-sla/termination-right at 2026-06\n');
    const byDefault = await runMain(['evaluate', DIR, ...AS_OF, '--window', '2026-06']);
    expect(byDefault.code).toBe(1);
    expect(byDefault.stderr).toBe('slacheck: 1 triggered remedy at --fail-on breached: cloud-sla/termination-right at 2026-06\n');
    const noData = await runMain(['evaluate', DIR, ...AS_OF, '--window', '2026-06', '--fail-on', 'no-data']);
    expect([noData.code, noData.stderr]).toEqual([0, '']);
    // at April both remedies hold
    const april = await runMain(['evaluate', DIR, ...AS_OF, '--window', '2026-04', '--fail-on', 'remedy', '--format', 'json']);
    expect(april.code).toBe(1);
    expect((JSON.parse(april.stdout) as { remedies: { id: string; triggered: boolean }[] }).remedies.map((r) => [r.id, r.triggered])).toEqual([
      ['termination-right', true],
      ['service-review', true],
    ]);
  });
});

describe('human formats', () => {
  test('the table prints the statements and the triggered remedies below the summary', async () => {
    const r = await runMain(['evaluate', DIR, ...AS_OF, '--window', '2026-02', '--fail-on', 'never']);
    const below = r.stdout.slice(r.stdout.indexOf('results:'));
    expect(below).toBe(
      'results: 0 met, 0 at-risk, 2 breached, 0 excused, 0 no-data · credits: cloud-sla 270 USD (issued 260 USD)\n' +
        'credit statements:\n' +
        '  cloud-sla 2026-02: 2 credits 270 USD, capped at 260 USD, issued 260 USD; claim by 2026-03-30\n' +
        '    uptime 25% 250 USD, p1-restore 2% 20 USD (cut 10 USD)\n',
    );
    const may = await runMain(['evaluate', DIR, ...AS_OF, '--window', '2026-05', '--fail-on', 'never']);
    expect(may.stdout).toContain('  cloud-sla 2026-05: 1 credit 20 USD, under the minimum of 50 USD: not issued; claim by 2026-06-30\n');
    expect(may.stdout).toContain(
      'triggered remedies:\n' +
        '  cloud-sla/termination-right triggered at 2026-05: 3 of the last 6 windows breached (2026-01, 2026-02, 2026-03); act by 2026-07-30\n' +
        '  cloud-sla/service-review triggered at 2026-05: the mean of 2026-03, 2026-04, 2026-05 is 98.19% < 99%\n',
    );
  });

  test('Markdown has a credit statement table and the remedies per agreement', async () => {
    const r = await runMain(['evaluate', DIR, ...AS_OF, '--window', '2026-03', '--fail-on', 'never', '--format', 'markdown']);
    expect(r.stdout).toContain(
      '**Credit statement**\n\n| period | credits | total | capped | issued | claim by |\n|---|---|---|---|---|---|\n' +
        '| 2026-03 | uptime 100% 1,000 USD (cut 740 USD) | 1,000 USD | 260 USD | 260 USD | 2026-04-30 |\n',
    );
    expect(r.stdout).toContain('**Remedies**\n\n- ❌ cloud-sla/termination-right triggered at 2026-03:');
  });
});
