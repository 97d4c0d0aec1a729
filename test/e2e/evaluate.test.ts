/**
 * `slacheck evaluate` end to end on test/fixtures/e2e/evaluate/ (SPEC 3–8): the JSON contract and
 * the exit codes. Both agreements are in UTC on the 24x7 calendar, so every number is plain
 * wall-clock arithmetic, worked out below.
 *
 * e2e-desk/p1-resolution: P1 tickets, ratio of durations opened_at → resolved_at within 4h,
 * target >= 75%, warning >= 90%, pause column waiting_minutes (acme), exclude cause=maintenance
 * (none), dependsOn e2e-uc/uptime, credits below 75% → 10%, below 50% → 25%; fee 1000 EUR/month.
 * e2e-desk/p1-volume: owner acme, count of P1 tickets by opened_at, target <= 10.
 * e2e-uc/uptime: outages start → end, target >= 99%, exclude cause=planned (none).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runMain, type CliRun } from './cli.js';

const DIR = 'test/fixtures/e2e/evaluate';
const DATA = `${DIR}/data`;
const evaluate = (...args: string[]) => runMain(['evaluate', DIR, ...args]);

type Json = {
  asOf: string;
  results: Array<Record<string, unknown> & { agreement: string; objective: string; owner: string; status: string; window: { label: string; partial: boolean } }>;
  summary: Record<string, number>;
};
const parse = (s: string) => JSON.parse(s) as Json;

const month = (label: string, start: string, end: string, partial = false) => ({ label, start, end, partial });
const JAN = month('2026-01', '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z');
const FEB = month('2026-02', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z');
const MAR = month('2026-03', '2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z');
const counts = (records: number, counted: number, good: number, open = 0, excluded = 0, skipped = 0) => ({
  records,
  counted,
  good,
  open,
  excluded,
  skipped,
  invalid: 0,
});

// lowerBound: no open record entered a value as a lower bound (SPEC 3.4 v1.1)
const RESOLUTION = { agreement: 'e2e-desk', objective: 'p1-resolution', owner: 'ops', unit: '%', target: '>= 75%', lowerBound: false };
const VOLUME = { agreement: 'e2e-desk', objective: 'p1-volume', owner: 'acme', unit: 'count', target: '<= 10', lowerBound: false };
const UPTIME = { agreement: 'e2e-uc', objective: 'uptime', owner: 'carrier', unit: '%', target: '>= 99%', lowerBound: false };

/** SPEC 9.3: a complete window's error budget (no projection, no exhaustion instant). */
const budget = (unit: 'records' | 's', allowed: number, used: number, remaining: number, burnRate: number | null) => ({ unit, allowed, used, remaining, burnRate, exhaustsAt: null });

