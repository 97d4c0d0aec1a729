/**
 * SPEC 9.4 and 9.7 remedies: at each complete window W of a remedy's objectives (pooled by label),
 * the condition over the last n complete windows ending at W — at least k breached, or the mean of
 * exactly n values meeting a target. Each W where it holds is one entry, with the windows that
 * prove it and the last date to act. A post-pass over attributed results.
 */
import { compare } from '../agreement/quantity.js';
import type { CompiledAgreement, CompiledRemedy } from '../compile/model.js';
import type { Evaluated, Unit } from '../evaluate/result.js';
import { lastDateInTime } from '../time/instant.js';

export interface RemedyEntry {
  agreement: string;
  id: string;
  description: string | null;
  triggered: boolean;
  /** W: the window at which the condition holds (triggered), else the latest complete window; null when there is none. */
  window: string | null;
  windowStartMs: number | null;
  windowEndMs: number | null;
  /** The breached windows among the last n, or the n windows averaged. */
  evidence: string[];
  /** The mean of the evidence windows' values, for an `average` remedy that triggered. */
  average: number | null;
  /** The unit of the averaged values (null for a `breached` remedy). */
  unit: Unit | null;
  /** The last local date to act, from W's end plus `notice`; null when not triggered or without notice. */
  actBy: string | null;
  remedy: CompiledRemedy;
}

/** One complete window of a remedy's objectives, pooled by label. */
interface PooledWindow {
  label: string;
  startMs: number;
  endMs: number;
  /** Any of the objectives is breached in it (excused windows are not: SPEC 5 found another cause). */
  breached: boolean;
  /** The value of the one objective an `average` remedy names; null when it has none. */
  value: number | null;
  unit: Unit;
}

function pooledWindows(remedy: CompiledRemedy, evaluated: readonly Evaluated[]): PooledWindow[] {
  const keys = new Set(remedy.objectives);
  const byLabel = new Map<string, PooledWindow>();
  for (const e of evaluated) {
    // SPEC 9.3: a remedy counts windows of its objectives' first kind
    if (e.window.partial || e.windowKind !== remedy.window || !keys.has(`${e.agreement}/${e.objective}`)) continue;
    let w = byLabel.get(e.window.label);
    if (!w) byLabel.set(e.window.label, (w = { label: e.window.label, startMs: e.startMs, endMs: e.endMs, breached: false, value: e.value, unit: e.unit }));
    if (e.status === 'breached') w.breached = true;
  }
  return [...byLabel.values()].sort((x, y) => x.startMs - y.startMs);
}

/** Every window W at which the remedy holds, as entries (in window order). */
function entriesOf(remedy: CompiledRemedy, zone: string, windows: readonly PooledWindow[]): RemedyEntry[] {
  const entries: RemedyEntry[] = [];
  const { when } = remedy;
  windows.forEach((w, i) => {
    const last = windows.slice(Math.max(0, i - when.of + 1), i + 1);
    let evidence: string[];
    let average: number | null = null;
    if (when.kind === 'breached') {
      evidence = last.filter((x) => x.breached).map((x) => x.label);
      if (evidence.length < when.breached) return;
    } else {
      // an average needs all n windows, each with a value
      if (last.length < when.of || last.some((x) => x.value === null)) return;
      average = last.reduce((sum, x) => sum + x.value!, 0) / last.length;
      if (!compare(average, when.target.op, when.target.value)) return;
      evidence = last.map((x) => x.label);
    }
    entries.push({
      ...base(remedy),
      triggered: true,
      window: w.label,
      windowStartMs: w.startMs,
      windowEndMs: w.endMs,
      evidence,
      average,
      unit: average === null ? null : w.unit,
      actBy: remedy.notice ? lastDateInTime(w.endMs, remedy.notice.seconds, zone) : null,
    });
  });
  return entries;
}

function base(remedy: CompiledRemedy): Pick<RemedyEntry, 'agreement' | 'id' | 'description' | 'remedy'> {
  return { agreement: remedy.agreement, id: remedy.id, description: remedy.description, remedy };
}

export interface RemedyWindowFilter {
  /** Whether a window W (of the remedy's agreement) is selected. */
  (agreement: string, w: { label: string; startMs: number; endMs: number }): boolean;
}

/**
 * The entries of every remedy: one per window W at which it holds among the windows `selected`
 * accepts (`latest`: only the latest of those); a remedy that holds at none of them appears once,
 * not triggered, at its latest selected complete window (SPEC 9.7).
 */
export function evaluateRemedies(
  agreements: readonly CompiledAgreement[],
  evaluated: readonly Evaluated[],
  selected: RemedyWindowFilter = () => true,
  latest = false,
): RemedyEntry[] {
  const out: RemedyEntry[] = [];
  // SPEC 8 order: agreements by id, remedies in file order
  for (const a of [...agreements].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) {
    for (const remedy of a.remedies) {
      const all = pooledWindows(remedy, evaluated);
      let windows = all.filter((w) => selected(a.id, w));
      if (latest) windows = windows.slice(-1);
      const shown = new Set(windows.map((w) => w.label));
      const entries = entriesOf(remedy, a.zone, all).filter((e) => shown.has(e.window!));
      if (entries.length > 0) {
        out.push(...entries);
        continue;
      }
      const at = windows[windows.length - 1] ?? null;
      out.push({
        ...base(remedy),
        triggered: false,
        window: at?.label ?? null,
        windowStartMs: at?.startMs ?? null,
        windowEndMs: at?.endMs ?? null,
        evidence: [],
        average: null,
        unit: null,
        actBy: null,
      });
    }
  }
  return out;
}
