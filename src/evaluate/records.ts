/**
 * The record evaluator (SPEC 3.1–3.4, 5): `value`, `count`, `duration` and `deadline` measures.
 * One sink per objective reads the measured data set; each row is filtered, placed in a window,
 * excluded or measured (pauses, input shifts), and tallied. Hot path: no per-row allocation for
 * ordinary records, no regex, column indexes resolved once in `bind`.
 */
import type { CompiledObjective, GoodRule } from '../compile/model.js';
import type { RowSink } from '../data/source.js';
import { compileExclusions, type CompiledExclusions } from './adjust/exclude.js';
import { compileInputs, type CompiledInputs } from './adjust/inputs.js';
import { breachInstant, RecordPauses, type StatusPauseSource } from './adjust/pause.js';
import { CellError } from '../problem.js';
import type { WorkingCalendar } from '../time/types.js';
import { buildWindows, WindowIndex, windowsOverlap } from '../time/windows.js';
import { localDateOf } from '../time/instant.js';
import { lowerBound, upperBound } from '../time/search.js';
import { maintenanceUses, noticeReader } from './adjust/maintenance.js';
import type { TimeWindow } from '../time/types.js';
import type { DataNeed, EvaluatorContext, ObjectiveEvaluator } from './evaluator.js';
import { RecordSharing } from './row-instants.js';
import type { RecordRef } from './explanation.js';
import { buildEntries, RecordCharges, Tallies } from './tally.js';
import { compileWhere, keyColumn, singleColumn, type CompiledWhere } from './where.js';

/** `WindowIndex.find`'s answer for an instant in no reported window. */
const OUTSIDE = -1;
/** An open deadline's window is decided once we know whether it counts. */
const PLACE_LATER = -2;
/** No explicit `time` (or an empty one on an open record): placed by the measure's own columns. */
const NO_TIME = NaN;
/** The record's explicit `time` is after as-of: it is ignored (SPEC 5). */
const IGNORE = -Infinity;
/** `match` of the exclusions when none matches; also what `setAside` gets for a skipped record. */
const NOT_EXCLUDED = -1;