/** The full SPEC 8 document at --as-of 2026-04-01 (January–March complete, April not reported). */
const AS_OF_APRIL = {
  asOf: '2026-04-01', // a bare date is echoed as given (SPEC 7)
  results: [
    // January: T1 1h, T2 3h, T4 4h (≤ 4h is good), T3 5h30m − 120m paused = 3h30m → 4/4 = 100% ≥ 90% → met.
    // T5 is P2 and filtered by `where`. The pause charges acme 1 record, 120 × 60 = 7200 s.
    {
      ...RESOLUTION, window: JAN, value: 100, status: 'met', counts: counts(4, 4, 4),
      charged: { acme: { records: 1, seconds: 7200 } }, rootCause: null, credit: null,
      // budget (>= 75%): allowed 25% × 4 counted = 1 bad record; none used
      budget: budget('records', 1, 0, 1, 0),
    },
    // February: T6 1h, T7 2h, T8 3h good; T9 9h bad; T10 (11h) is excluded (maintenance, party none).
    // 3 good / 4 counted = 75% ≥ 75% but < 90% warning → at-risk. An excluded ratio record takes no seconds.
    {
      ...RESOLUTION, window: FEB, value: 75, status: 'at-risk', counts: counts(5, 4, 3, 0, 1),
      charged: { none: { records: 1, seconds: 0 } }, rootCause: null, credit: null,
      // allowed 25% × 4 = 1; T9 used it: 0 left, burn rate 1
      budget: budget('records', 1, 1, 0, 1),
    },
    // March: T11 1h, T14 2h good; T12 6h, T13 24h bad; T15 open since 03-30 09:00, 39h elapsed at
    // --as-of > 4h → counted bad, placed at its breach instant 03-30 13:00. 2/5 = 40% < 75% → breached.
    // Credit: lowest `below` the value is under: 40 < 50 → 25% of 1000 EUR = 250 EUR.
    // The dependency e2e-uc/uptime is breached in March → root cause carrier (not a customer → stays breached).
    {
      ...RESOLUTION, window: MAR, value: 40, status: 'breached', counts: counts(5, 5, 2),
      charged: {},
      rootCause: {
        agreement: 'e2e-uc', objective: 'uptime', owner: 'carrier', window: '2026-03',
        path: ['e2e-desk/p1-resolution', 'e2e-uc/uptime'],
      },
      credit: { percent: 25, amount: 250, currency: 'EUR' },
      // allowed 25% × 5 = 1.25; 3 bad: remaining −1.75, burn rate 3 ÷ 1.25 = 2.4
      budget: budget('records', 1.25, 3, -1.75, 2.4),
    },
    // p1-volume counts P1 tickets by opened_at: Jan T1–T4 = 4, Feb T6–T10 = 5, Mar T11–T15 = 5; all ≤ 10.
    // A count target has no budget (SPEC 9.3: only `>=`/`>` percentages).
    { ...VOLUME, window: JAN, value: 4, status: 'met', counts: counts(4, 4, 0), charged: {}, rootCause: null, credit: null, budget: null },
    { ...VOLUME, window: FEB, value: 5, status: 'met', counts: counts(5, 5, 0), charged: {}, rootCause: null, credit: null, budget: null },
    { ...VOLUME, window: MAR, value: 5, status: 'met', counts: counts(5, 5, 0), charged: {}, rootCause: null, credit: null, budget: null },
    // January: 31 d × 24 h = 744 h; O1 3h43m12s = 3.72 h; 100 × (1 − 3.72/744) = 100 × (1 − 0.005) = 99.5 → met.
    // Budget (>= 99%): allowed 1% × 2,678,400 s = 26,784 s; used 3.72 h = 13,392 s; burn rate 0.5.
    { ...UPTIME, window: JAN, value: 99.5, status: 'met', counts: counts(1, 1, 0), charged: {}, rootCause: null, credit: null, budget: budget('s', 26784, 13392, 13392, 0.5) },
    // February: no downtime, service time 672 h > 0 → 100.
    // Budget: 1% × 2,419,200 s = 24,192 s, nothing used.
    { ...UPTIME, window: FEB, value: 100, status: 'met', counts: counts(0, 0, 0), charged: {}, rootCause: null, credit: null, budget: budget('s', 24192, 0, 24192, 0) },
    // March: O3 (planned, 2h) leaves downtime and service time: 744 − 2 = 742 h; O2 14h50m24s = 14.84 h;
    // 100 × (1 − 14.84/742) = 100 × (1 − 0.02) = 98 < 99 → breached; no credits defined → null.
    // The exclusion charges none 1 record and the 2 h = 7200 service seconds it removed.
    {
      ...UPTIME, window: MAR, value: 98, status: 'breached', counts: counts(2, 1, 0, 0, 1),
      charged: { none: { records: 1, seconds: 7200 } }, rootCause: null, credit: null,
      // Budget: 1% × 742 h = 7.42 h = 26,712 s; used 14.84 h = 53,424 s: overspent by 26,712 s, burn rate 2.
      budget: budget('s', 26712, 53424, -26712, 2),
    },
  ],
  // resolution: Jan met, Feb at-risk, Mar breached; volume: 3 met; uptime: Jan, Feb met, Mar breached
  // → met 1 + 3 + 2 = 6, at-risk 1, breached 1 + 1 = 2.
  summary: { met: 6, 'at-risk': 1, breached: 2, excused: 0, 'no-data': 0 },
  warnings: [],
  // SPEC 9.4: one statement for the one fee period with a credit; no creditTerms, so nothing is
  // capped or dropped: 25% × 1000 EUR = 250 EUR issued, no claim window (claimBy null).
  credits: [
    {
      agreement: 'e2e-desk', period: '2026-03',
      items: [{ objective: 'p1-resolution', window: '2026-03', percent: 25, amount: 250, cut: 0 }],
      total: 250, capped: 250, issued: 250, currency: 'EUR', claimBy: null,
    },
  ],
  remedies: [],
};

