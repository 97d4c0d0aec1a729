/** Which results a run shows and which of them fail it (SPEC 6, 7). */
import { itemsOf, type LoadedAgreement } from '../agreement/model.js';
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
}

const DAY_MS = 86_400_000;

export function selectResults(
  evaluated: readonly Evaluated[],
  agreements: readonly LoadedAgreement[],
  sel: Selection,
): Evaluated[] {
  const zones = new Map(agreements.map((a) => [a.doc.id, a.doc.timezone ?? 'UTC']));
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
  return evaluated.filter((e) => {
    if (sel.objectives?.length && !sel.objectives.some((o) => o === e.objective || o === `${e.agreement}/${e.objective}`)) return false;
    if (sel.owner && e.owner !== sel.owner) return false;
    if (sel.window && e.window.label !== sel.window) return false;
    if (sel.from || sel.to) {
      const b = boundsOf(e.agreement);
      if (!(e.startMs < b.to && e.endMs > b.from)) return false;
    }
    return true;
  });
}

function nextDate(date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`) + DAY_MS;
  return new Date(t).toISOString().slice(0, 10);
}

export type FailOn = 'breached' | 'at-risk' | 'never';

/** SPEC 6: complete windows only; `at-risk` also fails on at-risk. */
export function failingResults(shown: readonly Evaluated[], failOn: FailOn): Evaluated[] {
  if (failOn === 'never') return [];
  const failing: ReadonlySet<Status> = new Set<Status>(failOn === 'at-risk' ? ['breached', 'at-risk'] : ['breached']);
  return shown.filter((e) => !e.window.partial && failing.has(e.status));
}

/**
 * Filters that name nothing are usage errors, never an empty green run (SPEC 2: a typo must not
 * make CI pass by evaluating nothing). Returns a message for the first such filter, or null.
 */
export function unmatchedFilter(
  evaluated: readonly Evaluated[],
  agreements: readonly LoadedAgreement[],
  sel: Selection,
): string | null {
  const items = agreements.flatMap(({ doc }) => itemsOf(doc).map((i) => ({ agreement: doc.id, id: i.id })));
  for (const o of sel.objectives ?? []) {
    if (!items.some((i) => o === i.id || o === `${i.agreement}/${i.id}`)) {
      return `--objective ${o}: no objective or report with that id (ids: ${items.slice(0, 12).map((i) => `${i.agreement}/${i.id}`).join(', ')}${items.length > 12 ? ', …' : ''})`;
    }
  }
  if (sel.owner !== undefined) {
    const parties = new Set(agreements.flatMap(({ doc }) => Object.keys(doc.parties ?? {})));
    if (!parties.has(sel.owner)) return `--owner ${sel.owner}: no party with that id (parties: ${[...parties].sort().join(', ')})`;
  }
  if (sel.window !== undefined && !evaluated.some((e) => e.window.label === sel.window)) {
    const kinds = [...new Set(evaluated.map((e) => e.window.label))];
    return `--window ${sel.window}: no evaluated window has that label (windows end at as-of; e.g. ${kinds.slice(-3).join(', ') || 'none'})`;
  }
  return null;
}
