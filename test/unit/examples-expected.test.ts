/**
 * The expected results of the bundled examples at `--as-of 2026-07-01`, worked out by hand in
 * examples/README.md (the arithmetic is there; the recipes of examples/real-exports/ are checked
 * one by one in test/e2e/real-exports.test.ts, and count here in the totals). Runs the library
 * pipeline the CLI uses: load, compile, and the core's one call (measure, attribute dependencies,
 * apply credits, credit statements and remedies, SPEC 9.4).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadAgreements } from '../../src/agreement/loader.js';
import { INIT_FILES } from '../../src/cli/init-template.js';
import { compileAgreements } from '../../src/compile/index.js';
import { evaluate as evaluateCore, type Evaluation } from '../../src/core/evaluate.js';
import { readCsv } from '../../src/data/csv.js';
import { summarize, type Evaluated } from '../../src/evaluate/result.js';
import { creditJson, remedyJson } from '../../src/format/json.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function evaluation(path: string, asOf: string, cwd: string): Promise<Evaluation> {
  const loaded = await loadAgreements([path], { cwd });
  const { agreements } = compileAgreements(loaded.agreements, { cwd });
  const readRows = (...args: Parameters<typeof readCsv>) => readCsv(...args);
  return evaluateCore(agreements, { asOf, readRows });
}

async function evaluate(path: string, asOf: string, cwd: string): Promise<Evaluated[]> {
  return (await evaluation(path, asOf, cwd)).results;
}

const M = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];

/** Status per window, in window order (README "Expected results"). */
const STATUSES: Record<string, string[]> = {
  'app-maintenance/specs-on-time': ['met', 'at-risk', 'breached', 'at-risk', 'at-risk', 'at-risk'],
  'app-maintenance/cr-on-time': ['met', 'met', 'excused', 'breached', 'met', 'met'],
  'internet-uc/uptime': ['met', 'met', 'breached', 'met', 'met', 'met'],
  'it-outsourcing/erp-availability': ['met', 'breached', 'excused', 'met', 'breached', 'breached'],
  'it-outsourcing/wan-availability': ['met', 'met', 'breached', 'met', 'met', 'met'],
  'it-outsourcing/incident-restore': ['met', 'met', 'met', 'met', 'breached', 'met'],
  'marketing-sales-ola/qualified-leads': ['met', 'breached', 'at-risk', 'breached', 'met', 'met'],
  'network-ola/restore-time': ['met', 'met', 'breached', 'met', 'met', 'met'],
  'public-cloud/compute-availability': ['met', 'breached', 'breached', 'met', 'met', 'breached'],
  'public-cloud/critical-case-response': ['met', 'met', 'breached', 'breached', 'met', 'breached'],
  'sales-service-ola/new-customers': ['met', 'met', 'met', 'excused', 'met', 'met'],
  'sales-service-ola/friction-report': ['met', 'breached'],
  'service-desk/p1-first-response': ['met', 'met', 'at-risk', 'met', 'breached', 'met'],
  'service-desk/p2-first-response': ['met', 'met', 'met', 'met', 'met', 'met'],
  'service-desk/p1-resolution': ['met', 'met', 'breached', 'met', 'breached', 'met'],
  'service-desk/p2-resolution': ['met', 'met', 'met', 'met', 'met', 'met'],
  'service-desk/info-requests-answered': ['met', 'met', 'met', 'breached', 'met', 'met'],
  'service-desk/daily-open-tickets': ['met', 'at-risk', 'met', 'breached', 'met', 'met'],
  'service-desk/monthly-service-review': ['met', 'met'],
};

