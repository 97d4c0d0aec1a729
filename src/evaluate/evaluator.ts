/**
 * The contract between the evaluation engine and the per-measure evaluators.
 *
 * The engine reads each data set once per phase and feeds every row to each sink that asked
 * for it. Phase 0 is for data that must be complete before the records are measured (status
 * histories for pauses); phase 1 is for everything else. At the end, `finish()` turns the
 * accumulated state into one outcome per window; the engine adds target, status and credit.
 */
import type { LoadedAgreement, Objective, Report } from '../agreement/model.js';
import type { Attribution, Charge, Counts } from './result.js';
import type { TimeWindow, WorkingCalendar } from '../time/types.js';

/** A data set as the engine reads it (SPEC 2: a shared data set keeps its declaring agreement's settings). */
export interface ResolvedDataSet {
  /** `agreement-id/data-id`, unique across the run. */
  key: string;
  /** Display path (relative to cwd) used in problems. */
  file: string;
  /** Absolute path to read. */
  absPath: string;
  /** Timezone for timestamps without an offset. */
  timezone: string;
  /** `,`, `;` or tab; undefined: detect from the header line. */
  delimiter?: string;
  /** The path came from `--data` (relative to cwd) rather than the agreement (relative to the YAML). */
  overridden?: boolean;
}

export interface RowSink {
  /**
   * Called once with the data set's header. Look up column positions here (never per row) and
   * return the names of columns this sink needs that the header lacks (the engine reports them).
   */
  bind(header: readonly string[]): string[];
  /**
   * Called per record. `line` is the 1-based line number in the file. Throw `CellError` for a
   * cell that cannot be read (non-numeric value, bad timestamp); the reader adds file and line.
   */
  add(row: readonly string[], line: number): void;
}

export interface DataNeed {
  dataSet: ResolvedDataSet;
  phase: 0 | 1;
  sink: RowSink;
}

/** Everything an evaluator needs to know about its objective or report. */
export interface EvaluatorContext {
  agreement: LoadedAgreement;
  item: Objective | Report;
  itemKind: 'objective' | 'report';
  /** The agreement's timezone (default UTC). */
  zone: string;
  /** Windows of this item's window kind, clipped to validity and as-of, in order. */
  windows: TimeWindow[];
  asOfMs: number;
  /** Calendar by id as seen from this agreement (`24x7` always resolves). */
  calendar(id: string): WorkingCalendar;
  /** Data set by reference as written (`tickets` or `other-agreement/tickets`). */
  dataSet(ref: string): ResolvedDataSet;
}

/** What one window yields before targets are applied. */
export interface WindowOutcome {
  window: TimeWindow;
  /** null when the window has no data (status `no-data`). */
  value: number | null;
  counts: Counts;
  charged: Record<string, Charge>;
  /** How the value was computed, one line each, for `explain`. */
  computation: string[];
  attributions: Attribution[];
  /** A few concrete records or occurrences worth naming. */
  examples: string[];
}

export interface ObjectiveEvaluator {
  needs(): DataNeed[];
  finish(): WindowOutcome[];
}
