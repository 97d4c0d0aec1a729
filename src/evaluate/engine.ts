/**
 * The evaluation engine: builds one evaluator per objective and report, reads each data set once
 * per phase with every sink that needs it (phase 0, status histories, before phase 1), applies
 * targets and warnings, and returns the results in SPEC 8 order.
 */
import type { LoadedAgreement, Objective, Report, WindowKind } from '../agreement/model.js';
import { ownerOf, RESERVED_CALENDAR } from '../agreement/model.js';
import { parseTarget, type Target } from '../agreement/quantity.js';
import { readCsv } from '../data/csv.js';
import { InputError, problem, type Problem } from '../problem.js';
import { compileCalendar } from '../time/calendar.js';
import { formatInstant, makeTimestampParser } from '../time/instant.js';
import type { TimeWindow, WorkingCalendar } from '../time/types.js';
import { buildWindows } from '../time/windows.js';
import { checkOverrides, createDataSetResolver } from './datasets.js';
import type { DataNeed, EvaluatorContext, ObjectiveEvaluator, ResolvedDataSet, RowSink } from './evaluator.js';
import { createRecordEvaluator } from './records.js';
import { RecordSharing } from './row-instants.js';
import { createReportEvaluator } from './reports.js';
import type { Evaluated } from './result.js';
import { statusOf, unitOf } from './status.js';
import { createUptimeEvaluator } from './uptime.js';

export interface EvaluateOptions {
  /** As given on the command line: ISO instant with offset/Z, or a bare date / local time read in
   *  each agreement's own timezone (SPEC 7). */
  asOf: string;
  /** `--data ID=FILE`: `agreement-id/data-id` matches exactly; a bare `data-id` overrides that data
   *  set id in every agreement that declares it. Paths relative to cwd. */
  dataOverrides?: Readonly<Record<string, string>>;
  /** Where `--data` paths start and what display paths are relative to. */
  cwd: string;
  onProgress?: (file: string, bytesRead: number, totalBytes: number, rows: number) => void;
}

/** One objective or report of one agreement, with its evaluator. */
interface Job {
  agreement: LoadedAgreement;
  item: Objective | Report;
  itemKind: 'objective' | 'report';
  index: number;
  evaluator: ObjectiveEvaluator;
  target: Target;
  warning: Target | null;
}

function itemProblem(a: LoadedAgreement, path: (string | number)[], code: string, message: string): Problem {
  const pos = a.locate(path);
  return problem(a.file, pos.line, pos.column, code, message);
}

function targetsOf(a: LoadedAgreement, item: Objective | Report, path: (string | number)[]): { target: Target; warning: Target | null } {
  const target = parseTarget(item.target);
  if (!target) throw new InputError([itemProblem(a, [...path, 'target'], 'invalid-target', `target "${item.target}" is not an operator and a number, e.g. ">= 95%"`)]);
  const warning = item.warning === undefined ? null : parseTarget(item.warning);
  if (warning === null && item.warning !== undefined) {
    throw new InputError([itemProblem(a, [...path, 'warning'], 'invalid-target', `warning "${item.warning}" is not an operator and a number, e.g. ">= 97%"`)]);
  }
  return { target, warning };
}

/** Builds the evaluators of one agreement (calendars and windows compiled once per id and kind). */
function agreementJobs(
  a: LoadedAgreement,
  asOf: string,
  resolve: (from: LoadedAgreement, ref: string) => ResolvedDataSet,
  sharing: RecordSharing,
): Job[] {
  const zone = a.doc.timezone ?? 'UTC';
  // SPEC 7: a bare date or local time is read in each agreement's own timezone.
  const asOfMs = makeTimestampParser(zone)(asOf);
  if (Number.isNaN(asOfMs)) {
    throw new InputError([
      problem('', 0, 0, 'invalid-as-of', `--as-of "${asOf}" is not an ISO 8601 instant or date; write e.g. 2026-07-01 or 2026-07-01T00:00:00Z`),
    ]);
  }
  const calendars = new Map<string, WorkingCalendar>();
  const calendar = (id: string): WorkingCalendar => {
    let cal = calendars.get(id);
    if (!cal) {
      const spec = id === RESERVED_CALENDAR ? null : a.doc.calendars?.[id];
      if (spec === undefined) throw new InputError([problem(a.file, 0, 0, 'unknown-calendar', `calendar "${id}" is not declared in agreement ${a.doc.id}`)]);
      cal = compileCalendar(id, spec, zone);
      calendars.set(id, cal);
    }
    return cal;
  };
  const windowsByKind = new Map<WindowKind, TimeWindow[]>();
  const windows = (kind: WindowKind): TimeWindow[] => {
    let w = windowsByKind.get(kind);
    if (!w) {
      w = buildWindows(kind, zone, a.doc.validity, asOfMs);
      windowsByKind.set(kind, w);
    }
    return w;
  };
  const context = (item: Objective | Report, itemKind: 'objective' | 'report'): EvaluatorContext => ({
    agreement: a,
    item,
    itemKind,
    zone,
    windows: windows(item.window),
    asOfMs,
    calendar,
    dataSet: (ref) => resolve(a, ref),
  });
  const jobs: Job[] = [];
  (a.doc.objectives ?? []).forEach((o, index) => {
    const ctx = context(o, 'objective');
    const isUptime = typeof o.measure === 'object' && 'uptime' in o.measure;
    const evaluator = isUptime ? createUptimeEvaluator(ctx) : createRecordEvaluator(ctx, sharing);
    jobs.push({ agreement: a, item: o, itemKind: 'objective', index, evaluator, ...targetsOf(a, o, ['objectives', index]) });
  });
  (a.doc.reports ?? []).forEach((r, index) => {
    const evaluator = createReportEvaluator(context(r, 'report'));
    jobs.push({ agreement: a, item: r, itemKind: 'report', index, evaluator, ...targetsOf(a, r, ['reports', index]) });
  });
  return jobs;
}

