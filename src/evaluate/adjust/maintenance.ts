/**
 * SPEC 9.5 maintenance windows as exclusions: which occurrences are used (announced in time, or no
 * notice needed) and which refused, and the notice data set's reader. Shared by the uptime and the
 * record evaluators.
 */
import type { CompiledMaintenance } from '../../compile/model.js';
import type { DataSource, RowSink } from '../../data/source.js';
import { CellError } from '../../problem.js';
import { maintenanceOccurrences } from '../../time/maintenance.js';
import { lowerBound } from '../../time/search.js';
import { timestampCells } from '../cells.js';
import type { EvaluatorContext } from '../evaluator.js';
import type { MaintenanceUse } from '../explanation.js';
import { compileWhere, singleColumn, type CompiledWhere } from '../where.js';

/** SPEC 9.5: the announcement instants of a maintenance window (rows passing `where`, up to as-of). */
export function noticeReader(m: CompiledMaintenance, asOf: number): { dataSet: DataSource; sink: RowSink; at: number[] } {
  const notice = m.notice!;
  const cells = timestampCells(notice.dataSet);
  const at: number[] = [];
  let where: CompiledWhere;
  let atCol = -1;
  const sink: RowSink = {
    bind(header) {
      where = compileWhere(notice.where, header);
      atCol = singleColumn(header, notice.at);
      return [...where.missing, ...(atCol < 0 ? [notice.at] : [])];
    },
    add(row) {
      if (!where.test(row)) return;
      const text = (row[atCol] ?? '').trim();
      if (text === '') return;
      const ms = cells.parse(text);
      if (Number.isNaN(ms)) throw new CellError('invalid-timestamp', notice.at, `${cells.describe(text)} (announcement time)`);
      if (ms <= asOf) at.push(ms);
    },
  };
  return { dataSet: notice.dataSet, sink, at };
}

/**
 * SPEC 9.5, 9.7: the occurrences of a maintenance window over the evaluated windows, each used or
 * refused. Each notice announces exactly one occurrence: the first that starts at least `min`
 * after it; an occurrence no notice announced is refused (too late when some notice came before it).
 */
export function maintenanceUses(m: CompiledMaintenance, notices: number[] | null, ctx: EvaluatorContext): MaintenanceUse[] {
  const windows = ctx.windows;
  if (windows.length === 0) return [];
  const from = Math.min(...windows.map((w) => w.start));
  const to = Math.max(...windows.map((w) => w.end));
  const occurrences = maintenanceOccurrences(m, from, to);
  if (m.notice === null || notices === null) {
    return occurrences.map((o) => ({ start: o.start, end: o.end, used: true, why: 'no-notice-needed', announcedAt: null, min: null }));
  }
  const min = m.notice.minSeconds * 1000;
  const starts = occurrences.map((o) => o.start);
  const announced = new Map<number, number>();
  for (const at of [...notices].sort((a, b) => a - b)) {
    const k = lowerBound(starts, at + min);
    if (k < occurrences.length && !announced.has(k)) announced.set(k, at);
  }
  const sorted = [...notices].sort((a, b) => a - b);
  return occurrences.map((o, k) => {
    const by = announced.get(k);
    if (by !== undefined) return { start: o.start, end: o.end, used: true, why: 'announced', announcedAt: by, min: m.notice!.min };
    // too late: a notice came before the occurrence, but less than `min` before it (the latest such)
    const i = lowerBound(sorted, o.start) - 1;
    const late = i >= 0 && sorted[i]! > o.start - min ? sorted[i]! : null;
    return { start: o.start, end: o.end, used: false, why: late === null ? 'not-announced' : 'too-late', announcedAt: late, min: m.notice!.min };
  });
}
