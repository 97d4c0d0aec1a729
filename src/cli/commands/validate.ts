/** `slacheck validate`: schema and semantic checks, exit 0 valid, 1 errors, 2 unreadable paths. */
import { loadAgreements } from '../../agreement/loader.js';
import { compileAgreements, strictProblems } from '../../compile/index.js';
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
  let problems: Problem[] = [...load.unreadable, ...load.problems, ...compileAgreements(load.checkable, { cwd: io.cwd }).problems];
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
  if (opts.output) await writeFileAtomic(opts.output, text);
  else io.stdout.write(text);
  if (load.unreadable.length) return EXIT_USAGE;
  return problems.some((p) => p.severity === 'error') ? EXIT_FAILED : EXIT_OK;
}