export function createRecordEvaluator(ctx: EvaluatorContext<CompiledObjective>, sharing: RecordSharing = new RecordSharing()): ObjectiveEvaluator {
  const obj = ctx.item;
  const measure = obj.measure;
  const kind = measure.kind;
  if (kind === 'uptime') throw new Error('uptime objectives have their own evaluator');
  const agg = obj.aggregate!;
  const isRatio = agg.kind === 'ratio';
  const good: GoodRule | null = obj.good;
  const goodLimit = good === null || good.kind === 'where' ? 0 : good.limit;
  const goodIsUpper = good !== null && (good.kind === 'within' || good.kind === 'on-time' || good.kind === 'max');
  // SPEC 3.4: an open record can become "no longer good" only under an upper limit.
  const openLimit = isRatio && goodIsUpper && (kind === 'duration' || kind === 'deadline') ? goodLimit : null;
  // SPEC 3.4 (v1.1): other aggregates of a duration or deadline take an open record at its value so
  // far once that already fails a `<=`/`<` target (`> N` for `<= N`, `>= N` for `< N`).
  const target = obj.target;
  const lowerBoundLimit =
    !isRatio && agg.kind !== 'count' && (kind === 'duration' || kind === 'deadline') && (target.op === '<=' || target.op === '<') ? target.value : null;
  const failsTarget = (v: number): boolean => (target.op === '<' ? v >= target.value : v > target.value);
  const limitText = target.text.slice(target.text.indexOf(target.op) + target.op.length).trim();

  const ds = obj.dataSet;
  const calendar: WorkingCalendar | null = kind === 'duration' || kind === 'deadline' ? measure.calendar : null;
  // SPEC 9.5: a calendar per record, picked by a column's value (each calendar compiled once)
  const perRecord = kind === 'duration' || kind === 'deadline' ? (measure.perRecord ?? null) : null;
  let calendarCol = -1;
  // SPEC 9.3: when windows overlap (a list of kinds, rolling windows) records are tallied per local
  // day (slot), and each window sums its slots: a record is placed once, never once per window
  const slotting = daySlots(ctx.windows, ctx.zone, ctx.asOfMs);
  const windows = slotting?.slots ?? ctx.windows;
  const last = windows.length - 1;
  const asOf = ctx.asOfMs;
  const zone = ctx.zone;
  const validFrom = ctx.validity.from;
  const validTo = ctx.validity.to;
  const placement = ctx.placement(obj.dataSet.key);
  const skipInvalid = obj.dataSet.skipInvalid === true;

  const entries = buildEntries(obj);
  const tallies = new Tallies(windows.length, entries, agg, ctx.evidence === true);
  const needs: DataNeed[] = [];
  const statusSources: StatusPauseSource[] = [];
  const statusJoins: string[] = [];
  const columnPauses: { name: string; col: number; unitSeconds: number; entry: number }[] = [];
  obj.pauses.forEach((p, i) => {
    if (p.kind === 'status') {
      const { history, created } = sharing.histories.get(p, p.source, asOf);
      if (created) needs.push({ dataSet: history.dataSet, phase: 0, sink: history });
      statusSources.push({ history, joinCol: -1, entry: i });
      statusJoins.push(p.join);
    } else {
      columnPauses.push({ name: p.column, col: -1, unitSeconds: p.unitSeconds, entry: i });
    }
  });
  const recordPauses = statusSources.length > 0 ? new RecordPauses(statusSources) : null;
  const inputEntry0 = obj.pauses.length;
  const excludeEntry0 = inputEntry0 + obj.inputs.length;
  const maintenanceEntry0 = excludeEntry0 + obj.exclude.length;
  // SPEC 9.5: records whose time falls inside a used maintenance occurrence are excluded; notices
  // are read first (phase 0), the occurrences decided on the first record
  const notices = obj.maintenance.map((m) => (m.notice ? noticeReader(m, ctx.asOfMs) : null));
  notices.forEach((n) => n && needs.push({ dataSet: n.dataSet, phase: 0, sink: n.sink }));
  let maintenanceSpans: { starts: number[]; ends: number[]; entry: number[] } | null = null;
  /** The maintenance entry whose used occurrence holds instant `t`, or -1. */
  const inMaintenance = (t: number): number => {
    if (obj.maintenance.length === 0 || t !== t) return -1;
    if (maintenanceSpans === null) {
      const all = obj.maintenance.flatMap((m, k) => maintenanceUses(m, notices[k]?.at ?? null, ctx).filter((u) => u.used).map((u) => ({ ...u, k })));
      all.sort((x, y) => x.start - y.start);
      maintenanceSpans = { starts: all.map((u) => u.start), ends: all.map((u) => u.end), entry: all.map((u) => u.k) };
    }
    const spans = maintenanceSpans;
    // occurrences of one window never overlap; of several, a few may: look back a little
    const last = upperBound(spans.starts, t) - 1;
    for (let i = last; i >= 0 && i > last - 8; i--) if (t < spans.ends[i]!) return spans.entry[i]!;
    return -1;
  };
  /** SPEC 5, 9.5: the `where` exclusion matching the record, else a maintenance window holding `at` (indexes after them), else none. */
  const exclusionOf = (row: readonly string[], at: number): number => {
    const e = excl.match(row);
    if (e !== NOT_EXCLUDED || obj.maintenance.length === 0) return e;
    const m = inMaintenance(at);
    return m < 0 ? NOT_EXCLUDED : obj.exclude.length + m;
  };

  // Column indexes, set in bind().
  let header: readonly string[] = [];
  let where: CompiledWhere;
  let goodWhere: CompiledWhere | null = null;
  let excl: CompiledExclusions;
  let inputs: CompiledInputs;
  let startCol = -1; // from / due / time
  let endCol = -1; // to / done
  let valueCol = -1;
  let timeCol = -1;
  let explicitTime = false;
  let keyCol = -1;
  // SPEC 9.2 pause-exceeds-duration: closed records whose pause column exceeded their duration
  let pauseChecked = 0;
  let pauseExceeded = 0;
  let pauseExceededColumn = '';
  const lateness = new Float64Array(Math.max(1, obj.inputs.length));

  const instants = sharing.instants(ds);
  const readInstant = (row: readonly string[], col: number): number => {
    const ms = instants.get(row, col);
    if (ms !== ms && row[col]!.length > 0) {
      throw new CellError('invalid-timestamp', header[col]!, instants.cells.describe(row[col]!));
    }
    return ms;
  };
  const recordOf = (row: readonly string[], line: number): RecordRef => ({ line, id: keyCol >= 0 && row[keyCol] !== '' ? row[keyCol]! : null });
  const windowIndex = new WindowIndex(windows);
  const windowOf = (ms: number): number => windowIndex.find(ms);
  /** Marks where the record's placing instant lies (SPEC 9.2 outside-validity); returns its window. */
  const place = (line: number, ms: number): number => {
    if (ms === ms) placement.mark(line, ms >= validFrom && ms < validTo);
    return windowOf(ms);
  };
  // SPEC 9.4 `credits --evidence`: every failing record, with its times and charges
  // (a ratio's records that are not good; for other aggregates those failing an upper target alone)
  const collect = ctx.evidence === true;
  const fails = (value: number, good: boolean): boolean => (isRatio ? !good : (target.op === '<=' || target.op === '<') && failsTarget(value));
  const keep = (w: number, row: readonly string[], line: number, start: number, end: number, value: number, open: boolean): void =>
    tallies.addEvidence(w, { line, key: keyCol >= 0 && row[keyCol] !== '' ? row[keyCol]! : null, start, end: open ? null : end, value, open, charged: [] });
  const recordCalendar = (row: readonly string[]): WorkingCalendar => {
    const value = row[calendarCol]!;
    const cal = perRecord!.map.get(value) ?? perRecord!.fallback;
    if (cal) return cal;
    const known = [...perRecord!.map.keys()].map((k) => JSON.stringify(k)).join(', ');
    throw new CellError('unknown-calendar-value', perRecord!.column, `"${value}" names no calendar: the map has ${known} and there is no default`);
  };
  const charges = new RecordCharges(entries.length);
  const charge = charges.add;
  const isGood = (value: number, row: readonly string[]): boolean =>
    goodIsUpper ? value <= goodLimit : good?.kind === 'min' ? value >= goodLimit : good?.kind === 'where' ? goodWhere!.test(row) : false;
  /** SPEC 5: an excluded record carries only its exclusion's charge; a skipped one (`NOT_EXCLUDED`) none. */
  const setAside = (w: number, exclusion: number, row: readonly string[], line: number): void => {
    charges.clear();
    const excluded = exclusion !== NOT_EXCLUDED;
    if (excluded) charge(excludeEntry0 + exclusion, 0);
    if (tallies.setAside(w, excluded) && exclusion < obj.exclude.length) {
      const x = obj.exclude[exclusion]!;
      tallies.addNote(w, { kind: 'excluded', record: recordOf(row, line), where: x.where, party: x.party });
    }
    tallies.book(w, charges);
  };

  /** SPEC 5: pause columns, after status pauses; charged only for what was actually subtracted. */
  const subtractColumns = (row: readonly string[], duration: number, closed: boolean): number => {
    let d = duration;
    let exceeded = false;
    let checked = false;
    for (const p of columnPauses) {
      const text = row[p.col]!;
      if (text.length === 0) continue;
      const n = Number(text);
      if (!Number.isFinite(n)) throw new CellError('invalid-number', p.name, `"${text}" is not a number`);
      checked = true;
      if (!exceeded && Math.max(n, 0) * p.unitSeconds > Math.max(d, 0)) {
        exceeded = true;
        if (pauseExceededColumn === '') pauseExceededColumn = p.name;
      }
      const sub = Math.min(Math.max(n, 0) * p.unitSeconds, Math.max(d, 0));
      if (sub > 0) {
        d -= sub;
        charge(p.entry, sub);
      }
    }
    if (closed && checked) {
      pauseChecked++;
      if (exceeded) pauseExceeded++;
    }
    return d;
  };

  /** Explicit `time` cell: `NO_TIME` when empty on an open record; `IGNORE` when after as-of. */
  const explicitPlace = (row: readonly string[], open: boolean): number => {
    const t = readInstant(row, timeCol);
    // SPEC 5: a record whose `time` is after as-of is ignored, open or not.
    if (t > asOf) return IGNORE;
    if (t !== t && !open) throw new CellError('empty-timestamp', header[timeCol]!, `empty ${header[timeCol]}: the record cannot be placed in a window`);
    return t;
  };

  const addDuration = (row: readonly string[], line: number): void => {
    const from = readInstant(row, startCol);
    if (from > asOf) return; // SPEC 3.4: has not started yet
    const to = readInstant(row, endCol);
    // SPEC 9.1: a record resolved before it was created is invalid, not a perfect 0 s
    if (to < from) throw new CellError('invalid-interval', header[endCol]!, `${header[endCol]} (${row[endCol]}) is before ${header[startCol]} (${row[startCol]})`);
    const open = to !== to || to > asOf;
    const t = explicitTime ? explicitPlace(row, open) : NO_TIME;
    if (t === IGNORE) return;
    const hasT = t === t;
    const e = exclusionOf(row, hasT ? t : from);
    if (e !== NOT_EXCLUDED || from !== from) {
      // SPEC 5: an open excluded record is reported where an open record would be.
      const w = hasT ? place(line, t) : open ? last : place(line, to);
      if (w !== OUTSIDE) setAside(w, e, row, line);
      return;
    }
    const cal = perRecord ? recordCalendar(row) : calendar!;
    if (!open) {
      const w = place(line, hasT ? t : to);
      if (w === OUTSIDE) return;
      const paused = recordPauses ? recordPauses.compute(row, from, to, cal, charge) : 0;
      const d = subtractColumns(row, instants.working(cal, from, to) - paused, true);
      const value = d > 0 ? d : 0;
      const ok = isGood(value, row);
      if (collect && fails(value, ok)) keep(w, row, line, from, to, value, false);
      if (tallies.count(w, value, ok)) tallies.addBad(w, { kind: 'not-good', record: recordOf(row, line), measure: kind, value, good: good! });
      else if (tallies.wantsTop(w, value)) tallies.addTop(w, { kind: 'largest', record: recordOf(row, line), measure: kind, value });
      if (paused > 0 && tallies.wantsNote(w)) tallies.addNote(w, { kind: 'paused', record: recordOf(row, line), seconds: paused });
      tallies.book(w, charges);
      return;
    }
    const paused = recordPauses ? recordPauses.compute(row, from, asOf, cal, charge) : 0;
    const afterStatus = cal.workingSeconds(from, asOf) - paused;
    const elapsed = subtractColumns(row, afterStatus, false);
    const ratioBreached = openLimit !== null && elapsed > openLimit;
    const lowerBound = lowerBoundLimit !== null && failsTarget(elapsed);
    if (ratioBreached || lowerBound) {
      const column = afterStatus - elapsed; // all of it: elapsed is still positive
      // SPEC 3.4: placed by its breach instant, when its elapsed time reached the limit
      const limit = ratioBreached ? openLimit : lowerBoundLimit!;
      const breach = recordPauses
        ? breachInstant(cal, from, limit, recordPauses.union.starts, recordPauses.union.ends, recordPauses.union.length, column)
        : breachInstant(cal, from, limit, EMPTY, EMPTY, 0, column);
      const w = hasT ? place(line, t) : place(line, breach);
      if (w === OUTSIDE) return;
      if (collect) keep(w, row, line, from, NaN, elapsed, true);
      if (ratioBreached) {
        if (tallies.countOpenBad(w)) {
          const within = good?.kind === 'within' ? good.written : '';
          tallies.addBad(w, { kind: 'open-breached', record: recordOf(row, line), since: from, within, breachAt: breach, zone });
        }
      } else if (tallies.countOpenLowerBound(w, elapsed)) {
        tallies.addBad(w, { kind: 'open-lower-bound', record: recordOf(row, line), measure: kind, since: from, value: elapsed, limit: limitText, breachAt: breach, zone });
      }
      tallies.book(w, charges);
      return;
    }
    const w = hasT ? place(line, t) : last;
    if (w === OUTSIDE) return;
    if (tallies.open(w)) tallies.addNote(w, { kind: 'open', record: recordOf(row, line), since: from, elapsed, zone });
    tallies.book(w, charges);
  };

  const addDeadline = (row: readonly string[], line: number): void => {
    const due = readInstant(row, startCol);
    if (due > asOf) return; // SPEC 3.4: the start of a deadline is its due instant
    const done = readInstant(row, endCol);
    const open = done !== done || done > asOf;
    const t = explicitTime ? explicitPlace(row, open) : NO_TIME;
    if (t === IGNORE) return;
    const hasT = t === t;
    const e = exclusionOf(row, hasT ? t : due);
    if (e !== NOT_EXCLUDED || due !== due) {
      const w = hasT ? place(line, t) : open || due !== due ? last : place(line, due);
      if (w !== OUTSIDE) setAside(w, e, row, line);
      return;
    }
    // Closed records are placed now; open ones once we know whether they count.
    const placed = hasT ? place(line, t) : open ? PLACE_LATER : place(line, due);
    if (placed === OUTSIDE) return;
    const cal = perRecord ? recordCalendar(row) : calendar!;
    const shift = inputs.lateness(row, open ? NaN : done, asOf, cal, lateness);
    for (let i = 0; i < inputs.size; i++) if (lateness[i]! > 0) charge(inputEntry0 + i, lateness[i]!);
    const shifted = shift > 0 ? cal.addWorkingSeconds(due, shift) : due;
    let w: number;
    if (!open) {
      w = placed;
      const late = cal.workingSeconds(shifted, done);
      const ok = isGood(late, row);
      if (collect && fails(late, ok)) keep(w, row, line, shifted, done, late, false);
      if (tallies.count(w, late, ok)) {
        tallies.addBad(w, { kind: 'not-good', record: recordOf(row, line), measure: kind, value: late, good: good! });
      } else if (tallies.wantsTop(w, late)) {
        tallies.addTop(w, { kind: 'largest', record: recordOf(row, line), measure: kind, value: late });
      }
    } else {
      const over = cal.workingSeconds(shifted, asOf);
      const breached = openLimit !== null && over > openLimit;
      const lowerBound = lowerBoundLimit !== null && failsTarget(over);
      // SPEC 3.4: a breached open deadline is placed by its `due` column (or its `time`).
      w = hasT ? placed : breached || lowerBound ? place(line, due) : last;
      if (w === OUTSIDE) return;
      if (collect && (breached || lowerBound)) keep(w, row, line, shifted, NaN, over, true);
      if (breached) {
        if (tallies.countOpenBad(w)) tallies.addBad(w, { kind: 'open-late', record: recordOf(row, line), due: shifted, lateness: over, zone });
      } else if (lowerBound) {
        const breachAt = cal.addWorkingSeconds(shifted, lowerBoundLimit!);
        if (tallies.countOpenLowerBound(w, over)) {
          tallies.addBad(w, { kind: 'open-lower-bound', record: recordOf(row, line), measure: kind, since: shifted, value: over, limit: limitText, breachAt, zone });
        }
      } else if (tallies.open(w)) {
        // an input still missing keeps the deliverable open: name whom it waits on
        tallies.addNote(w, { kind: 'open-not-due', record: recordOf(row, line), due: shifted, waitingOn: inputs.waitingOn(row, asOf), zone });
      }
    }
    if (shift > 0 && tallies.wantsNote(w)) tallies.addNote(w, { kind: 'shifted', record: recordOf(row, line), due, shift, shifted, zone });
    tallies.book(w, charges);
  };

  const addValue = (row: readonly string[], line: number): void => {
    const t = readInstant(row, timeCol);
    if (t !== t) throw new CellError('empty-timestamp', header[timeCol]!, `empty ${header[timeCol]}: the record cannot be placed in a window`);
    if (t > asOf) return;
    const w = place(line, t);
    if (w === OUTSIDE) return;
    const e = exclusionOf(row, t);
    if (e !== NOT_EXCLUDED) return setAside(w, e, row, line);
    let v = 1;
    if (kind === 'value') {
      const text = row[valueCol]!;
      v = Number(text);
      if (text.length === 0 || (v === 0 && text.trim() === '')) return setAside(w, NOT_EXCLUDED, row, line);
      if (!Number.isFinite(v)) throw new CellError('invalid-number', header[valueCol]!, `"${text}" is not a number`);
    }
    const ok = isGood(v, row);
    if (collect && fails(v, ok)) {
      keep(w, row, line, t, t, v, false);
      tallies.book(w, charges); // a value record charges nothing: this only settles the evidence
    }
    if (tallies.count(w, v, ok)) tallies.addBad(w, { kind: 'not-good', record: recordOf(row, line), measure: kind, value: v, good: good! });
    else if (tallies.wantsTop(w, v)) tallies.addTop(w, { kind: 'largest', record: recordOf(row, line), measure: kind, value: v });
  };

  const add = kind === 'duration' ? addDuration : kind === 'deadline' ? addDeadline : addValue;

  /** SPEC 9.7: an invalid row counts in the window its time cell places it in, or the last one when that cell is the bad one. */
  const countInvalid = (row: readonly string[]): void => {
    const col = explicitTime || kind === 'count' || kind === 'value' ? timeCol : kind === 'duration' ? endCol : startCol;
    const ms = instants.get(row, col);
    if (ms > asOf) return; // not yet happened: not placed
    const w = ms === ms ? windowOf(ms) : last;
    if (w !== OUTSIDE) tallies.invalid(w);
  };

  /** SPEC 9.1: after a bad cell, the row's other bad cells in the columns this objective reads. */
  const otherBadCells = (row: readonly string[], first: CellError): CellError[] => {
    const found: CellError[] = [];
    const timestampCols = new Set([startCol, endCol, timeCol, ...inputs.columns].filter((c) => c >= 0));
    for (const col of timestampCols) {
      const text = row[col]!;
      if (header[col] === first.column || text.trim() === '' || !Number.isNaN(instants.get(row, col))) continue;
      found.push(new CellError('invalid-timestamp', header[col]!, instants.cells.describe(text)));
    }
    for (const col of [valueCol, ...columnPauses.map((p) => p.col)]) {
      const text = col >= 0 ? row[col]! : '';
      if (header[col] === first.column || text.trim() === '' || Number.isFinite(Number(text))) continue;
      found.push(new CellError('invalid-number', header[col]!, `"${text}" is not a number`));
    }
    return found;
  };

  const sink: RowSink = {
    otherBadCells,
    bind(h) {
      header = h;
      const missing = new Set<string>();
      // a column read as one value must be one of a kind (SPEC 9.1: `ambiguous-column`)
      const col = (name: string): number => {
        const i = singleColumn(h, name);
        if (i < 0) missing.add(name);
        return i;
      };
      where = compileWhere(obj.where, h);
      where.missing.forEach((c) => missing.add(c));
      if (good?.kind === 'where') {
        goodWhere = compileWhere(good.where, h);
        goodWhere.missing.forEach((c) => missing.add(c));
      }
      excl = compileExclusions(obj.exclude, h);
      excl.missing.forEach((c) => missing.add(c));
      inputs = compileInputs(obj.inputs, h, readInstant);
      inputs.missing.forEach((c) => missing.add(c));
      let defaultTime: string | undefined;
      if (measure.kind === 'duration') {
        startCol = col(measure.from);
        endCol = col(measure.to);
        defaultTime = measure.to;
      } else if (measure.kind === 'deadline') {
        startCol = col(measure.due);
        endCol = col(measure.done);
        defaultTime = measure.due;
      } else {
        if (measure.kind === 'value') valueCol = col(measure.column);
        defaultTime = ['timestamp', 'time', 'date'].find((c) => h.includes(c));
      }
      // SPEC 3.4: `time` naming the default column is the default placement.
      explicitTime = obj.time !== undefined && obj.time !== defaultTime;
      if (obj.time !== undefined) timeCol = col(obj.time);
      else if (defaultTime !== undefined) timeCol = col(defaultTime);
      else missing.add('timestamp (or time, date; or set `time:` on the objective)');
      statusSources.forEach((s, i) => (s.joinCol = col(statusJoins[i]!)));
      for (const p of columnPauses) p.col = col(p.name);
      keyCol = keyColumn(h, ds.keyColumn);
      if (perRecord) calendarCol = col(perRecord.column);
      return [...missing];
    },
    add(row, line) {
      where.observe(row);
      if (!where.test(row)) return;
      instants.begin(row, line);
      charges.clear();
      if (!skipInvalid) return add(row, line);
      try {
        add(row, line);
      } catch (err) {
        // SPEC 9.1 `invalid: skip`: the row is left out, counted where its time cell places it
        if (err instanceof CellError) countInvalid(row);
        throw err;
      }
    },
  };
  needs.push({ dataSet: ds, phase: 1, sink });

  return {
    needs: () => needs,
    findings: () => ({
      unmatched: where.unmatched(),
      // SPEC 9.2: more than 1% of the records with a pause column
      pauseExceeded: pauseExceeded > 0 && pauseExceeded * 100 > pauseChecked ? { column: pauseExceededColumn, records: pauseExceeded, of: pauseChecked } : null,
    }),
    finish: () => {
      const outcomes = tallies.outcomes(ctx.windows, {
        measure: kind,
        agg,
        good,
        calendar: perRecord ? `per ${perRecord.column}` : (calendar?.id ?? null),
        valueColumn: measure.kind === 'value' ? measure.column : null,
        unit: obj.unit,
        unjoined: statusSources.reduce((n, s) => n + s.history.unjoinedRows(), 0),
        statusSources: statusSources.map((s) => s.history.dataSet.file),
      }, slotting?.ranges ?? null);
      // SPEC 9.5: explain lists each maintenance occurrence of the window, used or refused
      if (obj.maintenance.length > 0) {
        const uses = obj.maintenance.map((m, k) => ({ m, uses: maintenanceUses(m, notices[k]?.at ?? null, ctx) }));
        for (const o of outcomes) {
          for (const { m, uses: list } of uses) {
            const here = list.filter((u) => u.start < o.window.end && u.end > o.window.start);
            if (here.length > 0) o.computation.push({ kind: 'maintenance', id: m.id, zone: m.zone, occurrences: here });
          }
        }
      }
      if (!isRatio) return outcomes;
      // SPEC 9.3: a ratio's budget is in records; a partial window is projected on the measure's
      // calendar (24x7 without one; wall-clock time with a calendar per record, SPEC 9.7)
      const clockCalendar = perRecord ? null : calendar;
      const service = (from: number, to: number): number => (clockCalendar ? clockCalendar.workingSeconds(from, to) : (to - from) / 1000);
      return outcomes.map((o) => ({
        ...o,
        budget: {
          unit: 'records' as const,
          base: o.counts.counted,
          used: o.counts.counted - o.counts.good,
          elapsed: service(o.window.start, Math.min(o.window.end, asOf)),
          whole: service(o.window.start, o.window.end),
          clock: { calendar: clockCalendar, start: o.window.start },
        },
      }));
    },
  };
}

const EMPTY = new Float64Array(0);

/**
 * SPEC 9.3: for overlapping windows, the local days they span (cut at as-of like any window) and,
 * per window, its range of days [ranges[2w], ranges[2w + 1]); null when the windows do not overlap.
 * Window bounds are local midnights (or the validity's), so they fall on day starts.
 */
export function daySlots(windows: readonly TimeWindow[], zone: string, asOfMs: number): { slots: TimeWindow[]; ranges: Int32Array } | null {
  if (!windowsOverlap(windows)) return null;
  let from = Infinity;
  let to = -Infinity;
  for (const w of windows) {
    from = Math.min(from, w.start);
    to = Math.max(to, w.end);
  }
  const slots = buildWindows('day', zone, { from: localDateOf(from, zone), to: localDateOf(to - 1, zone) }, asOfMs);
  const starts = slots.map((d) => d.start);
  const ranges = new Int32Array(2 * windows.length);
  windows.forEach((w, i) => {
    ranges[2 * i] = lowerBound(starts, w.start);
    ranges[2 * i + 1] = lowerBound(starts, w.end);
  });
  return { slots, ranges };
}
