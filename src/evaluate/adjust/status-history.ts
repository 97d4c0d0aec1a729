/** SPEC 5 status histories: each key's merged paused intervals, read once per run in phase 0. */
import type { CompiledPause } from '../../compile/model.js';
import type { DataSource, RowSink } from '../../data/source.js';
import { CellError } from '../../problem.js';
import { appendMerging, IntervalList } from '../../time/intervals.js';
import { timestampCells, type TimestampCells } from '../cells.js';
import type { WorkingCalendar } from '../../time/types.js';
import { compileWhere, singleColumn, type CompiledWhere } from '../where.js';
import { grow, keyHash, KeyTable } from './key-table.js';

type StatusPause = Extract<CompiledPause, { kind: 'status' }>;

interface PauseMemo {
  id: number;
  from: number;
  end: number;
  calendar: WorkingCalendar | null;
  seconds: number;
  /** The record's paused intervals (a reused list: no allocation per record). */
  union: IntervalList;
}

/**
 * A status history read in phase 0 (SPEC 5: a record is in a status from its `at` until the next
 * row for the same key; the last one until the record's end or as-of).
 *
 * Memory-lean for millions of rows: only keys that ever have a paused status are kept (in a
 * KeyTable); rows of other keys are kept as (53-bit hash, instant) in case a paused row of the
 * same key comes later in the file, and dropped when sealing. After sealing, each paused key holds its merged
 * paused intervals in two flat arrays (the last one may end at +Infinity: "until the record's end").
 */
export class StatusHistory implements RowSink {
  readonly entry: StatusPause;
  readonly dataSet: DataSource;
  private readonly asOfMs: number;
  private readonly values: Set<string>;
  /** The paused values when there are few: `===` rejects a different length without hashing. */
  private readonly valueList: readonly string[] | null;
  private readonly parse: (text: string) => number;
  private readonly cells: TimestampCells;
  private keyCol = -1;
  private atCol = -1;
  private statusCol = -1;
  private where: CompiledWhere | null = null;
  private keys = new KeyTable();
  /** Rows of paused keys, in file order. */
  private nRows = 0;
  private rowId = new Int32Array(1024);
  private rowAt = new Float64Array(1024);
  private rowPaused = new Uint8Array(1024);
  /** Rows of keys not (yet) paused when read, in file order: (hash of key, instant). */
  private nPending = 0;
  private pendHash = new Float64Array(1024);
  private pendAt = new Float64Array(1024);
  private sealed = false;
  private lastKey: string | null = null;
  private lastId = -1;
  /** The previous row's key, hash and id (-1: not paused yet): a key's rows usually come together. */
  private addKey: string | null = null;
  private addHash = 0;
  private addId = -1;
  private offsets = new Int32Array(1);
  /** Merged paused intervals of all keys, key by key (see `rangeStart`/`rangeEnd`). */
  starts: Float64Array = new Float64Array(0);
  ends: Float64Array = new Float64Array(0);
  private rowsPerKey = new Int32Array(0);
  private joined = new Uint8Array(0);
  /** The last record's paused intervals inside [from, end) on a calendar (see RecordPauses). */
  readonly memo: PauseMemo = { id: -1, from: NaN, end: NaN, calendar: null, seconds: 0, union: new IntervalList() };

  constructor(entry: StatusPause, dataSet: DataSource, asOfMs: number) {
    this.entry = entry;
    this.dataSet = dataSet;
    this.asOfMs = asOfMs;
    this.values = new Set(entry.values);
    this.valueList = this.values.size <= 4 ? [...this.values] : null;
    this.cells = timestampCells(dataSet);
    this.parse = this.cells.parse;
  }

  bind(header: readonly string[]): string[] {
    this.keyCol = singleColumn(header, this.entry.key);
    this.atCol = singleColumn(header, this.entry.at);
    this.statusCol = singleColumn(header, this.entry.status);
    this.where = this.entry.where ? compileWhere(this.entry.where, header) : null;
    return [...[this.entry.key, this.entry.at, this.entry.status].filter((c) => !header.includes(c)), ...(this.where?.missing ?? [])];
  }

