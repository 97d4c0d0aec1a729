/**
 * The dependency graph of all loaded agreements (SPEC 5 `dependsOn`): agreements with their
 * objectives and reports as nodes, edges from a dependent objective to what it depends on.
 */
import type { CompiledAgreement } from '../compile/model.js';
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
}

export interface AgreementGraph {
  /** In agreement id order; items in declaration order, objectives before reports. */
  agreements: GraphAgreement[];
  /** In agreement, item and `dependsOn` order. */
  edges: GraphEdge[];
  /** Whether statuses were given (formatters then colour by status). */
  hasStatus: boolean;
}

export function buildGraph(agreements: readonly CompiledAgreement[], latest?: ReadonlyMap<string, Status>): AgreementGraph {
  const sorted = [...agreements].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const nodes = sorted.map((a): GraphAgreement => {
    const provider = a.parties.find((p) => p.role === 'provider');
    return {
      id: a.id,
      kind: a.kind,
      title: a.title,
      provider: provider ? provider.name || provider.id : null,
      customers: a.parties.filter((p) => p.role === 'customer').map((p) => p.name || p.id),
      items: a.items.map((item) => ({
        key: item.key,
        agreement: a.id,
        id: item.id,
        itemKind: item.itemKind,
        owner: item.owner,
        target: item.target.text,
        window: item.window,
        status: latest?.get(item.key) ?? null,
      })),
    };
  });
  const edges = sorted.flatMap((a) => a.items.flatMap((item) => item.dependsOn.map((dep) => ({ from: item.key, to: dep.key, excuses: dep.excuses }))));
  return { agreements: nodes, edges, hasStatus: latest !== undefined };
}
