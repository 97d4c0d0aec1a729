/** load → compile → evaluate, shared by the commands that need the compiled model or results. */
import { loadAgreements, type LoadResult } from '../agreement/loader.js';
import { compileAgreements, type CompiledAgreement } from '../compile/index.js';
import { evaluate, type Evaluation } from '../core/evaluate.js';
import { DataFileError, readCsv } from '../data/csv.js';
import type { ReadRows } from '../data/source.js';
import type { Selection, SelectionMiss } from '../evaluate/select.js';
import type { AgreementInfo } from '../format/index.js';
import { formatProblemsText } from '../format/problems.js';
import { compareProblems, InputError, type Problem } from '../problem.js';
import { makeTimestampParser } from '../time/instant.js';
import { decideColor, EXIT_USAGE, ExitError, type Io } from './io.js';

export interface Loaded {
  load: LoadResult;
  agreements: CompiledAgreement[];
}

/**
 * Loads and compiles agreements for evaluation: any error (or unreadable path) ends the run with 2.
 * `data` are the `--data ID=FILE` overrides; one that names no data set is a usage error.
 */
export async function loadValidAgreements(
  paths: readonly string[],
  io: Io,
  color?: boolean,
  data: ReadonlyMap<string, string> = new Map(),
): Promise<Loaded> {
  const load = await loadAgreements(paths.length ? paths : ['.'], { cwd: io.cwd });
  const problems = [...load.unreadable, ...load.problems];
  const valid = load.unreadable.length === 0 && !problems.some((p) => p.severity === 'error');
  const compiled = valid ? compileAgreements(load.agreements, { cwd: io.cwd, dataOverrides: data }) : null;
  if (compiled) problems.push(...compiled.problems);
  const errors = problems.filter((p) => p.severity === 'error').sort(compareProblems);
  if (load.unreadable.length) failWithProblems(load.unreadable, load.files, io, color, 'check the paths given on the command line');
  if (errors.length) failWithProblems(errors, load.files, io, color, 'the agreements are not valid; run `slacheck validate` for details');
  if (load.agreements.length === 0) {
    throw new ExitError(EXIT_USAGE, `no agreements found in ${paths.length ? paths.join(', ') : 'the current directory'}`);
  }
  const unmatched = compiled!.unmatchedOverrides;
  if (unmatched.length) {
    const declared = compiled!.declaredDataSets.join(', ') || 'none';
    for (const key of unmatched) io.stderr.write(`slacheck: --data ${key}=...: no agreement declares a data set "${key}"; declared: ${declared}\n`);
    throw new ExitError(EXIT_USAGE);
  }
  return { load, agreements: compiled!.agreements };
}

export function failWithProblems(problems: readonly Problem[], files: readonly string[], io: Io, color: boolean | undefined, hint: string): never {
  // problems about the command line itself (no file) read better as plain messages
  const inFiles = problems.filter((p) => p.file !== '');
  for (const p of problems) if (p.file === '') io.stderr.write(`slacheck: ${p.message}\n`);
  if (inFiles.length) io.stderr.write(formatProblemsText(inFiles, files, { color: decideColor(color, io, 'stderr') }));
  throw new ExitError(EXIT_USAGE, inFiles.length ? hint : '');
}

/** `--as-of` as given, validated; the JSON echo is UTC for instants, verbatim for local forms (SPEC 7). */
export function resolveAsOf(given: string | undefined, now: () => Date = () => new Date()): { asOf: string; echo: string } {
  if (given === undefined) {
    const iso = now().toISOString();
    return { asOf: iso, echo: iso };
  }
  const text = given.trim();
  const ms = makeTimestampParser('UTC')(text);
  if (Number.isNaN(ms)) {
    throw new ExitError(EXIT_USAGE, `--as-of ${JSON.stringify(given)} is not an ISO 8601 date or instant (e.g. 2026-07-01 or 2026-07-01T00:00:00Z)`);
  }
  const hasOffset = /T.*(Z|z|[+-]\d\d(:?\d\d)?)$/.test(text) || /\s.*(Z|z|[+-]\d\d(:?\d\d)?)$/.test(text);
  return { asOf: text, echo: hasOffset ? new Date(ms).toISOString() : text };
}

export interface EvaluateRunOptions {
  asOf: string;
  progress: boolean;
  selection?: Selection;
  /** SPEC 9.4: keep the records behind each failing value (`credits --evidence`). */
  evidence?: boolean;
  /** Filled in as CSVs are read: data rows and files (for the summary line on a terminal). */
  tally?: ReadTally;
}

export interface ReadTally {
  rows: number;
  files: number;
}

