import { inWords } from '../in-words.js';
import { describe, expect, it } from 'vitest';
import type { AgreementDoc, CalendarSpec, Objective, WindowKind } from '../../../src/agreement/model.js';
import type { CompiledObjective } from '../../../src/compile/index.js';
import type { EvaluatorContext, WindowOutcome } from '../../../src/evaluate/evaluator.js';
import { createUptimeEvaluator } from '../../../src/evaluate/uptime.js';
import { CellError } from '../../../src/problem.js';
import { compileCalendar } from '../../../src/time/calendar.js';
import { makeTimestampParser } from '../../../src/time/instant.js';
import { buildItemWindows } from '../../../src/time/windows.js';
import { specsOf } from '../../../src/time/window-specs.js';
import { compileDocs, runContext } from '../compiled.js';

const OFFICE_UTC: CalendarSpec = { timezone: 'UTC', hours: { 'mon-fri': '08:00-18:00' } };
const H = 3600;
const DAY = 86400;

interface Setup {
  asOf: string;
  window?: WindowKind;
  validity?: { from: string; to: string };
  calendars?: Record<string, CalendarSpec>;
  services?: AgreementDoc['services'];
}

/** Runs an uptime objective over inline CSV (header on line 1) the way the engine would. */
function evaluate(objective: Partial<Objective>, csv: string, setup: Setup): WindowOutcome[] {
  const zone = 'UTC';
  const validity = setup.validity ?? { from: '2026-01-01', to: '2026-12-31' };
  const item: Objective = {
    id: 'availability',
    source: 'incidents',
    measure: { uptime: { from: 'down_from', to: 'down_to' } },
    target: '>= 99.5%',
    window: setup.window ?? 'month',
    ...objective,
  };
  const doc: AgreementDoc = {
    apiVersion: 'slacheck/v1',
    kind: 'SLA',
    id: 'hosting',
    title: 'Hosting',
    parties: { ops: { name: 'Ops', role: 'provider' }, 'company-x': { name: 'X', role: 'customer' } },
    validity,
    ...(setup.calendars ? { calendars: setup.calendars } : {}),
    ...(setup.services ? { services: setup.services } : {}),
    data: { incidents: { file: 'incidents.csv' } },
    objectives: [item],
  };
  const asOfMs = makeTimestampParser(zone)(setup.asOf);
  const [agreement] = compileDocs([doc]);
  const ctx: EvaluatorContext<CompiledObjective> = {
    item: agreement!.items[0] as CompiledObjective,
    zone,
    windows: buildItemWindows(specsOf(item.window), zone, validity, asOfMs),
    asOfMs,
    ...runContext(validity, zone),
  };
  const evaluator = createUptimeEvaluator(ctx);
  const [need] = evaluator.needs();
  const [header, ...rows] = csv.trim().split('\n').map((l) => l.trim().split(','));
  expect(need!.sink.bind(header!)).toEqual([]);
  rows.forEach((row, i) => need!.sink.add(row, i + 2));
  return evaluator.finish();
}

const byLabel = (outcomes: WindowOutcome[], label: string): WindowOutcome => {
  const found = outcomes.find((o) => o.window.label === label);
  if (!found) throw new Error(`no window ${label}`);
  return found;
};

