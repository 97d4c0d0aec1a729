/**
 * `slacheck validate`: schema and semantic checks, and the columns named against each data file's
 * header line (SPEC 9.1); exit 0 valid, 1 errors, 2 unreadable paths.
 */
import { loadAgreements } from '../../agreement/loader.js';
import { compileAgreements, strictProblems } from '../../compile/index.js';
import { readHeader } from '../../data/header.js';
import { formatProblemsGithub, formatProblemsJson, formatProblemsMarkdown, formatProblemsText } from '../../format/problems.js';
import { compareProblems, problem, type Problem } from '../../problem.js';
import { decideColor, EXIT_FAILED, EXIT_OK, EXIT_USAGE, type Io, writeFileAtomic } from '../io.js';

export interface ValidateOptions {
  format: 'text' | 'json' | 'github' | 'markdown';
  strict?: boolean;
  output?: string;
  color?: boolean;
}

export async function runValidate(paths: readonly string[], opts: ValidateOptions, io: Io): Promise<number> {
  const load = await loadAgreements(paths.length ? paths : ['.'], { cwd: io.cwd });
  const strict = opts.strict === true;
  const compiled = compileAgreements(load.checkable, { cwd: io.cwd, readHeader }).problems.map(inCliWords);
  let problems: Problem[] = [...load.unreadable, ...load.problems, ...compiled];
  if (strict) problems = strictProblems(problems);
  if (load.agreements.length === 0 && load.unreadable.length === 0 && !problems.some((p) => p.severity === 'error')) {
    // a typo in a folder name must not make CI pass by checking nothing
    const where = (paths.length ? paths : ['.']).join(', ');
    problems.push(problem(where, 0, 0, 'no-agreement', `no agreement found in ${where}: no *.yaml/*.yml document with apiVersion: slacheck/v1`));
  }
  problems.sort(compareProblems);
  const color = opts.output ? false : decideColor(opts.color, io);
  const text =
    opts.format === 'json'
      ? formatProblemsJson(problems, load.files)
      : opts.format === 'github'
        ? formatProblemsGithub(problems)
        : opts.format === 'markdown'
          ? formatProblemsMarkdown(problems, load.files)
          : formatProblemsText(problems, load.files, { color });
  const errors = problems.filter((p) => p.severity === 'error');
  if (opts.output) {
    await writeFileAtomic(opts.output, text, io.cwd);
    // issue 14: with the report in a file, a CI log still says why the run failed (as evaluate does)
    if (errors.length > 0) {
      const first = errors.slice(0, 3).map((p) => `${p.file}${p.line > 0 ? `:${p.line}:${p.column}` : ''} ${p.code}`);
      const more = errors.length > 3 ? `, and ${errors.length - 3} more` : '';
      io.stderr.write(`slacheck: ${errors.length} error${errors.length === 1 ? '' : 's'} (report in ${opts.output}): ${first.join(', ')}${more}\n`);
    }
  } else io.stdout.write(text);
  if (load.unreadable.length) return EXIT_USAGE;
  return errors.length > 0 ? EXIT_FAILED : EXIT_OK;
}

/** What the user can do about a problem, in terms of flags (only the CLI words things so). */
function inCliWords(p: Problem): Problem {
  // SPEC 9.1: a missing data file is a warning because evaluation may be given it elsewhere.
  if (p.code === 'data-file-missing') return { ...p, message: `${p.message}; \`evaluate\` reads it there unless --data gives another file` };
  return p;
}
