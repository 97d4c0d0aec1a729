/** Per-row timestamp caches and the other reads shared by a run's record evaluators. */
import type { DataSource } from '../data/source.js';
import { StatusHistories } from './adjust/status-history.js';
import { timestampCells, type TimestampCells } from './cells.js';
import type { WorkingCalendar } from '../time/types.js';

/**
 * Reads shared by all record evaluators of one run: status histories (read once, whoever needs
 * them) and per-data-set timestamp caches (two objectives on one row parse its cells once).
 */
export class RecordSharing {
  readonly histories = new StatusHistories();
  private readonly caches = new Map<string, RowInstants>();

  instants(ds: DataSource): RowInstants {
    const key = `${ds.key}\u0000${ds.absPath}\u0000${ds.timezone}\u0000${ds.timestamps ?? 'iso'}\u0000${ds.locale ?? ''}`;
    let cache = this.caches.get(key);
    if (!cache) {
      cache = new RowInstants(timestampCells(ds));
      this.caches.set(key, cache);
    }
    return cache;
  }
}

/** Parsed timestamps of the current row, by column: every sink of the data set sees the same row. */
export class RowInstants {
  private readonly parse: (text: string) => number;
  /** How the data set writes timestamps, for the message about a cell that does not match. */
  readonly cells: TimestampCells;
  private row: readonly string[] | null = null;
  private line = -1;
  private generation = 0;
  private stamps = new Int32Array(8);
  private values = new Float64Array(8);

  constructor(cells: TimestampCells) {
    this.cells = cells;
    this.parse = cells.parse;
  }

  private workFrom = NaN;
  private workTo = NaN;
  private workCalendar: WorkingCalendar | null = null;
  private workSeconds = 0;

  /** Called by each sink before reading a row; a new (row, line) pair invalidates the cache. */
  begin(row: readonly string[], line: number): void {
    if (row === this.row && line === this.line) return;
    this.row = row;
    this.line = line;
    this.generation++;
    this.workCalendar = null;
  }

  /** Working seconds of the current row's span: objectives measuring the same span compute it once. */
  working(calendar: WorkingCalendar, from: number, to: number): number {
    if (calendar === this.workCalendar && from === this.workFrom && to === this.workTo) return this.workSeconds;
    this.workCalendar = calendar;
    this.workFrom = from;
    this.workTo = to;
    this.workSeconds = calendar.workingSeconds(from, to);
    return this.workSeconds;
  }

  /** Epoch ms of `row[col]`; NaN for an empty or unreadable cell. `row` must be the current row. */
  get(row: readonly string[], col: number): number {
    if (col >= this.stamps.length) this.grow(col + 1);
    if (this.stamps[col] === this.generation) return this.values[col]!;
    const text = row[col];
    const ms = text === undefined || text.length === 0 ? NaN : this.parse(text);
    this.stamps[col] = this.generation;
    this.values[col] = ms;
    return ms;
  }

  private grow(size: number): void {
    const stamps = new Int32Array(size * 2);
    stamps.set(this.stamps);
    const values = new Float64Array(size * 2);
    values.set(this.values);
    this.stamps = stamps;
    this.values = values;
  }
}
