/**
 * Uptime objectives (SPEC 3.5): each record is a downtime interval [from, to). Overlapping
 * downtime is merged, counted only in the calendar's working time (the service hours) and split
 * at window boundaries; excluded intervals (SPEC 5) leave downtime and service time alike.
 */
import type { Exclusion } from '../agreement/model.js';
import type { CompiledMaintenance, CompiledObjective } from '../compile/model.js';
import type { RowSink } from '../data/source.js';
import { maintenanceUses, noticeReader } from './adjust/maintenance.js';
import { CellError } from '../problem.js';
import { timestampCells } from './cells.js';
import { mergeIntervals, subtractIntervals, workingSecondsIn, type Interval } from '../time/intervals.js';
import { upperBoundBy } from '../time/search.js';
import type { TimeWindow, WorkingCalendar } from '../time/types.js';
import type { EvaluatorContext, ObjectiveEvaluator, WindowOutcome } from './evaluator.js';
import type { Attribution, ComputationStep, Evidence, Example, MaintenanceUse } from './explanation.js';
import type { Charge } from './result.js';
import { compileWhere, keyColumn, singleColumn, type CompiledWhere } from './where.js';
import { WindowIndex, windowsOverlap } from '../time/windows.js';

const windowEnd = (w: TimeWindow): number => w.end;

/** Indexes of the windows a record [from, end) touches; half-open, so an end at a window's start does not. */
function touchedWindows(windows: readonly TimeWindow[], from: number, end: number, overlapping: boolean): number[] {
  const out: number[] = [];
  if (overlapping) {
    // SPEC 9.3: a list of kinds or rolling windows: every window the record touches (few incidents)
    windows.forEach((win, w) => {
      if (end > from ? win.start < end && win.end > from : win.start <= from && from < win.end) out.push(w);
    });
    return out;
  }
  for (let w = upperBoundBy(windows, from, windowEnd); w < windows.length; w++) {
    const win = windows[w]!;
    // A zero-length record sits in the window containing its instant.
    if (end > from ? win.start >= end : win.start > from) break;
    out.push(w);
  }
  return out;
}

