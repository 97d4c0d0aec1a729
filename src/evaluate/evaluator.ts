/**
 * The contract between the evaluation engine and the per-measure evaluators.
 *
 * The engine reads each data set once per phase and feeds every row to each sink that asked
 * for it. Phase 0 is for data that must be complete before the records are measured (status
 * histories for pauses); phase 1 is for everything else. At the end, `finish()` turns the
 * accumulated state into one outcome per window; the engine adds target, status and credit.
 */
import type { CompiledItem } from '../compile/model.js';
import type { DataSource, RowSink } from '../data/source.js';
import type { TimeWindow } from '../time/types.js';
import type { BudgetBasis } from './budget.js';
import type { Attribution, ComputationStep, Evidence, Example } from './explanation.js';
import type { RowPlacement } from './placement.js';
import type { UnmatchedValue } from './where.js';
import type { Charge, Counts } from './result.js';

export interface DataNeed {
  dataSet: DataSource;
  phase: 0 | 1;
  sink: RowSink;
}

/** Everything an evaluator needs to know about its objective or report in this run. */
export interface EvaluatorContext<Item extends CompiledItem = CompiledItem> {
  item: Item;
  /** The agreement's timezone (default UTC). */
  zone: string;
  /** Windows of this item's window kind, clipped to validity and as-of, in order. */
  windows: TimeWindow[];
  asOfMs: number;
  /** The agreement's validity as instants [from, to). */
  validity: { from: number; to: number };
  /** Where this item's readers mark the rows they place (SPEC 9.2 `outside-validity`). */
  placement: (dataSetKey: string) => RowPlacement;
  /** Collect every record behind a failing value (`credits --evidence`); off on ordinary runs. */
  evidence?: boolean;
}

/** What an evaluator noticed that a warning should say (SPEC 9.2). */
export interface Findings {
  /** `where` values of the item's own filter that no row had. */
  unmatched: UnmatchedValue[];
  /** A pause column larger than the duration it was subtracted from. */
  pauseExceeded: { column: string; records: number; of: number } | null;
}

/** What one window yields before targets are applied. */
export interface WindowOutcome {
  window: TimeWindow;
  /** null when the window has no data (status `no-data`). */
  value: number | null;
  /** Open records entered the value at what they are so far (SPEC 3.4 v1.1). */
  lowerBound: boolean;
  counts: Counts;
  charged: Record<string, Charge>;
  /** How the value was computed, step by step, for `explain`. */
  computation: ComputationStep[];
  attributions: Attribution[];
  /** A few concrete records or occurrences worth naming. */
  examples: Example[];
  /** With `ctx.evidence`: every record behind a failing value. */
  evidence?: Evidence[];
  /** SPEC 9.3: what an error budget is computed from (ratio, uptime, reports). */
  budget?: BudgetBasis;
}

export interface ObjectiveEvaluator {
  needs(): DataNeed[];
  finish(): WindowOutcome[];
  findings(): Findings;
}