  add(row: readonly string[], _line?: number): void {
    // SPEC 9.1: rows failing the pause's `where` are not part of the history at all
    if (this.where !== null && !this.where.test(row)) return;
    const key = row[this.keyCol]!;
    if (key === '') return;
    const text = row[this.atCol]!;
    const at = this.parse(text);
    if (Number.isNaN(at)) {
      throw new CellError(
        'invalid-timestamp',
        this.entry.at,
        text === '' ? 'empty timestamp: every status row needs the instant it began' : this.cells.describe(text),
      );
    }
    // SPEC 3.4: a status change after as-of has not happened yet.
    if (at > this.asOfMs) return;
    const paused = this.isPaused(row[this.statusCol]!);
    let h: number;
    let id: number;
    if (key === this.addKey) {
      h = this.addHash;
      id = this.addId;
    } else {
      h = keyHash(key);
      // In a file sorted by key, a new key sorts after all paused ones: no probe needed.
      id = this.keys.sortsAfterLast(key) ? -1 : this.keys.find(key, h);
      this.addKey = key;
      this.addHash = h;
      this.addId = id;
    }
    if (id < 0) {
      if (!paused) {
        if (this.nPending === this.pendAt.length) {
          this.pendHash = grow(this.pendHash);
          this.pendAt = grow(this.pendAt);
        }
        this.pendHash[this.nPending] = h;
        this.pendAt[this.nPending++] = at;
        return;
      }
      id = this.addId = this.keys.insert(key, h);
    }
    if (this.nRows === this.rowAt.length) {
      this.rowId = grow(this.rowId);
      this.rowAt = grow(this.rowAt);
      this.rowPaused = grow(this.rowPaused);
    }
    this.rowId[this.nRows] = id;
    this.rowAt[this.nRows] = at;
    this.rowPaused[this.nRows++] = paused ? 1 : 0;
  }

  private isPaused(status: string): boolean {
    const list = this.valueList;
    if (list === null) return this.values.has(status);
    for (let i = 0; i < list.length; i++) if (list[i] === status) return true;
    return false;
  }

  /** Builds the per-key intervals; called lazily on the first lookup (after phase 0). */
  private seal(): void {
    this.sealed = true;
    const nKeys = this.keys.size;
    // Pending rows of keys that turned out paused. Per key they all precede its other rows in the
    // file, so "pending first, then the rest" is file order, and index order breaks ties in `at`.
    const pendingId = this.matchPending(nKeys);
    let m = 0;
    for (let i = 0; i < this.nPending; i++) if (pendingId[i]! >= 0) m++;
    const n = m + this.nRows;
    const ids = new Int32Array(n);
    const at = new Float64Array(n);
    const isPaused = new Uint8Array(n);
    for (let i = 0, j = 0; i < this.nPending; i++) {
      if (pendingId[i]! < 0) continue;
      ids[j] = pendingId[i]!;
      at[j++] = this.pendAt[i]!;
    }
    ids.set(this.rowId.subarray(0, this.nRows), m);
    at.set(this.rowAt.subarray(0, this.nRows), m);
    isPaused.set(this.rowPaused.subarray(0, this.nRows), m);
    this.pendHash = this.pendAt = this.rowAt = new Float64Array(0);
    this.rowId = new Int32Array(0);
    this.rowPaused = new Uint8Array(0);

    const first = new Int32Array(nKeys + 1);
    for (let i = 0; i < n; i++) first[ids[i]! + 1]!++;
    for (let k = 0; k < nKeys; k++) first[k + 1]! += first[k]!;
    const fill = first.slice(0, nKeys);
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[fill[ids[i]!]!++] = i;

    const paused = new IntervalList(Math.max(16, nKeys));
    this.offsets = new Int32Array(nKeys + 1);
    this.rowsPerKey = new Int32Array(nKeys);
    this.joined = new Uint8Array(nKeys);
    for (let k = 0; k < nKeys; k++) {
      const seg = order.subarray(first[k]!, first[k + 1]!);
      sortByInstant(seg, at);
      this.rowsPerKey[k] = seg.length;
      this.offsets[k] = paused.length;
      for (let j = 0; j < seg.length; j++) {
        if (isPaused[seg[j]!] !== 1) continue;
        // in a status from its row until the key's next row; the last one until the record's end
        appendMerging(paused, at[seg[j]!]!, j + 1 < seg.length ? at[seg[j + 1]!]! : Infinity, this.offsets[k]!);
      }
    }
    this.offsets[nKeys] = paused.length;
    this.starts = paused.starts.subarray(0, paused.length);
    this.ends = paused.ends.subarray(0, paused.length);
  }

