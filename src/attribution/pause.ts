/**
 * Pauses (SPEC 5): stop a duration's clock while the record waits on someone else, either from a
 * status history in another data set or from a column of already-summed waiting time.
 */
import type { Pause, PauseColumn, PauseStatus } from '../agreement/model.js';
import { CellError } from '../problem.js';
import { Float64List } from '../evaluate/aggregate.js';
import type { ResolvedDataSet, RowSink } from '../evaluate/evaluator.js';
import { makeTimestampParser } from '../time/instant.js';
import type { WorkingCalendar } from '../time/types.js';

export function isStatusPause(p: Pause): p is PauseStatus {
  return 'source' in p;
}

export const PAUSE_UNIT_SECONDS: Record<PauseColumn['unit'], number> = { s: 1, m: 60, h: 3600 };

/** Two 32-bit FNV-style hashes folded into 53 bits: identifies a key without keeping its string. */
function keyHash(s: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return (h1 >>> 0) * 2097152 + ((h2 >>> 0) & 0x1fffff);
}

/**
 * A status history read in phase 0 (SPEC 5: a record is in a status from its `at` until the next
 * row for the same key; the last one until the record's end or as-of).
 *
 * Memory-lean for millions of rows: only keys that ever have a paused status keep their string;
 * rows of other keys are kept as (53-bit hash, instant) in case a paused row of the same key comes
 * later in the file, and dropped when sealing. After sealing, each paused key holds its merged
 * paused intervals in two flat arrays (the last one may end at +Infinity: "until the record's end").
 */
export class StatusHistory implements RowSink {
  readonly entry: PauseStatus;
  readonly dataSet: ResolvedDataSet;
  private readonly asOfMs: number;
  private readonly values: Set<string>;
  private readonly parse: (text: string) => number;
  private keyCol = -1;
  private atCol = -1;
  private statusCol = -1;
  private ids = new Map<string, number>();
  private keys: string[] = [];
  private rowId = new Float64List();
  private rowAt = new Float64List();
  private rowLine = new Float64List();
  private rowPaused = new Float64List();
  private pendHash = new Float64List();
  private pendAt = new Float64List();
  private pendLine = new Float64List();
  private sealed = false;
  private offsets = new Int32Array(1);
  /** Merged paused intervals of all keys, key by key (see `range`). */
  starts: Float64Array = new Float64Array(0);
  ends: Float64Array = new Float64Array(0);
  private rowsPerKey = new Int32Array(0);
  private joined = new Uint8Array(0);

  constructor(entry: PauseStatus, dataSet: ResolvedDataSet, asOfMs: number) {
    this.entry = entry;
    this.dataSet = dataSet;
    this.asOfMs = asOfMs;
    this.values = new Set(entry.values.map(String));
    this.parse = makeTimestampParser(dataSet.timezone);
  }

  bind(header: readonly string[]): string[] {
    this.keyCol = header.indexOf(this.entry.key);
    this.atCol = header.indexOf(this.entry.at);
    this.statusCol = header.indexOf(this.entry.status);
    return [this.entry.key, this.entry.at, this.entry.status].filter((c) => !header.includes(c));
  }

  add(row: readonly string[], line: number): void {
    const key = row[this.keyCol]!;
    if (key === '') return;
    const text = row[this.atCol]!;
    const at = this.parse(text);
    if (Number.isNaN(at)) {
      throw new CellError(
        'invalid-timestamp',
        this.entry.at,
        text === '' ? 'empty timestamp: every status row needs the instant it began' : `"${text}" is not an ISO 8601 timestamp`,
      );
    }
    // SPEC 3.4: a status change after as-of has not happened yet.
    if (at > this.asOfMs) return;
    const paused = this.values.has(row[this.statusCol]!);
    let id = this.ids.get(key);
    if (id === undefined) {
      if (!paused) {
        this.pendHash.push(keyHash(key));
        this.pendAt.push(at);
        this.pendLine.push(line);
        return;
      }
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
    }
    this.rowId.push(id);
    this.rowAt.push(at);
    this.rowLine.push(line);
    this.rowPaused.push(paused ? 1 : 0);
  }