/** Reads each data set once for this phase, feeding all its sinks; gathers every file's problems. */
async function readPhase(needs: readonly DataNeed[], opts: EvaluateOptions): Promise<void> {
  const groups = new Map<string, { dataSet: ResolvedDataSet; sinks: RowSink[] }>();
  for (const need of needs) {
    const g = groups.get(need.dataSet.key);
    if (g) g.sinks.push(need.sink);
    else groups.set(need.dataSet.key, { dataSet: need.dataSet, sinks: [need.sink] });
  }
  const problems: Problem[] = [];
  for (const { dataSet, sinks } of groups.values()) {
    const onProgress = opts.onProgress;
    try {
      await readCsv(dataSet, sinks, onProgress ? { onProgress: (b, t, r) => onProgress(dataSet.file, b, t, r) } : undefined);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problems.push(...err.problems);
    }
  }
  if (problems.length > 0) throw new InputError(problems);
}

function resultsOf(job: Job): Evaluated[] {
  const { agreement: a, item, itemKind, index } = job;
  const unit = unitOf(item);
  const pos = a.locate([itemKind === 'objective' ? 'objectives' : 'reports', index]);
  return job.evaluator.finish().map((o) => {
    const { status, reason } = statusOf(o.value, job.target, job.warning, unit);
    const charged: Evaluated['charged'] = {};
    for (const party of Object.keys(o.charged).sort()) {
      const c = o.charged[party]!;
      if (c.records > 0 || c.seconds > 0) charged[party] = c;
    }
    return {
      agreement: a.doc.id,
      objective: item.id,
      owner: ownerOf(a.doc, item),
      window: { label: o.window.label, start: formatInstant(o.window.start), end: formatInstant(o.window.end), partial: o.window.partial },
      value: o.value,
      unit,
      target: job.target.text,
      status,
      counts: o.counts,
      charged,
      rootCause: null,
      credit: null,
      agreementKind: a.doc.kind,
      agreementTitle: a.doc.title,
      source: { file: a.file, line: pos.line, column: pos.column },
      windowKind: o.window.kind,
      startMs: o.window.start,
      endMs: o.window.end,
      itemKind,
      ...('aggregate' in item && item.aggregate !== undefined ? { aggregate: item.aggregate } : {}),
      explanation: { computation: o.computation, attributions: o.attributions, examples: o.examples, statusReason: reason, chain: [] },
    };
  });
}

export async function evaluateAgreements(agreements: readonly LoadedAgreement[], opts: EvaluateOptions): Promise<Evaluated[]> {
  const overrides = opts.dataOverrides ?? {};
  const overrideProblems = checkOverrides(agreements, overrides);
  if (overrideProblems.length > 0) throw new InputError(overrideProblems);
  const resolver = createDataSetResolver(agreements, overrides, opts.cwd);
  const sharing = new RecordSharing();
  // SPEC 8: agreements by id, then objectives, then reports in file order, then window start.
  const sorted = [...agreements].sort((x, y) => (x.doc.id < y.doc.id ? -1 : x.doc.id > y.doc.id ? 1 : 0));
  const jobs = sorted.flatMap((a) => agreementJobs(a, opts.asOf, resolver.resolve, sharing));
  const needs = jobs.flatMap((j) => j.evaluator.needs());
  await readPhase(
    needs.filter((n) => n.phase === 0),
    opts,
  );
  await readPhase(
    needs.filter((n) => n.phase === 1),
    opts,
  );
  return jobs.flatMap((job) => resultsOf(job).sort((x, y) => x.startMs - y.startMs));
}
