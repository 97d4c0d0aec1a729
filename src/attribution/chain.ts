/**
 * Window-level attribution (SPEC 5): follow `dependsOn` from a breached window to the deepest
 * breached objective, decide `excused`, and fill `rootCause` and the explanation's chain.
 */
import { itemsOf, type Dependency, type LoadedAgreement } from '../agreement/model.js';
import type { Evaluated, RootCause } from '../evaluate/result.js';
import { windowOverlapEnough } from '../time/windows.js';

interface DependencyRef {
  key: string;
  excuses: boolean;
}

/** `agreement/objective` for a dependency entry as written in agreement `agreementId`. */
export function dependencyKey(agreementId: string, dep: Dependency): DependencyRef {
  const id = typeof dep === 'string' ? dep : dep.objective;
  const excuses = typeof dep === 'string' ? false : dep.excuses === true;
  return { key: id.includes('/') ? id : `${agreementId}/${id}`, excuses };
}

/**
 * Applies dependency attribution in place: breached results that a dependency explains get a
 * `rootCause` and, when the root cause's owner is a customer of their agreement (or the entry says
 * `excuses: true`), the status `excused`. Dependencies are resolved first (validate rejects cycles).
 */
export function attributeDependencies(agreements: readonly LoadedAgreement[], evaluated: Evaluated[]): void {
  const deps = new Map<string, DependencyRef[]>();
  const customers = new Map<string, Set<string>>();
  for (const a of agreements) {
    customers.set(
      a.doc.id,
      new Set(Object.entries(a.doc.parties ?? {}).filter(([, p]) => p.role === 'customer').map(([id]) => id)),
    );
    for (const item of itemsOf(a.doc)) {
      deps.set(`${a.doc.id}/${item.id}`, (item.dependsOn ?? []).map((d) => dependencyKey(a.doc.id, d)));
    }
  }
  const windowsOf = new Map<string, Evaluated[]>();
  for (const e of evaluated) {
    const key = `${e.agreement}/${e.objective}`;
    let list = windowsOf.get(key);
    if (!list) windowsOf.set(key, (list = []));
    list.push(e);
  }

  const done = new Set<string>();
  const resolving = new Set<string>();
  const resolve = (key: string): void => {
    if (done.has(key) || resolving.has(key)) return; // a cycle is a validation error; never loop
    resolving.add(key);
    const refs = deps.get(key) ?? [];
    for (const ref of refs) resolve(ref.key);
    for (const e of windowsOf.get(key) ?? []) attributeWindow(e, refs, windowsOf, customers);
    resolving.delete(key);
    done.add(key);
  };
  for (const key of windowsOf.keys()) resolve(key);
}

function attributeWindow(
  e: Evaluated,
  refs: readonly DependencyRef[],
  windowsOf: ReadonlyMap<string, Evaluated[]>,
  customers: ReadonlyMap<string, Set<string>>,
): void {
  if (e.status !== 'breached' || refs.length === 0) return;
  const self = `${e.agreement}/${e.objective}`;
  for (const ref of refs) {
    const candidates = (windowsOf.get(ref.key) ?? []).filter((d) => windowOverlapEnough({ start: e.startMs, end: e.endMs }, { start: d.startMs, end: d.endMs }));
    // SPEC 5: among overlapping breached or excused windows, the one with the latest start.
    let chosen: Evaluated | null = null;
    for (const d of candidates) {
      if ((d.status === 'breached' || d.status === 'excused') && (!chosen || d.startMs > chosen.startMs)) chosen = d;
    }
    if (!chosen) {
      const seen = candidates.map((d) => `${d.window.label} ${d.status}`).join(', ');
      e.explanation.chain.push({
        objective: ref.key,
        window: null,
        status: null,
        note: candidates.length ? `no breached overlapping window (${seen})` : 'no overlapping window evaluated',
      });
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
    e.rootCause = root;
    const rootIsCustomer = customers.get(e.agreement)?.has(root.owner) ?? false;
    e.explanation.chain.push({
      objective: ref.key,
      window: chosen.window.label,
      status: chosen.status,
      note: chosen.rootCause ? `itself attributed to ${chosen.rootCause.path.slice(1).join(' → ')}` : 'root cause',
    });
    // the deeper links the dependency itself followed, so the whole chain reads top to bottom
    e.explanation.chain.push(...chosen.explanation.chain.filter((link) => link.status !== null));
    if (rootIsCustomer || ref.excuses) {
      e.status = 'excused';
      const cause = `root cause ${root.agreement}/${root.objective} ${root.window} (owner ${root.owner})`;
      e.explanation.statusReason += rootIsCustomer
        ? `; excused: ${cause}, a customer of ${e.agreement}`
        : `; excused: ${cause}, and the dependency on ${ref.key} is marked excuses: true`;
    } else {
      e.explanation.statusReason += `; root cause ${root.agreement}/${root.objective} ${root.window} (owner ${root.owner}) does not excuse ${e.owner}`;
    }
    return;
  }
}
