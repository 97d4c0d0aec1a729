import { inWords } from '../in-words.js';
import { describe, expect, it } from 'vitest';
import type { AgreementDoc, CalendarSpec, Report, ReportLog, Schedule, WindowKind } from '../../../src/agreement/model.js';
import type { CompiledReport } from '../../../src/compile/index.js';
import type { EvaluatorContext, WindowOutcome } from '../../../src/evaluate/evaluator.js';
import { createReportEvaluator, matchByTime, type UnmatchedDeliveries } from '../../../src/evaluate/reports.js';
import { CellError } from '../../../src/problem.js';
import { makeTimestampParser } from '../../../src/time/instant.js';
import { buildItemWindows, buildWindows } from '../../../src/time/windows.js';
import { specsOf } from '../../../src/time/window-specs.js';
import { compileDocs, runContext } from '../compiled.js';

const OFFICE_UTC: CalendarSpec = { timezone: 'UTC', hours: { 'mon-fri': '08:00-18:00' } };
/** Berlin office hours with Good Friday (3 April 2026) and Easter Monday (6 April) off. */
const EASTER_OFFICE: CalendarSpec = { timezone: 'Europe/Berlin', hours: { 'mon-fri': '08:00-18:00' }, holidays: ['2026-04-03', '2026-04-06'] };

interface Setup {
  asOf: string;
  schedule: Schedule;
  window?: WindowKind;
  zone?: string;
  validity?: { from: string; to: string };
  calendars?: Record<string, CalendarSpec>;
  log?: Partial<ReportLog>;
  /** SPEC 9.4: collect late and missed occurrences as evidence. */
  evidence?: boolean;
}

/** Runs a report over an inline delivery log (header on line 1) the way the engine would. */
function run(csv: string, setup: Setup): { out: WindowOutcome[]; unmatched: UnmatchedDeliveries } {
  const zone = setup.zone ?? 'UTC';
  const validity = setup.validity ?? { from: '2026-01-01', to: '2026-12-31' };
  const item: Report = {
    id: 'daily-open-tickets',
    schedule: setup.schedule,
    log: { source: 'report-log', at: 'delivered_at', where: { report: 'daily-open-tickets' }, ...setup.log },
    target: '>= 95%',
    window: setup.window ?? 'month',
  };
  const doc: AgreementDoc = {
    apiVersion: 'slacheck/v1',
    kind: 'SLA',
    id: 'service-desk',
    title: 'Service desk',
    parties: { ops: { name: 'Ops', role: 'provider' }, 'company-x': { name: 'X', role: 'customer' } },
    validity,
    timezone: zone,
    ...(setup.calendars ? { calendars: setup.calendars } : {}),
    data: { 'report-log': { file: 'report-log.csv' } },
    reports: [item],
  };
  const asOfMs = makeTimestampParser(zone)(setup.asOf);
  const [agreement] = compileDocs([doc]);
  const ctx: EvaluatorContext<CompiledReport> = {
    item: agreement!.items[0] as CompiledReport,
    zone,
    windows: buildItemWindows(specsOf(item.window), zone, validity, asOfMs),
    asOfMs,
    ...runContext(validity, zone),
    evidence: setup.evidence === true,
  };
  const evaluator = createReportEvaluator(ctx);
  const [need] = evaluator.needs();
  expect(need!.dataSet.key).toBe('service-desk/report-log');
  const [header, ...rows] = csv.trim().split('\n').map((l) => l.trim().split(','));
  expect(need!.sink.bind(header!)).toEqual([]);
  rows.forEach((row, i) => need!.sink.add(row, i + 2));
  return { out: evaluator.finish(), unmatched: evaluator.unmatched() };
}

function evaluate(csv: string, setup: Setup): WindowOutcome[] {
  return run(csv, setup).out;
}