/** Round to whole milliseconds, so sums of pieces of a window compare exactly with the whole. */
function roundMs(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

/** The downtime records read, as parallel arrays (one slot per record passing `where`). */
interface Incidents {
  from: number[];
  /** `to`, or as-of for open records. */
  end: number[];
  open: boolean[];
  line: number[];
  id: (string | null)[];
  /** Index of the first matching `exclude` entry, or -1. */
  entry: number[];
}

export function createUptimeEvaluator(ctx: EvaluatorContext<CompiledObjective>): ObjectiveEvaluator {
  const objective = ctx.item;
  const measure = objective.measure;
  if (measure.kind !== 'uptime') throw new Error('not an uptime objective');
  const exclusions = objective.exclude;
  const dataSet = objective.dataSet;
  const cells = timestampCells(dataSet);
  const parse = cells.parse;
  const asOf = ctx.asOfMs;
  const incidents: Incidents = { from: [], end: [], open: [], line: [], id: [], entry: [] };
  const placement = ctx.placement(dataSet.key);
  const skipInvalid = dataSet.skipInvalid === true;
  /** SPEC 9.1 `invalid: skip`: where each left-out row starts (NaN when that cell is the bad one). */
  const invalidAt: number[] = [];

  let where: CompiledWhere;
  let excludeWheres: CompiledWhere[] = [];
  let fromCol = -1;
  let toCol = -1;
  let idCol = -1;

  const sink: RowSink = {
    // SPEC 9.1: a bad start stops the row before its end is read; list a bad end too
    otherBadCells(row, first) {
      const toText = (row[toCol] ?? '').trim();
      if (first.column === measure.to || toText === '' || !Number.isNaN(parse(toText))) return [];
      return [new CellError('invalid-timestamp', measure.to, `${cells.describe(toText)} (downtime end)`)];
    },
    bind(header) {
      where = compileWhere(objective.where, header);
      excludeWheres = exclusions.map((x) => compileWhere(x.where, header));
      fromCol = singleColumn(header, measure.from);
      toCol = singleColumn(header, measure.to);
      idCol = keyColumn(header, dataSet.keyColumn);
      const missing = [...where.missing, ...excludeWheres.flatMap((w) => w.missing)];
      if (fromCol < 0) missing.push(measure.from);
      if (toCol < 0) missing.push(measure.to);
      return [...new Set(missing)];
    },
    add(row, line) {
      where.observe(row);
      if (!where.test(row)) return;
      if (!skipInvalid) return read(row, line);
      try {
        read(row, line);
      } catch (err) {
        if (err instanceof CellError) invalidAt.push(parse(row[fromCol] ?? ''));
        throw err;
      }
    },
  };

  const read = (row: readonly string[], line: number): void => {
    const fromText = row[fromCol] ?? '';
    const from = parse(fromText);
    if (Number.isNaN(from)) {
      throw new CellError('invalid-timestamp', measure.from, `${cells.describe(fromText)} (downtime start)`);
    }
    // SPEC 3.4: a record whose start is after as-of has not happened yet.
    if (from > asOf) return;
    const toText = (row[toCol] ?? '').trim();
    let to = Infinity;
    if (toText !== '') {
      to = parse(toText);
      if (Number.isNaN(to)) {
        throw new CellError('invalid-timestamp', measure.to, `${cells.describe(toText)} (downtime end)`);
      }
      if (to < from) {
        throw new CellError('invalid-interval', measure.to, `downtime ends (${toText}) before it starts (${fromText})`);
      }
    }
    // SPEC 3.5: an empty or future end is open and counts as downtime up to as-of.
    const open = to > asOf;
    placement.mark(line, from < ctx.validity.to && (open ? asOf : to) > ctx.validity.from);
    let entry = -1;
    for (let e = 0; e < excludeWheres.length; e++) {
      if (excludeWheres[e]!.test(row)) {
        entry = e;
        break;
      }
    }
    incidents.from.push(from);
    incidents.end.push(open ? asOf : to);
    incidents.open.push(open);
    incidents.line.push(line);
    incidents.id.push(idCol >= 0 && row[idCol] ? row[idCol]! : null);
    incidents.entry.push(entry);
  };

  // SPEC 9.5: the notices of maintenance windows that need them, read before the incidents
  const notices = objective.maintenance.map((m) => (m.notice ? noticeReader(m, asOf) : null));
  return {
    needs: () => [
      ...notices.flatMap((n) => (n ? [{ dataSet: n.dataSet, phase: 0 as const, sink: n.sink }] : [])),
      { dataSet, phase: 1, sink },
    ],
    finish: () => {
      const maintenance = objective.maintenance.map((m, i) => ({ m, uses: maintenanceUses(m, notices[i]?.at ?? null, ctx) }));
      return measureWindows(ctx, measure.calendar, exclusions, incidents, invalidAt, maintenance);
    },
    findings: () => ({ unmatched: where.unmatched(), pauseExceeded: null }),
  };
}

function measureWindows(
  ctx: EvaluatorContext,
  calendar: WorkingCalendar,
  exclusions: readonly Exclusion[],
  incidents: Incidents,
  invalidAt: readonly number[],
  maintenance: ReadonlyArray<{ m: CompiledMaintenance; uses: MaintenanceUse[] }> = [],
): WindowOutcome[] {
  const calendarId = calendar.id;
  const windows = ctx.windows;
  // SPEC 9.7: a left-out row counts where its start places it, else in the last window
  const invalid = windows.map(() => 0);
  const windowIndex = new WindowIndex(windows);
  const overlapping = windowsOverlap(windows);
  for (const at of invalidAt) {
    if (at > ctx.asOfMs) continue;
    if (windows.length === 0) continue;
    if (at !== at) invalid[windows.length - 1]!++;
    else if (overlapping) touchedWindows(windows, at, at, true).forEach((w) => invalid[w]!++);
    else {
      const w = windowIndex.find(at);
      if (w >= 0) invalid[w]!++;
    }
  }
  const n = incidents.from.length;
  const spansOf = (keep: (i: number) => boolean): Interval[] => {
    const spans: Interval[] = [];
    for (let i = 0; i < n; i++) if (keep(i)) spans.push([incidents.from[i]!, incidents.end[i]!]);
    return mergeIntervals(spans);
  };
  // SPEC 3.5: merge first, so concurrent incidents never count twice.
  const merged = spansOf((i) => incidents.entry[i] === -1);
  // SPEC 5: time excluded by several entries is charged to the entry listed first.
  let excluded: Interval[] = [];
  const ownedByEntry = exclusions.map((_, e) => {
    const spans = spansOf((i) => incidents.entry[i] === e);
    const owned = subtractIntervals(spans, excluded);
    excluded = mergeIntervals([...excluded, ...spans]);
    return owned;
  });
  // SPEC 9.5: the used occurrences of maintenance windows are excluded too, charged to their party
  // (after the `where` exclusions: time excluded twice is charged to the one listed first)
  const ownedByMaintenance = maintenance.map(({ uses }) => {
    const spans = mergeIntervals(uses.filter((u) => u.used).map((u): Interval => [u.start, u.end]));
    const owned = subtractIntervals(spans, excluded);
    excluded = mergeIntervals([...excluded, ...spans]);
    return owned;
  });
  // SPEC 9.7: a downtime record lying wholly inside a used occurrence counts as excluded
  const maintenanceOf = (i: number): CompiledMaintenance | null =>
    maintenance.find(({ uses }) => uses.some((u) => u.used && u.start <= incidents.from[i]! && incidents.end[i]! <= u.end))?.m ?? null;
  const insideMaintenance = (i: number): boolean => maintenanceOf(i) !== null;
  // SPEC 3.5: excluded intervals leave downtime and service time alike.
  const downtime = subtractIntervals(merged, excluded);

  const touching: number[][] = windows.map(() => []);
  for (let i = 0; i < n; i++) {
    for (const w of touchedWindows(windows, incidents.from[i]!, incidents.end[i]!, overlapping)) touching[w]!.push(i);
  }

  return windows.map((window, w) => {
    const from = window.start;
    // SPEC 3.5: in a partial window only the service time up to as-of counts.
    const to = Math.max(from, Math.min(window.end, ctx.asOfMs));
    const removed = roundMs(workingSecondsIn(excluded, from, to, calendar));
    const service = roundMs(calendar.workingSeconds(from, to) - removed);
    const down = roundMs(workingSecondsIn(downtime, from, to, calendar));
    const value = service > 0 ? (100 * (service - down)) / service : null;

    const recs = touching[w]!;
    const counted = recs.filter((i) => incidents.entry[i] === -1 && !insideMaintenance(i));
    const open = counted.filter((i) => incidents.open[i]).length;
    // a Map: a party id such as `constructor` must not find Object.prototype's (issue 14)
    const charges = new Map<string, Charge>();
    const chargeOf = (party: string): Charge => {
      let charge = charges.get(party);
      if (!charge) charges.set(party, (charge = { records: 0, seconds: 0 }));
      return charge;
    };
    const attributions: Attribution[] = [];
    exclusions.forEach((x, e) => {
      // SPEC 5: an uptime exclusion is charged in each window whose service time it reduces, so a
      // record counts for its entry only where its own (first-listed) excluded time is working time.
      const records = recs.filter(
        (i) =>
          incidents.entry[i] === e &&
          workingSecondsIn(ownedByEntry[e]!, Math.max(from, incidents.from[i]!), Math.min(to, incidents.end[i]!), calendar) > 0,
      ).length;
      if (records === 0) return;
      const seconds = roundMs(workingSecondsIn(ownedByEntry[e]!, from, to, calendar));
      const charge = chargeOf(x.party);
      charge.records += records;
      charge.seconds += seconds;
      attributions.push({ mechanism: 'exclude', party: x.party, records, seconds, rule: { mechanism: 'exclude', exclusion: x } });
    });

    maintenance.forEach(({ m, uses }, k) => {
      const owned = ownedByMaintenance[k]!;
      // SPEC 9.7: records = occurrences that removed service time here, seconds = the service time removed
      const records = uses.filter((u) => u.used && workingSecondsIn(owned, Math.max(from, u.start), Math.min(to, u.end), calendar) > 0).length;
      if (records === 0) return;
      const seconds = roundMs(workingSecondsIn(owned, from, to, calendar));
      const charge = chargeOf(m.party);
      charge.records += records;
      charge.seconds += seconds;
      attributions.push({ mechanism: 'maintenance', party: m.party, records, seconds, rule: { mechanism: 'maintenance', maintenance: { id: m.id, party: m.party } } });
    });
    const outages = merged.filter(([s, e]) => s < window.end && e > window.start).length;
    const computation: ComputationStep[] = [];
    if (value === null) {
      computation.push({ kind: 'no-service-time', calendar: calendarId });
    } else {
      computation.push({ kind: 'downtime', downtime: down, service, calendar: calendarId, incidents: counted.length, outages });
      computation.push({ kind: 'uptime-formula', downtime: down, service, value });
    }
    if (recs.length > counted.length || removed > 0) computation.push({ kind: 'downtime-excluded', records: recs.length - counted.length, removed });
    for (const { m, uses } of maintenance) {
      const here = uses.filter((u) => u.start < window.end && u.end > window.start);
      if (here.length > 0) computation.push({ kind: 'maintenance', id: m.id, zone: m.zone, occurrences: here });
    }
    if (window.partial) computation.push({ kind: 'partial', what: 'service time', asOf: ctx.asOfMs });

    return {
      window,
      value,
      lowerBound: false,
      counts: { records: recs.length + invalid[w]!, counted: counted.length, good: 0, open, excluded: recs.length - counted.length, skipped: 0, invalid: invalid[w]! },
      charged: Object.fromEntries(charges),
      computation,
      attributions,
      examples: examplesOf(recs, incidents, exclusions, calendar, from, to, maintenanceOf),
      // SPEC 9.3: the budget is in seconds of downtime; a partial window's service time is known to its end
      budget: {
        unit: 's',
        base: service,
        used: down,
        elapsed: service,
        whole: window.partial ? roundMs(calendar.workingSeconds(from, window.end) - workingSecondsIn(excluded, from, window.end, calendar)) : service,
        clock: { calendar, start: from },
      },
      ...(ctx.evidence === true ? { evidence: evidenceOf(counted, incidents, calendar, from, to) } : {}),
    };
  });
}

/** SPEC 9.4 evidence: every counted incident with its downtime in the window (service time), in file order. */
function evidenceOf(counted: readonly number[], incidents: Incidents, calendar: WorkingCalendar, from: number, to: number): Evidence[] {
  const out: Evidence[] = [];
  for (const i of [...counted].sort((a, b) => incidents.line[a]! - incidents.line[b]!)) {
    const seconds = roundMs(Math.max(0, calendar.workingSeconds(Math.max(incidents.from[i]!, from), Math.min(incidents.end[i]!, to))));
    if (seconds === 0) continue;
    const open = incidents.open[i]!;
    out.push({ line: incidents.line[i]!, key: incidents.id[i] ?? null, start: incidents.from[i]!, end: open ? null : incidents.end[i]!, value: seconds, open, charged: [] });
  }
  return out;
}

/** Up to five incidents worth naming: open ones first, then the longest in the window, then exclusions. */
function examplesOf(
  recs: readonly number[],
  incidents: Incidents,
  exclusions: readonly Exclusion[],
  calendar: WorkingCalendar,
  from: number,
  to: number,
  maintenanceOf: (i: number) => CompiledMaintenance | null,
): Example[] {
  const inWindow = (i: number): number =>
    roundMs(Math.max(0, calendar.workingSeconds(Math.max(incidents.from[i]!, from), Math.min(incidents.end[i]!, to))));
  const rank = (i: number): number => (incidents.entry[i] !== -1 || maintenanceOf(i) !== null ? 2 : incidents.open[i] ? 0 : 1);
  const chosen = recs
    .map((i) => ({ i, rank: rank(i), seconds: inWindow(i) }))
    .sort((a, b) => a.rank - b.rank || b.seconds - a.seconds || incidents.line[a.i]! - incidents.line[b.i]!)
    .slice(0, 5);
  return chosen.map(({ i, seconds }): Example => {
    const record = { line: incidents.line[i]!, id: incidents.id[i]! };
    const start = incidents.from[i]!;
    const end = incidents.open[i] ? null : incidents.end[i]!;
    const entry = incidents.entry[i]!;
    const inside = entry === -1 ? maintenanceOf(i) : null;
    if (inside) return { kind: 'downtime-maintenance', record, start, end, maintenance: inside.id, party: inside.party };
    if (entry === -1) return { kind: 'downtime', record, start, end, seconds };
    const x = exclusions[entry]!;
    return { kind: 'downtime-excluded', record, start, end, where: x.where, party: x.party };
  });
}
