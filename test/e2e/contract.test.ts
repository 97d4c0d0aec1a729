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
 * May 0 of 2 = 0% (T6 12h; T8 still open at as-of, past 4h since 30 May 12:00, so counted bad there):
 * both breached, 20 USD each; every other month 100%. T3 waited 1h on Acme (on_hold_h): 6h − 1h = 5h, still > 4h.
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
    const below = r.stdout.slice(r.stdout.indexOf('complete windows:'));
    expect(below).toBe(
      'complete windows: 0 met, 0 at-risk, 2 breached, 0 excused, 0 no-data · credits: cloud-sla 270 USD (issued 260 USD)\n' +
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

describe('slacheck credits', () => {
  const credits = (...args: string[]) => runMain(['credits', DIR, ...AS_OF, ...args]);

  test('the statement per fee period, ready for an invoice; exit 0 whatever it owes', async () => {
    const r = await credits();
    expect([r.code, r.stderr]).toEqual([0, '']);
    // issued: Jan 100 + Feb 260 + Mar 260 + May 0 = 620 USD
    expect(r.stdout).toBe(
      [
        'cloud-sla 2026-01 — Hosted platform for Acme',
        '  fee 1,000 USD per month · cap 26% = 260 USD · minimum 50 USD',
        '  uptime  10%  100 USD',
        '  ────────────────────',
        '  total        100 USD',
        '  issued       100 USD  claim by 2026-03-02',
        '',
        'cloud-sla 2026-02 — Hosted platform for Acme',
        '  fee 1,000 USD per month · cap 26% = 260 USD · minimum 50 USD',
        '  uptime      25%  250 USD',
        '  p1-restore   2%   20 USD  (cut 10 USD by the cap)',
        '  ────────────────────────',
        '  total            270 USD',
        '  capped           260 USD',
        '  issued           260 USD  claim by 2026-03-30',
        '',
        'cloud-sla 2026-03 — Hosted platform for Acme',
        '  fee 1,000 USD per month · cap 26% = 260 USD · minimum 50 USD',
        '  uptime  100%  1,000 USD  (cut 740 USD by the cap)',
        '  ───────────────────────',
        '  total         1,000 USD',
        '  capped          260 USD',
        '  issued          260 USD  claim by 2026-04-30',
        '',
        'cloud-sla 2026-05 — Hosted platform for Acme',
        '  fee 1,000 USD per month · cap 26% = 260 USD · minimum 50 USD',
        '  p1-restore  2%  20 USD',
        '  ──────────────────────',
        '  total           20 USD',
        '  issued           0 USD  (under the minimum of 50 USD: not issued)',
        '',
        '4 statements as of 2026-07-01: issued 620 USD',
        '',
      ].join('\n'),
    );
  });

  test('--period with --evidence: the records behind each credited breach, with what they charged to the customer', async () => {
    const r = await credits('--period', '2026-02', '--evidence');
    expect(r.code).toBe(0);
    // I2: 5 Feb 00:00–10:00 UTC = 10h of downtime. T3: 08:00–14:00 = 6h less 1h on hold (Acme's) = 5h > 4h
    expect(r.stdout).toContain(
      '  uptime      25%  250 USD\n' +
        '      test/fixtures/e2e/contract/incidents.csv:3 I2 · 2026-02-05 00:00 +00:00 → 2026-02-05 10:00 +00:00 · 10h\n' +
        '  p1-restore   2%   20 USD  (cut 10 USD by the cap)\n' +
        '      test/fixtures/e2e/contract/tickets.csv:4 T3 · 2026-02-11 08:00 +00:00 → 2026-02-11 14:00 +00:00 · 5h · charged acme 1h\n',
    );
    expect(r.stdout).toContain('1 statement as of 2026-07-01: issued 260 USD\n');
  });

  test('JSON evidence lists open records at their value so far', async () => {
    const r = await credits('--period', '2026-05', '--evidence', '--format', 'json');
    const out = JSON.parse(r.stdout) as { credits: { items: { evidence: { file: string; unit: string; records: unknown[] } }[] }[] };
    expect(out.credits).toHaveLength(1);
    expect(out.credits[0]!.items[0]!.evidence).toEqual({
      file: 'test/fixtures/e2e/contract/tickets.csv',
      unit: 's',
      records: [
        // 08:00–20:00 = 12h = 43,200 s
        { line: 7, key: 'T6', start: '2026-05-05T08:00:00.000Z', end: '2026-05-05T20:00:00.000Z', value: 43200, open: false, charged: {} },
        // open: 30 May 08:00 → 1 Jul 00:00 = 16h + 31 × 24h = 760h = 2,736,000 s so far
        { line: 9, key: 'T8', start: '2026-05-30T08:00:00.000Z', end: null, value: 2736000, open: true, charged: {} },
      ],
    });
  });

  test('CSV: one row per item, whose paid column sums to what is issued; with --evidence one row per record', async () => {
    const r = await credits('--format', 'csv');
    // paid: 100; 250 + 10 = 260 (the cap); 260; 0 (under the minimum): 620, as the statement says
    expect(r.stdout).toBe(
      'agreement,period,objective,percent,amount,cut,paid,currency,claim_by\r\n' +
        'cloud-sla,2026-01,uptime,10,100,0,100,USD,2026-03-02\r\n' +
        'cloud-sla,2026-02,uptime,25,250,0,250,USD,2026-03-30\r\n' +
        'cloud-sla,2026-02,p1-restore,2,20,10,10,USD,2026-03-30\r\n' +
        'cloud-sla,2026-03,uptime,100,1000,740,260,USD,2026-04-30\r\n' +
        'cloud-sla,2026-05,p1-restore,2,20,0,0,USD,2026-06-30\r\n',
    );
    const ev = await credits('--format', 'csv', '--evidence', '--period', '2026-02');
    expect(ev.stdout.split('\r\n')).toEqual([
      'agreement,period,objective,file,line,key,start,end,value,unit,open,charged',
      'cloud-sla,2026-02,uptime,test/fixtures/e2e/contract/incidents.csv,3,I2,2026-02-05T00:00:00.000Z,2026-02-05T10:00:00.000Z,36000,s,false,',
      'cloud-sla,2026-02,p1-restore,test/fixtures/e2e/contract/tickets.csv,4,T3,2026-02-11T08:00:00.000Z,2026-02-11T14:00:00.000Z,18000,s,false,acme=3600',
      '',
    ]);
  });

  test('Markdown: a table per statement and, with --evidence, per credited item', async () => {
    const r = await credits('--format', 'markdown', '--period', '2026-02', '--evidence');
    expect(r.stdout).toContain('| uptime | 25% | 250 USD | — |\n| p1-restore | 2% | 20 USD | 10 USD |\n');
    expect(r.stdout).toContain('**Total** 270 USD · **capped** 260 USD · **issued** 260 USD · **claim by** 2026-03-30\n');
    expect(r.stdout).toContain('| 4 | T3 | 2026-02-11 08:00 +00:00 | 2026-02-11 14:00 +00:00 | 5h | acme 1h |\n');
  });

  test('a fee period without credits says so (exit 0); a label that is no fee period, or no agreement with a fee, exits 2', async () => {
    const april = await credits('--period', '2026-04');
    expect([april.code, april.stdout]).toEqual([0, 'No credits for 2026-04 as of 2026-07-01: no window of that fee period is credited.\n']);
    const miss = await credits('--period', '2026-Q1');
    expect(miss.code).toBe(2);
    expect(miss.stderr).toBe(
      'slacheck: --period 2026-Q1: no fee period has this label; fee periods evaluated: 2026-01, 2026-02, 2026-03, 2026-04, 2026-05, 2026-06\n',
    );
    const noFee = await runMain(['credits', 'examples/revenue-chain', ...AS_OF]);
    expect([noFee.code, noFee.stdout, noFee.stderr]).toEqual([2, '', 'slacheck: no agreement in the given paths has a `fee`: credits are amounts of a fee (SPEC 6)\n']);
    const format = await credits('--format', 'xlsx');
    expect(format.code).toBe(2);
  });
});

describe('remedies in CI formats agree with the exit code', () => {
  test('GitHub: an error at the remedy\'s YAML line when it fails the run; JUnit: a failed test case, or a passing one with a note', async () => {
    const gh = await runMain(['evaluate', DIR, ...AS_OF, '--window', '2026-06', '--format', 'github']);
    expect(gh.code).toBe(1);
    // the remedy starts at line 44, column 5 of cloud-sla.yaml
    expect(gh.stdout).toBe(
      '::error file=test/fixtures/e2e/contract/cloud-sla.yaml,line=44,col=5,title=cloud-sla/termination-right triggered at 2026-06::' +
        'cloud-sla/termination-right triggered at 2026-06: 3 of the last 6 windows breached (2026-01, 2026-02, 2026-03); act by 2026-08-29\n' +
        // then the summary every format prints: the two objectives' June windows, both met
        '::notice title=slacheck summary::2 complete windows: 2 met, 0 at-risk, 0 breached, 0 excused, 0 no-data\n',
    );
    const failed = await runMain(['evaluate', DIR, ...AS_OF, '--window', '2026-06', '--format', 'junit', '--fail-on', 'remedy']);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('<testsuite name="cloud-sla" tests="4" failures="1" skipped="0"');
    expect(failed.stdout).toContain('<testcase classname="cloud-sla" name="remedy termination-right [2026-06]" time="0">\n      <failure message="cloud-sla/termination-right triggered at 2026-06: ');
    expect(failed.stdout).toContain('<testcase classname="cloud-sla" name="remedy service-review [2026-06]" time="0"/>');
    // --fail-on no-data does not count remedies: the exit code is 0 and the test case passes with a note
    const passed = await runMain(['evaluate', DIR, ...AS_OF, '--window', '2026-06', '--format', 'junit', '--fail-on', 'no-data']);
    expect(passed.code).toBe(0);
    expect(passed.stdout).toContain('tests="4" failures="0"');
    expect(passed.stdout).toContain('<testcase classname="cloud-sla" name="remedy termination-right [2026-06]" time="0">\n      <system-out>');
  });
});
