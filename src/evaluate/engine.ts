/**
 * The evaluation engine: builds one evaluator per objective and report, reads each data set once
 * per phase with every sink that needs it (phase 0, status histories, before phase 1), applies
 * targets and warnings, and returns the results in SPEC 8 order.
 */
import type { CompiledAgreement, CompiledItem } from '../compile/model.js';
import type { DataSource, ReadRows, ReadSummary, RowSink } from '../data/source.js';
import { InputError, problem, type Problem } from '../problem.js';
import { formatInstant, localDayStart, makeTimestampParser } from '../time/instant.js';
import type { TimeWindow } from '../time/types.js';
import { buildItemWindows, windowKey } from '../time/index.js';
import type { DataNeed, EvaluatorContext, ObjectiveEvaluator } from './evaluator.js';
import { RowPlacement } from './placement.js';
import type { RunWarning } from './warnings.js';
import { createRecordEvaluator } from './records.js';
import { RecordSharing } from './row-instants.js';
import { createReportEvaluator, type ReportEvaluator } from './reports.js';
import type { Evaluated } from './result.js';
import { budgetOf } from './budget.js';
import { statusOf } from './status.js';
import { createUptimeEvaluator } from './uptime.js';

export interface MeasureOptions {
  /** An ISO instant with offset/Z, or a bare date / local time read in each agreement's own timezone (SPEC 7). */
  asOf: string;
  /** Reads a data source into its sinks (the CLI passes the CSV reader). */
  readRows: ReadRows;
  /** SPEC 9.4 `credits --evidence`: keep every record behind a failing value in its explanation. */
  evidence?: boolean;
}

/** One objective or report of one agreement, with its evaluator. */
interface Job {
  agreement: CompiledAgreement;
  item: CompiledItem;
  evaluator: ObjectiveEvaluator;
}

