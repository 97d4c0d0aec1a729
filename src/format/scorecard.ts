/**
 * Per party: how the objectives it owns fared in complete windows, how many breaches elsewhere
 * were traced to them (SPEC 5), and what other owners' results charged to it (SPEC 3: customer
 * obligations are scored like the provider's objectives).
 */
import { Chalk } from 'chalk';
import { STATUSES, type Status } from '../evaluate/result.js';
import { NO_PARTY } from '../agreement/model.js';
import { formatDuration } from '../time/format.js';
import { renderGrid } from './grid.js';
import { paintStatus } from './status-style.js';
import { formatNumber, partyLabel } from './values.js';
import type { EvaluationView } from './view.js';

export interface PartyScore {
  party: string;
  name: string;
  /** Distinct roles across the agreements naming the party, e.g. `provider, customer`. */
  roles: string[];
  /** Distinct `agreement/objective` the party owns. */
  owned: number;
  /** Status counts over complete windows. */
  statuses: Record<Status, number>;
  /**
   * Breached or excused complete windows, of any owner, whose root cause is one of this party's
   * objectives: a party whose breach broke two others must not look as if it broke one.
   */
  rootCauseOf: number;
  /** Charged to this party across all results. */
  chargedRecords: number;
  chargedSeconds: number;
}

/**
 * Parties in agreement order (each agreement's provider, then customers, then third parties), so
 * a customer's obligations sit next to its provider's; others (e.g. `none`, shown as `excluded (no
 * party)`) follow as first seen.
 * Only parties that own a result or were charged something appear.
 */
export function partyScores(view: EvaluationView): PartyScore[] {
  const scores = new Map<string, PartyScore>();
  const info = new Map<string, { name: string; roles: Set<string> }>();
  const order: string[] = [];
  const roleRank = { provider: 0, customer: 1, 'third-party': 2 } as const;
  for (const a of [...view.agreements].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) {
    for (const p of [...a.parties].sort((x, y) => roleRank[x.role] - roleRank[y.role])) {
      const known = info.get(p.id);
      if (known) known.roles.add(p.role);
      else {
        info.set(p.id, { name: p.name, roles: new Set([p.role]) });
        order.push(p.id);
      }
    }
  }
  const score = (party: string): PartyScore => {
    let s = scores.get(party);
    if (!s) {
      const known = info.get(party);
      s = {
        party,
        name: known?.name ?? (party === NO_PARTY ? '' : party),
        roles: known ? [...known.roles] : [],
        owned: 0,
        statuses: { met: 0, 'at-risk': 0, breached: 0, excused: 0, 'no-data': 0 },
        rootCauseOf: 0,
        chargedRecords: 0,
        chargedSeconds: 0,
      };
      scores.set(party, s);
      if (!info.has(party)) order.push(party);
    }
    return s;
  };
  const owned = new Map<string, Set<string>>();
  for (const e of view.evaluated) {
    const s = score(e.owner);
    const keys = owned.get(e.owner) ?? new Set<string>();
    keys.add(`${e.agreement}/${e.objective}`);
    owned.set(e.owner, keys);
    s.owned = keys.size;
    if (!e.window.partial) s.statuses[e.status]++;
    if (!e.window.partial && e.rootCause) score(e.rootCause.owner).rootCauseOf++;
    for (const [party, charge] of Object.entries(e.charged)) {
      const c = score(party);
      c.chargedRecords += charge.records;
      c.chargedSeconds += charge.seconds;
    }
  }
  return order.filter((p) => scores.has(p)).map((p) => scores.get(p)!);
}

/** Kept = met, at-risk or excused, out of complete windows with data. */
export function kept(s: PartyScore): string {
  const judged = s.statuses.met + s.statuses['at-risk'] + s.statuses.breached + s.statuses.excused;
  if (judged === 0) return '—';
  return `${formatNumber((100 * (judged - s.statuses.breached)) / judged, 1)}%`;
}

export function formatScorecard(view: EvaluationView, opts: { color: boolean }): string {
  const chalk = new Chalk({ level: opts.color ? 1 : 0 });
  const scores = partyScores(view);
  if (scores.length === 0) return `No results: no objective has a window up to as-of ${view.asOf}.\n`;
  const head = ['party', 'name', 'role', 'owns', ...STATUSES, 'kept', 'root cause of', 'charged records', 'charged time'];
  const rows = scores.map((s) => [
      partyLabel(s.party),
      s.name,
      s.roles.join(', '),
      s.owned > 0 ? String(s.owned) : '',
      ...STATUSES.map((st) => (s.owned > 0 ? paintStatus(chalk, st, String(s.statuses[st])) : '')),
      kept(s),
      s.owned > 0 || s.rootCauseOf > 0 ? String(s.rootCauseOf) : '',
      String(s.chargedRecords),
      s.chargedSeconds !== 0 ? formatDuration(s.chargedSeconds) : '',
  ]);
  const table = renderGrid(head.map((h) => ({ head: chalk.bold(h) })), rows);
  return (
    `Scorecard as of ${view.asOf}: statuses over complete windows; ` +
    `root cause of = breached or excused complete windows traced to the party's objectives; ` +
    `charged = records and working time taken from other owners' results and charged to the party.\n` +
    `${table}\n`
  );
}
