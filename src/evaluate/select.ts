/** Which results a run shows and which of them fail it (SPEC 6, 7). */
import type { CompiledAgreement } from '../compile/model.js';
import { localDayStart } from '../time/instant.js';
import type { Evaluated, Status } from './result.js';

export interface Selection {
  /** `ID` or `agreement/ID`; empty: all. */
  objectives?: readonly string[];
  owner?: string;
  window?: string;
  /** Local dates `YYYY-MM-DD` in each agreement's timezone; windows overlapping them are kept. */
  from?: string;
  to?: string;
  /** SPEC 9.2: only the latest complete window of each objective (its partial one when it has none). */
  latest?: boolean;
}

/** A filter that names nothing: which one, what was asked, and what exists (the caller words it). */
export type SelectionMiss =
  | { filter: 'objective'; value: string; known: string[] }
  | { filter: 'owner'; value: string; known: string[] }
  | { filter: 'window'; value: string; known: string[] }
  /** Each filter matched something, but nothing matches them together. */
  | { filter: 'combination' };

const DAY_MS = 86_400_000;

export function selectResults(
  evaluated: readonly Evaluated[],
  agreements: readonly CompiledAgreement[],
  sel: Selection,
): Evaluated[] {
  const inWindows = windowFilter(agreements, sel);
  const selected = evaluated.filter((e) => {
    if (sel.objectives?.length && !sel.objectives.some((o) => o === e.objective || o === `${e.agreement}/${e.objective}`)) return false;
    if (sel.owner && e.owner !== sel.owner) return false;
    return inWindows(e.agreement, { label: e.window.label, startMs: e.startMs, endMs: e.endMs });
  });
  return sel.latest ? latestWindows(selected) : selected;
}

/**
 * The window part of a selection (`window`, `from`, `to`; not `latest`) as a predicate on an
 * agreement's window: the label, or overlap with the local dates in the agreement's timezone.
 */
export function windowFilter(
  agreements: readonly CompiledAgreement[],
  sel: Selection,
): (agreement: string, w: { label: string; startMs: number; endMs: number }) => boolean {
  const zones = new Map(agreements.map((a) => [a.id, a.zone]));
  const bounds = new Map<string, { from: number; to: number }>();
  const boundsOf = (agreement: string) => {
    let b = bounds.get(agreement);
    if (!b) {
      const zone = zones.get(agreement) ?? 'UTC';
      b = {
        from: sel.from ? localDayStart(sel.from, zone) : -Infinity,
        // `to` is an inclusive date: up to the local midnight that starts the next day
        to: sel.to ? localDayStart(nextDate(sel.to), zone) : Infinity,
      };
      bounds.set(agreement, b);
    }
    return b;
  };
  return (agreement, w) => {
    if (sel.window && w.label !== sel.window) return false;
    if (sel.from || sel.to) {
      const b = boundsOf(agreement);
      if (!(w.startMs < b.to && w.endMs > b.from)) return false;
    }
    return true;
  };
}

/**
 * Per objective, only its latest complete window, or its partial one when it has no complete
 * window yet; the input order is kept.
 */
export function latestWindows(evaluated: readonly Evaluated[]): Evaluated[] {
  const chosen = new Map<string, Evaluated>();
  for (const e of evaluated) {
    // SPEC 9.7: with a window list, the latest complete window of each kind
    const key = `${e.agreement}/${e.objective} ${e.windowKind}`;
    const current = chosen.get(key);
    if (!current) chosen.set(key, e);
    else if (current.window.partial && !e.window.partial) chosen.set(key, e);
    else if (current.window.partial === e.window.partial && (e.endMs > current.endMs || (e.endMs === current.endMs && e.startMs > current.startMs))) chosen.set(key, e);
  }
  const keep = new Set(chosen.values());
  return evaluated.filter((e) => keep.has(e));
}

function nextDate(date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`) + DAY_MS;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * SPEC 9.2 `--fail-on` levels: `breached` (complete windows), `at-risk` (implies breached),
 * `no-data` (complete windows), `warning` (any warning of the run), `remedy` (a triggered remedy).
 */
export type FailLevel = 'breached' | 'at-risk' | 'no-data' | 'warning' | 'remedy';
export const FAIL_LEVELS: readonly FailLevel[] = ['breached', 'at-risk', 'no-data', 'warning', 'remedy'];

/** SPEC 6, 9.2: the shown results that reach one of the levels; complete windows only. */
export function failingResults(shown: readonly Evaluated[], levels: ReadonlySet<FailLevel>): Evaluated[] {
  const failing = new Set<Status>();
  if (levels.has('breached') || levels.has('at-risk')) failing.add('breached');
  if (levels.has('at-risk')) failing.add('at-risk');
  if (levels.has('no-data')) failing.add('no-data');
  return shown.filter((e) => !e.window.partial && failing.has(e.status));
}

/**
 * Filters that name nothing are never an empty green run (SPEC 2: a typo must not make CI pass by
 * evaluating nothing). Returns the first such filter, or null.
 */
export function unmatchedFilter(
  evaluated: readonly Evaluated[],
  agreements: readonly CompiledAgreement[],
  sel: Selection,
): SelectionMiss | null {
  const items = agreements.flatMap((a) => a.items);
  for (const o of sel.objectives ?? []) {
    if (!items.some((i) => o === i.id || o === i.key)) return { filter: 'objective', value: o, known: items.map((i) => i.key) };
  }
  if (sel.owner !== undefined) {
    const parties = new Set(agreements.flatMap((a) => a.parties.map((p) => p.id)));
    if (!parties.has(sel.owner)) return { filter: 'owner', value: sel.owner, known: [...parties].sort() };
  }
  if (sel.window !== undefined && !evaluated.some((e) => e.window.label === sel.window)) {
    return { filter: 'window', value: sel.window, known: [...new Set(evaluated.map((e) => e.window.label))] };
  }
  return null;
}
