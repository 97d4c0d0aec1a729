/**
 * Row-order invariance: `slacheck evaluate --format json` gives the same results when the rows of
 * the CSV exports are shuffled (header kept first). Run in-process through `main()` on copies of
 * examples/ (the recipes of examples/real-exports/ included: a record may span lines, a file may
 * have CRLF line ends and a BOM) and of test/fixtures/row-order/ (a Jira Service Management issue
 * export with its status changelog, a ServiceNow outage export with overlapping and duplicate
 * incidents, a report log with two identical deliveries) in a temp folder; every CSV is shuffled
 * in every run. Warnings must stay the same too, except the lines they name (the German Excel
 * recipe's `invalid-rows` names the lines of its junk rows, which move with the shuffle).
 *
 * Two things are order-dependent by definition, and handled here rather than hidden:
 * - Status histories (pause `source`): rows of one key with the same `at` are ordered by the file
 *   (SPEC 5: the record is in a status "until the next row for the same key", so for two rows in
 *   the same minute the later one in the file wins). The shuffle keeps the relative order of such
 *   tied rows and moves everything else freely; the last test shows that swapping a tied pair does
 *   change the result, i.e. that the caveat is real and not an excuse.
 * - Floating-point sums: `mean` and `sum` of decimal values (Satisfaction 4.7, Time spent 1.1) may
 *   differ in the last bits when added in another order, so only the `value` of those objectives
 *   (FLOAT_SUMS) is compared with a relative tolerance of 1e-9 (observed: February's mean
 *   satisfaction is 3.9529411764705875 in file order, 3.9529411764705893 in another); everything
 *   else, including their status and counts, must be identical. Integer sums (examples' qualified
 *   leads) are compared exactly. (Without the tie rule or the tolerance this test does fail.)
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT, runMain } from './cli.js';

const ARGS = ['evaluate', '.', '--format', 'json', '--as-of', '2026-07-01', '--fail-on', 'never'];
/** Objectives whose value is a floating-point mean or sum of decimals (see the header). */
const FLOAT_SUMS = new Set(['jsm-desk/satisfaction', 'jsm-desk/effort']);
/** Status histories read by a pause: file (relative to the temp folder) → [key column, at column]. */
const HISTORIES: Record<string, [string, string]> = {
  'examples/real-exports/jira-service-management/jira-changelog.csv': ['Issue key', 'Changed'],
  'examples/service-desk/data/ticket-status.csv': ['ticket_id', 'changed_at'],
  'row-order/data/jsm-changelog.csv': ['Issue key', 'Changed'],
};

interface Result {
  agreement: string;
  objective: string;
  window: { label: string };
  value: number | null;
}
interface Json {
  results: Result[];
  summary: Record<string, number>;
  warnings: Array<{ code: string; message: string; line: number | null }>;
}

interface Csv {
  file: string;
  original: string;
  header: string;
  rows: string[];
  /** For status histories: per row, the (key, at) it shares with its tied rows; undefined otherwise. */
  tie?: string[];
}

let tmp = '';
let baseline: Json;
let csvs: Csv[] = [];

async function evaluate(): Promise<Json> {
  const r = await runMain(ARGS, { cwd: tmp });
  // warnings are compared as part of the JSON; anything else on stderr is a failure
  if (r.code !== 0 || r.stderr.split('\n').some((l) => l !== '' && !l.startsWith('slacheck: warning: '))) {
    throw new Error(`evaluate exited ${r.code}: ${r.stderr}`);
  }
  return JSON.parse(r.stdout) as Json;
}

/** Every *.csv below `dir`, relative to it, sorted. */
function csvFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.csv'))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