describe('uptime evaluator (SPEC 3.5)', () => {
  it('merges overlapping downtime and splits it at a month boundary', () => {
    const out = evaluate(
      {},
      `id,down_from,down_to
       INC-1,2026-01-31T23:00:00Z,2026-02-01T02:00:00Z
       INC-2,2026-02-01T01:00:00Z,2026-02-01T03:00:00Z`,
      { asOf: '2026-03-01T00:00:00Z' },
    );
    // March starts at as-of: not reported.
    expect(out.map((o) => o.window.label)).toEqual(['2026-01', '2026-02']);
    const jan = byLabel(out, '2026-01');
    // Jan: [31 Jan 23:00, 1 Feb 00:00) = 1h of 31 d × 86400 = 2,678,400 s: 100 × (1 − 3600 / 2678400)
    expect(jan.value).toBeCloseTo(100 * (1 - 3600 / 2678400), 10);
    expect(jan.value).toBeCloseTo(99.86559139784946, 10);
    expect(jan.counts).toEqual({ records: 1, counted: 1, good: 0, open: 0, excluded: 0, skipped: 0, invalid: 0 });
    const feb = byLabel(out, '2026-02');
    // Feb: merged [31 Jan 23:00, 1 Feb 03:00) ∩ Feb = 00:00–03:00 = 3h (not 2h + 2h = 4h);
    // service 28 d = 2,419,200 s: 100 × (1 − 10800 / 2419200) = 99.5535714…
    expect(feb.value).toBeCloseTo(99.55357142857143, 10);
    expect(feb.counts.records).toBe(2);
    expect(feb.counts.counted).toBe(2);
    expect(inWords(feb).computation[0]).toContain('2 incidents merged into 1');
    expect(inWords(feb).computation[0]).toContain('calendar 24x7');
    expect(inWords(feb).examples[0]).toMatch(/^id INC-1 \(line 2\)/);
    expect(feb.charged).toEqual({});
  });

  it('counts only working time of the service hours calendar', () => {
    const out = evaluate(
      { service: 'hosting' },
      `down_from,down_to
       2026-02-03T20:00:00Z,2026-02-04T09:00:00Z
       2026-02-05T22:00:00Z,2026-02-06T06:00:00Z`,
      { asOf: '2026-03-01T00:00:00Z', calendars: { office: OFFICE_UTC }, services: { hosting: { hours: 'office' } } },
    );
    const feb = byLabel(out, '2026-02');
    // Feb 2026 starts on a Sunday: workdays 2–6, 9–13, 16–20, 23–27 = 20 × 10 h = 720,000 s.
    // Tue 20:00 → Wed 09:00 counts only Wed 08:00–09:00 = 1 h; Thu 22:00 → Fri 06:00 counts 0.
    // 100 × (720000 − 3600) / 720000 = 99.5
    expect(feb.value).toBeCloseTo(99.5, 10);
    expect(feb.counts.records).toBe(2);
    expect(inWords(feb).computation[0]).toContain('calendar office');
    // measure.calendar wins over the service hours: 24x7 gives 100 × (1 − (13 h + 8 h) / 28 d)
    const wall = byLabel(
      evaluate(
        { service: 'hosting', measure: { uptime: { from: 'down_from', to: 'down_to', calendar: '24x7' } } },
        `down_from,down_to
         2026-02-03T20:00:00Z,2026-02-04T09:00:00Z
         2026-02-05T22:00:00Z,2026-02-06T06:00:00Z`,
        { asOf: '2026-03-01T00:00:00Z', calendars: { office: OFFICE_UTC }, services: { hosting: { hours: 'office' } } },
      ),
      '2026-02',
    );
    expect(wall.value).toBeCloseTo(100 * (1 - (21 * H) / (28 * DAY)), 10);
  });

  it('counts an open incident as downtime up to as-of, service time too, in a partial window', () => {
    const out = evaluate(
      {},
      `id,down_from,down_to
       INC-8,2026-03-10T10:00:00Z,
       INC-9,2026-03-10T11:00:00Z,2026-03-11T00:00:00Z
       INC-10,2026-03-10T13:00:00Z,2026-03-10T14:00:00Z`,
      { asOf: '2026-03-10T12:00:00Z' },
    );
    expect(out.map((o) => o.window.label)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(byLabel(out, '2026-02').value).toBe(100);
    expect(byLabel(out, '2026-02').counts.records).toBe(0);
    const mar = byLabel(out, '2026-03');
    expect(mar.window.partial).toBe(true);
    // INC-8 (empty end) and INC-9 (future end) are open until as-of: merged [10:00, 12:00) = 7200 s.
    // INC-10 starts after as-of: ignored. Service 1 Mar 00:00 → 10 Mar 12:00 = 9.5 d = 820,800 s.
    // 100 × (820800 − 7200) / 820800 = 99.1228070…
    expect(mar.value).toBeCloseTo(99.12280701754386, 10);
    expect(mar.counts).toEqual({ records: 2, counted: 2, good: 0, open: 2, excluded: 0, skipped: 0, invalid: 0 });
    expect(inWords(mar).computation.some((l) => l.startsWith('partial window'))).toBe(true);
    expect(inWords(mar).examples[0]).toContain('open at as-of');
  });

  it('removes an excluded interval from downtime and service time and charges its service seconds', () => {
    const out = evaluate(
      { exclude: [{ where: { cause: 'maintenance' }, party: 'none' }] },
      `id,cause,down_from,down_to
       INC-1,hardware,2026-02-10T10:00:00Z,2026-02-10T14:00:00Z
       MNT-1,maintenance,2026-02-10T12:00:00Z,2026-02-10T16:00:00Z`,
      { asOf: '2026-03-01T00:00:00Z' },
    );
    const feb = byLabel(out, '2026-02');
    // downtime [10, 14) minus excluded [12, 16) = [10, 12) = 7200 s;
    // service 2,419,200 − 4 h (14,400) = 2,404,800 s; 100 × (2404800 − 7200) / 2404800 = 99.7005988…
    expect(feb.value).toBeCloseTo(99.70059880239521, 10);
    expect(feb.counts).toEqual({ records: 2, counted: 1, good: 0, open: 0, excluded: 1, skipped: 0, invalid: 0 });
    expect(feb.charged).toEqual({ none: { records: 1, seconds: 14400 } });
    expect(inWords(feb).attributions).toEqual([
      { mechanism: 'exclude', party: 'none', records: 1, seconds: 14400, detail: 'cause = maintenance' },
    ]);
  });

  it('charges time excluded by two overlapping entries to the entry listed first', () => {
    const csv = `cause,down_from,down_to
       maintenance,2026-02-10T10:00:00Z,2026-02-10T12:00:00Z
       customer-change,2026-02-10T11:00:00Z,2026-02-10T14:00:00Z`;
    const maintenance = { where: { cause: 'maintenance' }, party: 'none' };
    const change = { where: { cause: ['customer-change'] }, party: 'company-x' };
    const first = byLabel(evaluate({ exclude: [maintenance, change] }, csv, { asOf: '2026-03-01T00:00:00Z' }), '2026-02');
    // union [10, 14) = 4 h removed; maintenance listed first owns [10, 12) = 7200, the change [12, 14) = 7200.
    expect(first.charged).toEqual({ none: { records: 1, seconds: 7200 }, 'company-x': { records: 1, seconds: 7200 } });
    // no downtime left: 100 %
    expect(first.value).toBe(100);
    expect(first.counts.excluded).toBe(2);
    const swapped = byLabel(evaluate({ exclude: [change, maintenance] }, csv, { asOf: '2026-03-01T00:00:00Z' }), '2026-02');
    // change listed first owns [11, 14) = 10800; maintenance only [10, 11) = 3600.
    expect(swapped.charged).toEqual({ 'company-x': { records: 1, seconds: 10800 }, none: { records: 1, seconds: 3600 } });
    expect(inWords(swapped).attributions[0]!.detail).toBe('cause in [customer-change]');
  });

  it('charges an exclusion in each window whose service time it reduces', () => {
    const out = evaluate(
      { exclude: [{ where: { cause: 'maintenance' }, party: 'none' }] },
      `cause,down_from,down_to
       maintenance,2026-01-31T22:00:00Z,2026-02-01T02:00:00Z`,
      { asOf: '2026-03-01T00:00:00Z' },
    );
    // 2 h on each side of the boundary.
    expect(byLabel(out, '2026-01').charged).toEqual({ none: { records: 1, seconds: 7200 } });
    expect(byLabel(out, '2026-02').charged).toEqual({ none: { records: 1, seconds: 7200 } });
    expect(byLabel(out, '2026-02').value).toBe(100);
  });

  it('charges an exclusion only in windows whose service time it reduces (SPEC 5)', () => {
    // Office hours Mon–Fri 08:00–18:00 UTC, weekly windows; 2026-W10 is Mon 2 – Sun 8 March.
    // SAT: Saturday 7 March 10:00–12:00, no working time: excluded (counts.excluded) but removes 0 s -> not charged.
    // FRI: Thu 5 March 20:00 – Fri 6 March 09:00: removes Fri 08:00–09:00 = 3600 s -> charged.
    const out = evaluate(
      { measure: { uptime: { from: 'down_from', to: 'down_to', calendar: 'office' } }, exclude: [{ where: { cause: 'maint' }, party: 'none' }] },
      `id,cause,down_from,down_to
       SAT,maint,2026-03-07T10:00:00Z,2026-03-07T12:00:00Z
       FRI,maint,2026-03-05T20:00:00Z,2026-03-06T09:00:00Z`,
      { asOf: '2026-04-01T00:00:00Z', window: 'week', calendars: { office: OFFICE_UTC } },
    );
    const w10 = byLabel(out, '2026-W10');
    expect(w10.counts).toMatchObject({ records: 2, excluded: 2, counted: 0 });
    expect(w10.charged).toEqual({ none: { records: 1, seconds: 3600 } });
    // service time 5 × 10 h = 50 h minus the excluded hour = 49 h, no downtime: 100%
    expect(w10.value).toBe(100);
    // the Saturday alone charges nothing at all
    const sat = evaluate(
      { measure: { uptime: { from: 'down_from', to: 'down_to', calendar: 'office' } }, exclude: [{ where: { cause: 'maint' }, party: 'none' }] },
      `id,cause,down_from,down_to
       SAT,maint,2026-03-07T10:00:00Z,2026-03-07T12:00:00Z`,
      { asOf: '2026-04-01T00:00:00Z', window: 'week', calendars: { office: OFFICE_UTC } },
    );
    expect(byLabel(sat, '2026-W10').charged).toEqual({});
    expect(byLabel(sat, '2026-W10').counts.excluded).toBe(1);
  });

  it('gives no-data when the window has no service time', () => {
    const weekend = evaluate(
      { measure: { uptime: { from: 'down_from', to: 'down_to', calendar: 'office' } } },
      `down_from,down_to
       2026-02-07T10:00:00Z,2026-02-07T11:00:00Z`,
      { asOf: '2026-02-10T00:00:00Z', window: 'day', validity: { from: '2026-02-06', to: '2026-02-08' }, calendars: { office: OFFICE_UTC } },
    );
    expect(weekend.map((o) => o.window.label)).toEqual(['2026-02-06', '2026-02-07', '2026-02-08']);
    // Friday: 10 h service, no downtime.
    expect(weekend[0]!.value).toBe(100);
    // Saturday and Sunday: no service time; the Saturday incident is still a record.
    expect(weekend[1]!.value).toBeNull();
    expect(weekend[1]!.counts.records).toBe(1);
    expect(inWords(weekend[1]!).computation[0]).toContain('no service time');
    expect(weekend[2]!.value).toBeNull();
    // An exclusion covering the whole window leaves no service time either.
    const excluded = evaluate(
      { exclude: [{ where: { cause: 'maintenance' }, party: 'none' }] },
      `cause,down_from,down_to
       maintenance,2026-02-10T00:00:00Z,2026-02-11T00:00:00Z`,
      { asOf: '2026-02-12T00:00:00Z', window: 'day', validity: { from: '2026-02-10', to: '2026-02-10' } },
    );
    expect(excluded[0]!.value).toBeNull();
    expect(excluded[0]!.charged).toEqual({ none: { records: 1, seconds: DAY } });
  });

  it('treats intervals as half-open at window boundaries', () => {
    const out = evaluate(
      {},
      `down_from,down_to
       2026-01-31T22:00:00Z,2026-02-01T00:00:00Z
       2026-03-01T00:00:00Z,2026-03-01T01:00:00Z`,
      { asOf: '2026-04-01T00:00:00Z' },
    );
    // The first ends exactly at Feb's start and does not touch Feb; the second starts at March's start.
    expect(byLabel(out, '2026-01').counts.records).toBe(1);
    expect(byLabel(out, '2026-02').counts.records).toBe(0);
    expect(byLabel(out, '2026-02').value).toBe(100);
    expect(byLabel(out, '2026-03').counts.records).toBe(1);
    // Jan: 2 h of 31 d
    expect(byLabel(out, '2026-01').value).toBeCloseTo(100 * (1 - (2 * H) / (31 * DAY)), 10);
  });

  it('reports missing columns and rejects bad timestamps', () => {
    const [agreement] = compileDocs([
      {
        apiVersion: 'slacheck/v1',
        kind: 'SLA',
        id: 'a',
        title: 'A',
        parties: { ops: { name: 'Ops', role: 'provider' }, 'company-x': { name: 'X', role: 'customer' } },
        validity: { from: '2026-01-01', to: '2026-12-31' },
        data: { incidents: { file: 'incidents.csv' } },
        objectives: [
          {
            id: 'availability',
            source: 'incidents',
            where: { service: 'web' },
            measure: { uptime: { from: 'down_from', to: 'down_to' } },
            exclude: [{ where: { cause: 'maintenance' }, party: 'none' }],
            target: '>= 99%',
            window: 'month',
          },
        ],
      },
    ]);
    const ctx: EvaluatorContext<CompiledObjective> = { item: agreement!.items[0] as CompiledObjective, zone: 'UTC', windows: [], asOfMs: Date.UTC(2026, 2, 1), ...runContext({ from: '2026-01-01', to: '2026-12-31' }, 'UTC') };
    const sink = createUptimeEvaluator(ctx).needs()[0]!.sink;
    expect(sink.bind(['down_from', 'cause'])).toEqual(['service', 'down_to']);
    sink.bind(['service', 'down_from', 'down_to', 'cause']);
    expect(() => sink.add(['web', '2026-02-30T10:00', '', 'x'], 2)).toThrow(CellError);
    let caught: unknown;
    try {
      sink.add(['web', '2026-02-10T10:00Z', 'soon', 'x'], 3);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CellError);
    expect(caught).toMatchObject({ code: 'invalid-timestamp', column: 'down_to' });
    // Rows not passing `where` are not read at all.
    expect(() => sink.add(['db', 'garbage', '', 'x'], 4)).not.toThrow();
    // SPEC 9.1: a bad start stops the row; its bad end is listed as well, a good or empty one not
    const bothBad = ['web', 'n/a', 'soon', 'x'];
    let first: CellError | undefined;
    try {
      sink.add(bothBad, 5);
    } catch (e) {
      first = e as CellError;
    }
    expect(first).toMatchObject({ code: 'invalid-timestamp', column: 'down_from' });
    expect(sink.otherBadCells!(bothBad, first!)).toEqual([expect.objectContaining({ code: 'invalid-timestamp', column: 'down_to' })]);
    expect(sink.otherBadCells!(['web', 'n/a', '2026-02-10T11:00Z', 'x'], first!)).toEqual([]);
    expect(sink.otherBadCells!(['web', 'n/a', '', 'x'], first!)).toEqual([]);
  });
});