/** Values per window, in window order (seconds, %, counts); README has the arithmetic. */
const VALUES: Record<string, number[]> = {
  'app-maintenance/specs-on-time': [100, 80, 60, 80, 80, 80],
  'app-maintenance/cr-on-time': [100, 100, 80, 80, 100, 100],
  // Berlin months on 24x7 minus the announced Sunday 02:00–04:00 windows (2h each) and the outages marked maintenance:
  //   2026-01: 4 Sundays → 2678400 − 4 × 7200 = 2649600; OUT-1 1200 s → 100 × (1 − 1200/2649600) = 100 × (1 − 1/2208)
  //   2026-02: 4 Sundays → 2419200 − 28800 = 2390400, no downtime → 100
  //   2026-03: 743h = 2674800 minus OUT-4 (7200, 15 Mar 02:00–04:00, also that Sunday's window), 1 Mar (7200),
  //            22 Mar (7200) and 29 Mar (3600: spring forward, only 03:00–04:00 CEST exists); 8 Mar was announced
  //            late (82h < 5d) and stays in: 2674800 − 25200 = 2649600; OUT-2 ∪ OUT-3 = 18000 → 100 × (1 − 18000/2649600)
  //   2026-04: 4 Sundays → 2592000 − 28800 = 2563200; OUT-5 1800 → 100 × (1 − 1800/2563200) = 100 × (1 − 1/1424)
  //   2026-05: OUT-6 (14400, covers 10 May's window) + 4 other Sundays (28800) → 2635200, no downtime → 100
  //   2026-06: 4 Sundays → 2563200, no downtime → 100
  'internet-uc/uptime': [99.954710, 100, 99.320652, 99.929775, 100, 100],
  // Berlin months on 24x7 (March 743h = 2674800 s): 100 × (1 − 3600/2678400), 100 × (1 − 18000/2419200),
  // 100 × (1 − 14400/2674800), 100 × (1 − 1800/2592000), 100 × (1 − 21600/2678400), 100 × (1 − 14400/2592000)
  'it-outsourcing/erp-availability': [99.865591, 99.255952, 99.461642, 99.930556, 99.193548, 99.444444],
  // 100 × (1 − 1800/2678400), no outage, 100 × (1 − 14400/2674800), then no outage in April, May and June
  'it-outsourcing/wan-availability': [99.932796, 100, 99.461642, 100, 100, 100],
  // P1/P2 restored within 4h, 10 a month: 10, 9, 10, 9, 8, 9 good
  'it-outsourcing/incident-restore': [100, 90, 100, 90, 80, 90],
  'marketing-sales-ola/qualified-leads': [230, 190, 215, 150, 240, 225],
  // p90 of 5 incidents: v[3] + 0.6 × (v[4] − v[3]) hours
  'network-ola/restore-time': [2.6 * 3600, 2.3 * 3600, 5.6 * 3600, 3.0 * 3600, 2.6 * 3600, 3.3 * 3600],
  // UTC months: 100 × (1 − 180/2678400), 100 × (1 − 3000/2419200), 100 × (1 − 140400/2678400) (39h merged),
  // 100 × (1 − 120/2592000) and 100 × (1 − 120/2678400) (NIM-2632 split at midnight), 100 × (1 − 2700/2592000)
  'public-cloud/compute-availability': [99.99328, 99.875992, 94.758065, 99.99537, 99.99552, 99.895833],
  // critical cases answered within 15m: 5/5, 5/5, 5/8, 4/5, 5/5, 4/5
  'public-cloud/critical-case-response': [100, 100, 62.5, 80, 100, 80],
  'sales-service-ola/new-customers': [55, 52, 58, 41, 53, 56],
  'sales-service-ola/friction-report': [100, 66.666667],
  'service-desk/p1-first-response': [100, 100, 95, 100, 90, 100],
  'service-desk/p2-first-response': [100, 90, 100, 100, 100, 100],
  // p90 of 20: v[17] + 0.1 × (v[18] − v[17]) hours: 6, 7, 10, 6 + 0.1 × 2, 13, 5 + 0.1 × 1
  'service-desk/p1-resolution': [21600, 25200, 36000, 22320, 46800, 18360],
  'service-desk/p2-resolution': [100, 100, 100, 90, 100, 100],
  'service-desk/info-requests-answered': [100, 100, 100, 60, 100, 100],
  'service-desk/daily-open-tickets': [100, 95, 100, 90, 100, 100],
  'service-desk/monthly-service-review': [100, 100],
};