function readCsv(file: string): Csv {
  const original = readFileSync(join(tmp, file), 'utf8');
  const lines = original.split('\n');
  // a final newline; a CRLF file keeps its CR at the end of each line
  expect(lines.pop(), `${file} ends with a newline`).toBe('');
  // records: a line whose quotes do not balance continues on the next one (a quoted line break)
  const records: string[] = [];
  let open = false;
  for (const l of lines) {
    if (open) records[records.length - 1] += `\n${l}`;
    else records.push(l);
    if ((l.match(/"/g) ?? []).length % 2 === 1) open = !open;
  }
  expect(open, `${file} ends inside a quoted cell`).toBe(false);
  const [header, ...rows] = records;
  const csv: Csv = { file, original, header: header!, rows };
  const history = HISTORIES[file];
  if (history) {
    // status histories here have no quoted cells, so a plain split is exact
    expect(original).not.toContain('"');
    const names = header!.split(',');
    const [k, at] = history.map((name) => names.indexOf(name));
    expect(k! >= 0 && at! >= 0, `${file} has ${history.join(', ')}`).toBe(true);
    csv.tie = rows.map((r) => {
      const cells = r.split(',');
      return `${cells[k!]}\u0000${cells[at!]}`;
    });
  }
  return csv;
}

/**
 * Applies `perm` (a permutation of row indices) to the rows, except that rows sharing a tie key
 * keep their relative order: each tie group's members go, in file order, to the positions the
 * permutation gave the group.
 */
function shuffled(csv: Csv, perm: readonly number[]): string[] {
  if (!csv.tie) return perm.map((i) => csv.rows[i]!);
  const queues = new Map<string, number[]>();
  csv.tie.forEach((t, i) => queues.set(t, [...(queues.get(t) ?? []), i]));
  return perm.map((i) => csv.rows[queues.get(csv.tie![i]!)!.shift()!]!);
}

function write(csv: Csv, rows: readonly string[]): void {
  writeFileSync(join(tmp, csv.file), [csv.header, ...rows].join('\n') + '\n');
}
const restore = (csv: Csv) => writeFileSync(join(tmp, csv.file), csv.original);

/** Null when `actual` has the baseline's results; else what differs first. */
function difference(actual: Json): string | null {
  const isFloat = (r: Result) => FLOAT_SUMS.has(`${r.agreement}/${r.objective}`);
  // the lines a warning names move with the rows (the first offending line, `at lines …`)
  const warnings = (j: Json) => j.warnings.map((w) => ({ ...w, line: 'moves', message: w.message.replace(/\d+(, \d+)*(, …)?$/, 'LINES') }));
  const strip = (j: Json) => JSON.stringify({ ...j, results: j.results.map((r) => (isFloat(r) ? { ...r, value: 'float' } : r)), warnings: warnings(j) });
  if (strip(actual) !== strip(baseline)) {
    const i = actual.results.findIndex((r, n) => JSON.stringify(r) !== JSON.stringify(baseline.results[n]));
    return i < 0
      ? `summary or result count: ${JSON.stringify(actual.summary)} instead of ${JSON.stringify(baseline.summary)}`
      : `result ${i}: ${JSON.stringify(actual.results[i])}\ninstead of ${JSON.stringify(baseline.results[i])}`;
  }
  for (const [n, r] of actual.results.entries()) {
    if (!isFloat(r)) continue;
    const want = baseline.results[n]!.value;
    const ok = r.value === want || (r.value !== null && want !== null && Math.abs(r.value - want) <= 1e-9 * Math.max(1, Math.abs(want)));
    if (!ok) return `${r.agreement}/${r.objective} ${r.window.label}: ${r.value} instead of ${want}`;
  }
  return null;
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'slacheck-row-order-'));
  cpSync(join(ROOT, 'examples'), join(tmp, 'examples'), { recursive: true });
  cpSync(join(ROOT, 'test/fixtures/row-order'), join(tmp, 'row-order'), { recursive: true });
  csvs = csvFiles(tmp).map(readCsv);
  baseline = await evaluate();
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('evaluate results do not depend on the order of CSV rows', () => {
  test('the data sets: every CSV of examples/ and of the fixture, with enough rows to shuffle', () => {
    expect(csvs.map((c) => c.file)).toEqual([
      'examples/change-requests/data/change-requests.csv',
      'examples/contracts/data/itsm-tickets.csv',
      'examples/contracts/data/outages.csv',
      'examples/contracts/data/status-incidents.csv',
      'examples/contracts/data/support-cases.csv',
      'examples/real-exports/german-excel/ticketliste.csv',
      'examples/real-exports/jira-service-management/jira-changelog.csv',
      'examples/real-exports/jira-service-management/jira-issues.csv',
      'examples/real-exports/pagerduty/incidents.csv',
      'examples/real-exports/servicenow/incident.csv',
      'examples/real-exports/zendesk/zendesk-tickets.csv',
      'examples/revenue-chain/data/leads.csv',
      'examples/revenue-chain/data/new-customers.csv',
      'examples/revenue-chain/data/report-log.csv',
      'examples/service-desk/data/info-requests.csv',
      'examples/service-desk/data/internet-outages.csv',
      'examples/service-desk/data/maintenance-announcements.csv',
      'examples/service-desk/data/network-incidents.csv',
      'examples/service-desk/data/report-log.csv',
      'examples/service-desk/data/ticket-status.csv',
      'examples/service-desk/data/tickets.csv',
      'row-order/data/jsm-changelog.csv',
      'row-order/data/jsm-issues.csv',
      'row-order/data/report-log.csv',
      'row-order/data/sn-outages.csv',
    ]);
    // the baseline covers the fixture's objectives, the float sums among them
    const ids = new Set(baseline.results.map((r) => `${r.agreement}/${r.objective}`));
    for (const f of FLOAT_SUMS) expect(ids).toContain(f);
    expect(baseline.results.length).toBeGreaterThan(100);
    // the German list's junk rows are warned about in every run
    expect(baseline.warnings.map((w) => w.code)).toEqual(['invalid-rows']);
  });

  test('shuffled rows (ties of a status history kept in file order): the same JSON', async () => {
    const perms = fc.tuple(
      ...csvs.map((c) => {
        const indices = c.rows.map((_, i) => i);
        return fc.shuffledSubarray(indices, { minLength: indices.length, maxLength: indices.length });
      }),
    );
    try {
      await fc.assert(
        fc.asyncProperty(perms, async (ps) => {
          csvs.forEach((c, i) => write(c, shuffled(c, ps[i]!)));
          const diff = difference(await evaluate());
          if (diff === null) return;
          // name the file: shuffle one at a time until one alone makes the difference
          csvs.forEach(restore);
          for (const [i, c] of csvs.entries()) {
            write(c, shuffled(c, ps[i]!));
            const alone = difference(await evaluate());
            restore(c);
            if (alone !== null) throw new Error(`shuffling ${c.file} changes the results: ${alone}`);
          }
          throw new Error(`shuffling all files together changes the results: ${diff}`);
        }),
        // an end-to-end run per case: few runs, and no shrinking (a shrunk permutation is not
        // more readable than the file name and first differing result reported above)
        { numRuns: 15, endOnFailure: true },
      );
    } finally {
      csvs.forEach(restore);
    }
  });

  test('the caveat is real: swapping two changelog rows of one issue in the same minute changes the result', async () => {
    // SD-102 (Wednesday 7 January): at 17:10 the agent answers (Waiting for customer → In Progress)
    // and the customer is asked again (In Progress → Waiting for customer); in file order the ticket
    // waits 17:10–18:10, swapped it is in progress then, and 50 office minutes are not paused.
    const log = csvs.find((c) => c.file === 'row-order/data/jsm-changelog.csv')!;
    const tied = log.rows.flatMap((r, i) => (r.startsWith('SD-102,2026-01-07T17:10,') ? [i] : []));
    expect(tied.map((i) => log.rows[i])).toEqual([
      'SD-102,2026-01-07T17:10,Waiting for customer,In Progress',
      'SD-102,2026-01-07T17:10,In Progress,Waiting for customer',
    ]);
    const rows = [...log.rows];
    [rows[tied[0]!], rows[tied[1]!]] = [rows[tied[1]!]!, rows[tied[0]!]!];
    try {
      write(log, rows);
      expect(difference(await evaluate())).toMatch(/^result \d+: .*"objective":"resolution-8h","owner":"desk","window":\{"label":"2026-01"/);
    } finally {
      restore(log);
    }
  });
});
