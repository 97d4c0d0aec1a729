/**
 * The expected results of the bundled examples at `--as-of 2026-07-01`, worked out by hand in
 * examples/README.md (the arithmetic is there; the recipes of examples/real-exports/ are checked
 * one by one in test/e2e/real-exports.test.ts, and count here in the totals). Runs the library
 * pipeline the CLI uses: load, compile, and the core's one call (measure, attribute dependencies,
 * apply credits).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadAgreements } from '../../src/agreement/loader.js';
import { INIT_FILES } from '../../src/cli/init-template.js';
import { compileAgreements } from '../../src/compile/index.js';
import { evaluate as evaluateCore } from '../../src/core/evaluate.js';
import { readCsv } from '../../src/data/csv.js';
import { summarize, type Evaluated } from '../../src/evaluate/result.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function evaluate(path: string, asOf: string, cwd: string): Promise<Evaluated[]> {
  const loaded = await loadAgreements([path], { cwd });
  const { agreements } = compileAgreements(loaded.agreements, { cwd });
  const readRows = (...args: Parameters<typeof readCsv>) => readCsv(...args);
  return (await evaluateCore(agreements, { asOf, readRows })).results;
}

const M = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];

/** Status per window, in window order (README "Expected results"). */
const STATUSES: Record<string, string[]> = {
  'app-maintenance/specs-on-time': ['met', 'at-risk', 'breached', 'at-risk', 'at-risk', 'at-risk'],
  'app-maintenance/cr-on-time': ['met', 'met', 'excused', 'breached', 'met', 'met'],
  'internet-uc/uptime': ['met', 'met', 'breached', 'met', 'met', 'met'],
  'marketing-sales-ola/qualified-leads': ['met', 'breached', 'at-risk', 'breached', 'met', 'met'],
  'network-ola/restore-time': ['met', 'met', 'breached', 'met', 'met', 'met'],
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
  // 100 × (1 − 1200/2678400), 100, 100 × (1 − 18000/(2674800 − 7200)), 100 × (1 − 1800/2592000), 100, 100
  'internet-uc/uptime': [99.955197, 100, 99.325236, 99.930556, 100, 100],
  'marketing-sales-ola/qualified-leads': [230, 190, 215, 150, 240, 225],
  // p90 of 5 incidents: v[3] + 0.6 × (v[4] − v[3]) hours
  'network-ola/restore-time': [2.6 * 3600, 2.3 * 3600, 5.6 * 3600, 3.0 * 3600, 2.6 * 3600, 3.3 * 3600],
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
  const find = (key: string, label: string): Evaluated => {
    const r = results.find((e) => `${e.agreement}/${e.objective}` === key && e.window.label === label);
    if (!r) throw new Error(`no result for ${key} ${label}`);
    return r;
  };
  beforeAll(async () => {
    results = await evaluate(join(ROOT, 'examples'), '2026-07-01', ROOT);
  });

  // 76 of the three scenarios and 24 of the recipes in real-exports/ (examples/real-exports/README.md)
  test('100 complete windows, January to June (no July yet)', () => {
    expect(results).toHaveLength(100);
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

  test('summary: 66 met, 13 at-risk, 19 breached, 2 excused', () => {
    expect(summarize(results)).toEqual({ met: 66, 'at-risk': 13, breached: 19, excused: 2, 'no-data': 0 });
    // the three scenarios: 55 met, 7 at-risk, 12 breached, 2 excused; the recipes: 11, 6, 7, 0
    const recipes = new Set(['checkout-platform', 'jsm-service-desk', 'servicenow-incidents', 'stadtwerke-it', 'zendesk-support']);
    expect(summarize(results.filter((r) => !recipes.has(r.agreement)))).toEqual({ met: 55, 'at-risk': 7, breached: 12, excused: 2, 'no-data': 0 });
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
  });

  test('credits only for breached windows with tiers', () => {
    const credited = results.filter((r) => r.credit).map((r) => [`${r.agreement}/${r.objective}`, r.window.label, r.credit]);
    expect(credited).toEqual([
      ['app-maintenance/cr-on-time', '2026-04', { percent: 5, amount: 400, currency: 'EUR' }], // 5% of 8000
      // the recipes (examples/real-exports/README.md)
      ['checkout-platform/checkout-availability', '2026-03', { percent: 10, amount: 2000, currency: 'USD' }],
      ['internet-uc/uptime', '2026-03', { percent: 5, amount: 100, currency: 'EUR' }], // 5% of 2000
      ['jsm-service-desk/highest-resolution', '2026-Q2', { percent: 10, amount: 1500, currency: 'USD' }],
      ['service-desk/p1-resolution', '2026-03', { percent: 5, amount: 600, currency: 'EUR' }], // 10h > 8h
      ['service-desk/p1-resolution', '2026-05', { percent: 10, amount: 1200, currency: 'EUR' }], // 13h > 12h
      ['servicenow-incidents/critical-restore', '2026-Q1', { percent: 10, amount: 900, currency: 'GBP' }],
      ['servicenow-incidents/high-restore', '2026-Q2', { percent: 5, amount: 450, currency: 'GBP' }],
      ['stadtwerke-it/loesung-kritisch-hoch', '2026-Q2', { percent: 5, amount: 600, currency: 'EUR' }],
      ['zendesk-support/urgent-resolution', '2026-Q2', { percent: 5, amount: null, currency: null }], // no fee
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
    // maintenance: 2h in March, 4h in May, charged to nobody
    expect(find('internet-uc/uptime', '2026-03').charged).toEqual({ none: { records: 1, seconds: 7200 } });
    expect(find('internet-uc/uptime', '2026-05').charged).toEqual({ none: { records: 1, seconds: 14400 } });
  });

  test('counts: open, skipped, excluded and merged records', () => {
    expect(find('service-desk/p2-resolution', '2026-06').counts).toMatchObject({ records: 11, counted: 10, good: 10, open: 1 });
    expect(find('app-maintenance/cr-on-time', '2026-06').counts).toMatchObject({ records: 5, counted: 4, good: 4, open: 1 });
    // CR-125's specs were due before as-of and are still missing: counted as late
    expect(find('app-maintenance/specs-on-time', '2026-06').counts).toMatchObject({ records: 5, counted: 5, good: 4, open: 0 });
    expect(find('marketing-sales-ola/qualified-leads', '2026-06').counts).toMatchObject({ records: 23, counted: 22, skipped: 1 });
    expect(find('internet-uc/uptime', '2026-03').counts).toMatchObject({ records: 3, counted: 2, excluded: 1 });
    // workdays: 20 due in April (21 Apr missed, 28 Apr late), 18 in May
    expect(find('service-desk/daily-open-tickets', '2026-04').counts).toMatchObject({ records: 20, good: 18 });
    expect(find('service-desk/daily-open-tickets', '2026-05').counts).toMatchObject({ records: 18, good: 18 });
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
