import { inWords } from '../in-words.js';
import { describe, expect, it } from 'vitest';
import type { AgreementDoc, CalendarSpec, Report, Schedule, WindowKind } from '../../../src/agreement/model.js';
import type { CompiledReport } from '../../../src/compile/index.js';
import type { EvaluatorContext, WindowOutcome } from '../../../src/evaluate/evaluator.js';
import { createReportEvaluator, slotIndexOf } from '../../../src/evaluate/reports.js';
import { CellError } from '../../../src/problem.js';
import { makeTimestampParser } from '../../../src/time/instant.js';
import { buildWindows } from '../../../src/time/windows.js';
import { compileDocs } from '../compiled.js';

const OFFICE_UTC: CalendarSpec = { timezone: 'UTC', hours: { 'mon-fri': '08:00-18:00' } };

interface Setup {
  asOf: string;
  schedule: Schedule;
  window?: WindowKind;
  zone?: string;
  validity?: { from: string; to: string };
  calendars?: Record<string, CalendarSpec>;
}

/** Runs a report over an inline delivery log (header on line 1) the way the engine would. */
function evaluate(csv: string, setup: Setup): WindowOutcome[] {
  const zone = setup.zone ?? 'UTC';
  const validity = setup.validity ?? { from: '2026-01-01', to: '2026-12-31' };
  const item: Report = {
    id: 'daily-open-tickets',
    schedule: setup.schedule,
    log: { source: 'report-log', at: 'delivered_at', where: { report: 'daily-open-tickets' } },
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
    windows: buildWindows(item.window, zone, validity, asOfMs),
    asOfMs,
  };
  const evaluator = createReportEvaluator(ctx);
  const [need] = evaluator.needs();
  expect(need!.dataSet.key).toBe('service-desk/report-log');
  const [header, ...rows] = csv.trim().split('\n').map((l) => l.trim().split(','));
  expect(need!.sink.bind(header!)).toEqual([]);
  rows.forEach((row, i) => need!.sink.add(row, i + 2));
  return evaluator.finish();
}

describe('report deliveries (SPEC 4)', () => {
  it('daily workday schedule: on time, late, missed, and a weekend delivery that counts for nothing', () => {
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
    // 1 March 2026 is a Sunday; due workdays up to as-of: Mon 2 .. Fri 6 = 5 occurrences.
    // 2nd 09:30 on time; 3rd 10:00 = due, on time; 4th earliest 10:42 → late by 42m;
    // 5th only another report's row → missed; 6th nothing on Friday (Saturday's delivery is
    // outside every slot) → missed. The 9 March delivery is after as-of. 2 of 5 = 40 %.
    expect(mar.value).toBe(40);
    expect(mar.counts).toEqual({ records: 5, counted: 5, good: 2, open: 0, excluded: 0, skipped: 0 });
    expect(inWords(mar).computation[0]).toBe('2 of 5 daily deliveries on time (by 10:00, office workdays)');
    expect(inWords(mar).computation[1]).toBe('late: 2026-03-04 (42m late)');
    expect(inWords(mar).computation[2]).toBe('missed: 2026-03-05, 2026-03-06');
    expect(inWords(mar).examples).toHaveLength(3);
    expect(inWords(mar).examples[0]).toBe('2026-03-04: delivered 2026-03-04 10:42 +00:00, 42m after the due time 2026-03-04 10:00 +00:00 (UTC)');
    expect(mar.charged).toEqual({});
    // Before any delivery was logged, Jan and Feb simply missed every workday: 0 %.
    expect(out[0]!.value).toBe(0);
    // January 2026 (Thu 1 .. Sat 31) has workdays 1–2, 5–9, 12–16, 19–23, 26–30 = 2 + 4 × 5 = 22.
    expect(out[0]!.counts.records).toBe(22);
  });

  it('weekly schedule on wed: slot is the ISO week, even when it starts before validity', () => {
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
    // Wednesdays of April 2026: 1, 8, 15, 22, 29 (due 09:00Z).
    // Wk 1 (Mon 30 Mar – Sun 5 Apr): Mon 30 Mar is in the slot, before due → on time.
    // Wk 2: Thu 9 Apr → late (23h after due). Wk 3: Wed 15 Apr 09:00 = due → on time.
    // Wk 4: Tue 21 Apr → on time. Wk 5: Sun 3 May is after as-of → missed. 3 of 5 = 60 %.
    expect(out[0]!.value).toBe(60);
    expect(out[0]!.counts.good).toBe(3);
    expect(inWords(out[0]!).computation[0]).toBe('3 of 5 weekly deliveries on time (by wed 09:00)');
    expect(inWords(out[0]!).computation).toContain('late: 2026-04-08 (23h late)');
    expect(inWords(out[0]!).computation).toContain('missed: 2026-04-29');
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
    // Q1: 5 Jan on time (3 Jan in the January slot), 5 Feb late (6 Feb), 5 Mar 12:00 = due → 2 of 3.
    expect(out[0]!.value).toBeCloseTo((100 * 2) / 3, 10);
    expect(out[0]!.counts.records).toBe(3);
    // Q2: 5 Apr late by 1 minute; 5 May 12:00 is due after as-of (11:00) and not counted, even
    // though its delivery (10:00) was logged already: 0 of 1.
    expect(out[1]!.value).toBe(0);
    expect(out[1]!.counts).toEqual({ records: 1, counted: 1, good: 0, open: 0, excluded: 0, skipped: 0 });
    expect(inWords(out[1]!).computation[0]).toBe('0 of 1 monthly deliveries on time (by day 5, 12:00)');
  });

  it('reads the due time on a DST day in Europe/Berlin and slots by local day', () => {
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
    // 29 Mar (clocks go forward at 02:00): 10:00 CEST = 08:00Z; 08:30Z = 10:30 local → late by 30m
    // (read as CET the due would be 09:00Z and this would wrongly be on time).
    expect(out[1]!.value).toBe(0);
    expect(inWords(out[1]!).computation).toContain('late: 2026-03-29 (30m late)');
    // 29 Mar 22:30Z is 30 Mar 00:30 CEST: it is in the 30 March slot, before its 08:00Z due.
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

  it('finds slots by binary search and rejects bad delivery timestamps', () => {
    const occ = [
      { due: 15, slotStart: 10, slotEnd: 20, date: 'a' },
      { due: 35, slotStart: 30, slotEnd: 40, date: 'b' },
    ];
    expect([9, 10, 19, 20, 30, 39, 40].map((t) => slotIndexOf(occ, t))).toEqual([-1, 0, 0, -1, 1, 1, -1]);
    expect(() =>
      evaluate(`report,delivered_at\ndaily-open-tickets,yesterday`, {
        asOf: '2026-01-10T00:00:00Z',
        schedule: { every: 'day', by: '10:00' },
      }),
    ).toThrow(CellError);
  });
});
