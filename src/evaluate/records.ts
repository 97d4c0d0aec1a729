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
import { formatDuration, formatLocal } from '../time/format.js';
import type { WorkingCalendar } from '../time/types.js';
import { findWindow } from '../time/windows.js';
import type { DataNeed, EvaluatorContext, ObjectiveEvaluator } from './evaluator.js';
import { RecordSharing } from './row-instants.js';
import { buildEntries, goodText, Tallies } from './tally.js';
import { compileWhere, type CompiledWhere } from './where.js';
import { describeBadTimestamp } from '../time/instant.js';

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
  const describedGood = good === null ? '' : goodText(good);

  const ds = obj.dataSet;
  const calendar: WorkingCalendar | null = kind === 'duration' || kind === 'deadline' ? measure.calendar : null;
  const windows = ctx.windows;
  const last = windows.length - 1;
  const asOf = ctx.asOfMs;
  const zone = ctx.zone;

  const entries = buildEntries(obj);
  const tallies = new Tallies(windows.length, entries, agg);
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
  let idCol = -1;
  const lateness = new Float64Array(Math.max(1, obj.inputs.length));

  const instants = sharing.instants(ds);
  const readInstant = (row: readonly string[], col: number): number => {
    const ms = instants.get(row, col);
    if (ms !== ms && row[col]!.length > 0) {
      throw new CellError('invalid-timestamp', header[col]!, describeBadTimestamp(row[col]!));
    }
    return ms;
  };
  const nameOf = (row: readonly string[], line: number): string => (idCol >= 0 && row[idCol] !== '' ? `id ${row[idCol]} (line ${line})` : `line ${line}`);
  const windowOf = (ms: number): number => (ms !== ms ? -1 : findWindow(windows, ms));
  const charge = tallies.charge;
  const isGood = (value: number, row: readonly string[]): boolean =>
    goodIsUpper ? value <= goodLimit : good?.kind === 'min' ? value >= goodLimit : good?.kind === 'where' ? goodWhere!.test(row) : false;
  const setAside = (w: number, exclusion: number, row: readonly string[], line: number): void => {
    const entry = tallies.setAside(w, exclusion);
    if (entry) tallies.addNote(w, `${nameOf(row, line)}: excluded (${entry.detail}), charged to ${entry.party}`);
  };

  /** SPEC 5: pause columns, after status pauses; charged only for what was actually subtracted. */
  const subtractColumns = (row: readonly string[], duration: number): number => {
    let d = duration;
    for (const p of columnPauses) {
      const text = row[p.col]!;
      if (text.length === 0) continue;
      const n = Number(text);
      if (!Number.isFinite(n)) throw new CellError('invalid-number', p.name, `"${text}" is not a number`);
      const sub = Math.min(Math.max(n, 0) * p.unitSeconds, Math.max(d, 0));
      if (sub > 0) {
        d -= sub;
        charge(p.entry, sub);
      }
    }
    return d;
  };

  /** Explicit `time` cell: NaN when empty on an open record; -Infinity (ignore the record) when after as-of. */
  const explicitPlace = (row: readonly string[], open: boolean): number => {
    const t = readInstant(row, timeCol);
    // SPEC 5: a record whose `time` is after as-of is ignored, open or not.
    if (t > asOf) return -Infinity;
    if (t !== t && !open) throw new CellError('empty-timestamp', header[timeCol]!, `empty ${header[timeCol]}: the record cannot be placed in a window`);
    return t;
  };

  const addDuration = (row: readonly string[], line: number): void => {
    const from = readInstant(row, startCol);
    if (from > asOf) return; // SPEC 3.4: has not started yet
    const to = readInstant(row, endCol);
    const open = to !== to || to > asOf;
    const t = explicitTime ? explicitPlace(row, open) : NaN;
    if (t === -Infinity) return;
    const hasT = t === t;
    const e = excl.match(row);
    if (e >= 0 || from !== from) {
      // SPEC 5: an open excluded record is reported where an open record would be.
      const w = hasT ? windowOf(t) : open ? last : windowOf(to);
      if (w >= 0) setAside(w, e, row, line);
      return;
    }
    const cal = calendar!;
    if (!open) {
      const w = windowOf(hasT ? t : to);
      if (w < 0) return;
      const paused = recordPauses ? recordPauses.compute(row, from, to, cal, charge) : 0;
      const d = subtractColumns(row, instants.working(cal, from, to) - paused);
      const value = d > 0 ? d : 0;
      if (tallies.count(w, value, isGood(value, row))) tallies.addBad(w, `${nameOf(row, line)}: ${formatDuration(value)}, not ${describedGood}`);
      else if (tallies.wantsTop(w, value)) tallies.addTop(w, value, `${nameOf(row, line)}: ${formatDuration(value)}`);
      if (paused > 0 && tallies.wantsNote(w)) tallies.addNote(w, `${nameOf(row, line)}: clock paused ${formatDuration(paused)}`);
      tallies.commit(w);
      return;
    }
    const paused = recordPauses ? recordPauses.compute(row, from, asOf, cal, charge) : 0;
    const afterStatus = cal.workingSeconds(from, asOf) - paused;
    const elapsed = subtractColumns(row, afterStatus);
    if (openLimit !== null && elapsed > openLimit) {
      const column = afterStatus - elapsed; // all of it: elapsed is still positive
      const breach = recordPauses
        ? breachInstant(cal, from, openLimit, recordPauses.unionStart.data, recordPauses.unionEnd.data, recordPauses.unionLength, column)
        : breachInstant(cal, from, openLimit, EMPTY, EMPTY, 0, column);
      const w = hasT ? windowOf(t) : windowOf(breach);
      if (w < 0) return tallies.discard();
      if (tallies.countOpenBad(w)) {
        const limit = good?.kind === 'within' ? good.written : '';
        tallies.addBad(w, `${nameOf(row, line)}: open since ${formatLocal(from, zone)}, breached ${limit} target at ${formatLocal(breach, zone)}`);
      }
      tallies.commit(w);
      return;
    }
    const w = hasT ? windowOf(t) : last;
    if (w < 0) return tallies.discard();
    if (tallies.open(w)) tallies.addNote(w, `${nameOf(row, line)}: open since ${formatLocal(from, zone)}, ${formatDuration(elapsed)} elapsed, not counted`);
    tallies.commit(w);
  };

  const addDeadline = (row: readonly string[], line: number): void => {
    const due = readInstant(row, startCol);
    if (due > asOf) return; // SPEC 3.4: the start of a deadline is its due instant
    const done = readInstant(row, endCol);
    const open = done !== done || done > asOf;
    const t = explicitTime ? explicitPlace(row, open) : NaN;
    if (t === -Infinity) return;
    const hasT = t === t;
    const e = excl.match(row);
    if (e >= 0 || due !== due) {
      const w = hasT ? windowOf(t) : open || due !== due ? last : windowOf(due);
      if (w >= 0) setAside(w, e, row, line);
      return;
    }
    // Closed records are placed now; open ones once we know whether they count.
    const placed = hasT ? windowOf(t) : open ? -2 : windowOf(due);
    if (placed === -1) return;
    const cal = calendar!;
    const shift = inputs.lateness(row, open ? NaN : done, asOf, cal, lateness);
    for (let i = 0; i < inputs.size; i++) if (lateness[i]! > 0) charge(inputEntry0 + i, lateness[i]!);
    const shifted = shift > 0 ? cal.addWorkingSeconds(due, shift) : due;
    let w: number;
    if (!open) {
      w = placed;
      const late = cal.workingSeconds(shifted, done);
      if (tallies.count(w, late, isGood(late, row))) {
        tallies.addBad(w, `${nameOf(row, line)}: ${late > 0 ? `${formatDuration(late)} late` : 'on time'}, not ${describedGood}`);
      } else if (tallies.wantsTop(w, late)) {
        tallies.addTop(w, late, `${nameOf(row, line)}: ${late > 0 ? `${formatDuration(late)} late` : `${formatDuration(-late)} early`}`);
      }
    } else {
      const over = cal.workingSeconds(shifted, asOf);
      const breached = openLimit !== null && over > openLimit;
      // SPEC 3.4: a breached open deadline is placed by its `due` column (or its `time`).
      w = hasT ? placed : breached ? windowOf(due) : last;
      if (w < 0) return tallies.discard();
      if (breached) {
        if (tallies.countOpenBad(w)) tallies.addBad(w, `${nameOf(row, line)}: not done, due ${formatLocal(shifted, zone)}, ${formatDuration(over)} late at as-of`);
      } else if (tallies.open(w)) {
        // Issue 4: an input still missing keeps the deliverable open; say whom it waits on.
        const waiting = inputs.waitingOn(row, asOf);
        const onWhom = waiting.length ? `, waiting on ${waiting.join(', ')} (input not delivered)` : '';
        tallies.addNote(w, `${nameOf(row, line)}: not done, due ${formatLocal(shifted, zone)}${onWhom}, not counted`);
      }
    }
    if (shift > 0 && tallies.wantsNote(w)) {
      tallies.addNote(w, `${nameOf(row, line)}: due ${formatLocal(due, zone)} shifted ${formatDuration(shift)} by late inputs to ${formatLocal(shifted, zone)}`);
    }
    tallies.commit(w);
  };

  const addValue = (row: readonly string[], line: number): void => {
    const t = readInstant(row, timeCol);
    if (t !== t) throw new CellError('empty-timestamp', header[timeCol]!, `empty ${header[timeCol]}: the record cannot be placed in a window`);
    if (t > asOf) return;
    const w = findWindow(windows, t);
    if (w < 0) return;
    const e = excl.match(row);
    if (e >= 0) return setAside(w, e, row, line);
    let v = 1;
    if (kind === 'value') {
      const text = row[valueCol]!;
      v = Number(text);
      if (text.length === 0 || (v === 0 && text.trim() === '')) return setAside(w, -1, row, line);
      if (!Number.isFinite(v)) throw new CellError('invalid-number', header[valueCol]!, `"${text}" is not a number`);
    }
    if (tallies.count(w, v, isGood(v, row))) tallies.addBad(w, `${nameOf(row, line)}: ${v}, not ${describedGood}`);
    else if (tallies.wantsTop(w, v)) tallies.addTop(w, v, `${nameOf(row, line)}: ${v}`);
    tallies.commit(w);
  };

  const add = kind === 'duration' ? addDuration : kind === 'deadline' ? addDeadline : addValue;

  const sink: RowSink = {
    bind(h) {
      header = h;
      const missing = new Set<string>();
      const col = (name: string): number => {
        const i = h.indexOf(name);
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
      else if (defaultTime !== undefined) timeCol = h.indexOf(defaultTime);
      else missing.add('timestamp (or time, date; or set `time:` on the objective)');
      statusSources.forEach((s, i) => (s.joinCol = col(statusJoins[i]!)));
      for (const p of columnPauses) p.col = col(p.name);
      idCol = h.indexOf('id');
      return [...missing];
    },
    add(row, line) {
      if (!where.test(row)) return;
      instants.begin(row, line);
      add(row, line);
    },
  };
  needs.push({ dataSet: ds, phase: 1, sink });

  return {
    needs: () => needs,
    finish: () =>
      tallies.outcomes(windows, {
        kind,
        agg,
        good: describedGood,
        calendarId: calendar?.id ?? '24x7',
        valueColumn: measure.kind === 'value' ? measure.column : undefined,
        unjoined: statusSources.reduce((n, s) => n + s.history.unjoinedRows(), 0),
        statusSources: statusSources.map((s) => s.history.dataSet.file),
      }),
  };
}

const EMPTY = new Float64Array(0);