describe('evaluate --format json (SPEC 8)', () => {
  let run: CliRun;
  beforeAll(async () => {
    run = await evaluate('--as-of', '2026-04-01', '--format', 'json');
  });

  test('the whole document, worked out by hand', () => {
    expect(parse(run.stdout)).toEqual(AS_OF_APRIL);
  });

  test('key order is the documented one', () => {
    const json = parse(run.stdout);
    expect(Object.keys(json)).toEqual(['asOf', 'results', 'summary', 'warnings', 'credits', 'remedies']);
    expect(Object.keys(json.results[0]!)).toEqual([
      'agreement', 'objective', 'owner', 'window', 'value', 'lowerBound', 'unit', 'target', 'status', 'counts', 'charged', 'rootCause', 'credit', 'budget',
    ]);
    expect(Object.keys(json.results[0]!.window)).toEqual(['label', 'start', 'end', 'partial']);
    expect(Object.keys(json.results[0]!.counts as object)).toEqual(['records', 'counted', 'good', 'open', 'excluded', 'skipped', 'invalid']);
    expect(Object.keys(json.summary)).toEqual(['met', 'at-risk', 'breached', 'excused', 'no-data']);
  });

  test('a complete breached window fails the run: exit 1, and stderr says which windows', () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('slacheck: 2 complete windows at --fail-on breached: e2e-desk/p1-resolution 2026-03 breached, e2e-uc/uptime 2026-03 breached\n');
  });

  test('an --as-of instant with an offset is echoed in UTC with milliseconds', async () => {
    const r = await evaluate('--as-of', '2026-04-01T02:00:00+02:00', '--format', 'json');
    expect(parse(r.stdout).asOf).toBe('2026-04-01T00:00:00.000Z');
    // the same instant as the bare date in UTC: the same results
    expect(parse(r.stdout).results).toEqual(AS_OF_APRIL.results);
  });

  test('determinism: two runs give byte-identical JSON', async () => {
    const again = await evaluate('--as-of', '2026-04-01', '--format', 'json');
    expect(again.stdout).toBe(run.stdout);
    expect(again.stdout.length).toBeGreaterThan(1000);
  });
});

