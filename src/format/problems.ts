/** Output of `slacheck validate` (SPEC 6, 7): problems as text, JSON, GitHub annotations or Markdown. */
import { Chalk } from 'chalk';
import { compareProblems, type Problem } from '../problem.js';
import { annotation } from './annotations.js';
import { markdownCell } from './markdown-cell.js';

function sorted(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(compareProblems);
}

/** `file:line:col`, shortened when the problem concerns the whole file (line 0) or line (column 0). */
function position(p: Problem): string {
  if (p.line <= 0) return p.file;
  if (p.column <= 0) return `${p.file}:${p.line}`;
  return `${p.file}:${p.line}:${p.column}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `3 problems (2 errors, 1 warning) in 2 files`: the files are those with problems. */
function problemCount(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const files = new Set(problems.map((p) => p.file)).size;
  return (
    `${plural(problems.length, 'problem')} (${plural(errors, 'error')}, ` +
    `${plural(problems.length - errors, 'warning')}) in ${plural(files, 'file')}`
  );
}

/**
 * One aligned line per problem (`file:line:col  error  code  message`), then a summary:
 * `✖ …` with errors, `⚠ …` with warnings only, `✔ N files valid, no problems` otherwise.
 */
export function formatProblemsText(
  problems: readonly Problem[],
  files: readonly string[],
  opts: { color: boolean },
): string {
  const chalk = new Chalk({ level: opts.color ? 1 : 0 });
  const list = sorted(problems);
  if (list.length === 0) return chalk.green(`✔ ${plural(files.length, 'file')} valid, no problems`) + '\n';
  const posWidth = Math.max(...list.map((p) => position(p).length));
  const sevWidth = Math.max(...list.map((p) => p.severity.length));
  const codeWidth = Math.max(...list.map((p) => p.code.length));
  const lines = list.map((p) => {
    const sev = p.severity.padEnd(sevWidth);
    return [
      position(p).padEnd(posWidth),
      p.severity === 'error' ? chalk.red(sev) : chalk.yellow(sev),
      chalk.gray(p.code.padEnd(codeWidth)),
      p.message,
    ].join('  ');
  });
  const hasErrors = list.some((p) => p.severity === 'error');
  const summary = hasErrors
    ? chalk.red.bold(`✖ ${problemCount(list)}`)
    : chalk.yellow.bold(`⚠ ${problemCount(list)}`);
  return `${lines.join('\n')}\n\n${summary}\n`;
}

/** SPEC 6: `{ "valid", "files", "problems": [{ file, line, column, severity, code, message }] }`. */
export function formatProblemsJson(problems: readonly Problem[], files: readonly string[]): string {
  const out = {
    valid: !problems.some((p) => p.severity === 'error'),
    files: [...files],
    problems: sorted(problems).map((p) => ({
      file: p.file,
      line: p.line,
      column: p.column,
      severity: p.severity,
      code: p.code,
      message: p.message,
    })),
  };
  return JSON.stringify(out, null, 2) + '\n';
}

/** One workflow command per problem: `::error file=F,line=L,col=C,title=CODE::MESSAGE`. */
export function formatProblemsGithub(problems: readonly Problem[]): string {
  return sorted(problems)
    .map((p) => annotation(p.severity, { file: p.file, line: p.line, col: p.column, title: p.code }, p.message) + '\n')
    .join('');
}

/** For a pull-request comment: a verdict line, then a table of problems. */
export function formatProblemsMarkdown(problems: readonly Problem[], files: readonly string[]): string {
  const list = sorted(problems);
  const lines = ['## slacheck validate', ''];
  if (list.length === 0) {
    lines.push(`✅ ${plural(files.length, 'file')} valid, no problems`);
    return lines.join('\n') + '\n';
  }
  const hasErrors = list.some((p) => p.severity === 'error');
  lines.push(`${hasErrors ? '❌' : '⚠️'} ${problemCount(list)} (${plural(files.length, 'file')} checked)`, '');
  lines.push('| Location | Severity | Code | Message |', '|---|---|---|---|');
  for (const p of list) {
    const sev = p.severity === 'error' ? '❌ error' : '⚠️ warning';
    lines.push(`| ${markdownCell(position(p))} | ${sev} | \`${markdownCell(p.code)}\` | ${markdownCell(p.message)} |`);
  }
  return lines.join('\n') + '\n';
}
