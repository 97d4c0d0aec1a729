/**
 * UTC offsets of an IANA zone and the local-time -> instant mapping with Temporal's `compatible`
 * disambiguation (SPEC 3.4). Offsets come from Intl (a few µs per call), so each zone keeps a
 * table of its transitions per 32-day chunk and a per-local-day cache of unambiguous offsets;
 * the CSV hot path then costs a Map lookup.
 */
import { DAY_MS } from './civil.js';

const CHUNK_MS = 32 * DAY_MS;
const MAX_MS = 8.64e15; // the Date range

/**
 * Far instants are folded into a span Intl has already answered, so a far date costs no more than
 * a near one. Before 1800 every zone keeps one offset (local mean time: the tz database's first
 * transitions are later). From 2100 on every zone follows its final rule, which repeats every 400
 * Gregorian years (146,097 days: whole weeks, so weekday rules repeat too): an instant from 2500
 * on has the offset of the one 400·k years earlier in [2100, 2500). Both were checked against Intl
 * for every zone it knows (test/unit/time/zone-fold.test.ts).
 */
export const FOLD_LOW_MS = Date.UTC(1800, 0, 1);
export const FOLD_HIGH_MS = Date.UTC(2500, 0, 1);
export const FOLD_PERIOD_MS = 146_097 * DAY_MS;
/** Offset changes from here on are predictions; from FINAL_RULES_MS every zone follows its final rule. */
const PREDICTED_MS = Date.UTC(2027, 0, 1);
const FINAL_RULES_MS = Date.UTC(2100, 0, 1);
/** The per-day offset cache is dropped past this size, so a scan over centuries stays small. */
const MAX_CACHED_DAYS = 50_000;

/** The instant whose offset `utcMs` has, inside [FOLD_LOW_MS, FOLD_HIGH_MS). */
function foldInstant(utcMs: number): number {
  if (utcMs < FOLD_LOW_MS) return FOLD_LOW_MS;
  if (utcMs < FOLD_HIGH_MS) return utcMs;
  return utcMs - Math.floor((utcMs - (FOLD_HIGH_MS - FOLD_PERIOD_MS)) / FOLD_PERIOD_MS) * FOLD_PERIOD_MS;
}

export interface ZoneInfo {
  readonly name: string;
  /** Offset (ms, local minus UTC) in effect at an instant. */
  offsetAt(utcMs: number): number;
  /** The instant of a local wall-clock time given as ms since 1970-01-01T00:00 local. */
  localToUtc(localMs: number): number;
  /**
   * The offset changes in [fromUtc, toUtc) as flat triples [instant, offset before, offset after],
   * in order (Intl's resolution: the second). Cost: the 32-day chunks the span covers once folded.
   */
  transitions(fromUtc: number, toUtc: number): number[];
}

const zones = new Map<string, ZoneInfo>();

/** IANA names (any case, as Intl accepts them) and `UTC`; not bare offsets such as `+01:00`. */
export function isKnownZone(name: string): boolean {
  if (typeof name !== 'string' || !/^[A-Za-z]/.test(name)) return false;
  let known = knownZones.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      known = true;
    } catch {
      known = false;
    }
    knownZones.set(name, known);
  }
  return known;
}
const knownZones = new Map<string, boolean>();

/** The cached zone; throws RangeError for an unknown zone (validation reports those first). */
export function zoneInfo(name: string): ZoneInfo {
  let info = zones.get(name);
  if (info === undefined) {
    if (!isKnownZone(name)) throw new RangeError(`unknown time zone ${JSON.stringify(name)}`);
    info = createZone(name);
    zones.set(name, info);
  }
  return info;
}

/** `…GMT+01:00`, `…GMT-05:00`, `…GMT+00:53:28` or `…GMT` to ms. */
function parseGmtOffset(text: string): number {
  const at = text.lastIndexOf('GMT') + 3;
  if (at >= text.length) return 0;
  const sign = text.charCodeAt(at) === 43 ? 1 : -1; // '+', else '-' or U+2212
  const field = (i: number) => Number(text.slice(i, i + 2));
  const seconds = field(at + 1) * 3600 + field(at + 4) * 60 + (text.length > at + 6 ? field(at + 7) : 0);
  return sign * seconds * 1000;
}

