/** SPEC 5: `dependsOn` must not loop, within or across agreements; each loop is reported once with its path. */
import { problem, type Problem } from '../../problem.js';
import type { LoadedAgreement, NodePath } from '../../agreement/model.js';
import { itemsOf, type AgreementIndex } from './context.js';
import { dependencyTarget, resolveDependency } from '../resolve.js';

interface Edge {
  to: string;
  /** The dependsOn entry that makes this edge. */
  path: NodePath;
}

interface Node {
  key: string;
  agreement: LoadedAgreement;
  edges: Edge[];
}

/** Nodes `agreement/item` in load order (first declaration of each id), edges in listed order. */
function dependencyGraph(agreements: readonly LoadedAgreement[], index: AgreementIndex): Node[] {
  const nodes: Node[] = [];
  const seen = new Set<string>();
  for (const a of agreements) {
    if (index.byId.get(a.doc.id) !== a) continue; // a duplicated agreement id is reported elsewhere
    for (const { item, path } of itemsOf(a)) {
      const key = `${a.doc.id}/${item.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const edges: Edge[] = [];
      (item.dependsOn ?? []).forEach((dep, k) => {
        const { ref, suffix } = dependencyTarget(dep);
        const r = resolveDependency(ref, a, index);
        if (r.ok) edges.push({ to: `${r.agreement.doc.id}/${r.id}`, path: [...path, 'dependsOn', k, ...suffix] });
      });
      nodes.push({ key, agreement: a, edges });
    }
  }
  return nodes;
}

/** Strongly connected components (Tarjan, iterative so long chains cannot overflow the stack). */
function components(nodes: readonly Node[], byKey: ReadonlyMap<string, Node>): Node[][] {
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: Node[] = [];
  const result: Node[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (order.has(root.key)) continue;
    const work: Array<{ node: Node; next: number }> = [{ node: root, next: 0 }];
    order.set(root.key, counter);
    low.set(root.key, counter++);
    stack.push(root);
    onStack.add(root.key);
    while (work.length) {
      const frame = work[work.length - 1]!;
      const { node } = frame;
      if (frame.next < node.edges.length) {
        const to = byKey.get(node.edges[frame.next++]!.to)!;
        if (!order.has(to.key)) {
          order.set(to.key, counter);
          low.set(to.key, counter++);
          stack.push(to);
          onStack.add(to.key);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to.key)) {
          low.set(node.key, Math.min(low.get(node.key)!, order.get(to.key)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node.key, Math.min(low.get(parent.node.key)!, low.get(node.key)!));
      if (low.get(node.key) === order.get(node.key)) {
        const component: Node[] = [];
        let member: Node;
        do {
          member = stack.pop()!;
          onStack.delete(member.key);
          component.push(member);
        } while (member !== node);
        result.push(component);
      }
    }
  }
  return result;
}

/** The shortest loop from `start` back to itself inside one component, preferring edges in listed order. */
function shortestLoop(start: Node, members: ReadonlySet<string>, byKey: ReadonlyMap<string, Node>): Edge[] {
  const via = new Map<string, { from: Node; edge: Edge }>();
  const queue: Node[] = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    for (const edge of node.edges) {
      if (!members.has(edge.to)) continue;
      if (edge.to === start.key) {
        const edges = [edge];
        for (let at = node; at !== start; at = via.get(at.key)!.from) edges.unshift(via.get(at.key)!.edge);
        return edges;
      }
      if (via.has(edge.to)) continue;
      via.set(edge.to, { from: node, edge });
      queue.push(byKey.get(edge.to)!);
    }
  }
  return [];
}

export function checkDependencyCycles(agreements: readonly LoadedAgreement[], index: AgreementIndex): Problem[] {
  const nodes = dependencyGraph(agreements, index);
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  // An edge to an objective or report the schema rejected leads nowhere that can be checked.
  for (const node of nodes) node.edges = node.edges.filter((e) => byKey.has(e.to));
  const rank = new Map(nodes.map((n, i) => [n.key, i]));
  const problems: Problem[] = [];
  for (const component of components(nodes, byKey)) {
    const members = new Set(component.map((n) => n.key));
    const start = component.reduce((a, b) => (rank.get(a.key)! <= rank.get(b.key)! ? a : b));
    if (component.length === 1 && !start.edges.some((e) => e.to === start.key)) continue;
    const loop = shortestLoop(start, members, byKey);
    const path = [start.key, ...loop.map((e) => e.to)].join(' -> ');
    const at = start.agreement.locate(loop[0]!.path);
    const others = members.size - loop.length;
    problems.push(
      problem(
        start.agreement.file,
        at.line,
        at.column,
        'dependency-cycle',
        `dependsOn cycle: ${path}; a breach cannot be traced to a root cause around a loop, remove one of these dependencies` +
          (others > 0 ? `; ${others} more objective(s) or report(s) form further loops with it` : ''),
      ),
    );
  }
  return problems;
}
