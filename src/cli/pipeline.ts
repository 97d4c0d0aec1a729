/** load → validate → evaluate → attribute, shared by the commands that need results. */
import { loadAgreements, type LoadResult } from '../agreement/loader.js';
import type { LoadedAgreement } from '../agreement/model.js';
import { checkAgreements } from '../agreement/semantic.js';
import { applyCredits } from '../attribution/credits.js';
import { attributeDependencies } from '../attribution/chain.js';
import { evaluateAgreements } from '../evaluate/engine.js';
import type { Evaluated } from '../evaluate/result.js';
import type { AgreementInfo } from '../format/evaluation.js';
import { formatProblemsText } from '../format/problems.js';
import { compareProblems, InputError, type Problem } from '../problem.js';
import { makeTimestampParser } from '../time/instant.js';
import { decideColor, EXIT_USAGE, ExitError, type Io } from './io.js';

export interface Loaded {
  load: LoadResult;
  agreements: LoadedAgreement[];
}

/** Loads and checks agreements for evaluation: any error (or unreadable path) ends the run with 2. */
export async function loadValidAgreements(paths: readonly string[], io: Io, color?: boolean): Promise<Loaded> {
  const load = await loadAgreements(paths.length ? paths : ['.'], { cwd: io.cwd });
  const problems = [...load.unreadable, ...load.problems];
  if (load.unreadable.length === 0 && !problems.some((p) => p.severity === 'error')) {
    problems.push(...checkAgreements(load.agreements, { strict: false }));
  }
  const errors = problems.filter((p) => p.severity === 'error').sort(compareProblems);
  if (load.unreadable.length) failWithProblems(load.unreadable, load.files, io, color, 'check the paths given on the command line');
  if (errors.length) failWithProblems(errors, load.files, io, color, 'the agreements are not valid; run `slacheck validate` for details');
  if (load.agreements.length === 0) {
    throw new ExitError(EXIT_USAGE, `no agreements found in ${paths.length ? paths.join(', ') : 'the current directory'}`);
  }
  return { load, agreements: load.agreements };
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
  data: Readonly<Record<string, string>>;
  progress: boolean;
}

/** Evaluates every objective of every agreement and attributes faults (SPEC 3–6). */
export async function evaluateAll(loaded: Loaded, opts: EvaluateRunOptions, io: Io, color?: boolean): Promise<Evaluated[]> {
  let evaluated: Evaluated[];
  const progress = opts.progress ? progressLine(io) : undefined;
  try {
    evaluated = await evaluateAgreements(loaded.agreements, {
      asOf: opts.asOf,
      dataOverrides: opts.data,
      cwd: io.cwd,
      onProgress: progress?.update,
    });
  } catch (err) {
    if (err instanceof InputError) {
      progress?.clear();
      failWithProblems([...err.problems].sort(compareProblems), loaded.load.files, io, color, 'the measurement data cannot be evaluated');
    }
    throw err;
  }
  progress?.clear();
  attributeDependencies(loaded.agreements, evaluated);
  applyCredits(loaded.agreements, evaluated);
  return evaluated;
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

export function agreementInfos(agreements: readonly LoadedAgreement[]): AgreementInfo[] {
  return agreements.map(({ doc, file }) => ({
    id: doc.id,
    kind: doc.kind,
    title: doc.title,
    file,
    validity: doc.validity,
    parties: Object.entries(doc.parties).map(([id, p]) => ({ id, name: p.name, role: p.role })),
    fee: doc.fee ?? null,
  }));
}

/** `--data ID=FILE` values into a map. */
export function parseDataOverrides(values: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq <= 0 || eq === v.length - 1) throw new ExitError(EXIT_USAGE, `--data ${JSON.stringify(v)}: expected ID=FILE, e.g. --data tickets=exports/tickets.csv`);
    out[v.slice(0, eq)] = v.slice(eq + 1);
  }
  return out;
}
