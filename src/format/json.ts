/** SPEC 8: the stable JSON of `evaluate`, built field by field so key order never depends on the engine. */
import {
  summarize,
  type Charge,
  type EvaluationResult,
  type ObjectiveResult,
} from '../evaluate/result.js';
import type { RemedyEntry } from '../attribution/remedies.js';
import type { Budget } from '../evaluate/index.js';
import { formatInstant } from '../time/instant.js';
import type { CreditStatement } from '../attribution/statements.js';
import type { EvaluationView } from './view.js';
import { chargedEntries } from './values.js';
import { warningJson } from './warnings.js';

/** SPEC 9.3: a result's error budget as JSON (`exhaustsAt` an instant in UTC, or null). */
export interface BudgetJson {
  unit: 'records' | 's';
  allowed: number;
  used: number;
  remaining: number;
  burnRate: number | null;
  exhaustsAt: string | null;
}

export type ObjectiveResultJson = ObjectiveResult & { budget: BudgetJson | null };

export function budgetJson(b: Budget | null | undefined): BudgetJson | null {
  if (!b) return null;
  return { unit: b.unit, allowed: b.allowed, used: b.used, remaining: b.remaining, burnRate: b.burnRate, exhaustsAt: b.exhaustsAt === null ? null : formatInstant(b.exhaustsAt) };
}

/** One result with exactly the SPEC 8 fields in SPEC 8 order (charged parties by id), then the v1.1 `budget`. */
export function toObjectiveResult(r: ObjectiveResult & { budget?: Budget | null }): ObjectiveResultJson {
  const charged: Record<string, Charge> = Object.fromEntries(chargedEntries(r.charged).map(([party, c]) => [party, { records: c.records, seconds: c.seconds }]));
  return {
    agreement: r.agreement,
    objective: r.objective,
    owner: r.owner,
    window: { label: r.window.label, start: r.window.start, end: r.window.end, partial: r.window.partial },
    value: r.value,
    lowerBound: r.lowerBound,
    unit: r.unit,
    target: r.target,
    status: r.status,
    counts: {
      records: r.counts.records,
      counted: r.counts.counted,
      good: r.counts.good,
      open: r.counts.open,
      excluded: r.counts.excluded,
      skipped: r.counts.skipped,
      invalid: r.counts.invalid,
    },
    charged,
    rootCause: r.rootCause
      ? {
          agreement: r.rootCause.agreement,
          objective: r.rootCause.objective,
          owner: r.rootCause.owner,
          window: r.rootCause.window,
          path: [...r.rootCause.path],
        }
      : null,
    credit: r.credit ? { percent: r.credit.percent, amount: r.credit.amount, currency: r.credit.currency } : null,
    budget: budgetJson(r.budget),
  };
}

/** SPEC 9.4: a credit statement as JSON; `cut` on an item is what the cap took off it. */
export interface CreditJson {
  agreement: string;
  period: string;
  items: { objective: string; window: string; percent: number; amount: number; cut: number }[];
  total: number;
  capped: number;
  issued: number;
  currency: string;
  claimBy: string | null;
}

/** SPEC 9.4: a remedy entry as JSON. */
export interface RemedyJson {
  agreement: string;
  id: string;
  triggered: boolean;
  window: string | null;
  evidence: string[];
  actBy: string | null;
}

export interface EvaluationJson extends EvaluationResult {
  results: ObjectiveResultJson[];
  credits: CreditJson[];
  remedies: RemedyJson[];
}

export function creditJson(s: CreditStatement): CreditJson {
  return {
    agreement: s.agreement,
    period: s.period,
    items: s.items.map((i) => ({ objective: i.objective, window: i.window, percent: i.percent, amount: i.amount, cut: i.cut })),
    total: s.total,
    capped: s.capped,
    issued: s.issued,
    currency: s.currency,
    claimBy: s.claimBy,
  };
}

export function remedyJson(r: RemedyEntry): RemedyJson {
  return { agreement: r.agreement, id: r.id, triggered: r.triggered, window: r.window, evidence: [...r.evidence], actBy: r.actBy };
}

export function toEvaluationResult(view: EvaluationView): EvaluationJson {
  const results = view.evaluated.map(toObjectiveResult);
  return {
    asOf: view.asOf,
    results,
    summary: summarize(results),
    warnings: (view.warnings ?? []).map(warningJson),
    credits: (view.credits ?? []).map(creditJson),
    remedies: (view.remedies ?? []).map(remedyJson),
  };
}

/** SPEC 8 JSON: 2-space indent, trailing newline, byte-identical for the same input. */
export function formatJson(view: EvaluationView): string {
  return JSON.stringify(toEvaluationResult(view), null, 2) + '\n';
}
