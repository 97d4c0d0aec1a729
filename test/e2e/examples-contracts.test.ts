/**
 * examples/contracts through `main()` (SPEC 9.4): the credit statements of `public-cloud` (fee
 * 4,000 USD a month, cap 50% = 2,000 USD, minimum 250 USD, claims within 30d, UTC months) and the
 * remedies of `it-outsourcing` (Europe/Berlin), as the table prints them, and the exit code with
 * the default --fail-on. examples/README.md, section 4, has the arithmetic; the JSON numbers are
 * checked in test/unit/examples-expected.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { runMain } from './cli.js';

const DIR = 'examples/contracts';
const AS_OF = ['--as-of', '2026-07-01'];

describe('examples/contracts', () => {
  test('the table prints the statements and the triggered remedies below the summary; the default --fail-on exits 1', async () => {
    const r = await runMain(['evaluate', DIR, ...AS_OF]);
    expect(r.code).toBe(1);
    const below = r.stdout.slice(r.stdout.indexOf('30 complete windows:'));
    expect(below).toBe(
      // 400 + 4,600 + 200 + 600 = 5,800 before the cap and the minimum; 400 + 2,000 + 0 + 600 = 3,000 issued
      '30 complete windows: 18 met, 0 at-risk, 11 breached, 1 excused, 0 no-data · credits: public-cloud 5,800 USD (issued 3,000 USD)\n' +
        'credit statements:\n' +
        // February: uptime 100 × (1 − 3000/2419200) = 99.876% < 99.99% → 10% of 4,000. Ends 1 Mar; + 30d = 31 Mar → 30 Mar
        '  public-cloud 2026-02: 1 credit 400 USD, issued 400 USD; claim by 2026-03-30\n' +
        '    compute-availability 10% 400 USD\n' +
        // March: 94.758% < 95% → 100% (4,000) and 5 of 8 critical cases = 62.5% < 80% → 15% (600); 4,600 > 2,000:
        // the first item is paid 2,000 of 4,000, the second nothing. Ends 1 Apr; + 30d = 1 May → 30 Apr
        '  public-cloud 2026-03: 2 credits 4,600 USD, capped at 2,000 USD, issued 2,000 USD; claim by 2026-04-30\n' +
        '    compute-availability 100% 4,000 USD (cut 2,000 USD), critical-case-response 15% 600 USD (cut 600 USD)\n' +
        // April: 4 of 5 = 80%, not below 80% → 5% = 200 < 250. Ends 1 May; + 30d = 31 May → 30 May
        '  public-cloud 2026-04: 1 credit 200 USD, under the minimum of 250 USD: not issued; claim by 2026-05-30\n' +
        '    critical-case-response 5% 200 USD\n' +
        // June: 99.896% → 10% (400) and 80% → 5% (200). Ends 1 Jul; + 30d = 31 Jul → 30 Jul
        '  public-cloud 2026-06: 2 credits 600 USD, issued 600 USD; claim by 2026-07-30\n' +
        '    compute-availability 10% 400 USD, critical-case-response 5% 200 USD\n' +
        'triggered remedies:\n' +
        // pooled erp-availability and incident-restore: breached 02, 05, 06 (March excused). 1 Jul + 60d = 30 Aug → 29 Aug
        '  it-outsourcing/termination-right triggered at 2026-06: 3 of the last 6 windows breached (2026-02, 2026-05, 2026-06); act by 2026-08-29\n' +
        // incident-restore 100, 90, 100, 90, 80, 90: means of three (90 + 100 + 90) / 3, (100 + 90 + 80) / 3, (90 + 80 + 90) / 3
        '  it-outsourcing/improvement-plan triggered at 2026-04: the mean of 2026-02, 2026-03, 2026-04 is 93.33% < 95%; act by 2026-05-30\n' +
        '  it-outsourcing/improvement-plan triggered at 2026-05: the mean of 2026-03, 2026-04, 2026-05 is 90% < 95%; act by 2026-06-30\n' +
        '  it-outsourcing/improvement-plan triggered at 2026-06: the mean of 2026-04, 2026-05, 2026-06 is 86.67% < 95%; act by 2026-07-30\n',
    );
    expect(r.stderr).toBe(
      'slacheck: 11 complete windows at --fail-on breached: it-outsourcing/erp-availability 2026-02 breached, ' +
        'it-outsourcing/erp-availability 2026-05 breached, it-outsourcing/erp-availability 2026-06 breached, ' +
        'it-outsourcing/wan-availability 2026-03 breached, it-outsourcing/incident-restore 2026-05 breached, and 6 more\n' +
        'slacheck: 4 triggered remedies at --fail-on breached: it-outsourcing/termination-right at 2026-06, ' +
        'it-outsourcing/improvement-plan at 2026-04, it-outsourcing/improvement-plan at 2026-05, it-outsourcing/improvement-plan at 2026-06\n',
    );
  });

  test('the excused March is a row of its own and does not count towards the termination right', async () => {
    const r = await runMain(['evaluate', DIR, ...AS_OF, '--fail-on', 'never']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/│ it-outsourcing +│ erp-availability +│ atlas-it +│ 2026-03 │ +99\.46% │ >= 99\.5% +│ excused +│.*root: it-outsourcing\/wan-availability \(hansen\)/);
    // at May only February and May are breached (2 of 3): the right is not triggered there
    const may = await runMain(['evaluate', DIR, ...AS_OF, '--window', '2026-05', '--fail-on', 'never', '--format', 'json']);
    const remedies = (JSON.parse(may.stdout) as { remedies: { id: string; triggered: boolean; window: string; evidence: string[] }[] }).remedies;
    expect(remedies.map((x) => [x.id, x.triggered, x.window, x.evidence])).toEqual([
      ['termination-right', false, '2026-05', []],
      ['improvement-plan', true, '2026-05', ['2026-03', '2026-04', '2026-05']],
    ]);
  });

  test('--fail-on remedy fails on the triggered remedies alone', async () => {
    const r = await runMain(['evaluate', DIR, ...AS_OF, '--fail-on', 'remedy']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'slacheck: 4 triggered remedies at --fail-on remedy: it-outsourcing/termination-right at 2026-06, ' +
        'it-outsourcing/improvement-plan at 2026-04, it-outsourcing/improvement-plan at 2026-05, it-outsourcing/improvement-plan at 2026-06\n',
    );
    // April alone: every window met, but the improvement plan holds at April
    const april = await runMain(['evaluate', DIR, ...AS_OF, '--window', '2026-04', '--objective', 'incident-restore', '--fail-on', 'remedy']);
    expect([april.code, april.stderr]).toEqual([1, 'slacheck: 1 triggered remedy at --fail-on remedy: it-outsourcing/improvement-plan at 2026-04\n']);
  });
});
