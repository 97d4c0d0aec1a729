/**
 * The one call of the core: compiled agreements in, finished results out — measured per window
 * (with record-level attribution), then attributed along dependency chains, then credited.
 */
import { applyCredits } from '../attribution/credits.js';
import { attributeDependencies } from '../attribution/chain.js';
import { evaluateRemedies, type RemedyEntry } from '../attribution/remedies.js';
import { creditStatements, type CreditStatement } from '../attribution/statements.js';
import type { CompiledAgreement } from '../compile/model.js';
import type { ReadRows } from '../data/source.js';
import { measureAgreements } from '../evaluate/engine.js';
import type { Evaluated } from '../evaluate/result.js';
import type { RunWarning } from '../evaluate/warnings.js';
import { selectResults, unmatchedFilter, windowFilter, type Selection, type SelectionMiss } from '../evaluate/select.js';

export interface EvaluateOptions {
  /** An ISO 8601 instant with offset or `Z`; a bare date or local time is read in each agreement's own timezone (SPEC 7). */
  asOf: string;
  /** Reads one data source into its row sinks (the CSV reader, or rows from memory in tests). */
  readRows: ReadRows;
  /** Which results to return; dependencies are attributed over all of them first. */
  selection?: Selection;
  /** SPEC 9.4: keep every record behind a failing value (`explanation.evidence`), for `credits --evidence`. */
  evidence?: boolean;
}

export interface Evaluation {
  /** Every result, in SPEC 8 order, attributed and credited. */
  all: Evaluated[];
  /** The selected results (all of them without a selection). */
  results: Evaluated[];
  /** A selection filter that names nothing (never an empty green run), or null. */
  miss: SelectionMiss | null;
  /**
   * SPEC 9.2: what looks wrong about the run's inputs, one per cause; with a selection, only those
   * about what it shows (its items, and the data sets they read).
   */
  warnings: RunWarning[];
  /**
   * SPEC 9.4: credit statements per agreement and fee period; with a selection, those of the
   * periods a selected result lies in (a statement is always whole: every item, the whole cap).
   */
  credits: CreditStatement[];
  /** SPEC 9.4, 9.7: remedy entries; with a selection, of the remedies naming a selected item, at the selected windows. */
  remedies: RemedyEntry[];
}

export async function evaluate(agreements: readonly CompiledAgreement[], opts: EvaluateOptions): Promise<Evaluation> {
  const measured = await measureAgreements(agreements, { asOf: opts.asOf, readRows: opts.readRows, evidence: opts.evidence === true });
  const all = applyCredits(agreements, attributeDependencies(agreements, measured.results));
  const selection = opts.selection ?? {};
  const miss = unmatchedFilter(all, agreements, selection);
  const results = selectResults(all, agreements, selection);
  const filtered =
    (selection.objectives?.length ?? 0) > 0 ||
    selection.owner !== undefined ||
    selection.window !== undefined ||
    selection.from !== undefined ||
    selection.to !== undefined ||
    selection.latest === true;
  const none = filtered && results.length === 0 && all.length > 0;
  const warnings = filtered ? warningsAbout(results, agreements, measured.warnings) : measured.warnings;
  const shownWindows = new Set(results.map((r) => `${r.agreement} ${r.window.label}`));
  const credits = creditStatements(agreements, all).filter((s) => !filtered || shownWindows.has(`${s.agreement} ${s.period}`));
  const items = new Set(results.map((r) => `${r.agreement}/${r.objective}`));
  const itemFilter = (selection.objectives?.length ?? 0) > 0 || selection.owner !== undefined;
  const remedies = evaluateRemedies(agreements, all, windowFilter(agreements, selection), selection.latest === true).filter(
    (r) => !itemFilter || r.remedy.objectives.some((key) => items.has(key)),
  );
  return { all, results, miss: miss ?? (none ? { filter: 'combination' } : null), warnings, credits, remedies };
}

/**
 * The warnings about the selected results: an item's own when it is selected, a data set's when a
 * selected item reads it (measured data set, status-history pauses, report log). A selection
 * narrows what can fail the run (`--fail-on warning`) as `--owner` does, and a data set nothing
 * selected reads says nothing about what is shown.
 */
function warningsAbout(results: readonly Evaluated[], agreements: readonly CompiledAgreement[], warnings: readonly RunWarning[]): RunWarning[] {
  const items = new Set(results.map((r) => `${r.agreement}/${r.objective}`));
  const files = new Set<string>();
  for (const a of agreements) {
    for (const item of a.items) {
      if (!items.has(`${a.id}/${item.id}`)) continue;
      if (item.itemKind === 'report') {
        files.add(item.log.dataSet.file);
        continue;
      }
      files.add(item.dataSet.file);
      for (const p of item.pauses) if (p.kind === 'status') files.add(p.source.file);
    }
  }
  return warnings.filter((w) => (w.objective !== null ? items.has(`${w.agreement}/${w.objective}`) : files.has(w.file)));
}
