/**
 * Window-level attribution (SPEC 5): follow `dependsOn` from a breached window to the deepest
 * breached objective, decide `excused`, and fill `rootCause` and the explanation's chain.
 * A post-pass over evaluated results: it returns new results and changes none it was given.
 */
import type { CompiledAgreement, DependencyRef } from '../compile/model.js';
import type { Excuse } from '../evaluate/explanation.js';
import type { Evaluated, RootCause } from '../evaluate/result.js';
import { windowOverlapEnough } from '../time/windows.js';

/**
 * Breached results that a dependency explains get a `rootCause` and, when the root cause's owner
 * is a customer of their agreement (or the entry says `excuses: true`), the status `excused`.
 * Dependencies are attributed first, so a chain is followed to its end (validate rejects cycles).
 */
export function attributeDependencies(agreements: readonly CompiledAgreement[], evaluated: readonly Evaluated[]): Evaluated[] {
  const deps = new Map<string, DependencyRef[]>();
  const customers = new Map<string, ReadonlySet<string>>();
  for (const a of agreements) {
    customers.set(a.id, a.customers);
    for (const item of a.items) deps.set(item.key, item.dependsOn);
  }
  const windowsOf = new Map<string, Evaluated[]>();
  for (const e of evaluated) {
    const key = `${e.agreement}/${e.objective}`;
    let list = windowsOf.get(key);
    if (!list) windowsOf.set(key, (list = []));
    list.push(e);
  }

  const attributed = new Map<string, Evaluated[]>();
  const resolving = new Set<string>();
  const resolve = (key: string): Evaluated[] => {
    const known = attributed.get(key);
    if (known) return known;
    const own = windowsOf.get(key) ?? [];
    if (resolving.has(key)) return own; // a cycle is a validation error; never loop
    resolving.add(key);
    const refs = deps.get(key) ?? [];
    const targets = refs.map((ref) => ({ ref, windows: resolve(ref.key) }));
    const result = own.map((e) => attributeWindow(e, targets, customers.get(e.agreement)));
    resolving.delete(key);
    attributed.set(key, result);
    return result;
  };
  for (const key of windowsOf.keys()) resolve(key);
  const byOriginal = new Map<Evaluated, Evaluated>();
  for (const [key, list] of attributed) list.forEach((e, i) => byOriginal.set(windowsOf.get(key)![i]!, e));
  return evaluated.map((e) => byOriginal.get(e) ?? e);
}

function attributeWindow(
  e: Evaluated,
  targets: readonly { ref: DependencyRef; windows: readonly Evaluated[] }[],
  customers: ReadonlySet<string> | undefined,
): Evaluated {
  if (e.status !== 'breached' || targets.length === 0) return e;
  const self = `${e.agreement}/${e.objective}`;
  const chain = [...e.explanation.chain];
  for (const { ref, windows } of targets) {
    const candidates = windows.filter((d) => windowOverlapEnough({ start: e.startMs, end: e.endMs }, { start: d.startMs, end: d.endMs }));
    // SPEC 5: among overlapping breached or excused windows, the one with the latest start.
    let chosen: Evaluated | null = null;
    for (const d of candidates) {
      if ((d.status === 'breached' || d.status === 'excused') && (!chosen || d.startMs > chosen.startMs)) chosen = d;
    }
    if (!chosen) {
      const seen = candidates.map((d) => ({ label: d.window.label, status: d.status }));
      chain.push({ objective: ref.key, window: null, status: null, note: seen.length ? { kind: 'no-breach', seen } : { kind: 'not-evaluated' } });
      continue;
    }
    const root: RootCause = chosen.rootCause
      ? { ...chosen.rootCause, path: [self, ...chosen.rootCause.path] }
      : {
          agreement: chosen.agreement,
          objective: chosen.objective,
          owner: chosen.owner,
          window: chosen.window.label,
          path: [self, `${chosen.agreement}/${chosen.objective}`],
        };
    const rootIsCustomer = customers?.has(root.owner) ?? false;
    chain.push({
      objective: ref.key,
      window: chosen.window.label,
      status: chosen.status,
      note: chosen.rootCause ? { kind: 'attributed', path: chosen.rootCause.path.slice(1) } : { kind: 'root-cause' },
    });
    // the deeper links the dependency itself followed, so the whole chain reads top to bottom
    chain.push(...chosen.explanation.chain.filter((link) => link.status !== null));
    // SPEC 5: a customer root cause, or a dependency marked `excuses: true`, excuses the breach
    const excuse: Excuse = rootIsCustomer ? { by: 'customer' } : ref.excuses ? { by: 'flag', dependency: ref.key } : null;
    return {
      ...e,
      status: excuse ? 'excused' : e.status,
      rootCause: root,
      explanation: { ...e.explanation, chain, excuse },
    };
  }
  return chain.length === e.explanation.chain.length ? e : { ...e, explanation: { ...e.explanation, chain } };
}