  /** The paused key of each pending row (-1: none; also when two paused keys share its hash). */
  private matchPending(nKeys: number): Int32Array {
    const result = new Int32Array(this.nPending).fill(-1);
    if (nKeys === 0) return result;
    for (let p = 0; p < this.nPending; p++) result[p] = this.keys.findByHash(this.pendHash[p]!);
    return result;
  }

  /** The key's index (marking it joined), or -1 when the key never had a paused status. */
  find(key: string): number {
    if (!this.sealed) this.seal();
    // Objectives sharing this history look up the same row's key one after the other.
    if (key === this.lastKey) return this.lastId;
    const id = this.keys.lookup(key);
    this.lastKey = key;
    this.lastId = id;
    if (id < 0) return -1;
    this.joined[id] = 1;
    return id;
  }

  /** Index range of the key's merged paused intervals in `starts`/`ends`. */
  rangeStart(id: number): number {
    return this.offsets[id]!;
  }
  rangeEnd(id: number): number {
    return this.offsets[id + 1]!;
  }

  /**
   * Status rows of paused keys that no measured record joined (SPEC: ignored and counted).
   * Rows of keys that never had a paused status cannot change any value and are not counted.
   */
  unjoinedRows(): number {
    if (!this.sealed) this.seal();
    let n = 0;
    for (let k = 0; k < this.joined.length; k++) if (this.joined[k] === 0) n += this.rowsPerKey[k]!;
    return n;
  }
}

/**
 * Sorts row indexes (ascending, as the counting sort leaves them) by instant, ties in index order.
 * Insertion sort: a key has a handful of rows, usually already in order.
 */
function sortByInstant(seg: Int32Array, at: Float64Array): void {
  for (let j = 1; j < seg.length; j++) {
    const row = seg[j]!;
    const t = at[row]!;
    let i = j - 1;
    if (at[seg[i]!]! <= t) continue;
    while (i >= 0 && at[seg[i]!]! > t) {
      seg[i + 1] = seg[i]!;
      i--;
    }
    seg[i + 1] = row;
  }
}

/** One history per (data set, columns, paused values, as-of), shared by all objectives of a run. */
export class StatusHistories {
  private readonly byKey = new Map<string, StatusHistory>();

  /** `created` is true the first time: only then does the caller register the phase-0 read. */
  get(entry: StatusPause, dataSet: DataSource, asOfMs: number): { history: StatusHistory; created: boolean } {
    const values = [...new Set(entry.values)].sort();
    const key = JSON.stringify([dataSet.key, dataSet.absPath, dataSet.timestamps ?? 'iso', dataSet.locale ?? null, entry.key, entry.at, entry.status, values, entry.where ?? null, asOfMs]);
    const found = this.byKey.get(key);
    if (found) return { history: found, created: false };
    const history = new StatusHistory(entry, dataSet, asOfMs);
    this.byKey.set(key, history);
    return { history, created: true };
  }
}
