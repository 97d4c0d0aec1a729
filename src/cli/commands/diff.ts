/**
 * `slacheck diff BASE [PATH...]` (SPEC 9.6): agreements now against BASE — a path read from disk,
 * else a git revision — as classified semantic changes; exit 1 at the `--fail-on` level.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { loadAgreements, loadAgreementSources, type LoadedAgreement } from '../../agreement/index.js';
import { diffAgreements, type AgreementChange } from '../../diff/index.js';
import { formatDiffJson, formatDiffMarkdown, formatDiffText } from '../../format/diff.js';
import type { Problem } from '../../problem.js';
import { sourcesAtRevision } from '../git.js';
import { decideColor, EXIT_FAILED, EXIT_OK, EXIT_USAGE, ExitError, type Io, writeFileAtomic } from '../io.js';
import { failWithProblems } from '../pipeline.js';

export type DiffFailOn = 'loosened' | 'changed' | 'never';

export interface DiffCliOptions {
  format: 'text' | 'json' | 'markdown';
  failOn: DiffFailOn;
  output?: string;
  color?: boolean;
}

export async function runDiff(base: string, paths: readonly string[], opts: DiffCliOptions, io: Io): Promise<number> {
  const before = await loadBase(base, paths, io, opts.color);
  // without PATH, `.` holds a BASE folder below it (`slacheck diff old-version`): its files are BASE's only
  const baseFiles = new Set(paths.length ? [] : before.map((a) => a.file));
  const now = (await loadSide(paths.length ? paths : ['.'], io, opts.color)).filter((a) => !baseFiles.has(a.file));
  if (now.length === 0 && before.length === 0) {
    throw new ExitError(EXIT_USAGE, `no agreements found in ${paths.length ? paths.join(', ') : 'the current directory'} nor in ${base}`);
  }
  const diff = diffAgreements(before, now);
  if (diff.problems.length) failWithProblems(diff.problems, [], io, opts.color, 'agreement ids must be unique on each side');
  const view = { base, changes: diff.changes, compared: diff.compared };
  const text =
    opts.format === 'json'
      ? formatDiffJson(view)
      : opts.format === 'markdown'
        ? formatDiffMarkdown(view)
        : formatDiffText(view, { color: opts.output ? false : decideColor(opts.color, io) });
  const failed = failing(diff.changes, opts.failOn);
  if (opts.output) {
    await writeFileAtomic(opts.output, text, io.cwd);
    // as `evaluate` and `validate` do: with the report in a file, the CI log still says why the run failed
    if (failed.length) {
      const first = failed.slice(0, 3).map((c) => `${c.agreement}${c.path ? `/${c.path}` : ''}`);
      const more = failed.length > 3 ? `, and ${failed.length - 3} more` : '';
      io.stderr.write(`slacheck: ${failed.length} change${failed.length === 1 ? '' : 's'} at --fail-on ${opts.failOn} (report in ${opts.output}): ${first.join(', ')}${more}\n`);
    }
  } else io.stdout.write(text);
  return failed.length ? EXIT_FAILED : EXIT_OK;
}

/** The changes that reach the `--fail-on` level. */
function failing(changes: readonly AgreementChange[], failOn: DiffFailOn): AgreementChange[] {
  if (failOn === 'never') return [];
  return failOn === 'changed' ? [...changes] : changes.filter((c) => c.classification === 'loosened');
}

/** Agreements on disk; unreadable paths and invalid agreements end the run with 2. */
async function loadSide(paths: readonly string[], io: Io, color?: boolean): Promise<LoadedAgreement[]> {
  const load = await loadAgreements(paths, { cwd: io.cwd });
  if (load.unreadable.length) failWithProblems(load.unreadable, load.files, io, color, 'check the paths given on the command line');
  failOnErrors(load.problems, load.files, io, color);
  return load.agreements;
}

/** SPEC 9.6: BASE is an existing path, else a git revision whose files under PATH... are compared. */
async function loadBase(base: string, paths: readonly string[], io: Io, color?: boolean): Promise<LoadedAgreement[]> {
  const onDisk = await stat(path.resolve(io.cwd, base)).then(() => true, () => false);
  if (onDisk) return loadSide([base], io, color);
  const sources = await sourcesAtRevision(base, paths, io.cwd);
  const load = loadAgreementSources(sources);
  failOnErrors(load.problems, sources.map((s) => s.file), io, color);
  return load.agreements;
}

function failOnErrors(problems: readonly Problem[], files: readonly string[], io: Io, color?: boolean): void {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) failWithProblems(errors, files, io, color, 'the agreements are not valid; run `slacheck validate` for details');
}
