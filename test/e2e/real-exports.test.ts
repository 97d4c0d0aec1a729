/**
 * The recipes of examples/real-exports/: exports shaped as Jira Service Management, Zendesk,
 * ServiceNow, PagerDuty and a German Excel list write them, read without pre-processing. Runs
 * `main()` in-process on each recipe at --as-of 2026-07-01 and checks the numbers worked out by
 * hand in examples/real-exports/README.md (durations in seconds, percentages 0–100).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { EXAMPLES_WARNINGS, ROOT, runMain } from './cli.js';

const DIR = 'examples/real-exports';
const AS_OF = ['--as-of', '2026-07-01'];
const H = 3600;

interface Result {
  agreement: string;
  objective: string;
  window: { label: string; partial: boolean };
  value: number | null;
  lowerBound: boolean;
  status: string;
  counts: Record<string, number>;
  charged: Record<string, { records: number; seconds: number }>;
  rootCause: unknown;
  credit: { percent: number; amount: number | null; currency: string | null } | null;
}
interface Warning {
  code: string;
  message: string;
  agreement: string;
  objective: string | null;
  file: string;
  line: number | null;
}
interface Json {
  results: Result[];
  summary: Record<string, number>;
  warnings: Warning[];
}

/** `evaluate PATH --format json` from the repository root (or `cwd`). */
async function evaluate(path: string, cwd = ROOT): Promise<{ json: Json; stderr: string; code: number | null }> {
  const r = await runMain(['evaluate', path, ...AS_OF, '--format', 'json', '--fail-on', 'never'], { cwd });
  expect(r.code, r.stderr).toBe(0);
  return { json: JSON.parse(r.stdout) as Json, stderr: r.stderr, code: r.code };
}

/** objective → window label → result. */
function byWindow(json: Json): (objective: string, label: string) => Result {
  return (objective, label) => {
    const r = json.results.find((e) => e.objective === objective && e.window.label === label);
    if (!r) throw new Error(`no result for ${objective} ${label}`);
    return r;
  };
}

/** `[objective window, status, value]` of every result, in SPEC 8 order. */
const table = (json: Json) => json.results.map((r) => [`${r.objective} ${r.window.label}`, r.status, Number(r.value?.toFixed(6))]);

const counts = (records: number, counted: number, extra: Partial<Record<'good' | 'open' | 'excluded' | 'skipped' | 'invalid', number>> = {}) => ({
  records,
  counted,
  good: 0,
  open: 0,
  excluded: 0,
  skipped: 0,
  invalid: 0,
  ...extra,
});

const temps: string[] = [];
/** A copy of one recipe folder in a temp folder, with `edit` applied to its agreement file. */
function editedCopy(folder: string, yaml: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'slacheck-recipe-'));
  temps.push(dir);
  cpSync(join(ROOT, DIR, folder), dir, { recursive: true });
  const file = join(dir, yaml);
  const text = readFileSync(file, 'utf8');
  const edited = edit(text);
  expect(edited).not.toBe(text);
  writeFileSync(file, edited);
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** The one warning of the recipes: the German list's junk rows (the same line `evaluate examples` prints). */
const INVALID_ROWS = EXAMPLES_WARNINGS;