/** Evaluates every objective of every agreement and attributes faults (SPEC 3–6); bad data ends the run with 2. */
export async function evaluateAll(loaded: Loaded, opts: EvaluateRunOptions, io: Io, color?: boolean): Promise<Evaluation> {
  const progress = opts.progress ? progressLine(io) : undefined;
  try {
    return await evaluate(loaded.agreements, { asOf: opts.asOf, readRows: csvReader(progress?.update, opts.tally), selection: opts.selection, evidence: opts.evidence === true });
  } catch (err) {
    if (err instanceof InputError) {
      progress?.clear();
      const cells = err.problems.some((p) => ['invalid-timestamp', 'invalid-number', 'invalid-interval', 'empty-timestamp', 'csv-ragged-row', 'unknown-calendar-value'].includes(p.code));
      const hint = cells ? "the measurement data cannot be evaluated (fix the cells, or set the data set's `invalid: skip` to leave such rows out and count them)" : 'the measurement data cannot be evaluated';
      failWithProblems([...err.problems].sort(compareProblems), loaded.load.files, io, color, hint);
    }
    throw err;
  } finally {
    progress?.clear();
  }
}

/** The CSV reader the core is given: progress on a TTY, and what to do about an unreadable file in CLI words. */
function csvReader(onProgress?: (file: string, bytes: number, total: number, rows: number) => void, tally?: ReadTally): ReadRows {
  return async (source, sinks) => {
    try {
      const summary = await readCsv(source, sinks, onProgress ? { onProgress: (b, t, r) => onProgress(source.file, b, t, r) } : undefined);
      if (tally) {
        tally.rows += summary.rows;
        tally.files++;
      }
      return summary;
    } catch (err) {
      if (!(err instanceof DataFileError)) throw err;
      const dataId = source.key.slice(source.key.lastIndexOf('/') + 1);
      const hint =
        err.reason === 'permission'
          ? 'check the file permissions'
          : source.overridden
            ? `check the path given with --data ${dataId}=… (relative to the working directory)`
            : `check the \`file\` of data set "${dataId}" (relative to its agreement file) or pass --data ${dataId}=PATH`;
      const p = err.problems[0]!;
      throw new InputError([{ ...p, message: `${p.message}; ${hint}` }]);
    }
  };
}

/** A selection filter that names nothing, in the words of the flag that set it. */
export function describeMiss(miss: SelectionMiss): string {
  switch (miss.filter) {
    case 'objective':
      return `--objective ${miss.value}: no objective or report with that id (ids: ${miss.known.slice(0, 12).join(', ')}${miss.known.length > 12 ? ', …' : ''})`;
    case 'owner':
      return `--owner ${miss.value}: no party with that id (parties: ${miss.known.join(', ')})`;
    case 'window':
      return `--window ${miss.value}: no evaluated window has that label (windows end at as-of; e.g. ${miss.known.slice(-3).join(', ') || 'none'})`;
    case 'combination':
      return 'no result matches these filters together (--objective, --owner, --window, --from, --to)';
  }
}

const PROGRESS_MIN_BYTES = 4 * 1024 * 1024;

/** A progress line on stderr for large CSVs (only on a TTY; the caller decides). */
function progressLine(io: Io) {
  let shown = false;
  let started = 0;
  let last = 0;
  return {
    update(file: string, bytes: number, total: number, rows: number) {
      if (total < PROGRESS_MIN_BYTES) return;
      const now = Date.now();
      if (!started) started = now;
      if (now - last < 100 && bytes < total) return;
      last = now;
      const secs = Math.max((now - started) / 1000, 0.001);
      const mb = (n: number) => (n / 1048576).toFixed(1);
      io.stderr.write(`\r\x1b[2Kreading ${file}: ${mb(bytes)}/${mb(total)} MB, ${Math.round(rows / secs).toLocaleString('en-US')} rows/s`);
      shown = true;
    },
    clear() {
      if (shown) io.stderr.write('\r\x1b[2K');
      shown = false;
    },
  };
}

export function agreementInfos(agreements: readonly CompiledAgreement[]): AgreementInfo[] {
  return agreements.map((a) => ({
    id: a.id,
    kind: a.kind,
    title: a.title,
    file: a.file,
    validity: a.validity,
    parties: a.parties.map(({ id, name, role }) => ({ id, name, role })),
    fee: a.fee,
  }));
}

/** `--data ID=FILE` values into a map. */
export function parseDataOverrides(values: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq <= 0 || eq === v.length - 1) throw new ExitError(EXIT_USAGE, `--data ${JSON.stringify(v)}: expected ID=FILE, e.g. --data tickets=exports/tickets.csv`);
    out.set(v.slice(0, eq), v.slice(eq + 1));
  }
  return out;
}