describe('examples at --as-of 2026-07-01', () => {
  let results: Evaluated[] = [];
  let whole: Evaluation;
  const find = (key: string, label: string): Evaluated => {
    const r = results.find((e) => `${e.agreement}/${e.objective}` === key && e.window.label === label);
    if (!r) throw new Error(`no result for ${key} ${label}`);
    return r;
  };
  beforeAll(async () => {
    whole = await evaluation(join(ROOT, 'examples'), '2026-07-01', ROOT);
    results = whole.results;
  });

  // 106 of the four scenarios (76 + contracts/' 30) and 24 of the recipes in real-exports/ (examples/real-exports/README.md)
  test('130 complete windows, January to June (no July yet)', () => {
    expect(results).toHaveLength(130);
    expect(results.every((r) => !r.window.partial)).toBe(true);
    const labels = new Set(results.map((r) => r.window.label));
    expect([...labels].sort()).toEqual([...M, '2026-Q1', '2026-Q2']);
  });

  test.each(Object.entries(STATUSES))('%s statuses', (key, statuses) => {
    const got = results.filter((e) => `${e.agreement}/${e.objective}` === key);
    expect(got.map((e) => e.status)).toEqual(statuses);
  });

  test.each(Object.entries(VALUES))('%s values', (key, values) => {
    const got = results.filter((e) => `${e.agreement}/${e.objective}` === key).map((e) => e.value);
    expect(got).toHaveLength(values.length);
    got.forEach((v, i) => expect(v, `${key} #${i}`).toBeCloseTo(values[i]!, 5));
  });

  test('summary: 84 met, 13 at-risk, 30 breached, 3 excused', () => {
    expect(summarize(results)).toEqual({ met: 84, 'at-risk': 13, breached: 30, excused: 3, 'no-data': 0 });
    // the four scenarios: 73 met, 7 at-risk, 23 breached, 3 excused; the recipes: 11, 6, 7, 0
    const recipes = new Set(['checkout-platform', 'jsm-service-desk', 'servicenow-incidents', 'stadtwerke-it', 'zendesk-support']);
    expect(summarize(results.filter((r) => !recipes.has(r.agreement)))).toEqual({ met: 73, 'at-risk': 7, breached: 23, excused: 3, 'no-data': 0 });
    // contracts/: public-cloud 6 met, 6 breached; it-outsourcing 12 met, 5 breached, 1 excused
    expect(summarize(results.filter((r) => r.agreement === 'public-cloud'))).toEqual({ met: 6, 'at-risk': 0, breached: 6, excused: 0, 'no-data': 0 });
    expect(summarize(results.filter((r) => r.agreement === 'it-outsourcing'))).toEqual({ met: 12, 'at-risk': 0, breached: 5, excused: 1, 'no-data': 0 });
  });

  test('root causes follow the dependency chains', () => {
    expect(find('service-desk/p1-resolution', '2026-03').rootCause).toEqual({
      agreement: 'internet-uc',
      objective: 'uptime',
      owner: 'netco',
      window: '2026-03',
      path: ['service-desk/p1-resolution', 'network-ola/restore-time', 'internet-uc/uptime'],
    });
    expect(find('network-ola/restore-time', '2026-03').rootCause?.path).toEqual(['network-ola/restore-time', 'internet-uc/uptime']);
    // May: the network OLA is met, so nothing explains the breach
    expect(find('service-desk/p1-resolution', '2026-05').rootCause).toBeNull();
    expect(find('internet-uc/uptime', '2026-03').rootCause).toBeNull();
    // excused: the root cause's owner is the customer (company-x) ...
    expect(find('app-maintenance/cr-on-time', '2026-03').rootCause).toEqual({
      agreement: 'app-maintenance',
      objective: 'specs-on-time',
      owner: 'company-x',
      window: '2026-03',
      path: ['app-maintenance/cr-on-time', 'app-maintenance/specs-on-time'],
    });
    // ... or the entry says excuses: true
    expect(find('sales-service-ola/new-customers', '2026-04').rootCause).toEqual({
      agreement: 'marketing-sales-ola',
      objective: 'qualified-leads',
      owner: 'marketing',
      window: '2026-04',
      path: ['sales-service-ola/new-customers', 'marketing-sales-ola/qualified-leads'],
    });
    // April: specs-on-time is only at-risk, so the breach stays the provider's
    expect(find('app-maintenance/cr-on-time', '2026-04').rootCause).toBeNull();
    // contracts/: March's ERP outage came from Hansen's WAN, breached the same month; hansen is the customer
    expect(find('it-outsourcing/erp-availability', '2026-03').rootCause).toEqual({
      agreement: 'it-outsourcing',
      objective: 'wan-availability',
      owner: 'hansen',
      window: '2026-03',
      path: ['it-outsourcing/erp-availability', 'it-outsourcing/wan-availability'],
    });
    // the WAN is met in February, May and June: those ERP breaches are Atlas's own
    for (const w of ['2026-02', '2026-05', '2026-06']) expect(find('it-outsourcing/erp-availability', w).rootCause, w).toBeNull();
  });

  test('credits only for breached windows with tiers', () => {
    const credited = results.filter((r) => r.credit).map((r) => [`${r.agreement}/${r.objective}`, r.window.label, r.credit]);
    expect(credited).toEqual([
      ['app-maintenance/cr-on-time', '2026-04', { percent: 5, amount: 400, currency: 'EUR' }], // 5% of 8000
      // the recipes (examples/real-exports/README.md)
      ['checkout-platform/checkout-availability', '2026-03', { percent: 10, amount: 2000, currency: 'USD' }],
      ['internet-uc/uptime', '2026-03', { percent: 5, amount: 100, currency: 'EUR' }], // 5% of 2000
      ['jsm-service-desk/highest-resolution', '2026-Q2', { percent: 10, amount: 1500, currency: 'USD' }],
      // contracts/ (fee 4000 USD): 99.876 < 99.99 → 10%; 94.758 < 95 → 100%; 99.896 < 99.99 → 10%
      ['public-cloud/compute-availability', '2026-02', { percent: 10, amount: 400, currency: 'USD' }],
      ['public-cloud/compute-availability', '2026-03', { percent: 100, amount: 4000, currency: 'USD' }],
      ['public-cloud/compute-availability', '2026-06', { percent: 10, amount: 400, currency: 'USD' }],
      // 62.5 < 80 → 15%; 80 is not below 80 → 5%
      ['public-cloud/critical-case-response', '2026-03', { percent: 15, amount: 600, currency: 'USD' }],
      ['public-cloud/critical-case-response', '2026-04', { percent: 5, amount: 200, currency: 'USD' }],
      ['public-cloud/critical-case-response', '2026-06', { percent: 5, amount: 200, currency: 'USD' }],
      ['service-desk/p1-resolution', '2026-03', { percent: 5, amount: 600, currency: 'EUR' }], // 10h > 8h
      ['service-desk/p1-resolution', '2026-05', { percent: 10, amount: 1200, currency: 'EUR' }], // 13h > 12h
      ['servicenow-incidents/critical-restore', '2026-Q1', { percent: 10, amount: 900, currency: 'GBP' }],
      ['servicenow-incidents/high-restore', '2026-Q2', { percent: 5, amount: 450, currency: 'GBP' }],
      ['stadtwerke-it/loesung-kritisch-hoch', '2026-Q2', { percent: 5, amount: 600, currency: 'EUR' }],
      ['zendesk-support/urgent-resolution', '2026-Q2', { percent: 5, amount: null, currency: null }], // no fee
    ]);
  });

  test('credit statements of contracts/public-cloud: summed, capped at 50% in objective order, minimum, claim-by', () => {
    // JSON `credits` (examples/README.md, section 4). Fee 4000 USD a month: cap 50% = 2000 USD, minimum 250 USD,
    // claims within 30d: a UTC month ends on the 1st of the next at 00:00; 30 days later is a midnight, so the day before.
    const statements = whole.credits.map(creditJson).filter((s) => s.agreement === 'public-cloud' || s.agreement === 'it-outsourcing');
    expect(statements).toEqual([
      // 400 <= 2000, 400 >= 250: issued. 1 Mar + 30d = 31 Mar -> 30 Mar
      {
        agreement: 'public-cloud', period: '2026-02', items: [{ objective: 'compute-availability', window: '2026-02', percent: 10, amount: 400, cut: 0 }],
        total: 400, capped: 400, issued: 400, currency: 'USD', claimBy: '2026-03-30',
      },
      // 4000 + 600 = 4600 > 2000: compute-availability (first in file order) is paid 2000 of 4000 (cut 2000), which uses
      // the whole cap, so critical-case-response is cut by all of its 600. 1 Apr + 30d = 1 May -> 30 Apr
      {
        agreement: 'public-cloud', period: '2026-03',
        items: [
          { objective: 'compute-availability', window: '2026-03', percent: 100, amount: 4000, cut: 2000 },
          { objective: 'critical-case-response', window: '2026-03', percent: 15, amount: 600, cut: 600 },
        ],
        total: 4600, capped: 2000, issued: 2000, currency: 'USD', claimBy: '2026-04-30',
      },
      // 200 < minimum 250: not issued. 1 May + 30d = 31 May -> 30 May
      {
        agreement: 'public-cloud', period: '2026-04', items: [{ objective: 'critical-case-response', window: '2026-04', percent: 5, amount: 200, cut: 0 }],
        total: 200, capped: 200, issued: 0, currency: 'USD', claimBy: '2026-05-30',
      },
      // 400 + 200 = 600 <= 2000, >= 250: issued. 1 Jul + 30d = 31 Jul -> 30 Jul. January and May have no credit: no statement
      {
        agreement: 'public-cloud', period: '2026-06',
        items: [
          { objective: 'compute-availability', window: '2026-06', percent: 10, amount: 400, cut: 0 },
          { objective: 'critical-case-response', window: '2026-06', percent: 5, amount: 200, cut: 0 },
        ],
        total: 600, capped: 600, issued: 600, currency: 'USD', claimBy: '2026-07-30',
      },
      // it-outsourcing has a fee but no credit tiers: no statement
    ]);
  });

  test('remedies of contracts/it-outsourcing, the only example with remedies', () => {
    // JSON `remedies` (examples/README.md, section 4); Berlin months end on the 1st at 00:00.
    expect(whole.remedies.map(remedyJson)).toEqual([
      // 3 of 6, erp-availability and incident-restore pooled by month: breached 2026-02 (erp), 2026-05 (both, once),
      // 2026-06 (erp); 2026-03 is excused, so it does not count. At 2026-05: 2 breached; at 2026-06: 3.
      // actBy: 1 Jul + 60d = 30 Aug -> 29 Aug
      { agreement: 'it-outsourcing', id: 'termination-right', triggered: true, window: '2026-06', evidence: ['2026-02', '2026-05', '2026-06'], actBy: '2026-08-29' },
      // average < 95% of 3 incident-restore values (100, 90, 100, 90, 80, 90), none before March:
      //   2026-03 (100 + 90 + 100) / 3 = 96.67: not;  2026-04 (90 + 100 + 90) / 3 = 93.33;  2026-05 (100 + 90 + 80) / 3 = 90;
      //   2026-06 (90 + 80 + 90) / 3 = 86.67. actBy + 30d: 1 May -> 31 May -> 30 May; 1 Jun -> 1 Jul -> 30 Jun; 1 Jul -> 31 Jul -> 30 Jul
      { agreement: 'it-outsourcing', id: 'improvement-plan', triggered: true, window: '2026-04', evidence: ['2026-02', '2026-03', '2026-04'], actBy: '2026-05-30' },
      { agreement: 'it-outsourcing', id: 'improvement-plan', triggered: true, window: '2026-05', evidence: ['2026-03', '2026-04', '2026-05'], actBy: '2026-06-30' },
      { agreement: 'it-outsourcing', id: 'improvement-plan', triggered: true, window: '2026-06', evidence: ['2026-04', '2026-05', '2026-06'], actBy: '2026-07-30' },
    ]);
    // the means behind the average entries
    expect(whole.remedies.filter((r) => r.id === 'improvement-plan').map((r) => r.average)).toEqual([
      expect.closeTo(280 / 3, 6),
      expect.closeTo(90, 6),
      expect.closeTo(260 / 3, 6),
    ]);
  });

  test('charges: pauses, input shifts and exclusions', () => {
    // 3 tickets × 4 working hours waiting for the customer
    expect(find('service-desk/p1-resolution', '2026-02').charged).toEqual({ 'company-x': { records: 3, seconds: 43200 } });
    expect(find('service-desk/p2-resolution', '2026-04').charged).toEqual({ 'company-x': { records: 1, seconds: 7200 } });
    // CR-105 specs 16h late; CR-110 8h + CR-111 4h; CR-118 2h; CR-120 8h + 16h; CR-125 96h until as-of
    expect(find('app-maintenance/cr-on-time', '2026-02').charged).toEqual({ 'company-x': { records: 1, seconds: 57600 } });
    expect(find('app-maintenance/cr-on-time', '2026-03').charged).toEqual({ 'company-x': { records: 2, seconds: 43200 } });
    expect(find('app-maintenance/cr-on-time', '2026-04').charged).toEqual({ 'company-x': { records: 1, seconds: 7200 } });
    expect(find('app-maintenance/cr-on-time', '2026-05').charged).toEqual({ 'company-x': { records: 1, seconds: 86400 } });
    expect(find('app-maintenance/cr-on-time', '2026-06').charged).toEqual({ 'company-x': { records: 1, seconds: 345600 } });
    // maintenance, charged to nobody: the outages marked maintenance (records) plus the Sunday windows that
    // removed service time of their own (records = occurrences, SPEC 9.7); a window lying inside such an
    // outage (15 Mar in OUT-4, 10 May in OUT-6) is charged to the outage's exclusion, listed first
    // January, February, April, June: 4 Sundays × 2h
    for (const w of ['2026-01', '2026-02', '2026-04', '2026-06']) {
      expect(find('internet-uc/uptime', w).charged, w).toEqual({ none: { records: 4, seconds: 28800 } });
    }
    // March: OUT-4 2h + 1 Mar 2h + 22 Mar 2h + 29 Mar 1h (8 Mar announced too late: not excluded)
    expect(find('internet-uc/uptime', '2026-03').charged).toEqual({ none: { records: 1 + 3, seconds: 7200 + 7200 + 7200 + 3600 } });
    // May: OUT-6 4h + 3, 17, 24 and 31 May 2h each
    expect(find('internet-uc/uptime', '2026-05').charged).toEqual({ none: { records: 1 + 4, seconds: 14400 + 4 * 7200 } });
  });

  test('counts: open, skipped, excluded and merged records', () => {
    expect(find('service-desk/p2-resolution', '2026-06').counts).toMatchObject({ records: 11, counted: 10, good: 10, open: 1 });
    expect(find('app-maintenance/cr-on-time', '2026-06').counts).toMatchObject({ records: 5, counted: 4, good: 4, open: 1 });
    // CR-125's specs were due before as-of and are still missing: counted as late
    expect(find('app-maintenance/specs-on-time', '2026-06').counts).toMatchObject({ records: 5, counted: 5, good: 4, open: 0 });
    expect(find('marketing-sales-ola/qualified-leads', '2026-06').counts).toMatchObject({ records: 23, counted: 22, skipped: 1 });
    expect(find('internet-uc/uptime', '2026-03').counts).toMatchObject({ records: 3, counted: 2, excluded: 1 });
    expect(find('internet-uc/uptime', '2026-05').counts).toMatchObject({ records: 1, counted: 0, excluded: 1 });
    // contracts/: two overlapping incidents in March; NIM-2632 touches April and May; March's 8 critical cases
    expect(find('public-cloud/compute-availability', '2026-03').counts).toMatchObject({ records: 2, counted: 2 });
    expect(find('public-cloud/compute-availability', '2026-04').counts).toMatchObject({ records: 1, counted: 1 });
    expect(find('public-cloud/compute-availability', '2026-05').counts).toMatchObject({ records: 1, counted: 1 });
    expect(find('public-cloud/critical-case-response', '2026-03').counts).toMatchObject({ records: 8, counted: 8, good: 5 });
    expect(find('it-outsourcing/wan-availability', '2026-02').counts).toMatchObject({ records: 0, counted: 0 });
    expect(find('it-outsourcing/incident-restore', '2026-05').counts).toMatchObject({ records: 10, counted: 10, good: 8 });
    // workdays: 20 due in April (21 Apr missed, 28 Apr late), 18 in May
    expect(find('service-desk/daily-open-tickets', '2026-04').counts).toMatchObject({ records: 20, good: 18 });
    expect(find('service-desk/daily-open-tickets', '2026-05').counts).toMatchObject({ records: 18, good: 18 });
  });

  test('maintenance: the Sundays of March 2026, one announced too late, one shortened by the clock change', () => {
    const step = find('internet-uc/uptime', '2026-03').explanation.computation.find((s) => s.kind === 'maintenance');
    if (step?.kind !== 'maintenance') throw new Error('no maintenance step');
    const utc = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().slice(0, 16));
    expect(step.occurrences.map((o) => [utc(o.start), utc(o.end), o.used, o.why, utc(o.announcedAt)])).toEqual([
      // Monday 10:00 notices, 136h ahead (>= 5d)
      ['2026-03-01T01:00', '2026-03-01T03:00', true, 'announced', '2026-02-23T09:00'],
      // NC-011 came on Wednesday 4 March 16:00 CET, 82h ahead: too late for 8 March ...
      ['2026-03-08T01:00', '2026-03-08T03:00', false, 'too-late', '2026-03-04T15:00'],
      // ... so it announces the first Sunday at least 5d after it (SPEC 9.7), 15 March; NC-012 is then not needed
      ['2026-03-15T01:00', '2026-03-15T03:00', true, 'announced', '2026-03-04T15:00'],
      ['2026-03-22T01:00', '2026-03-22T03:00', true, 'announced', '2026-03-16T09:00'],
      // spring forward: 02:00–03:00 does not exist, 03:00–04:00 CEST is 1h
      ['2026-03-29T01:00', '2026-03-29T02:00', true, 'announced', '2026-03-23T09:00'],
    ]);
  });

  test('reports: matched as SPEC 4 v1.1 says, with roll', () => {
    // friction-report, roll: previous-workday: Easter Sunday 5 April → Thursday 2 April (Saturday
    // has no hours, Good Friday is a holiday), sent 10:00 → on time; 5 May sent 14:30 → 2h 30m
    // (9000 s) late, as June takes its own 5 June 11:00
    const q2 = find('sales-service-ola/friction-report', '2026-Q2');
    expect(q2.counts).toMatchObject({ records: 3, good: 2 });
    expect(q2.explanation.computation).toContainEqual({ kind: 'rolled', roll: 'previous-workday', occurrences: [{ date: '2026-04-02', from: ['2026-04-05'] }] });
    expect(q2.explanation.computation).toContainEqual({ kind: 'late-deliveries', deliveries: [{ date: '2026-05-05', delay: 9000 }] });
    // daily-open-tickets, 2026-02: Tuesday 17 Feb's 10:25 is the earliest delivery left over after
    // its due (Wednesday takes its own 09:26): 25m (1500 s) late
    expect(find('service-desk/daily-open-tickets', '2026-02').explanation.computation).toContainEqual({ kind: 'late-deliveries', deliveries: [{ date: '2026-02-17', delay: 1500 }] });
  });
});

describe('init starter', () => {
  test('evaluates at once: every quarter met, also in a partial quarter', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slacheck-init-'));
    try {
      for (const f of INIT_FILES) {
        mkdirSync(dirname(join(dir, f.path)), { recursive: true });
        writeFileSync(join(dir, f.path), f.content);
      }
      const results = await evaluate(dir, '2026-11-27T12:00:00Z', dir);
      // Q1–Q3 complete, Q4 partial; 3 tickets a quarter (2 in Q4 so far: December's is in the future)
      expect(results.map((r) => `${r.objective} ${r.window.label} ${r.status} ${r.counts.counted}`)).toEqual([
        'first-response 2026-Q1 met 3',
        'first-response 2026-Q2 met 3',
        'first-response 2026-Q3 met 3',
        'first-response 2026-Q4 met 2',
        'monthly-report 2026-Q1 met 3',
        'monthly-report 2026-Q2 met 3',
        'monthly-report 2026-Q3 met 3',
        'monthly-report 2026-Q4 met 2',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
