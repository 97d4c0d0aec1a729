/** What the evaluation formatters receive, and the small selections several of them share. */
import type { RemedyEntry } from '../attribution/remedies.js';
import type { CreditStatement } from '../attribution/statements.js';
import type { Evaluated } from '../evaluate/result.js';
import type { RunWarning } from '../evaluate/warnings.js';

export interface AgreementInfo {
  id: string;
  kind: 'SLA' | 'OLA' | 'UC';
  title: string;
  file: string;
  validity: { from: string; to: string };
  parties: { id: string; name: string; role: 'provider' | 'customer' | 'third-party' }[];
  fee: { amount: number; currency: string; per: string } | null;
}

export interface EvaluationView {
  asOf: string;
  /** In SPEC 8 order (agreement id, declaration order, window start). */
  evaluated: readonly Evaluated[];
  /** Every evaluated window, for trends across windows a selection (`--latest`) left out; default `evaluated`. */
  history?: readonly Evaluated[];
  /** SPEC 9.2 warnings of the run (JSON `warnings`). */
  warnings?: readonly RunWarning[];
  /**
   * The shown results that fail the run at its `--fail-on` levels (SPEC 9.2); JUnit marks them
   * failed and GitHub annotates them as errors. Default: the breached complete windows (SPEC 6).
   */
  failing?: ReadonlySet<Evaluated>;
  /** SPEC 9.4: credit statements per agreement and fee period (JSON `credits`). */
  credits?: readonly CreditStatement[];
  /** SPEC 9.4: remedy entries (JSON `remedies`). */
  remedies?: readonly RemedyEntry[];
  /**
   * Whether a triggered remedy fails the run at its `--fail-on` levels (`remedy`, `breached`,
   * `at-risk`); default true, as with the default `breached`.
   */
  remediesFail?: boolean;
  agreements: readonly AgreementInfo[];
}

/** Whether a remedy entry fails the run: triggered, at a level that counts remedies. */
export function remedyFailsRun(view: Pick<EvaluationView, 'remediesFail'>, r: RemedyEntry): boolean {
  return r.triggered && view.remediesFail !== false;
}

/** Whether a shown result fails the run: in `view.failing`, or by default a breached complete window. */
export function failsRun(view: Pick<EvaluationView, 'failing'>, e: Evaluated): boolean {
  return view.failing ? view.failing.has(e) : e.status === 'breached' && !e.window.partial;
}

/** `agreement/objective`, the global id of an objective or report. */
export function itemKey(r: { agreement: string; objective: string }): string {
  return `${r.agreement}/${r.objective}`;
}

/** `2026-07 (partial)` for the window containing as-of. */
export function windowLabel(r: { window: { label: string; partial: boolean } }): string {
  return r.window.partial ? `${r.window.label} (partial)` : r.window.label;
}

/** An item's series key: its id and window kind (SPEC 9.3: one series per kind of a list). */
export function seriesKey(e: { agreement: string; objective: string; windowKind: string }): string {
  return `${itemKey(e)} ${e.windowKind}`;
}

/** The agreement ids of a view in id order: those with results and those without. */
export function agreementIds(view: EvaluationView): string[] {
  const ids = new Set<string>([...view.agreements.map((a) => a.id), ...view.evaluated.map((e) => e.agreement)]);
  return [...ids].sort();
}
