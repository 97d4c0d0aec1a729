/**
 * The result of `slacheck evaluate` (SPEC 8). `EvaluationResult` serialized by the JSON formatter
 * is exactly the stable JSON contract; `Evaluated` adds what people-facing formatters and
 * `explain` need (source positions, window kinds, explanations), never printed as JSON by itself.
 */
import type { Budget } from './budget.js';
import type { AgreementKind } from '../agreement/model.js';
import type { Unit } from '../compile/model.js';
import type { Explanation } from './explanation.js';

export type { Unit } from '../compile/model.js';

export type Status = 'met' | 'at-risk' | 'breached' | 'excused' | 'no-data';
export const STATUSES: readonly Status[] = ['met', 'at-risk', 'breached', 'excused', 'no-data'];

export interface WindowRef {
  label: string;
  /** UTC ISO 8601 with milliseconds; the clipped bounds. */
  start: string;
  end: string;
  partial: boolean;
}

export interface Counts {
  records: number;
  counted: number;
  good: number;
  open: number;
  excluded: number;
  skipped: number;
  /** SPEC 9.1: rows left out for a bad cell (`invalid: skip`). */
  invalid: number;
}

export interface Charge {
  records: number;
  seconds: number;
}

export interface RootCause {
  agreement: string;
  objective: string;
  owner: string;
  window: string;
  path: string[];
}

export interface Credit {
  percent: number;
  amount: number | null;
  currency: string | null;
}

/** One objective (or report) in one window: the SPEC 8 result object, field order as printed. */
export interface ObjectiveResult {
  agreement: string;
  objective: string;
  owner: string;
  window: WindowRef;
  value: number | null;
  /** SPEC 3.4 (v1.1): open records entered the value as what they are at least, so the final value is at least this. */
  lowerBound: boolean;
  unit: Unit;
  target: string;
  status: Status;
  counts: Counts;
  charged: Record<string, Charge>;
  rootCause: RootCause | null;
  credit: Credit | null;
}

export interface EvaluationResult {
  asOf: string;
  results: ObjectiveResult[];
  summary: Record<Status, number>;
  /** SPEC 9.2: `{ code, message, agreement, objective, file, line }`, one per cause. */
  warnings: { code: string; message: string; agreement: string; objective: string | null; file: string; line: number | null }[];
}

/** An `ObjectiveResult` plus what people-facing output needs. */
export interface Evaluated extends ObjectiveResult {
  agreementKind: AgreementKind;
  agreementTitle: string;
  /** The agreement's IANA timezone: human formats show instants in it, with the offset (SPEC 9.2). */
  zone: string;
  /** File and position of the objective's (or report's) YAML node. */
  source: { file: string; line: number; column: number };
  /** The window kind's key: `month`, or `rolling 28d every day` (SPEC 9.3). */
  windowKind: string;
  /** Window bounds in epoch milliseconds (clipped), for overlap tests. */
  startMs: number;
  endMs: number;
  /** `objective` or `report`. */
  itemKind: 'objective' | 'report';
  /** The objective's aggregate as written (`ratio`, `p95`, ...); absent for uptime and reports. */
  aggregate?: string;
  /** SPEC 9.3: the error budget of a `>=`/`>` percentage objective; null (or absent) otherwise. */
  budget?: Budget | null;
  explanation: Explanation;
}

export function emptyCounts(): Counts {
  return { records: 0, counted: 0, good: 0, open: 0, excluded: 0, skipped: 0, invalid: 0 };
}

export function summarize(results: readonly { status: Status }[]): Record<Status, number> {
  const summary: Record<Status, number> = { met: 0, 'at-risk': 0, breached: 0, excused: 0, 'no-data': 0 };
  for (const r of results) summary[r.status]++;
  return summary;
}
