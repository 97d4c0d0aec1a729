import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadAgreements } from '../../../src/agreement/loader.js';
import { compileAgreements } from '../../../src/compile/index.js';
import { evaluate as evaluateCore } from '../../../src/core/evaluate.js';
import { readCsv } from '../../../src/data/csv.js';
import type { DataSource, ReadRows, RowSink } from '../../../src/data/source.js';
import type { AgreementDoc } from '../../../src/agreement/model.js';
import type { Selection } from '../../../src/evaluate/select.js';
import { compileDocs } from '../compiled.js';
import type { Evaluated } from '../../../src/evaluate/result.js';
import { InputError } from '../../../src/problem.js';
import { statusReason } from '../../../src/format/explanation.js';
import { formatResultValue } from '../../../src/format/values.js';
import { inWords } from '../in-words.js';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/engine');
const AS_OF = '2026-03-10T12:00'; // local time, read in Europe/Berlin: 11:00Z

/** Every read the core asks for, in order: the data source and how many sinks it feeds. */
let reads: Array<{ source: DataSource; sinks: readonly RowSink[] }> = [];
const readRows: ReadRows = async (source, sinks) => {
  reads.push({ source, sinks });
  return readCsv(source, sinks);
};

async function evaluate(dataOverrides?: Record<string, string>, asOf = AS_OF): Promise<Evaluated[]> {
  const loaded = await loadAgreements([path.join(DIR, 'agreements.yaml')], { cwd: DIR });
  expect(loaded.problems).toEqual([]);
  const compiled = compileAgreements(loaded.agreements, { cwd: DIR, dataOverrides: new Map(Object.entries(dataOverrides ?? {})) });
  expect(compiled.problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(compiled.unmatchedOverrides).toEqual([]);
  reads = [];
  return (await evaluateCore(compiled.agreements, { asOf, readRows })).results;
}

const find = (r: Evaluated[], objective: string, label: string): Evaluated => r.find((e) => e.objective === objective && e.window.label === label)!;

/** A result with its explanation in the words `explain` prints. */
const worded = (e: Evaluated) => {
  const { computation, attributions, examples } = inWords(e.explanation);
  return { ...e, explanation: { computation, attributions, examples, statusReason: statusReason(e), chain: e.explanation.chain } };
};

// Berlin month bounds in UTC: CET (+01:00) until the 29 March change, so validity's end,
// 1 April 00:00 CEST (+02:00), is 31 March 22:00Z.
const JAN = { label: '2026-01', start: '2025-12-31T23:00:00.000Z', end: '2026-01-31T23:00:00.000Z', partial: false };
const FEB = { label: '2026-02', start: '2026-01-31T23:00:00.000Z', end: '2026-02-28T23:00:00.000Z', partial: false };
const MAR = { label: '2026-03', start: '2026-02-28T23:00:00.000Z', end: '2026-03-31T22:00:00.000Z', partial: true };

describe('the core evaluate() on test/fixtures/engine', () => {
  test('SPEC 8 order: agreement id, objectives, reports, window start', async () => {
    const r = await evaluate();
    expect(r.map((e) => `${e.agreement}/${e.objective} ${e.window.label}`)).toEqual([
      'alpha-ola/low-priority-volume 2026-01',
      'alpha-ola/low-priority-volume 2026-02',
      'alpha-ola/low-priority-volume 2026-03',
      'service-desk/p1-response 2026-01',
      'service-desk/p1-response 2026-02',
      'service-desk/p1-response 2026-03',
      'service-desk/resolution-p95 2026-Q1',
      'service-desk/monthly-report 2026-01',
      'service-desk/monthly-report 2026-02',
      'service-desk/monthly-report 2026-03',
    ]);
  });

  test('p1-response, January: the full Evaluated object', async () => {
    const jan = find(await evaluate(), 'p1-response', '2026-01');
    // Tickets 1-3 (P1): 1 responds in 20m; 2 opens Tue 17:50, responds Wed 08:15: 10m + 15m = 25m;
    // 3 takes 10:00-11:00 = 60m minus 40m waiting for the customer (10:10-10:50) = 20m. 3 of 3 = 100%.
    // The explanation is data: the paused record, and the verdict with its target and warning.
    expect(jan.explanation.examples).toEqual([{ kind: 'paused', record: { line: 4, id: '3' }, seconds: 2400 }]);
    expect(jan.explanation.verdict).toMatchObject({ status: 'met', value: 100, unit: '%', target: { text: '>= 90%' }, warning: { text: '>= 95%' } });
    expect(worded(jan)).toEqual({
      agreement: 'service-desk',
      objective: 'p1-response',
      owner: 'it-ops',
      window: JAN,
      value: 100,
      lowerBound: false,
      unit: '%',
      target: '>= 90%',
      status: 'met',
      counts: { records: 3, counted: 3, good: 3, open: 0, excluded: 0, skipped: 0, invalid: 0 },
      charged: { 'company-x': { records: 1, seconds: 2400 } },
      rootCause: null,
      credit: null,
      // SPEC 9.3 (>= 90%): allowed 10% × 3 counted = 0.3 bad records; none used; January is complete
      budget: { unit: 'records', allowed: 0.3, used: 0, remaining: 0.3, burnRate: 0, exhaustsAt: null, projected: false, base: 3, share: 1 },
      agreementKind: 'SLA',
      agreementTitle: 'Service desk for Company X',
      zone: 'Europe/Berlin',
      source: { file: 'agreements.yaml', line: 19, column: 5 },
      windowKind: 'month',
      startMs: Date.parse(JAN.start),
      endMs: Date.parse(JAN.end),
      itemKind: 'objective',
      aggregate: 'ratio',
      explanation: {
        computation: [
          'ratio: 3 of 3 within 30m on calendar office',
          // ticket 42 is waiting for the customer but is not in tickets.csv
          '1 status row in ticket-status.csv for keys no measured record has: ignored',
        ],
        attributions: [{ mechanism: 'pause', party: 'company-x', records: 1, seconds: 2400, detail: 'status in [Waiting for customer] (ticket-status)' }],
        examples: ['id 3 (line 4): clock paused 40m'],
        statusReason: '100% ≥ 90% (target) and ≥ 95% (warning)',
        chain: [],
      },
    });
  });

  test('p1-response, February and March: exclusion, open tickets', async () => {
    const r = await evaluate();
    const feb = find(r, 'p1-response', '2026-02');
    // 5 excluded (maintenance, charged to none); 6 responds in 45m: 0 of 1
    expect(feb).toMatchObject({ window: FEB, value: 0, status: 'breached', charged: { none: { records: 1, seconds: 0 } } });
    expect(feb.counts).toEqual({ records: 2, counted: 1, good: 0, open: 0, excluded: 1, skipped: 0, invalid: 0 });
    expect(statusReason(feb)).toBe('0% < 90% (target)');
    expect(inWords(feb.explanation).examples).toEqual(['id 6 (line 7): 45m, not within 30m', 'id 5 (line 6): excluded (cause = maintenance), charged to no party']);
    const mar = find(r, 'p1-response', '2026-03');
    // 7 opened Mon 9 Mar 09:00, no response by as-of: breached at 09:30, counted bad; 8 opened 11:50, 10m: open
    expect(mar).toMatchObject({ window: MAR, value: 0, status: 'breached', charged: {} });
    expect(mar.counts).toEqual({ records: 2, counted: 1, good: 0, open: 1, excluded: 0, skipped: 0, invalid: 0 });
    expect(inWords(mar.explanation).examples).toEqual([
      'id 7 (line 8): open since 2026-03-09 09:00 +01:00, breached 30m target at 2026-03-09 09:30 +01:00',
      'id 8 (line 9): open since 2026-03-10 11:50 +01:00, 10m elapsed, not counted',
    ]);
  });

  test('resolution-p95 over the partial quarter: an open ticket past 8h enters as a lower bound (SPEC 3.4 v1.1)', async () => {
    const q1 = find(await evaluate(), 'resolution-p95', '2026-Q1');
    // Closed: 5 2h, 2 2h10m, 1 3h, 6 4h, 4 6h, 3 (Wed 10-18 + Thu 8-10) 10h; 9 after as-of.
    // Open at as-of (Tue 10 Mar 12:00): 7 opened Mon 9 Mar 09:00: Mon 09-18 = 9h + Tue 08-12 = 4h = 13h,
    // past the 8h target: it enters at 13h = 46800 s, a lower bound; 8 opened Tue 11:50 (10m): not counted.
    // Sorted seconds 7200, 7800, 10800, 14400, 21600, 36000, 46800: h = 6·0.95 = 5.7
    // -> 36000 + 0.7·(46800 − 36000) = 43560 = 12h 6m > 8h, and the value is at least that.
    expect(q1).toMatchObject({ value: 43560, lowerBound: true, unit: 's', status: 'breached', target: '<= 8h', windowKind: 'quarter' });
    expect(q1.window).toEqual({ label: '2026-Q1', start: JAN.start, end: MAR.end, partial: true });
    expect(q1.counts).toEqual({ records: 8, counted: 7, good: 0, open: 1, excluded: 0, skipped: 0, invalid: 0 });
    expect(inWords(q1.explanation).computation.slice(0, 2)).toEqual([
      'p95 of 7 durations on calendar office: 12h 6m',
      '1 open record past the target counted at its value so far (a lower bound: the value is at least this)',
    ]);
    // it passed 8h at Mon 09:00 + 8h of office time = Mon 17:00 (Berlin)
    expect(inWords(q1.explanation).examples[0]).toBe(
      'id 7 (line 8): open since 2026-03-09 09:00 +01:00, at least 13h at as-of (over the 8h target since 2026-03-09 17:00 +01:00), counted as a lower bound',
    );
    expect(statusReason(q1)).toBe('≥ 12h 6m > 8h (target)');
    expect(formatResultValue(q1)).toBe('≥ 12h 6m'); // every human format prints it so
  });

  test('a shared data set in another agreement, and reports dispatched to their evaluator', async () => {
    const r = await evaluate();
    const volume = r.filter((e) => e.objective === 'low-priority-volume');
    // P2/P3 tickets by opened_at: 4 in January; 9 opens after as-of and is ignored
    expect(volume.map((e) => [e.value, e.status, e.unit, e.owner])).toEqual([
      [1, 'met', 'count', 'l2'],
      [0, 'met', 'count', 'l2'],
      [0, 'met', 'count', 'l2'],
    ]);
    const reports = r.filter((e) => e.itemKind === 'report');
    // due 5 Jan 10:00 delivered 09:30 (on time). SPEC 4 v1.1: the one delivery after it, 5 Feb
    // 11:00, is the latest in (5 Feb 10:00, 5 Mar 10:00], so March's on time; February's has
    // nothing in (5 Jan 10:00, 5 Feb 10:00] and that delivery is used: missed. (The v1 slots made
    // it February's, late, and March's missed.)
    expect(reports.map((e) => [e.value, e.status, e.unit])).toEqual([
      [100, 'met', '%'],
      [0, 'breached', '%'],
      [100, 'met', '%'],
    ]);
    expect(reports[0]!.source).toEqual({ file: 'agreements.yaml', line: 39, column: 5 });
  });

  test('each data set is read once per phase with all its sinks, status histories first', async () => {
    await evaluate();
    expect(reads.map(({ source, sinks }) => [source.key, source.file, sinks.length])).toEqual([
      ['service-desk/ticket-status', 'ticket-status.csv', 1],
      // p1-response, resolution-p95, alpha-ola's count, and the row placement (outside-validity warning)
      ['service-desk/tickets', 'tickets.csv', 4],
      ['service-desk/report-log', 'report-log.csv', 2],
    ]);
  });

  test('--data overrides, bare id and agreement-qualified', async () => {
    for (const key of ['tickets', 'service-desk/tickets']) {
      const r = await evaluate({ [key]: 'tickets-alt.csv' });
      // tickets-alt: P1 ticket 1 responds in 60m (not within 30m), P2 ticket 2 for the OLA
      expect(find(r, 'p1-response', '2026-01')).toMatchObject({ value: 0, counts: { records: 1, counted: 1, good: 0 } });
      expect(find(r, 'low-priority-volume', '2026-01').value).toBe(1);
      expect(find(r, 'low-priority-volume', '2026-01').counts.records).toBe(1);
    }
  });

  test('an override naming no data set is returned by compile (the CLI turns it into a usage error)', async () => {
    const loaded = await loadAgreements([path.join(DIR, 'agreements.yaml')], { cwd: DIR });
    const compiled = compileAgreements(loaded.agreements, { cwd: DIR, dataOverrides: new Map([['tickets2', 'tickets-alt.csv']]) });
    expect(compiled.unmatchedOverrides).toEqual(['tickets2']);
  });

  test('an unreadable as-of is an input error without flag wording', async () => {
    const err = await evaluate(undefined, 'yesterday').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems[0]).toMatchObject({ code: 'invalid-as-of', message: expect.not.stringContaining('--') });
  });

  test('a missing file is reported with the problems of every data set', async () => {
    const err = await evaluate({ tickets: 'nope.csv', 'report-log': 'nope2.csv' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems.map((p) => [p.file, p.code])).toEqual([
      ['nope.csv', 'csv-unreadable'],
      ['nope2.csv', 'csv-unreadable'],
    ]);
  });
});

describe('warnings with a selection (SPEC 9.2)', () => {
  // two objectives on two data sets: tickets has a row before the validity (outside-validity),
  // incidents has no rows at all (data-empty)
  const doc = {
    apiVersion: 'slacheck/v1', kind: 'SLA', id: 'sla', title: 'SLA',
    parties: { p: { name: 'P', role: 'provider', contact: 'p@example.com' }, c: { name: 'C', role: 'customer', contact: 'c@example.com' } },
    validity: { from: '2026-01-01', to: '2026-12-31' },
    data: { tickets: { file: 'tickets.csv' }, incidents: { file: 'incidents.csv' } },
    objectives: [
      { id: 'a', source: 'tickets', measure: 'count', aggregate: 'count', target: '>= 1', window: 'month' },
      { id: 'b', source: 'incidents', measure: 'count', aggregate: 'count', target: '>= 1', window: 'month' },
    ],
  } as unknown as AgreementDoc;
  const rows: Record<string, string[][]> = { 'tickets.csv': [['date'], ['2025-12-31'], ['2026-01-05']], 'incidents.csv': [['date']] };
  const fromMemory: ReadRows = async (source, sinks) => {
    const [header, ...data] = rows[path.basename(source.file)]!;
    for (const s of sinks) s.bind(header!);
    data.forEach((row, i) => sinks.forEach((s) => s.add(row, i + 2)));
    return { rows: data.length, invalidRows: 0, invalidLines: [] };
  };
  const run = async (selection?: Selection) =>
    (await evaluateCore(compileDocs([doc]), { asOf: '2026-03-01', readRows: fromMemory, selection })).warnings.map((w) => `${w.code} ${w.objective ?? w.file}`);

  test('without one, every warning', async () => {
    expect(await run()).toEqual(['outside-validity tickets.csv', 'data-empty incidents.csv']);
  });

  test('with one, only those about the selected items and the data sets they read', async () => {
    expect(await run({ objectives: ['a'] })).toEqual(['outside-validity tickets.csv']);
    expect(await run({ objectives: ['b'] })).toEqual(['data-empty incidents.csv']);
    // a window selects every objective that has it
    expect(await run({ window: '2026-01' })).toEqual(['outside-validity tickets.csv', 'data-empty incidents.csv']);
  });
});