function createZone(name: string): ZoneInfo {
  const dtf = new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'longOffset' });
  if (dtf.resolvedOptions().timeZone === 'UTC') return { name, offsetAt: () => 0, localToUtc: (localMs) => localMs, transitions: () => [] };
  const rawOffset = (utcMs: number): number =>
    parseGmtOffset(dtf.format(Math.max(-MAX_MS, Math.min(MAX_MS, utcMs))));

  // chunk -> [offset at chunk start, t1, offset from t1, t2, offset from t2, ...]
  const chunks = new Map<number, number[]>();
  const buildChunk = (chunk: number): number[] => {
    const start = chunk * CHUNK_MS;
    const table = [rawOffset(start)];
    let prevT = start;
    let prev = table[0]!;
    // Sampled daily up to 2027; after that changes are at least 7 days apart in every zone (Gaza's
    // Ramadan rules until 2100), and from 2100 at least 126 days (America/Adak), checked against
    // Intl day by day for every zone: 4-day and whole-chunk steps find each one.
    const step = start >= FINAL_RULES_MS ? CHUNK_MS : start >= PREDICTED_MS ? 4 * DAY_MS : DAY_MS;
    for (let t = start + step; t <= start + CHUNK_MS; t += step) {
      const end = rawOffset(t);
      // find every change in (prevT, t], to the second (Intl's resolution)
      while (end !== prev) {
        let lo = prevT, hi = t;
        while (hi - lo > 1000) {
          const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
          if (rawOffset(mid) === prev) lo = mid;
          else hi = mid;
        }
        prev = rawOffset(hi);
        prevT = hi;
        table.push(hi, prev);
      }
      prevT = t;
    }
    chunks.set(chunk, table);
    return table;
  };

  const offsetAt = (utcMs: number): number => {
    if (utcMs < FOLD_LOW_MS || utcMs >= FOLD_HIGH_MS) utcMs = foldInstant(utcMs);
    const chunk = Math.floor(utcMs / CHUNK_MS);
    const table = chunks.get(chunk) ?? buildChunk(chunk);
    let off = table[0]!;
    for (let j = 1; j < table.length && utcMs >= table[j]!; j += 2) off = table[j + 1]!;
    return off;
  };

  // SPEC 3.4 / Temporal `compatible`: in a gap use the offset before it (the time moves forward
  // by the gap); in a fold take the earlier instant. `unique`: the local time exists exactly once.
  let resolvedUnique = true;
  const resolve = (localMs: number): number => {
    const before = offsetAt(localMs - DAY_MS);
    const after = offsetAt(localMs + DAY_MS);
    const okBefore = offsetAt(localMs - before) === before;
    const okAfter = offsetAt(localMs - after) === after;
    resolvedUnique = okBefore !== okAfter || before === after;
    if (okBefore && okAfter) return Math.max(before, after);
    if (okAfter) return after;
    return before;
  };

  // local day -> its offset when the whole day has one unambiguous offset, else NaN
  const days = new Map<number, number>();
  let lastDay = NaN;
  let lastOffset = 0;
  const localToUtc = (localMs: number): number => {
    const day = Math.floor(localMs / DAY_MS);
    if (day === lastDay) return localMs - lastOffset;
    let off = days.get(day);
    if (off === undefined) {
      const first = resolve(day * DAY_MS);
      const firstUnique = resolvedUnique;
      const last = resolve(day * DAY_MS + DAY_MS - 1);
      off = firstUnique && resolvedUnique && first === last ? first : NaN;
      if (days.size >= MAX_CACHED_DAYS) days.clear();
      days.set(day, off);
    }
    if (Number.isNaN(off)) return localMs - resolve(localMs);
    lastDay = day;
    lastOffset = off;
    return localMs - off;
  };

  /** Offset changes in [from, to) ⊆ [FOLD_LOW_MS, FOLD_HIGH_MS), shifted by `shift`, appended to out. */
  const changesIn = (from: number, to: number, shift: number, out: number[]): void => {
    for (let chunk = Math.floor(from / CHUNK_MS); chunk * CHUNK_MS < to; chunk++) {
      const table = chunks.get(chunk) ?? buildChunk(chunk);
      for (let j = 1; j < table.length; j += 2) {
        const t = table[j]!;
        if (t >= from && t < to) out.push(t + shift, table[j - 1]!, table[j + 1]!);
      }
    }
  };

  const transitions = (fromUtc: number, toUtc: number): number[] => {
    const out: number[] = [];
    let a = Math.max(fromUtc, FOLD_LOW_MS); // SPEC: one offset before 1800 (see foldInstant)
    while (a < toUtc) {
      if (a < FOLD_HIGH_MS) {
        const b = Math.min(toUtc, FOLD_HIGH_MS);
        changesIn(a, b, 0, out);
        a = b;
      } else {
        const folded = foldInstant(a);
        const shift = a - folded;
        const b = Math.min(toUtc, FOLD_HIGH_MS + shift);
        changesIn(folded, b - shift, shift, out);
        a = b;
      }
    }
    return out;
  };

  return { name, offsetAt, localToUtc, transitions };
}