describe('report deliveries (SPEC 4 v1.1: matching by time)', () => {
  it('daily workday schedule: on time, late, and deliveries that count for the next or previous occurrence', () => {
    const out = evaluate(
      `report,delivered_at
       daily-open-tickets,2026-03-02T09:30:00Z
       daily-open-tickets,2026-03-03T10:00:00Z
       daily-open-tickets,2026-03-04T11:00:00Z
       daily-open-tickets,2026-03-04T10:42:00Z
       weekly-summary,2026-03-05T09:00:00Z
       daily-open-tickets,2026-03-07T09:00:00Z
       daily-open-tickets,
       daily-open-tickets,2026-03-09T09:00:00Z`,
      {
        asOf: '2026-03-07T12:00:00Z',
        schedule: { every: 'workday', by: '10:00', calendar: 'office' },
        calendars: { office: OFFICE_UTC },
      },
    );
    // Jan and Feb windows come before; March is partial at Sat 7 March 12:00.
    const mar = out[out.length - 1]!;
    expect(mar.window.label).toBe('2026-03');
    expect(mar.window.partial).toBe(true);
    // 1 March 2026 is a Sunday; due workdays up to as-of: Mon 2 .. Fri 6 = 5 occurrences, each due
    // 10:00Z. The other report's row and the empty cell deliver nothing; 9 March is after as-of.
    // On time (the latest delivery after the previous due, at or before its own):
    //   Mon 2: (Fri 27 Feb 10:00, Mon 2 10:00] holds 09:30 → on time.
    //   Tue 3: (Mon 2 10:00, Tue 3 10:00] holds 10:00 = due → on time.
    //   Wed 4: (Tue 3 10:00, Wed 4 10:00] holds nothing.
    //   Thu 5: (Wed 4 10:00, Thu 5 10:00] holds Wed 10:42 and 11:00 → the latest, 11:00 → on time.
    //   Fri 6: (Thu 5 10:00, Fri 6 10:00] holds nothing.
    // Late (the earliest unused delivery after its due, at or before the next due):
    //   Wed 4: (Wed 4 10:00, Thu 5 10:00] still holds 10:42 → late by 42m.
    //   Fri 6: (Fri 6 10:00, Mon 9 10:00], up to as-of, holds Sat 7 09:00 → late by 23h.
    // 3 of 5 = 60 %. (The v1 slots gave 2 of 5: Wed's second delivery and Saturday's were ignored,
    // so Thu and Fri were missed. SPEC 4 v1.1 uses every delivery for some occurrence.)
    expect(mar.value).toBe(60);
    expect(mar.counts).toEqual({ records: 5, counted: 5, good: 3, open: 0, excluded: 0, skipped: 0, invalid: 0 });
    expect(inWords(mar).computation).toEqual([
      '3 of 5 daily deliveries on time (by 10:00, office workdays)',
      'late: 2026-03-04 (42m late), 2026-03-06 (23h late)',
      'partial window: occurrences due up to 2026-03-07 12:00 +00:00',
    ]);
    expect(inWords(mar).examples).toEqual([
      '2026-03-04: delivered 2026-03-04 10:42 +00:00 (line 5), 42m after the due time 2026-03-04 10:00 +00:00 (UTC)',
      '2026-03-06: delivered 2026-03-07 09:00 +00:00 (line 7), 23h after the due time 2026-03-06 10:00 +00:00 (UTC)',
    ]);
    expect(mar.charged).toEqual({});
    // Before any delivery was logged, Jan and Feb simply missed every workday: 0 %.
    expect(out[0]!.value).toBe(0);
    // January 2026 (Thu 1 .. Sat 31) has workdays 1–2, 5–9, 12–16, 19–23, 26–30 = 2 + 4 × 5 = 22.
    expect(out[0]!.counts.records).toBe(22);
    // The first occurrence of the validity has the schedule's previous workday (Wed 31 Dec 2025)
    // as its previous due; Fri 2 Jan's next due is Mon 5 Jan.
    expect(inWords(out[0]!).examples[0]).toBe(
      '2026-01-01: missed (due 2026-01-01 10:00 +00:00 UTC; no unused delivery after the previous due 2025-12-31 10:00 +00:00 up to the next due 2026-01-02 10:00 +00:00)',
    );
  });

  it('a weekly report sent on Friday for Monday 10:00 is on time', () => {
    const csv = `report,delivered_at
       daily-open-tickets,2026-02-27T16:00:00Z
       daily-open-tickets,2026-03-06T16:00:00Z`;
    const out = evaluate(csv, {
      asOf: '2026-03-10T12:00:00Z',
      schedule: { every: 'week', on: 'mon', by: '10:00' },
      validity: { from: '2026-03-01', to: '2026-12-31' },
    });
    // Mondays due: 2 and 9 March 10:00Z. The schedule continues one step back: Mon 23 Feb.
    // Mon 2: (Mon 23 Feb 10:00, Mon 2 Mar 10:00] holds Fri 27 Feb 16:00 (before the validity,
    // but a delivery all the same) → on time. Mon 9: (Mon 2 10:00, Mon 9 10:00] holds Fri 6 Mar
    // 16:00 → on time. 2 of 2 = 100 %. (The v1 slots put Fri 6 Mar in Monday 2's ISO week, 4d 6h
    // late, and left Monday 9 missed: 0 %.)
    expect(out.map((o) => [o.window.label, o.value])).toEqual([['2026-03', 100]]);
    expect(inWords(out[0]!).computation[0]).toBe('2 of 2 weekly deliveries on time (by mon 10:00)');
  });

  it('Monday sent at 11:00 and Tuesday at 09:00: Monday is late by 1h, Tuesday on time', () => {
    const csv = `report,delivered_at
       daily-open-tickets,2026-03-02T11:00:00Z
       daily-open-tickets,2026-03-03T09:00:00Z`;
    const setup = {
      schedule: { every: 'workday', by: '10:00', calendar: 'office' },
      calendars: { office: OFFICE_UTC },
      validity: { from: '2026-03-01', to: '2026-12-31' },
      window: 'day',
    } as const;
    const out = evaluate(csv, { ...setup, asOf: '2026-03-03T12:00:00Z' });
    // Mon 2: (Fri 27 Feb 10:00, Mon 10:00] holds nothing. Tue 3: (Mon 10:00, Tue 10:00] holds
    // Mon 11:00 and Tue 09:00 → the latest, Tue 09:00 → on time. Then Mon 2 takes the earliest
    // unused delivery in (Mon 10:00, Tue 10:00]: Mon 11:00 → late by 1h.
    expect(out.map((o) => [o.window.label, o.value])).toEqual([['2026-03-01', null], ['2026-03-02', 0], ['2026-03-03', 100]]);
    expect(inWords(out[1]!).computation).toContain('late: 2026-03-02 (1h late)');
    expect(inWords(out[1]!).examples).toEqual(['2026-03-02: delivered 2026-03-02 11:00 +00:00 (line 2), 1h after the due time 2026-03-02 10:00 +00:00 (UTC)']);
    // At as-of Monday 12:00 Tuesday is not due (and its delivery has not happened): Monday is
    // late by 1h all the same.
    const monday = evaluate(csv, { ...setup, asOf: '2026-03-02T12:00:00Z' });
    expect(monday.map((o) => [o.window.label, o.value])).toEqual([['2026-03-01', null], ['2026-03-02', 0]]);
    expect(inWords(monday[1]!).computation).toContain('late: 2026-03-02 (1h late)');
  });

  it('a delivery is used only once: one delivery cannot make two occurrences on time or late', () => {
    // One delivery, Mon 2 March 11:00, for two workdays (Mon 2, Tue 3; due 10:00Z).
    const out = evaluate(`report,delivered_at\ndaily-open-tickets,2026-03-02T11:00:00Z`, {
      asOf: '2026-03-03T12:00:00Z',
      schedule: { every: 'workday', by: '10:00', calendar: 'office' },
      calendars: { office: OFFICE_UTC },
      validity: { from: '2026-03-01', to: '2026-12-31' },
    });
    // Tue 3: (Mon 10:00, Tue 10:00] holds Mon 11:00 → Tuesday's, on time. Mon 2: nothing in
    // (Fri 27 Feb 10:00, Mon 10:00]; the only delivery in (Mon 10:00, Tue 10:00] is used → missed.
    // 1 of 2 = 50 %.
    expect(out[0]!.value).toBe(50);
    expect(inWords(out[0]!).computation).toEqual([
      '1 of 2 daily deliveries on time (by 10:00, office workdays)',
      'missed: 2026-03-02',
      'partial window: occurrences due up to 2026-03-03 12:00 +00:00',
    ]);
    expect(inWords(out[0]!).examples).toEqual([
      '2026-03-02: missed (due 2026-03-02 10:00 +00:00 UTC; no unused delivery after the previous due 2026-02-27 10:00 +00:00 up to the next due 2026-03-03 10:00 +00:00)',
    ]);
  });

  it('weekly schedule on wed: an early delivery before the validity counts for its first occurrence', () => {
    const out = evaluate(
      `report,delivered_at
       daily-open-tickets,2026-03-30T12:00:00Z
       daily-open-tickets,2026-04-09T08:00:00Z
       daily-open-tickets,2026-04-15T09:00:00Z
       daily-open-tickets,2026-04-21T17:00:00Z
       daily-open-tickets,2026-05-03T10:00:00Z`,
      {
        asOf: '2026-05-01T00:00:00Z',
        schedule: { every: 'week', on: 'wed', by: '09:00' },
        validity: { from: '2026-04-01', to: '2026-12-31' },
      },
    );
    expect(out.map((o) => o.window.label)).toEqual(['2026-04']);
    // Wednesdays of April 2026: 1, 8, 15, 22, 29 (due 09:00Z); the one before is Wed 25 March.
    // On time: Apr 1 ← Mon 30 Mar 12:00 (in (25 Mar, 1 Apr]); Apr 15 ← Apr 15 09:00 = due (the
    // latest in (8 Apr, 15 Apr]); Apr 22 ← Tue 21 Apr 17:00. Late: Apr 8 ← Thu 9 Apr 08:00, the
    // earliest unused in (8 Apr 09:00, 15 Apr 09:00] → 23h late. Apr 29: nothing up to as-of
    // (3 May is after it) → missed. 3 of 5 = 60 % (as with the v1 slots).
    expect(out[0]!.value).toBe(60);
    expect(out[0]!.counts.good).toBe(3);
    expect(inWords(out[0]!).computation[0]).toBe('3 of 5 weekly deliveries on time (by wed 09:00)');
    expect(inWords(out[0]!).computation).toContain('late: 2026-04-08 (23h late)');
    expect(inWords(out[0]!).computation).toContain('missed: 2026-04-29');
    expect(inWords(out[0]!).examples).toContain(
      '2026-04-29: missed (due 2026-04-29 09:00 +00:00 UTC; no unused delivery after the previous due 2026-04-22 09:00 +00:00 up to as-of 2026-05-01 00:00 +00:00)',
    );
  });

  it('monthly schedule on 5: occurrences due after as-of are not counted', () => {
    const out = evaluate(
      `report,delivered_at
       daily-open-tickets,2026-01-03T08:00:00Z
       daily-open-tickets,2026-02-06T08:00:00Z
       daily-open-tickets,2026-03-05T12:00:00Z
       daily-open-tickets,2026-04-05T12:01:00Z
       daily-open-tickets,2026-05-05T10:00:00Z`,
      { asOf: '2026-05-05T11:00:00Z', schedule: { every: 'month', on: 5, by: '12:00' }, window: 'quarter' },
    );
    expect(out.map((o) => o.window.label)).toEqual(['2026-Q1', '2026-Q2']);
    // Q1: 5 Jan on time (3 Jan is in (5 Dec, 5 Jan]); 5 Mar on time (12:00 = due, the latest in
    // (5 Feb, 5 Mar]); 5 Feb late (6 Feb 08:00, the earliest unused after its due) → 2 of 3.
    expect(out[0]!.value).toBeCloseTo((100 * 2) / 3, 10);
    expect(out[0]!.counts.records).toBe(3);
    // Q2: 5 Apr late by 1 minute (12:01); 5 May 12:00 is due after as-of (11:00) and not counted,
    // even though its delivery (10:00) was logged already: 0 of 1.
    expect(out[1]!.value).toBe(0);
    expect(out[1]!.counts).toEqual({ records: 1, counted: 1, good: 0, open: 0, excluded: 0, skipped: 0, invalid: 0 });
    expect(inWords(out[1]!).computation[0]).toBe('0 of 1 monthly deliveries on time (by day 5, 12:00)');
    expect(inWords(out[1]!).computation[1]).toBe('late: 2026-04-05 (1m late)');
  });

  it('reads the due time on a DST day in Europe/Berlin', () => {
    const out = evaluate(
      `report,delivered_at
       daily-open-tickets,2026-03-28T09:00:00Z
       daily-open-tickets,2026-03-29T08:30:00Z
       daily-open-tickets,2026-03-29T22:30:00Z`,
      {
        asOf: '2026-03-31T00:00:00Z',
        zone: 'Europe/Berlin',
        schedule: { every: 'day', by: '10:00' },
        window: 'day',
        validity: { from: '2026-03-28', to: '2026-03-30' },
      },
    );
    expect(out.map((o) => o.window.label)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    // 28 Mar: 10:00 CET = 09:00Z, delivered 09:00Z → on time.
    expect(out[0]!.value).toBe(100);
    // 29 Mar (clocks go forward at 02:00): 10:00 CEST = 08:00Z; nothing in (28 Mar 09:00Z, 29 Mar
    // 08:00Z]. 30 Mar (due 08:00Z) takes the latest in (29 Mar 08:00Z, 30 Mar 08:00Z]: 22:30Z;
    // 29 Mar then takes 08:30Z = 10:30 local → late by 30m (read as CET the due would be 09:00Z
    // and this would wrongly be on time).
    expect(out[1]!.value).toBe(0);
    expect(inWords(out[1]!).computation).toContain('late: 2026-03-29 (30m late)');
    expect(out[2]!.value).toBe(100);
  });

  it('gives no-data for a window with no due occurrence', () => {
    const out = evaluate(`report,delivered_at`, {
      asOf: '2026-02-10T12:00:00Z',
      schedule: { every: 'month', on: 20, by: '12:00' },
      validity: { from: '2026-02-01', to: '2026-12-31' },
    });
    // 20 Feb is after as-of: nothing due yet.
    expect(out).toHaveLength(1);
    expect(out[0]!.value).toBeNull();
    expect(out[0]!.counts.records).toBe(0);
  });

  it('rejects bad delivery timestamps', () => {
    expect(() =>
      evaluate(`report,delivered_at\ndaily-open-tickets,yesterday`, {
        asOf: '2026-01-10T00:00:00Z',
        schedule: { every: 'day', by: '10:00' },
      }),
    ).toThrow(CellError);
  });
});

describe('matchByTime (SPEC 4 v1.1)', () => {
  it('takes the latest delivery since the previous due, else the earliest unused before the next', () => {
    // dues 10, 20, 30 (previous 0, next 40); deliveries 5, 15, 18, 35.
    // On time: 10 ← 5 (in (0, 10]); 20 ← 18, the latest in (10, 20]; 30: nothing in (20, 30].
    // Late: 30 ← 35, the earliest in (30, 40]. 15 is used by nobody.
    expect([...matchByTime([10, 20, 30], 0, 40, [5, 15, 18, 35])]).toEqual([0, 2, 3]);
  });

  it('uses each delivery at most once, and equal instants are two deliveries', () => {
    // 12 is on time for 20; 10 cannot have it as late as well.
    expect([...matchByTime([10, 20], 0, 30, [12])]).toEqual([-1, 0]);
    // two deliveries at 12: 20 takes one, 10 the other (late)
    expect([...matchByTime([10, 20], 0, 30, [12, 12])]).toEqual([0, 1]);
    // a due instant is on time (closed), the previous due is not (open)
    expect([...matchByTime([10, 20], 0, 30, [10, 20])]).toEqual([0, 1]);
    // no neighbours: everything before the first due can be its, everything after the last late
    expect([...matchByTime([10], -Infinity, Infinity, [-1e12])]).toEqual([0]);
    expect([...matchByTime([10], -Infinity, Infinity, [1e12])]).toEqual([0]);
    expect([...matchByTime([10], 5, 15, [3, 16])]).toEqual([-1]);
  });
});

describe('log.for: the log names the occurrence (SPEC 4, 9.7)', () => {
  const setup = {
    asOf: '2026-03-06T12:00:00Z',
    schedule: { every: 'workday', by: '10:00', calendar: 'office' },
    calendars: { office: OFFICE_UTC },
    validity: { from: '2026-03-01', to: '2026-12-31' },
    log: { for: 'report_date' },
  } as const;

  it('the earliest delivery for an occurrence decides; a date naming no occurrence is ignored and counted', () => {
    const { out, unmatched } = run(
      `report,delivered_at,report_date
       daily-open-tickets,2026-03-02T09:00:00Z,2026-03-02
       daily-open-tickets,2026-03-04T09:00:00Z,2026-03-03
       daily-open-tickets,2026-03-04T09:30:00Z,2026-03-04
       daily-open-tickets,2026-03-05T08:00:00Z,2026-03-07
       daily-open-tickets,2026-03-05T09:00:00Z,2026-03-05 23:59
       daily-open-tickets,2026-03-06T11:00:00Z,2026-03-06
       daily-open-tickets,2026-03-06T10:30:00Z,2026-03-06
       daily-open-tickets,2026-03-05T07:00:00Z,2026-03-02
       daily-open-tickets,2026-03-02T08:00:00Z,2026-02-27
       daily-open-tickets,2026-03-09T08:00:00Z,2026-03-06`,
      setup,
    );
    // Workdays due up to as-of (Fri 6 March 12:00): Mon 2 .. Fri 6, each 10:00Z.
    //   Mon 2 ← line 2 (09:00) → on time; line 9 (Thu 07:00, also for Mon 2) is later: ignored.
    //   Tue 3 ← line 3, Wed 4 09:00 → late by 23h (matching by time would have given it to Wed).
    //   Wed 4 ← line 4, 09:30 → on time.
    //   Thu 5 ← line 6, 09:00 (the cell's time of day, 23:59, is ignored) → on time.
    //   Fri 6 ← lines 7 (11:00) and 8 (10:30): the earliest, 10:30 → late by 30m. Line 11
    //   (9 March) is after as-of.
    // 3 of 5 = 60 %. Line 5 names Saturday 7 March and line 10 Friday 27 February (before the
    // validity): no occurrence, so ignored and counted (2 rows, the first on line 5).
    expect(out.map((o) => o.value)).toEqual([60]);
    expect(inWords(out[0]!).computation).toEqual([
      '3 of 5 daily deliveries on time (by 10:00, office workdays; matched by report_date)',
      'late: 2026-03-03 (23h late), 2026-03-06 (30m late)',
      '2 logged deliveries naming no occurrence in report_date, ignored: 2026-03-07, 2026-02-27',
      'partial window: occurrences due up to 2026-03-06 12:00 +00:00',
    ]);
    expect(inWords(out[0]!).examples).toEqual([
      '2026-03-03: delivered 2026-03-04 09:00 +00:00 (line 3, report_date 2026-03-03), 23h after the due time 2026-03-03 10:00 +00:00 (UTC)',
      '2026-03-06: delivered 2026-03-06 10:30 +00:00 (line 8, report_date 2026-03-06), 30m after the due time 2026-03-06 10:00 +00:00 (UTC)',
    ]);
    expect(unmatched).toEqual({ rows: 2, firstLine: 5, values: ['2026-03-07', '2026-02-27'] });
  });

  it('an occurrence no row names is missed, whatever else was delivered', () => {
    const { out, unmatched } = run(
      `report,delivered_at,report_date
       daily-open-tickets,2026-03-02T09:00:00Z,2026-03-02
       daily-open-tickets,2026-03-03T09:00:00Z,
       daily-open-tickets,2026-03-03T09:00:00Z,2026-05-04
       daily-open-tickets,2026-03-03T09:00:00Z,2027-01-04`,
      { ...setup, asOf: '2026-03-03T12:00:00Z' },
    );
    // Tue 3's delivery names nothing (an empty cell: counted as unmatched); the next one names
    // Mon 4 May, an occurrence not due yet (not unmatched, not counted); the last Mon 4 Jan 2027,
    // a workday after the validity (unmatched). Tue 3 is missed: 1 of 2.
    expect(out[0]!.value).toBe(50);
    expect(inWords(out[0]!).examples).toEqual(['2026-03-03: missed (due 2026-03-03 10:00 +00:00 UTC; no delivery logged for it in report_date)']);
    expect(inWords(out[0]!).computation).toContain('2 logged deliveries naming no occurrence in report_date, ignored: (empty), 2027-01-04');
    expect(unmatched).toEqual({ rows: 2, firstLine: 3, values: ['', '2027-01-04'] });
  });

  it('needs the column, and a date in it', () => {
    const [agreement] = compileDocs([{
      apiVersion: 'slacheck/v1', kind: 'SLA', id: 'desk', title: 'Desk',
      parties: { ops: { name: 'Ops', role: 'provider' }, x: { name: 'X', role: 'customer' } },
      validity: { from: '2026-03-01', to: '2026-12-31' },
      data: { log: { file: 'log.csv' } },
      reports: [{ id: 'r', schedule: { every: 'day', by: '10:00' }, log: { source: 'log', at: 'delivered_at', for: 'report_date' }, target: '>= 95%', window: 'month' }],
    }]);
    const item = agreement!.items[0] as CompiledReport;
    const asOfMs = Date.parse('2026-03-05T00:00:00Z');
    const evaluator = createReportEvaluator({ item, zone: 'UTC', windows: buildWindows('month', 'UTC', item.validity, asOfMs), asOfMs, ...runContext(item.validity, 'UTC') });
    const sink = evaluator.needs()[0]!.sink;
    expect(sink.bind(['delivered_at'])).toEqual(['report_date']);
    sink.bind(['delivered_at', 'report_date']);
    expect(() => sink.add(['2026-03-02T09:00:00Z', 'March 2nd'], 2)).toThrow(CellError);
    expect(() => sink.add(['2026-03-02T09:00:00Z', '2026-02-30'], 3)).toThrow(/not a real date/);
  });
});

describe('schedule.roll (SPEC 9.5, 9.7)', () => {
  it('next-workday: a weekly report due on Easter Monday is due on Tuesday, in every respect', () => {
    const csv = `report,delivered_at
       daily-open-tickets,2026-03-30T09:00:00
       daily-open-tickets,2026-04-07T09:30:00
       daily-open-tickets,2026-04-13T09:45:00`;
    const setup = {
      asOf: '2026-04-14T12:00:00Z',
      zone: 'Europe/Berlin',
      schedule: { every: 'week', on: 'mon', by: '10:00', calendar: 'office', roll: 'next-workday' },
      calendars: { office: EASTER_OFFICE },
      validity: { from: '2026-03-30', to: '2026-12-31' },
      window: 'week',
    } as const;
    const out = evaluate(csv, setup);
    // Mondays 30 Mar, 6 Apr and 13 Apr, 10:00 CEST. Easter Monday (6 Apr) is a holiday of the
    // calendar: due Tue 7 Apr 10:00 instead. Each delivery (local times) is the latest before its
    // due: 30 Mar 09:00, Tue 7 Apr 09:30 (before the rolled due), 13 Apr 09:45 → 3 on time.
    // The rolled occurrence is placed by its rolled due: week 15 (6–12 April).
    expect(out.map((o) => [o.window.label, o.value])).toEqual([['2026-W14', 100], ['2026-W15', 100], ['2026-W16', 100]]);
    expect(inWords(out[1]!).computation).toEqual([
      '1 of 1 weekly deliveries on time (by mon 10:00, rolled to the next office workday)',
      'rolled to the next workday: 2026-04-06 → 2026-04-07',
    ]);
    // Without roll the report was due on Easter Monday 10:00: Tuesday 09:30 is 23h 30m late.
    const { roll: _, ...unrolled } = setup.schedule;
    const plain = evaluate(csv, { ...setup, schedule: unrolled });
    expect(plain.map((o) => o.value)).toEqual([100, 0, 100]);
    expect(inWords(plain[1]!).computation).toContain('late: 2026-04-06 (23h 30m late)');
  });

  it('next-workday: due dates that roll onto the same day are one occurrence; `for` names the rolled date', () => {
    const csv = `report,delivered_at,report_date
       daily-open-tickets,2026-04-01T09:00:00,2026-04-01
       daily-open-tickets,2026-04-02T09:00:00,2026-04-02
       daily-open-tickets,2026-04-07T09:00:00,2026-04-07
       daily-open-tickets,2026-04-07T09:05:00,2026-04-06
       daily-open-tickets,2026-04-08T09:00:00,2026-04-08`;
    const setup = {
      asOf: '2026-04-08T12:00:00',
      zone: 'Europe/Berlin',
      schedule: { every: 'day', by: '10:00', calendar: 'office', roll: 'next-workday' },
      calendars: { office: EASTER_OFFICE },
      validity: { from: '2026-04-01', to: '2026-12-31' },
    } as const;
    // Daily by 10:00: Wed 1, Thu 2; Fri 3 (Good Friday), Sat 4, Sun 5 and Mon 6 (Easter Monday)
    // roll onto Tue 7, which is due itself: one occurrence; Wed 8. 4 occurrences, not 8.
    // By time: each delivery at 09:00 is the latest before its due (Tue 7's latest is 09:05) → 4 of 4.
    const byTime = evaluate(csv, setup);
    expect(byTime[0]!.counts).toMatchObject({ records: 4, good: 4 });
    expect(inWords(byTime[0]!).computation).toContain('rolled to the next workday: 2026-04-03, 2026-04-04, 2026-04-05, 2026-04-06, 2026-04-07 → 2026-04-07');
    // By `for`: the rolled due counts, so 2026-04-06 names no occurrence (ignored, counted);
    // 2026-04-07 names the rolled one → still 4 of 4.
    const { out, unmatched } = run(csv, { ...setup, log: { for: 'report_date' } });
    expect(out[0]!.counts).toMatchObject({ records: 4, good: 4 });
    expect(unmatched).toEqual({ rows: 1, firstLine: 5, values: ['2026-04-06'] });
  });

  it('previous-workday: due on the Thursday before Easter', () => {
    const out = evaluate(
      `report,delivered_at
       daily-open-tickets,2026-04-02T11:00:00
       daily-open-tickets,2026-04-04T11:00:00`,
      {
        asOf: '2026-04-30T00:00:00',
        zone: 'Europe/Berlin',
        schedule: { every: 'month', on: 5, by: '12:00', calendar: 'office', roll: 'previous-workday' },
        calendars: { office: EASTER_OFFICE },
        validity: { from: '2026-04-01', to: '2026-12-31' },
      },
    );
    // 5 April 2026 is Easter Sunday; Sat 4 has no hours and Fri 3 is Good Friday: due Thu 2 April
    // 12:00. Thu 11:00 is on time; Sat 4 11:00 is unused (May's due is 5 May).
    expect(out[0]!.value).toBe(100);
    expect(inWords(out[0]!).computation).toEqual([
      '1 of 1 monthly deliveries on time (by day 5, 12:00, rolled to the previous office workday)',
      'rolled to the previous workday: 2026-04-05 → 2026-04-02',
      'partial window: occurrences due up to 2026-04-29 22:00 +00:00',
    ]);
  });
});

describe('report evidence (SPEC 9.4 credits --evidence)', () => {
  it('every late occurrence with its delivery line and delay, every missed one with its due time', () => {
    const csv = `report,delivered_at
       daily-open-tickets,2026-03-02T11:00:00Z
       daily-open-tickets,2026-03-03T09:00:00Z`;
    const setup = {
      schedule: { every: 'workday', by: '10:00', calendar: 'office' },
      calendars: { office: OFFICE_UTC },
      validity: { from: '2026-03-01', to: '2026-12-31' },
      window: 'month',
      evidence: true,
    } as const;
    // As of Wed 4 Mar 12:00 (matching as in "Monday sent at 11:00 and Tuesday at 09:00" above):
    // Tue 3 takes Tue 09:00 (on time), Mon 2 takes Mon 11:00 (line 2, 1h late), Wed 4 is missed.
    const [mar] = evaluate(csv, { ...setup, asOf: '2026-03-04T12:00:00Z' });
    expect(mar!.evidence).toEqual([
      { line: 2, key: '2026-03-02', start: Date.parse('2026-03-02T10:00:00Z'), end: Date.parse('2026-03-02T11:00:00Z'), value: 3600, open: false, charged: [] },
      { line: null, key: '2026-03-04', start: Date.parse('2026-03-04T10:00:00Z'), end: null, value: null, open: false, charged: [] },
    ]);
    expect(evaluate(csv, { ...setup, evidence: false, asOf: '2026-03-04T12:00:00Z' })[0]!.evidence).toBeUndefined();
  });
});
