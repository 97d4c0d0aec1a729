/**
 * The evaluation engine: builds one evaluator per objective and report, reads each data set once
 * per phase with every sink that needs it (phase 0, status histories, before phase 1), applies
 * targets and warnings, and returns the results in SPEC 8 order.
 */
import type { WindowKind } from '../agreement/model.js';
import type { CompiledAgreement, CompiledItem } from '../compile/model.js';
import type { DataSource, ReadRows, RowSink } from '../data/source.js';
import { InputError, problem, type Problem } from '../problem.js';
import { formatInstant, makeTimestampParser } from '../time/instant.js';
import type { TimeWindow } from '../time/types.js';
import { buildWindows } from '../time/windows.js';
import type { DataNeed, EvaluatorContext, ObjectiveEvaluator } from './evaluator.js';
import { createRecordEvaluator } from './records.js';
import { RecordSharing } from './row-instants.js';
import { createReportEvaluator } from './reports.js';
import type { Evaluated } from './result.js';
import { statusOf } from './status.js';
import { createUptimeEvaluator } from './uptime.js';

export interface MeasureOptions {
  /** An ISO instant with offset/Z, or a bare date / local time read in each agreement's own timezone (SPEC 7). */
  asOf: string;
  /** Reads a data source into its sinks (the CLI passes the CSV reader). */
  readRows: ReadRows;
}

/** One objective or report of one agreement, with its evaluator. */
interface Job {
  agreement: CompiledAgreement;
  item: CompiledItem;
  evaluator: ObjectiveEvaluator;
}

/** Builds the evaluators of one agreement (windows built once per kind). */
function agreementJobs(a: CompiledAgreement, asOf: string, sharing: RecordSharing): Job[] {
  const zone = a.zone;
  // SPEC 7: a bare date or local time is read in each agreement's own timezone.
  const asOfMs = makeTimestampParser(zone)(asOf);
  if (Number.isNaN(asOfMs)) {
    throw new InputError([problem('', 0, 0, 'invalid-as-of', `as-of "${asOf}" is not an ISO 8601 instant or date; write e.g. 2026-07-01 or 2026-07-01T00:00:00Z`)]);
  }
  const windowsByKind = new Map<WindowKind, TimeWindow[]>();
  const windows = (kind: WindowKind): TimeWindow[] => {
    let w = windowsByKind.get(kind);
    if (!w) {
      w = buildWindows(kind, zone, a.validity, asOfMs);
      windowsByKind.set(kind, w);
    }
    return w;
  };
  return a.items.map((item): Job => {
    const ctx = { zone, windows: windows(item.window), asOfMs };
    if (item.itemKind === 'report') return { agreement: a, item, evaluator: createReportEvaluator({ ...ctx, item }) };
    const objective: EvaluatorContext<typeof item> = { ...ctx, item };
    const evaluator = item.measure.kind === 'uptime' ? createUptimeEvaluator(objective) : createRecordEvaluator(objective, sharing);
    return { agreement: a, item, evaluator };
  });
}

/** Reads each data set once for this phase, feeding all its sinks; gathers every file's problems. */
async function readPhase(needs: readonly DataNeed[], readRows: ReadRows): Promise<void> {
  const groups = new Map<string, { dataSet: DataSource; sinks: RowSink[] }>();
  for (const need of needs) {
    const g = groups.get(need.dataSet.key);
    if (g) g.sinks.push(need.sink);
    else groups.set(need.dataSet.key, { dataSet: need.dataSet, sinks: [need.sink] });
  }
  const problems: Problem[] = [];
  for (const { dataSet, sinks } of groups.values()) {
    try {
      await readRows(dataSet, sinks);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problems.push(...err.problems);
    }
  }
  if (problems.length > 0) throw new InputError(problems);
}

function resultsOf(job: Job): Evaluated[] {
  const { agreement: a, item } = job;
  return job.evaluator.finish().map((o) => {
    const verdict = statusOf(o.value, item.target, item.warning, item.unit, item.credits);
    const charged: Evaluated['charged'] = {};
    for (const party of Object.keys(o.charged).sort()) {
      const c = o.charged[party]!;
      if (c.records > 0 || c.seconds > 0) charged[party] = c;
    }
    return {
      agreement: a.id,
      objective: item.id,
      owner: item.owner,
      window: { label: o.window.label, start: formatInstant(o.window.start), end: formatInstant(o.window.end), partial: o.window.partial },
      value: o.value,
      unit: item.unit,
      target: item.target.text,
      status: verdict.status,
      counts: o.counts,
      charged,
      rootCause: null,
      credit: null,
      agreementKind: a.kind,
      agreementTitle: a.title,
      zone: a.zone,
      source: item.position,
      windowKind: o.window.kind,
      startMs: o.window.start,
      endMs: o.window.end,
      itemKind: item.itemKind,
      ...(item.itemKind === 'objective' && item.aggregate !== null ? { aggregate: item.aggregate.text } : {}),
      explanation: { computation: o.computation, attributions: o.attributions, examples: o.examples, verdict, excuse: null, chain: [] },
    };
  });
}

/** Measures every objective and report per window and applies its target (no window-level attribution yet). */
export async function measureAgreements(agreements: readonly CompiledAgreement[], opts: MeasureOptions): Promise<Evaluated[]> {
  const sharing = new RecordSharing();
  // SPEC 8: agreements by id, then objectives, then reports in file order, then window start.
  const sorted = [...agreements].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const jobs = sorted.flatMap((a) => agreementJobs(a, opts.asOf, sharing));
  const needs = jobs.flatMap((j) => j.evaluator.needs());
  await readPhase(
    needs.filter((n) => n.phase === 0),
    opts.readRows,
  );
  await readPhase(
    needs.filter((n) => n.phase === 1),
    opts.readRows,
  );
  return jobs.flatMap((job) => resultsOf(job).sort((x, y) => x.startMs - y.startMs));
}