describe('examples/real-exports', () => {
  test('validate --strict: every recipe valid, its columns found in the exports, no warning', async () => {
    const r = await runMain(['validate', '--strict', DIR]);
    expect(r.stdout).toBe('✔ 5 files valid, no problems\n');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  test('all recipes together: 24 results, and the German list the only warning', async () => {
    const { json, stderr } = await evaluate(DIR);
    expect(json.results).toHaveLength(24);
    expect(json.summary).toEqual({ met: 11, 'at-risk': 6, breached: 7, excused: 0, 'no-data': 0 });
    expect(json.results.every((r) => !r.window.partial)).toBe(true);
    expect(stderr).toBe(INVALID_ROWS);
  });
});

describe('jira-service-management: Jira dates (dd/MMM/yy h:mm a), repeated Labels, a changelog pause with where', () => {
  test('highest-resolution and vip-resolution per quarter', async () => {
    const { json, stderr } = await evaluate(`${DIR}/jira-service-management`);
    expect(stderr).toBe('');
    expect(json.warnings).toEqual([]);
    expect(table(json)).toEqual([
      // Q1: SUP-101 3h, SUP-104 4.5h (bad), SUP-106 7.5h − 5h waiting = 2.5h, SUP-107 2h, SUP-109 1h;
      // SUP-108 is a duplicate (excluded): 4 of 5
      ['highest-resolution 2026-Q1', 'at-risk', 80],
      // Q2: SUP-111 2.5h, SUP-112 8h (bad), SUP-113 6h (bad), SUP-115 3h (Memorial Day in between);
      // SUP-117 open with 2h so far: 2 of 4
      ['highest-resolution 2026-Q2', 'breached', 50],
      // SUP-103 6.5h, SUP-106 2.5h, SUP-109 1h
      ['vip-resolution 2026-Q1', 'met', 100],
      // SUP-112 8h (within is ≤), SUP-114 12h − 4h waiting = 8h, SUP-116 6h
      ['vip-resolution 2026-Q2', 'met', 100],
    ]);
    const at = byWindow(json);
    expect(at('highest-resolution', '2026-Q1').counts).toEqual(counts(6, 5, { good: 4, excluded: 1 }));
    // SUP-106 waited 10:00–15:00 (5h) for the customer; the duplicate is excluded, charged to nobody
    expect(at('highest-resolution', '2026-Q1').charged).toEqual({ 'acme-retail': { records: 1, seconds: 5 * H }, none: { records: 1, seconds: 0 } });
    expect(at('highest-resolution', '2026-Q1').credit).toBeNull();
    expect(at('highest-resolution', '2026-Q2').counts).toEqual(counts(5, 4, { good: 2, open: 1 }));
    // 50% is below both tiers' 80% and 60%: the lower one, 10% of 15,000 USD
    expect(at('highest-resolution', '2026-Q2').credit).toEqual({ percent: 10, amount: 1500, currency: 'USD' });
    expect(at('vip-resolution', '2026-Q1').charged).toEqual({ 'acme-retail': { records: 1, seconds: 5 * H } });
    // SUP-114 waited Mon 14:00–17:00 and Tue 09:00–10:00
    expect(at('vip-resolution', '2026-Q2').charged).toEqual({ 'acme-retail': { records: 1, seconds: 4 * H } });
    expect(at('vip-resolution', '2026-Q2').counts).toEqual(counts(3, 3, { good: 3 }));
  });

  test('explain names the tickets by Issue key and the changelog rows the pause reads', async () => {
    const r = await runMain(['explain', 'highest-resolution', DIR, '--window', '2026-Q1', ...AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('taken away  pause → acme-retail: 1 record, 5h (To in [Waiting for customer] (jira-changelog, rows where Field = status))');
    expect(r.stdout).toContain('- id SUP-104 (line 16): 4h 30m, not within 4h');
    expect(r.stdout).toContain('- id SUP-106 (line 14): clock paused 5h');
  });

  test('without where: { Field: status } the assignee change ends the wait: 2h instead of 5h, and the results flip', async () => {
    const dir = editedCopy('jira-service-management', 'jsm-service-desk.yaml', (t) => t.replaceAll('where: { Field: status }, ', ''));
    const { json } = await evaluate('.', dir);
    const at = byWindow(json);
    // SUP-106: 7.5h − 2h = 5.5h > 4h: 3 of 5, breached, 5% of 15,000 USD
    expect([at('highest-resolution', '2026-Q1').value, at('highest-resolution', '2026-Q1').status]).toEqual([60, 'breached']);
    expect(at('highest-resolution', '2026-Q1').charged['acme-retail']).toEqual({ records: 1, seconds: 2 * H });
    expect(at('highest-resolution', '2026-Q1').credit).toEqual({ percent: 5, amount: 750, currency: 'USD' });
    // SUP-114: the priority change at 16:00 ends its wait after 2h: 12h − 2h = 10h > 8h
    expect(at('vip-resolution', '2026-Q2').value).toBeCloseTo(200 / 3, 9);
    expect(at('vip-resolution', '2026-Q2').charged['acme-retail']).toEqual({ records: 1, seconds: 2 * H });
  });
});

describe('zendesk: Zendesk column names, "2026-02-10 14:00:00 -0600" timestamps, its business-hours metrics', () => {
  test('first-reply (a value column) and urgent-resolution (max, minus the Pending time)', async () => {
    const { json, stderr } = await evaluate(`${DIR}/zendesk`);
    expect(stderr).toBe('');
    expect(json.warnings).toEqual([]);
    expect(table(json)).toEqual([
      // #4101 12, #4108 45, #4115 20, #4122 95 (bad), #4130 5 minutes; #4137 has none (skipped)
      ['first-reply 2026-Q1', 'breached', 80],
      // #4142 30, #4150 8, #4158 40, #4166 15
      ['first-reply 2026-Q2', 'met', 100],
      // #4115: 19 business hours − 300 minutes in Pending = 14h; #4101 6h, #4130 3h, #4137 10m
      ['urgent-resolution 2026-Q1', 'at-risk', 14 * H],
      // #4166 is still open: 8h on Monday + 9h on Tuesday = at least 17h
      ['urgent-resolution 2026-Q2', 'breached', 17 * H],
    ]);
    const at = byWindow(json);
    expect(at('first-reply', '2026-Q1').counts).toEqual(counts(6, 5, { good: 4, skipped: 1 }));
    expect(at('urgent-resolution', '2026-Q1').charged).toEqual({ merchants: { records: 1, seconds: 5 * H } });
    expect(at('urgent-resolution', '2026-Q1').lowerBound).toBe(false);
    expect(at('urgent-resolution', '2026-Q2').lowerBound).toBe(true);
    expect(at('urgent-resolution', '2026-Q2').counts).toEqual(counts(2, 2));
    // no fee in this agreement: the percentage only
    expect(at('urgent-resolution', '2026-Q2').credit).toEqual({ percent: 5, amount: null, currency: null });
  });
});

describe('servicenow: field names as headers, every cell quoted, "1 - Critical", instance-local times', () => {
  test('critical-restore (24x7) and high-restore (UK business hours)', async () => {
    const { json, stderr } = await evaluate(`${DIR}/servicenow`);
    expect(stderr).toBe('');
    expect(table(json)).toEqual([
      // INC0010101 2.5h, INC0010123 5.5h (bad), INC0010140 3.5h across the switch to BST (4.5h on the
      // wall clock); INC0010125 is a duplicate (excluded)
      ['critical-restore 2026-Q1', 'breached', 66.666667],
      // INC0010146 2h, INC0010158 3.5h; INC0010167 was canceled (excluded)
      ['critical-restore 2026-Q2', 'met', 100],
      // INC0010107 5h, INC0010118 8h, INC0010131 15h (bad), INC0010135 4h, INC0010138 3.5h
      ['high-restore 2026-Q1', 'at-risk', 80],
      // INC0010152 5h (Good Friday and Easter Monday in between), INC0010163 4h, INC0010169 6h,
      // INC0010171 13h (bad); INC0010175 on hold with 2h so far (open)
      ['high-restore 2026-Q2', 'breached', 75],
    ]);
    const at = byWindow(json);
    expect(at('critical-restore', '2026-Q1').counts).toEqual(counts(4, 3, { good: 2, excluded: 1 }));
    expect(at('critical-restore', '2026-Q1').credit).toEqual({ percent: 10, amount: 900, currency: 'GBP' });
    expect(at('critical-restore', '2026-Q2').counts).toEqual(counts(3, 2, { good: 2, excluded: 1 }));
    expect(at('critical-restore', '2026-Q2').charged).toEqual({ none: { records: 1, seconds: 0 } });
    expect(at('high-restore', '2026-Q2').counts).toEqual(counts(5, 4, { good: 3, open: 1 }));
    expect(at('high-restore', '2026-Q2').credit).toEqual({ percent: 5, amount: 450, currency: 'GBP' });
  });
});

describe('pagerduty: incidents with ISO offsets, urgency, an uptime objective in UTC months', () => {
  test('checkout-availability per month and high-urgency-ack per quarter', async () => {
    const { json, stderr } = await evaluate(`${DIR}/pagerduty`);
    expect(stderr).toBe('');
    const month = (s: number) => s * 86400;
    expect(table(json)).toEqual([
      // #1204: 32 minutes of January's 31 days
      ['checkout-availability 2026-01', 'at-risk', Number((100 * (1 - 1920 / month(31))).toFixed(6))],
      ['checkout-availability 2026-02', 'met', 100],
      // #1262 14:00–15:10 and #1263 14:20–14:45 (PDT) overlap: 70 minutes once
      ['checkout-availability 2026-03', 'breached', Number((100 * (1 - 4200 / month(31))).toFixed(6))],
      // #1288 16:40–17:20 PDT on 30 April is 23:40–00:20 UTC: 20 minutes in April, 20 in May
      ['checkout-availability 2026-04', 'met', Number((100 * (1 - 1200 / month(30))).toFixed(6))],
      ['checkout-availability 2026-05', 'met', Number((100 * (1 - 1200 / month(31))).toFixed(6))],
      ['checkout-availability 2026-06', 'met', 100],
      // 95, 240, 60, 180 seconds
      ['high-urgency-ack 2026-Q1', 'met', 100],
      // 330 (bad), 150, 120, 90, 45 seconds; #1295 was auto-resolved, never acknowledged (skipped)
      ['high-urgency-ack 2026-Q2', 'at-risk', 80],
    ]);
    const at = byWindow(json);
    expect(at('checkout-availability', '2026-01').value).toBeCloseTo(99.928315412, 8);
    expect(at('checkout-availability', '2026-03').value).toBeCloseTo(99.843189964, 8);
    expect(at('checkout-availability', '2026-03').counts).toEqual(counts(2, 2));
    expect(at('checkout-availability', '2026-03').credit).toEqual({ percent: 10, amount: 2000, currency: 'USD' });
    expect(at('checkout-availability', '2026-04').counts).toEqual(counts(1, 1));
    expect(at('checkout-availability', '2026-05').counts).toEqual(counts(1, 1));
    expect(at('high-urgency-ack', '2026-Q2').counts).toEqual(counts(6, 5, { good: 4, skipped: 1 }));
  });
});

describe('german-excel: ";", German headers, 02.03.2026 10:00, BOM and CRLF, junk rows with invalid: skip', () => {
  test('loesung-kritisch-hoch and loesung-alle, rows left out counted in counts.invalid and warned about', async () => {
    const { json, stderr } = await evaluate(`${DIR}/german-excel`);
    expect(table(json)).toEqual([
      // T-2026-0101 3h, 0103 7h, 0105 6h, 0107 4h, 0109 3.5h
      ['loesung-kritisch-hoch 2026-Q1', 'met', 100],
      // 0112 3h, 0114 5h, 0116 4h (Corpus Christi in between); 0118 open with 13h so far (bad);
      // 0113's "31.04.2026 09:00" left out
      ['loesung-kritisch-hoch 2026-Q2', 'breached', 75],
      // nine tickets, 0104 28h the one over 27h; 0110's "30.02.2026 10:00" left out
      ['loesung-alle 2026-Q1', 'at-risk', 88.888889],
      // 0111 14h (Easter in between), 0112, 0114, 0116, 0117 25h; 0115 without a start (skipped),
      // 0118 open (13h < 27h); 0113 and the totals row left out
      ['loesung-alle 2026-Q2', 'met', 100],
    ]);
    const at = byWindow(json);
    expect(at('loesung-kritisch-hoch', '2026-Q1').counts).toEqual(counts(5, 5, { good: 5 }));
    expect(at('loesung-kritisch-hoch', '2026-Q2').counts).toEqual(counts(5, 4, { good: 3, invalid: 1 }));
    expect(at('loesung-kritisch-hoch', '2026-Q2').credit).toEqual({ percent: 5, amount: 600, currency: 'EUR' });
    expect(at('loesung-alle', '2026-Q1').counts).toEqual(counts(10, 9, { good: 8, invalid: 1 }));
    // the two ";;;;;;;;" lines Excel wrote below the table are blank lines, not records
    expect(at('loesung-alle', '2026-Q2').counts).toEqual(counts(9, 5, { good: 5, open: 1, skipped: 1, invalid: 2 }));
    expect(json.warnings).toEqual([
      {
        code: 'invalid-rows',
        message: '3 rows left out for a bad cell (invalid: skip), at lines 11, 14, 20',
        agreement: 'stadtwerke-it',
        objective: null,
        file: 'examples/real-exports/german-excel/ticketliste.csv',
        line: 11,
      },
    ]);
    expect(stderr).toBe(INVALID_ROWS);
  });

  test('without invalid: skip the run stops and lists every bad cell', async () => {
    const dir = editedCopy('german-excel', 'stadtwerke-sla.yaml', (t) => t.replace(/^ {4}invalid: skip.*\n/m, ''));
    const r = await runMain(['evaluate', '.', ...AS_OF], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const expected = 'expected dd.MM.yyyy HH:mm, e.g. 05.01.2026 10:00';
    expect(r.stderr).toContain(`ticketliste.csv:11:5  error  invalid-timestamp  "30.02.2026 10:00" is not a real date and time`);
    expect(r.stderr).toContain(`ticketliste.csv:14:5  error  invalid-timestamp  "31.04.2026 09:00" is not a real date and time`);
    // the totals row has two bad cells an objective reads: both are listed, not only the first
    expect(r.stderr).toContain(`ticketliste.csv:20:5  error  invalid-timestamp  "15" does not match the data set's timestamps format: ${expected}`);
    expect(r.stderr).toContain(`ticketliste.csv:20:6  error  invalid-timestamp  "17" does not match the data set's timestamps format: ${expected}`);
    // "25,5" in Aufwand (h) is no problem: no objective reads that column
    expect(r.stderr).toContain('✖ 4 problems (4 errors, 0 warnings) in 1 file');
  });

  test('a selection that reads another data set does not carry the warning', async () => {
    const r = await runMain(['evaluate', 'examples', ...AS_OF, '--objective', 'zendesk-support/first-reply', '--format', 'json', '--fail-on', 'never']);
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as Json).warnings).toEqual([]);
  });
});