describe('evaluate exit codes (SPEC 6)', () => {
  test('0 when everything is met (--as-of 2026-02-01: only January is reported)', async () => {
    const r = await evaluate('--as-of', '2026-02-01', '--format', 'json');
    expect(r.code).toBe(0);
    const json = parse(r.stdout);
    expect(json.results.map((x) => `${x.objective} ${x.window.label} ${x.status}`)).toEqual([
      'p1-resolution 2026-01 met',
      'p1-volume 2026-01 met',
      'uptime 2026-01 met',
    ]);
  });

  test('0 with --fail-on never although March is breached', async () => {
    const r = await evaluate('--as-of', '2026-04-01', '--fail-on', 'never', '--format', 'json');
    expect(r.code).toBe(0);
    expect(parse(r.stdout).summary.breached).toBe(2);
  });

  test('a breach in the partial window does not fail; --fail-on at-risk fails on February', async () => {
    // --as-of 2026-03-15: March is partial. p1-resolution sees T11 (1h, good) and T12 (6h, bad);
    // T13–T15 start after --as-of and are ignored → 1/2 = 50% < 75% → breached, but partial, so no
    // credit. Uptime: O2 starts on 03-16 → March 100%. February at-risk (75% < 90%) as above.
    const r = await evaluate('--as-of', '2026-03-15', '--format', 'json');
    expect(r.code).toBe(0);
    const march = parse(r.stdout).results.filter((x) => x.window.label === '2026-03');
    expect(march).toEqual([
      {
        ...RESOLUTION, window: { ...MAR, partial: true }, value: 50, status: 'breached', counts: counts(2, 2, 1),
        charged: {}, rootCause: null, credit: null,
        // SPEC 9.3 projection (24x7): 14 of 31 days passed; 2 counted -> 2 × 31/14 = 4.428571…;
        // allowed 25% of that = 1.107142857; 1 used; burn rate (1 ÷ 1.107142857) ÷ (14/31) = 2;
        // spent after (14/31) × 1.107142857 = 0.5 of the month: 15.5 days -> 16 March 12:00
        budget: { unit: 'records', allowed: 1.107142857, used: 1, remaining: 0.107142857, burnRate: 2, exhaustsAt: '2026-03-16T12:00:00.000Z' },
      },
      // T11, T12 opened before --as-of
      { ...VOLUME, window: { ...MAR, partial: true }, value: 2, status: 'met', counts: counts(2, 2, 0), charged: {}, rootCause: null, credit: null, budget: null },
      // the whole month's service time is known: 1% × 2,678,400 s = 26,784 s, nothing used
      {
        ...UPTIME, window: { ...MAR, partial: true }, value: 100, status: 'met', counts: counts(0, 0, 0), charged: {}, rootCause: null, credit: null,
        budget: { unit: 's', allowed: 26784, used: 0, remaining: 26784, burnRate: 0, exhaustsAt: null },
      },
    ]);
    const strict = await evaluate('--as-of', '2026-03-15', '--fail-on', 'at-risk', '--format', 'json');
    expect(strict.code).toBe(1);
  });

  test('--fail-on at-risk passes when nothing is at risk or breached', async () => {
    const r = await evaluate('--as-of', '2026-02-01', '--fail-on', 'at-risk', '--format', 'json');
    expect(r.code).toBe(0);
  });

  test('--owner narrows the results and the exit code', async () => {
    // acme owns only p1-volume, met in every month → 0, although ops and carrier breach March
    const acme = await evaluate('--as-of', '2026-04-01', '--owner', 'acme', '--format', 'json');
    expect(acme.code).toBe(0);
    const json = parse(acme.stdout);
    expect(json.results.map((x) => `${x.owner} ${x.objective} ${x.window.label}`)).toEqual([
      'acme p1-volume 2026-01',
      'acme p1-volume 2026-02',
      'acme p1-volume 2026-03',
    ]);
    expect(json.summary).toEqual({ met: 3, 'at-risk': 0, breached: 0, excused: 0, 'no-data': 0 });
    const carrier = await evaluate('--as-of', '2026-04-01', '--owner', 'carrier', '--format', 'json');
    expect(carrier.code).toBe(1);
    expect(parse(carrier.stdout).results.map((x) => x.objective)).toEqual(['uptime', 'uptime', 'uptime']);
  });

  test('--data ID=FILE reads another CSV for the data set', async () => {
    // tickets-alt.csv holds one P1 ticket, 2026-03-03 09:00 → 10:00 (1h, good): January and February
    // have no counted record → no-data (value null); March 1/1 = 100% → met. Only p1-resolution shown.
    const r = await evaluate('--as-of', '2026-04-01', '--data', `tickets=${DATA}/tickets-alt.csv`, '--objective', 'e2e-desk/p1-resolution', '--format', 'json');
    expect(r.code).toBe(0);
    expect(parse(r.stdout).results).toEqual([
      // nothing counted: nothing allowed, so no burn rate (SPEC 9.7)
      { ...RESOLUTION, window: JAN, value: null, status: 'no-data', counts: counts(0, 0, 0), charged: {}, rootCause: null, credit: null, budget: budget('records', 0, 0, 0, null) },
      { ...RESOLUTION, window: FEB, value: null, status: 'no-data', counts: counts(0, 0, 0), charged: {}, rootCause: null, credit: null, budget: budget('records', 0, 0, 0, null) },
      // 25% of 1 counted = 0.25 allowed
      { ...RESOLUTION, window: MAR, value: 100, status: 'met', counts: counts(1, 1, 1), charged: {}, rootCause: null, credit: null, budget: budget('records', 0.25, 0, 0.25, 0) },
    ]);
  });
});

