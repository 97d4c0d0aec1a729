/**
 * What luxon alone says about wall times and offsets, for the property tests that hold the
 * hand-written fast path (zone.ts, instant.ts) and the luxon-based code to each other.
 * Only luxon's IANAZone.offset and DateTime are used here, never src/time/.
 */
import { IANAZone, Settings } from 'luxon';

export const MINUTE = 60_000;
export const DAY = 86_400_000;

/**
 * SPEC 3.4 / the brief's zones: DST in Europe and North America, Lord Howe's 30-minute DST, DST
 * at or near midnight (Sao Paulo until 2019, Santiago, Beirut, Havana), none (Kolkata, UTC).
 */
export const ZONES = [
  'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'America/Sao_Paulo', 'America/Santiago',
  'Asia/Beirut', 'America/Havana', 'Asia/Kolkata', 'UTC',
] as const;

export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2040;

/** An offset change: from `at` (epoch ms) on, the offset is `after` minutes instead of `before`. */
export interface Transition {
  zone: string;
  at: number;
  before: number;
  after: number;
}

/**
 * Every offset change of `zone` in [fromYear, toYear], to the minute: a weekly scan, then
 * bisection. (Two changes within one week that cancel out would be missed; none of ZONES has one.)
 */
export function transitions(zone: string, fromYear = FIRST_YEAR, toYear = LAST_YEAR): Transition[] {
  const z = IANAZone.create(zone);
  const out: Transition[] = [];
  const end = Date.UTC(toYear + 1, 0, 1);
  let t = Date.UTC(fromYear, 0, 1);
  while (t < end) {
    const next = Math.min(t + 7 * DAY, end);
    const before = z.offset(t);
    if (z.offset(next) === before) {
      t = next;
      continue;
    }
    let lo = t, hi = next; // offset(lo) === before !== offset(hi)
    while (hi - lo > MINUTE) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
      if (z.offset(mid) === before) lo = mid;
      else hi = mid;
    }
    out.push({ zone, at: hi, before, after: z.offset(hi) });
    t = hi;
  }
  return out;
}

/** How a local wall time (ms since 1970-01-01T00:00 local) exists in a zone, by luxon's offsets. */
export type Reading =
  | { kind: 'unique'; instant: number }
  | { kind: 'gap'; before: number; after: number }
  | { kind: 'fold'; earlier: number; later: number };

export function reading(zone: string, localMs: number): Reading {
  const z = IANAZone.create(zone);
  const before = z.offset(localMs - DAY), after = z.offset(localMs + DAY);
  const instants = [...new Set([before, after])]
    .map((offset) => localMs - offset * MINUTE)
    .filter((t) => z.offset(t) * MINUTE === localMs - t)
    .sort((a, b) => a - b);
  if (instants.length === 2) return { kind: 'fold', earlier: instants[0]!, later: instants[1]! };
  if (instants.length === 1) return { kind: 'unique', instant: instants[0]! };
  return { kind: 'gap', before, after };
}

/** The first instant of a local day by SPEC 3.4: midnight, the end of a gap over it, the earlier of a fold. */
export function specDayStart(zone: string, dayNumber: number): number {
  const r = reading(zone, dayNumber * DAY);
  return r.kind === 'unique' ? r.instant : r.kind === 'fold' ? r.earlier : dayNumber * DAY - r.before * MINUTE;
}

/** Runs `f` with luxon's clock (Settings.now) pinned to `now`. */
export function withNow<T>(now: number, f: () => T): T {
  const saved = Settings.now;
  Settings.now = () => now;
  try {
    return f();
  } finally {
    Settings.now = saved;
  }
}

/** Civil fields of a local wall time given as ms since 1970-01-01T00:00 local. */
export function fieldsOf(localMs: number) {
  const d = new Date(localMs);
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), millisecond: d.getUTCMilliseconds(),
  };
}

/** `YYYY-MM-DD` of a day number. */
export function dateOfDay(dayNumber: number): string {
  return new Date(dayNumber * DAY).toISOString().slice(0, 10);
}