  /** Builds the per-key intervals; called lazily on the first lookup (after phase 0). */
  private seal(): void {
    this.sealed = true;
    const nKeys = this.keys.length;
    if (nKeys > 0 && this.pendHash.length > 0) {
      const byHash = new Map<number, number>();
      for (let id = 0; id < nKeys; id++) {
        const h = keyHash(this.keys[id]!);
        byHash.set(h, byHash.has(h) ? -1 : id); // -1: two paused keys share a hash (vanishingly rare)
      }
      const hashes = this.pendHash.data;
      for (let i = 0; i < this.pendHash.length; i++) {
        const id = byHash.get(hashes[i]!);
        if (id === undefined || id < 0) continue;
        this.rowId.push(id);
        this.rowAt.push(this.pendAt.data[i]!);
        this.rowLine.push(this.pendLine.data[i]!);
        this.rowPaused.push(0);
      }
    }
    this.pendHash = this.pendAt = this.pendLine = new Float64List(1);
    this.keys = [];

    const n = this.rowId.length;
    const ids = this.rowId.data;
    const at = this.rowAt.data;
    const lines = this.rowLine.data;
    const paused = this.rowPaused.data;
    const first = new Int32Array(nKeys + 1);
    for (let i = 0; i < n; i++) first[ids[i]! + 1]!++;
    for (let k = 0; k < nKeys; k++) first[k + 1]! += first[k]!;
    const fill = first.slice(0, nKeys);
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[fill[ids[i]!]!++] = i;

    const starts = new Float64List(Math.max(16, nKeys));
    const ends = new Float64List(Math.max(16, nKeys));
    this.offsets = new Int32Array(nKeys + 1);
    this.rowsPerKey = new Int32Array(nKeys);
    this.joined = new Uint8Array(nKeys);
    for (let k = 0; k < nKeys; k++) {
      const seg = order.subarray(first[k]!, first[k + 1]!);
      // Same instant: the row further down the file is the later change.
      seg.sort((a, b) => at[a]! - at[b]! || lines[a]! - lines[b]!);
      this.rowsPerKey[k] = seg.length;
      this.offsets[k] = starts.length;
      for (let j = 0; j < seg.length; j++) {
        if (paused[seg[j]!] !== 1) continue;
        const s = at[seg[j]!]!;
        const e = j + 1 < seg.length ? at[seg[j + 1]!]! : Infinity;
        if (e <= s) continue;
        if (starts.length > this.offsets[k]! && ends.data[ends.length - 1] === s) ends.data[ends.length - 1] = e;
        else {
          starts.push(s);
          ends.push(e);
        }
      }
    }
    this.offsets[nKeys] = starts.length;
    this.starts = starts.view();
    this.ends = ends.view();
    this.rowId = this.rowAt = this.rowLine = this.rowPaused = new Float64List(1);
  }