describe('evaluate input errors: exit 2, problems on stderr, no stack trace', () => {
  const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);

  test('filters that each match something but nothing together: exit 2, never an empty green run', async () => {
    // p1-volume exists and is owned by acme; ops owns p1-resolution: together they select nothing
    const r = await evaluate('--as-of', '2026-04-01', '--objective', 'p1-volume', '--owner', 'ops');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('slacheck: no result matches these filters together (--objective, --owner, --window, --from, --to)\n');
    // each alone is fine
    expect((await evaluate('--as-of', '2026-04-01', '--objective', 'p1-volume', '--fail-on', 'never')).code).toBe(0);
    expect((await evaluate('--as-of', '2026-04-01', '--owner', 'ops', '--fail-on', 'never')).code).toBe(0);
  });

  test('an invalid agreement', async () => {
    const r = await runMain(['evaluate', 'test/fixtures/e2e/validate/unknown-party.yaml', '--as-of', '2026-04-01']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('test/fixtures/e2e/validate/unknown-party.yaml:14:12  error  unknown-party  unknown party `nobody` in owner');
    expect(r.stderr).toContain('slacheck: the agreements are not valid');
    noStack(r.stderr);
  });

  test('a missing CSV', async () => {
    const r = await evaluate('--as-of', '2026-04-01', '--data', `tickets=${DATA}/nope.csv`);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${DATA}/nope.csv  error  csv-unreadable`);
    noStack(r.stderr);
  });

  test('a timestamp that does not exist (2026-02-30) names file, line and column', async () => {
    // tickets-bad-date.csv line 3 (header is line 1), opened_at is the 3rd column
    const r = await evaluate('--as-of', '2026-04-01', '--data', `tickets=${DATA}/tickets-bad-date.csv`);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${DATA}/tickets-bad-date.csv:3:3  error  invalid-timestamp  "2026-02-30T09:00:00Z"`);
    noStack(r.stderr);
  });

  test('--data for a data set no agreement declares', async () => {
    const r = await evaluate('--as-of', '2026-04-01', '--data', `nope=${DATA}/tickets.csv`);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no agreement declares a data set "nope"; declared: e2e-uc/outages, e2e-desk/tickets');
    noStack(r.stderr);
  });

  test('a bad --as-of', async () => {
    const r = await evaluate('--as-of', 'yesterday');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--as-of "yesterday" is not an ISO 8601 date or instant');
    noStack(r.stderr);
  });

  test('a month that does not exist in --as-of', async () => {
    const r = await evaluate('--as-of', '2026-13-01');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--as-of "2026-13-01"');
  });
});

describe('evaluate --output', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'slacheck-e2e-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  test('--output writes the file and stdout stays empty', async () => {
    const file = join(tmp, 'results.json');
    const r = await evaluate('--as-of', '2026-04-01', '--format', 'json', '--output', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(AS_OF_APRIL);
  });

  test('two --format/--output pairs in one run write both files', async () => {
    const json = join(tmp, 'pair.json');
    const xml = join(tmp, 'pair.xml');
    const r = await evaluate('--as-of', '2026-04-01', '--format', 'json', '--output', json, '--format', 'junit', '--output', xml, '--fail-on', 'never');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(json, 'utf8'))).toEqual(AS_OF_APRIL);
    const junit = readFileSync(xml, 'utf8');
    expect(junit.startsWith('<?xml')).toBe(true);
    // 9 results, 2 breached complete windows
    expect(junit).toMatch(/<testsuites [^>]*tests="9" failures="2"/);
  });

  test('a second format without an --output is a usage error', async () => {
    const r = await evaluate('--as-of', '2026-04-01', '--format', 'json', '--format', 'table');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('only one format can go to stdout');
  });
});
