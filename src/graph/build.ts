/**
 * The dependency graph of all loaded agreements (SPEC 5 `dependsOn`): agreements with their
 * objectives and reports as nodes, edges from a dependent objective to what it depends on.
 */
import { ownerOf, type LoadedAgreement } from '../agreement/model.js';
import type { Status } from '../evaluate/result.js';

export interface GraphItem {
  /** `agreement/objective`. */
  key: string;
  agreement: string;
  id: string;
  itemKind: 'objective' | 'report';
  owner: string;
  target: string;
  window: string;
  /** Latest status when one was given, else null. */
  status: Status | null;
}

export interface GraphAgreement {
  id: string;
  kind: string;
  title: string;
  /** Party names, falling back to the id. */
  provider: string | null;
  customers: string[];
  items: GraphItem[];
}

export interface GraphEdge {
  /** The dependent objective. */
  from: string;
  /** What it depends on, `agreement/objective`. */
  to: string;
  excuses: boolean;
  /** False when `to` names no loaded objective or report (validate reports it). */
  resolved: boolean;
}

export interface AgreementGraph {
  /** In agreement id order; items in declaration order, objectives before reports. */
  agreements: GraphAgreement[];
  /** In agreement, item and `dependsOn` order. */
  edges: GraphEdge[];
  /** Whether statuses were given (formatters then colour by status). */
  hasStatus: boolean;
}

/** SPEC 5: a `dependsOn` id is local (`objective-id`) or agreement-qualified. */
export function resolveDependency(agreementId: string, ref: string): string {
  return ref.includes('/') ? ref : `${agreementId}/${ref}`;
}

export function buildGraph(
  agreements: readonly LoadedAgreement[],
  latest?: ReadonlyMap<string, Status>,
): AgreementGraph {
  const sorted = [...agreements].sort((a, b) => (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0));
  const nodes: GraphAgreement[] = [];
  const pending: { from: string; to: string; excuses: boolean }[] = [];
  for (const { doc } of sorted) {
    const parties = Object.entries(doc.parties ?? {});
    const provider = parties.find(([, p]) => p.role === 'provider');
    const items: GraphItem[] = [];
    const add = (
      itemKind: 'objective' | 'report',
      item: { id: string; owner?: string; target: string; window: string; dependsOn?: (string | { objective: string; excuses?: boolean })[] },
    ) => {
      const key = `${doc.id}/${item.id}`;
      items.push({
        key,
        agreement: doc.id,
        id: item.id,
        itemKind,
        owner: ownerOf(doc, item),
        target: item.target,
        window: item.window,
        status: latest?.get(key) ?? null,
      });
      for (const dep of item.dependsOn ?? []) {
        const ref = typeof dep === 'string' ? dep : dep.objective;
        const excuses = typeof dep === 'string' ? false : dep.excuses === true;
        pending.push({ from: key, to: resolveDependency(doc.id, ref), excuses });
      }
    };
    for (const o of doc.objectives ?? []) add('objective', o);
    for (const r of doc.reports ?? []) add('report', r);
    nodes.push({
      id: doc.id,
      kind: doc.kind,
      title: doc.title,
      provider: provider ? provider[1].name || provider[0] : null,
      customers: parties.filter(([, p]) => p.role === 'customer').map(([id, p]) => p.name || id),
      items,
    });
  }
  const known = new Set(nodes.flatMap((a) => a.items.map((i) => i.key)));
  return {
    agreements: nodes,
    edges: pending.map((e) => ({ ...e, resolved: known.has(e.to) })),
    hasStatus: latest !== undefined,
  };
}