  /** The key's index (marking it joined), or -1 when the key never had a paused status. */
  find(key: string): number {
    if (!this.sealed) this.seal();
    const id = this.ids.get(key);
    if (id === undefined) return -1;
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

/** One history per (data set, columns, paused values, as-of), shared by all objectives of a run. */
export class StatusHistories {
  private readonly byKey = new Map<string, StatusHistory>();

  /** `created` is true the first time: only then does the caller register the phase-0 read. */
  get(entry: PauseStatus, dataSet: ResolvedDataSet, asOfMs: number): { history: StatusHistory; created: boolean } {
    const values = [...new Set(entry.values.map(String))].sort();
    const key = JSON.stringify([dataSet.key, dataSet.absPath, entry.key, entry.at, entry.status, values, asOfMs]);
    const found = this.byKey.get(key);
    if (found) return { history: found, created: false };
    const history = new StatusHistory(entry, dataSet, asOfMs);
    this.byKey.set(key, history);
    return { history, created: true };
  }
}

export interface StatusPauseSource {
  history: StatusHistory;
  /** Column of the measured data set holding the key (`join`, default `id`). */
  joinCol: number;
  /** Index of this entry in the evaluator's attribution entries (for charging). */
  entry: number;
}

/**
 * Status-history pauses of one record at a time, without allocation for records that have none.
 * After `compute`, `unionStart/unionEnd[0..unionLength)` hold the merged paused intervals.
 */
export class RecordPauses {
  readonly unionStart = new Float64List();
  readonly unionEnd = new Float64List();
  private readonly sources: readonly StatusPauseSource[];

  constructor(sources: readonly StatusPauseSource[]) {
    this.sources = sources;
  }

  get unionLength(): number {
    return this.unionStart.length;
  }

  /**
   * Paused working seconds inside [from, end) (SPEC 5: entries united; an overlap charged to the
   * entry listed first). Calls `charge(entry, seconds)` once per entry with seconds > 0.
   */
  compute(
    row: readonly string[],
    from: number,
    end: number,
    calendar: WorkingCalendar,
    charge: (entry: number, seconds: number) => void,
  ): number {
    this.unionStart.length = 0;
    this.unionEnd.length = 0;
    let total = 0;
    for (let si = 0; si < this.sources.length; si++) {
      const src = this.sources[si]!;
      const key = row[src.joinCol]!;
      if (key === '') continue;
      const id = src.history.find(key);
      if (id < 0) continue;
      const starts = src.history.starts;
      const ends = src.history.ends;
      const stop = src.history.rangeEnd(id);
      let seconds = 0;
      const firstEntry = this.unionStart.length === 0;
      let pieces: number[] | null = null;
      for (let k = src.history.rangeStart(id); k < stop; k++) {
        const s = Math.max(starts[k]!, from);
        const e = Math.min(ends[k]!, end);
        if (e <= s) continue;
        if (firstEntry) {
          seconds += calendar.workingSeconds(s, e);
          this.unionStart.push(s);
          this.unionEnd.push(e);
        } else {
          pieces ??= [];
          seconds += this.subtractUnion(s, e, calendar, pieces);
        }
      }
      if (pieces && pieces.length > 0) this.mergeIntoUnion(pieces);
      if (seconds > 0) {
        total += seconds;
        charge(src.entry, seconds);
      }
    }
    return total;
  }

  /** Appends the parts of [s, e) not already paused to `pieces`; returns their working seconds. */
  private subtractUnion(s: number, e: number, calendar: WorkingCalendar, pieces: number[]): number {
    let cursor = s;
    let seconds = 0;
    const us = this.unionStart.data;
    const ue = this.unionEnd.data;
    for (let i = 0; i < this.unionStart.length && cursor < e; i++) {
      if (ue[i]! <= cursor) continue;
      if (us[i]! >= e) break;
      if (us[i]! > cursor) {
        pieces.push(cursor, us[i]!);
        seconds += calendar.workingSeconds(cursor, us[i]!);
      }
      cursor = Math.max(cursor, ue[i]!);
    }
    if (cursor < e) {
      pieces.push(cursor, e);
      seconds += calendar.workingSeconds(cursor, e);
    }
    return seconds;
  }

  private mergeIntoUnion(pieces: number[]): void {
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i < this.unionStart.length; i++) pairs.push([this.unionStart.data[i]!, this.unionEnd.data[i]!]);
    for (let i = 0; i < pieces.length; i += 2) pairs.push([pieces[i]!, pieces[i + 1]!]);
    pairs.sort((a, b) => a[0] - b[0]);
    this.unionStart.length = 0;
    this.unionEnd.length = 0;
    for (const [s, e] of pairs) {
      const last = this.unionEnd.length - 1;
      if (last >= 0 && this.unionEnd.data[last]! >= s) this.unionEnd.data[last] = Math.max(this.unionEnd.data[last]!, e);
      else {
        this.unionStart.push(s);
        this.unionEnd.push(e);
      }
    }
  }
}

/**
 * SPEC 3.4/5: the instant an open duration's elapsed working time reached `within`, with paused
 * intervals (sorted, disjoint) stopping the clock and `extraSeconds` (the pause column) moving it later.
 */
export function breachInstant(
  calendar: WorkingCalendar,
  from: number,
  within: number,
  pauseStarts: Float64Array,
  pauseEnds: Float64Array,
  pauseCount: number,
  extraSeconds: number,
): number {
  let cursor = from;
  let remaining = within + extraSeconds;
  for (let i = 0; i < pauseCount; i++) {
    const a = pauseStarts[i]!;
    const b = pauseEnds[i]!;
    if (b <= cursor) continue;
    if (a > cursor) {
      const available = calendar.workingSeconds(cursor, a);
      if (available >= remaining) return calendar.addWorkingSeconds(cursor, remaining);
      remaining -= available;
    }
    cursor = Math.max(cursor, b);
  }
  return calendar.addWorkingSeconds(cursor, remaining);
}
