/**
 * Runs one objective through the record evaluator with inline CSV text (comma-separated, no
 * quoting), without files: phase-0 sinks first, then phase 1, as the engine does.
 */
import { expect } from 'vitest';
import type { AgreementDoc, CalendarSpec, Objective } from '../../../src/agreement/model.js';
import type { CompiledObjective } from '../../../src/compile/index.js';
import type { DataNeed, EvaluatorContext, ObjectiveEvaluator, WindowOutcome } from '../../../src/evaluate/evaluator.js';
import { createRecordEvaluator } from '../../../src/evaluate/records.js';
import { RecordSharing } from '../../../src/evaluate/row-instants.js';
import { makeTimestampParser } from '../../../src/time/instant.js';
import { buildItemWindows } from '../../../src/time/windows.js';
import { objectiveUnit } from '../../../src/compile/measure.js';
import { compileDocs, runContext } from '../compiled.js';

export const OFFICE: CalendarSpec = { hours: { 'mon-fri': '08:00-18:00' } };

export interface RecordCase {
  objective: Partial<Objective> & Pick<Objective, 'measure'>;
  /** Data set id -> CSV text (first line is the header). */
  data: Record<string, string>;
  asOf: string;
  zone?: string;
  calendars?: Record<string, CalendarSpec>;
  services?: AgreementDoc['services'];
  /** SPEC 9.4: collect the records behind failing values. */
  evidence?: boolean;
}

export function agreementOf(c: RecordCase, objective: Objective): AgreementDoc {
  return {
    apiVersion: 'slacheck/v1',
    kind: 'SLA',
    id: 'desk',
    title: 'Desk',
    parties: { ops: { name: 'Ops', role: 'provider' }, 'company-x': { name: 'X', role: 'customer' }, 'vendor-y': { name: 'Y', role: 'third-party' } },
    validity: { from: '2026-01-01', to: '2026-12-31' },
    timezone: c.zone ?? 'UTC',
    calendars: c.calendars ?? { office: OFFICE },
    ...(c.services ? { services: c.services } : {}),
    data: Object.fromEntries(Object.keys(c.data).map((id) => [id, { file: `${id}.csv` }])),
    objectives: [objective],
  };
}

function feed(need: DataNeed, text: string): void {
  const lines = text.trim().split('\n');
  const missing = need.sink.bind(lines[0]!.split(',').map((h) => h.trim()));
  expect(missing, `missing columns in ${need.dataSet.key}`).toEqual([]);
  lines.slice(1).forEach((l, i) => need.sink.add(l.split(','), i + 2));
}

/** The compiled objective of a case (it must validate). */
export function compiledObjective(c: RecordCase): CompiledObjective {
  const draft: Objective = { id: 'obj', source: 'tickets', target: '>= 0', window: 'month', aggregate: 'count', ...c.objective };
  // the evaluator's outcomes do not depend on the target: any target of the right unit validates
  const unit = objectiveUnit(draft);
  const objective: Objective = c.objective.target ? draft : { ...draft, target: unit === '%' ? '>= 0%' : unit === 's' ? '>= 0s' : '>= 0' };
  const [agreement] = compileDocs([agreementOf(c, objective)]);
  return agreement!.items[0] as CompiledObjective;
}

/** The evaluator for a case, with its context (nothing read yet). */
export function recordEvaluator(c: RecordCase): ObjectiveEvaluator {
  const zone = c.zone ?? 'UTC';
  const item = compiledObjective(c);
  const asOfMs = makeTimestampParser(zone)(c.asOf);
  const ctx: EvaluatorContext<CompiledObjective> = {
    item,
    zone,
    windows: buildItemWindows(item.windows, zone, { from: '2026-01-01', to: '2026-12-31' }, asOfMs),
    asOfMs,
    ...runContext({ from: '2026-01-01', to: '2026-12-31' }, zone),
    evidence: c.evidence === true,
  };
  return createRecordEvaluator(ctx, new RecordSharing());
}

/** Evaluates and checks SPEC 3.2's identity records = counted + open + excluded + skipped. */
export function evaluateRecords(c: RecordCase): WindowOutcome[] {
  const evaluator = recordEvaluator(c);
  const needs = evaluator.needs();
  for (const phase of [0, 1]) {
    for (const need of needs.filter((n) => n.phase === phase)) feed(need, c.data[need.dataSet.key.slice('desk/'.length)]!);
  }
  const outcomes = evaluator.finish();
  for (const o of outcomes) {
    const k = o.counts;
    expect(k.records, `identity in ${o.window.label}`).toBe(k.counted + k.open + k.excluded + k.skipped);
  }
  return outcomes;
}

/** The outcome of the window labelled `label`. */
export function windowOf(outcomes: readonly WindowOutcome[], label: string): WindowOutcome {
  const o = outcomes.find((x) => x.window.label === label);
  if (!o) throw new Error(`no window ${label} in ${outcomes.map((x) => x.window.label).join(', ')}`);
  return o;
}
