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

/** A typed array 1.5 times as long, with the same contents (growth kept modest for peak memory). */
function grow<T extends Float64Array | Int32Array | Uint16Array | Uint8Array>(a: T): T {
  const next = new (a.constructor as new (n: number) => T)(Math.ceil(a.length * 1.5));
  next.set(a);
  return next;
}

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
 * A set of string keys numbered 0, 1, 2... without keeping string objects: code units in one
 * typed array, an open-addressing table of ids, and each key's 53-bit hash for fast rejects.
 */
class KeyTable {
  size = 0;
  private hashes = new Float64Array(1024);
  private offsets = new Int32Array(1025);
  private chars = new Uint16Array(16384);
  /** Pairs (id + 1, low 32 bits of the hash) side by side: a probe touches one cache line. 0 = empty. */
  private slots = new Int32Array(4096);
  private mask = 2047;

  /** The id of `key` (with hash `h`), or -1. */
  find(key: string, h: number): number {
    const low = h | 0;
    for (let i = (h >>> 0) & this.mask; ; i = (i + 1) & this.mask) {
      const slot = this.slots[2 * i]!;
      if (slot === 0) return -1;
      if (this.slots[2 * i + 1] === low && this.hashes[slot - 1] === h && this.equals(slot - 1, key)) return slot - 1;
    }
  }

  /** The only id whose key has hash `h`; -1 when none or several do. */
  findByHash(h: number): number {
    let found = -1;
    for (let i = (h >>> 0) & this.mask; ; i = (i + 1) & this.mask) {
      const slot = this.slots[2 * i]!;
      if (slot === 0) return found;
      if (this.hashes[slot - 1] === h) {
        if (found >= 0) return -1;
        found = slot - 1;
      }
    }
  }

  /** Adds a key known to be absent; returns its id. */
  insert(key: string, h: number): number {
    const id = this.size++;
    if (id === this.hashes.length) {
      this.hashes = grow(this.hashes);
      this.offsets = grow(this.offsets);
    }
    const start = this.offsets[id]!;
    while (start + key.length > this.chars.length) this.chars = grow(this.chars);
    for (let c = 0; c < key.length; c++) this.chars[start + c] = key.charCodeAt(c);
    this.offsets[id + 1] = start + key.length;
    this.hashes[id] = h;
    if (this.size * 2 > this.mask + 1) this.rehash();
    else this.place(id);
    return id;
  }

  private equals(id: number, key: string): boolean {
    const start = this.offsets[id]!;
    if (this.offsets[id + 1]! - start !== key.length) return false;
    for (let c = 0; c < key.length; c++) if (this.chars[start + c] !== key.charCodeAt(c)) return false;
    return true;
  }

  private place(id: number): void {
    const h = this.hashes[id]!;
    let i = (h >>> 0) & this.mask;
    while (this.slots[2 * i] !== 0) i = (i + 1) & this.mask;
    this.slots[2 * i] = id + 1;
    this.slots[2 * i + 1] = h | 0;
  }

  private rehash(): void {
    this.mask = this.mask * 2 + 1;
    this.slots = new Int32Array(2 * (this.mask + 1));
    for (let id = 0; id < this.size; id++) this.place(id);
  }
}

interface PauseMemo {
  id: number;
  from: number;
  end: number;
  calendar: WorkingCalendar | null;
  seconds: number;
  starts: Float64Array;
  ends: Float64Array;
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
  readonly entry: PauseStatus;
  readonly dataSet: ResolvedDataSet;
  private readonly asOfMs: number;
  private readonly values: Set<string>;
  private readonly parse: (text: string) => number;
  private keyCol = -1;
  private atCol = -1;
  private statusCol = -1;
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
  private offsets = new Int32Array(1);
  /** Merged paused intervals of all keys, key by key (see `rangeStart`/`rangeEnd`). */
  starts: Float64Array = new Float64Array(0);
  ends: Float64Array = new Float64Array(0);
  private rowsPerKey = new Int32Array(0);
  private joined = new Uint8Array(0);
  /** The last record's paused intervals inside [from, end) on a calendar (see RecordPauses). */
  readonly memo: PauseMemo = { id: -1, from: NaN, end: NaN, calendar: null, seconds: 0, starts: new Float64Array(0), ends: new Float64Array(0) };

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

  add(row: readonly string[], _line?: number): void {
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
    const h = keyHash(key);
    let id = this.keys.find(key, h);
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
      id = this.keys.insert(key, h);
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
    const paused = new Uint8Array(n);
    for (let i = 0, j = 0; i < this.nPending; i++) {
      if (pendingId[i]! < 0) continue;
      ids[j] = pendingId[i]!;
      at[j++] = this.pendAt[i]!;
    }
    ids.set(this.rowId.subarray(0, this.nRows), m);
    at.set(this.rowAt.subarray(0, this.nRows), m);
    paused.set(this.rowPaused.subarray(0, this.nRows), m);
    this.pendHash = this.pendAt = this.rowAt = new Float64Array(0);
    this.rowId = new Int32Array(0);
    this.rowPaused = new Uint8Array(0);

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
      seg.sort((a, b) => at[a]! - at[b]! || a - b);
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
    const id = this.keys.find(key, keyHash(key));
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
      const memo = src.history.memo;
      // Objectives measuring the same span of the same record (p95 and a ratio, say) share the work.
      if (firstEntry && memo.id === id && memo.from === from && memo.end === end && memo.calendar === calendar) {
        for (let k = 0; k < memo.starts.length; k++) {
          this.unionStart.push(memo.starts[k]!);
          this.unionEnd.push(memo.ends[k]!);
        }
        if (memo.seconds > 0) {
          total += memo.seconds;
          charge(src.entry, memo.seconds);
        }
        continue;
      }
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
      if (firstEntry) {
        memo.id = id;
        memo.from = from;
        memo.end = end;
        memo.calendar = calendar;
        memo.seconds = seconds;
        memo.starts = this.unionStart.data.slice(0, this.unionStart.length);
        memo.ends = this.unionEnd.data.slice(0, this.unionEnd.length);
      }
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