/** Builds the evaluators of one agreement (windows built once per kind). */
function agreementJobs(a: CompiledAgreement, asOf: string, sharing: RecordSharing, placement: (key: string) => RowPlacement, evidence: boolean): Job[] {
  const zone = a.zone;
  // SPEC 7: a bare date or local time is read in each agreement's own timezone.
  const asOfMs = makeTimestampParser(zone)(asOf);
  if (Number.isNaN(asOfMs)) {
    throw new InputError([problem('', 0, 0, 'invalid-as-of', `as-of "${asOf}" is not an ISO 8601 instant or date; write e.g. 2026-07-01 or 2026-07-01T00:00:00Z`)]);
  }
  // items with the same window kinds share their windows (SPEC 9.3: a kind, a rolling window, or a list)
  const windowsByKinds = new Map<string, TimeWindow[]>();
  const windows = (item: CompiledItem): TimeWindow[] => {
    const key = item.windows.map(windowKey).join(' + ');
    let w = windowsByKinds.get(key);
    if (!w) {
      w = buildItemWindows(item.windows, zone, a.validity, asOfMs);
      windowsByKinds.set(key, w);
    }
    return w;
  };
  // the validity as instants: validity.to is an inclusive local date
  const next = new Date(Date.parse(`${a.validity.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const validity = { from: localDayStart(a.validity.from, zone), to: localDayStart(next, zone) };
  return a.items.map((item): Job => {
    const ctx = { zone, windows: windows(item), asOfMs, validity, placement, evidence };
    if (item.itemKind === 'report') return { agreement: a, item, evaluator: createReportEvaluator({ ...ctx, item }) };
    const objective: EvaluatorContext<typeof item> = { ...ctx, item };
    const evaluator = item.measure.kind === 'uptime' ? createUptimeEvaluator(objective) : createRecordEvaluator(objective, sharing);
    return { agreement: a, item, evaluator };
  });
}

/**
 * Reads each data set once for this phase, feeding all its sinks (the data set's row placement
 * last, when given); gathers every file's problems; returns what each read found.
 */
async function readPhase(
  needs: readonly DataNeed[],
  readRows: ReadRows,
  placements: ReadonlyMap<string, RowPlacement>,
): Promise<Map<string, { dataSet: DataSource; summary: ReadSummary }>> {
  const groups = new Map<string, { dataSet: DataSource; sinks: RowSink[] }>();
  for (const need of needs) {
    const g = groups.get(need.dataSet.key);
    if (g) g.sinks.push(need.sink);
    else groups.set(need.dataSet.key, { dataSet: need.dataSet, sinks: [need.sink] });
  }
  const problems: Problem[] = [];
  const read = new Map<string, { dataSet: DataSource; summary: ReadSummary }>();
  for (const [key, { dataSet, sinks }] of groups) {
    const placement = placements.get(key);
    try {
      read.set(key, { dataSet, summary: await readRows(dataSet, placement ? [...sinks, placement] : sinks) });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problems.push(...err.problems);
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return read;
}

function resultsOf(job: Job): Evaluated[] {
  const { agreement: a, item } = job;
  return job.evaluator.finish().map((o) => {
    const verdict = statusOf(o.value, item.target, item.warning, item.unit, item.credits);
    // built from entries, never `charged[party] = …`: a party id is the user's (issue 14)
    const charged: Evaluated['charged'] = Object.fromEntries(
      Object.entries(o.charged)
        .filter(([, c]) => c.records > 0 || c.seconds > 0)
        .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
    );
    return {
      agreement: a.id,
      objective: item.id,
      owner: item.owner,
      window: { label: o.window.label, start: formatInstant(o.window.start), end: formatInstant(o.window.end), partial: o.window.partial },
      value: o.value,
      lowerBound: o.lowerBound,
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
      budget: budgetOf(o.budget, item.target, item.unit, o.window.partial),
      explanation: { computation: o.computation, attributions: o.attributions, examples: o.examples, ...(o.evidence ? { evidence: o.evidence } : {}), verdict, excuse: null, chain: [] },
    };
  });
}

export interface Measured {
  /** In SPEC 8 order. */
  results: Evaluated[];
  /** SPEC 9.2: one per cause, data sets first, then objectives in result order. */
  warnings: RunWarning[];
}

/** Measures every objective and report per window and applies its target (no window-level attribution yet). */
export async function measureAgreements(agreements: readonly CompiledAgreement[], opts: MeasureOptions): Promise<Measured> {
  const sharing = new RecordSharing();
  const placements = new Map<string, RowPlacement>();
  const placement = (key: string): RowPlacement => {
    let p = placements.get(key);
    if (!p) placements.set(key, (p = new RowPlacement()));
    return p;
  };
  // SPEC 8: agreements by id, then objectives, then reports in file order, then window start.
  const sorted = [...agreements].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const jobs = sorted.flatMap((a) => agreementJobs(a, opts.asOf, sharing, placement, opts.evidence === true));
  const needs = jobs.flatMap((j) => j.evaluator.needs());
  const first = await readPhase(
    needs.filter((n) => n.phase === 0),
    opts.readRows,
    new Map(),
  );
  const second = await readPhase(
    needs.filter((n) => n.phase === 1),
    opts.readRows,
    placements,
  );
  // SPEC 9.7: equal starts by end, shorter first
  const perJob = jobs.map((job) => resultsOf(job).sort((x, y) => x.startMs - y.startMs || x.endMs - y.endMs));
  // issue 14: a value past the range of numbers (two cells of 1e308 summed) is an error, never a
  // silent null beside a status
  const overflows = perJob.flat().filter((r) => r.value !== null && !Number.isFinite(r.value));
  if (overflows.length > 0) {
    throw new InputError(
      overflows.slice(0, 20).map((r) =>
        problem(r.source.file, r.source.line, r.source.column, 'value-overflow', `${r.agreement}/${r.objective} ${r.window.label}: the ${r.aggregate ?? 'value'} of its records is beyond the range of numbers (${r.value}); check the data for huge values such as 1e308`),
      ),
    );
  }
  const warnings = [...dataSetWarnings([...first.values(), ...second.values()], placements), ...jobs.flatMap((job, i) => itemWarnings(job, perJob[i]!, second))];
  return { results: perJob.flat(), warnings };
}

/** SPEC 9.2 warnings about data sets: empty, rows outside every reader's validity, rows left out. */
function dataSetWarnings(read: readonly { dataSet: DataSource; summary: ReadSummary }[], placements: ReadonlyMap<string, RowPlacement>): RunWarning[] {
  const warnings: RunWarning[] = [];
  const seen = new Set<string>();
  for (const { dataSet, summary } of read) {
    if (seen.has(dataSet.key)) continue;
    seen.add(dataSet.key);
    const base = { agreement: dataSet.key.slice(0, dataSet.key.indexOf('/')), objective: null, file: dataSet.file };
    if (summary.rows === 0) warnings.push({ ...base, line: null, code: 'data-empty' });
    const outside = placements.get(dataSet.key);
    if (outside && outside.outside > 0) warnings.push({ ...base, line: outside.firstLine, code: 'outside-validity', rows: outside.outside });
    if (summary.invalidRows > 0) {
      warnings.push({ ...base, line: summary.invalidLines[0] ?? null, code: 'invalid-rows', rows: summary.invalidRows, lines: summary.invalidLines });
    }
  }
  return warnings;
}

/** SPEC 9.2 warnings about one objective or report: a `where` value no row has, no data at all, oversized pause columns. */
function itemWarnings(job: Job, results: readonly Evaluated[], read: ReadonlyMap<string, { summary: ReadSummary }>): RunWarning[] {
  const item = job.item;
  const base = { agreement: item.agreement, objective: item.id, file: item.position.file, line: item.position.line };
  const dataSet = item.itemKind === 'report' ? item.log.dataSet : item.dataSet;
  const warnings: RunWarning[] = [];
  const findings = job.evaluator.findings();
  // an empty data set is warned about once, as such
  if ((read.get(dataSet.key)?.summary.rows ?? 0) > 0) {
    for (const u of findings.unmatched) warnings.push({ ...base, code: 'where-matched-nothing', column: u.column, value: u.value, seen: u.seen, dataFile: dataSet.file });
  }
  if (results.length > 0 && results.every((r) => r.status === 'no-data')) warnings.push({ ...base, code: 'all-no-data', windows: results.length });
  if (findings.pauseExceeded) warnings.push({ ...base, code: 'pause-exceeds-duration', ...findings.pauseExceeded });
  if (item.itemKind === 'report' && item.log.for !== null && 'unmatched' in job.evaluator) {
    const unmatched = (job.evaluator as ReportEvaluator).unmatched();
    if (unmatched.rows > 0) {
      warnings.push({ ...base, file: dataSet.file, line: unmatched.firstLine, code: 'delivery-unmatched', column: item.log.for, rows: unmatched.rows, values: unmatched.values.slice(0, 5) });
    }
  }
  return warnings;
}
