/** `slacheck evaluate`: results per objective and window, in one or several formats; exit per SPEC 6. */
import { FAIL_LEVELS, failingResults, type FailLevel } from '../../evaluate/select.js';
import { isValidDate } from '../../time/instant.js';
import {
  formatGithub,
  formatHtml,
  formatJson,
  formatJunit,
  formatMarkdown,
  formatScorecard,
  formatTable,
  formatWarningsText,
  TABLE_COLUMNS,
  tableColumn,
  type TableColumn,
  type TableOptions,
  type EvaluationView,
} from '../../format/index.js';
import { decideColor, EXIT_FAILED, EXIT_OK, EXIT_USAGE, ExitError, type Io, terminalWidth, writeFileAtomic } from '../io.js';
import { agreementInfos, describeMiss, evaluateAll, loadValidAgreements, parseDataOverrides, type ReadTally, resolveAsOf } from '../pipeline.js';

const FORMATS = ['table', 'json', 'markdown', 'junit', 'github', 'html'] as const;
type Format = (typeof FORMATS)[number];

export interface EvaluateCliOptions {
  data: string[];
  asOf?: string;
  from?: string;
  to?: string;
  window?: string;
  objective: string[];
  owner?: string;
  format: string[];
  output: string[];
  /** `--fail-on`: a comma-separated list of levels, or `never`. */
  failOn: string;
  latest?: boolean;
  scorecard?: boolean;
  /** `--wide`: the table at full width. */
  wide?: boolean;
  /** `--columns a,b,c`: exactly these table columns. */
  columns?: string;
  quiet?: boolean;
  color?: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** SPEC 9.2: `breached,no-data`, `at-risk`, `warning`, … or `never` (nothing fails the run). */
export function parseFailOn(text: string): Set<FailLevel> {
  const words = text.split(',').map((w) => w.trim());
  if (words.length === 1 && words[0] === 'never') return new Set();
  const unknown = words.filter((w) => !(FAIL_LEVELS as readonly string[]).includes(w));
  if (unknown.length > 0 || words.length === 0) {
    const hint = words.includes('never') ? '; `never` stands alone' : '';
    throw new ExitError(EXIT_USAGE, `--fail-on ${text}: expected a comma-separated list of ${FAIL_LEVELS.join(', ')} (e.g. breached,no-data), or never${hint}`);
  }
  return new Set(words as FailLevel[]);
}

/** `--columns agreement,objective,status`: known column names, each once. */
export function parseColumns(text: string): TableColumn[] {
  const names = text.split(',').map((n) => n.trim()).filter((n) => n !== '');
  const columns = names.map(tableColumn);
  const unknown = names.filter((_, i) => columns[i] === null);
  if (names.length === 0 || unknown.length > 0) {
    const list = TABLE_COLUMNS.map((c) => c.replace(' ', '-')).join(', ');
    throw new ExitError(EXIT_USAGE, `--columns ${text}: ${unknown.length > 0 ? `no column ${unknown.join(', ')}` : 'no column named'}; expected a comma-separated list of ${list}`);
  }
  return [...new Set(columns as TableColumn[])];
}

/** Pairs the i-th --format with the i-th --output; formats without an output go to stdout. */
export function planOutputs(formats: readonly string[], outputs: readonly string[]): Array<{ format: Format; file?: string }> {
  const list = formats.length ? formats : ['table'];
  for (const f of list) {
    if (!(FORMATS as readonly string[]).includes(f)) throw new ExitError(EXIT_USAGE, `--format ${f}: expected one of ${FORMATS.join(', ')}`);
  }
  if (outputs.length > list.length) throw new ExitError(EXIT_USAGE, 'more --output than --format options: give one --format per --output');
  const plan = list.map((format, i) => ({ format: format as Format, file: outputs[i] }));
  if (plan.filter((p) => !p.file).length > 1) throw new ExitError(EXIT_USAGE, 'only one format can go to stdout: give the others an --output FILE');
  return plan;
}

export async function runEvaluate(paths: readonly string[], opts: EvaluateCliOptions, io: Io): Promise<number> {
  const plan = planOutputs(opts.format, opts.output);
  const failOn = parseFailOn(opts.failOn);
  const columns = opts.columns !== undefined ? parseColumns(opts.columns) : undefined;
  if (columns && opts.wide) throw new ExitError(EXIT_USAGE, '--wide and --columns: choose one (--wide shows every column, --columns the ones named)');
  for (const [flag, v] of [['--from', opts.from], ['--to', opts.to]] as const) {
    // issue 14: a day that does not exist (2026-02-30, 2026-13-45, 0000-00-00) is a usage error too
    if (v !== undefined && (!DATE.test(v) || !isValidDate(v))) throw new ExitError(EXIT_USAGE, `${flag} ${JSON.stringify(v)}: expected a date (YYYY-MM-DD) that exists`);
  }
  if (opts.window !== undefined && opts.window.trim() === '') {
    throw new ExitError(EXIT_USAGE, '--window is empty: give a window label such as 2026-03 (an unset CI variable?), or leave the flag out');
  }
  if (opts.from !== undefined && opts.to !== undefined && opts.from > opts.to) {
    throw new ExitError(EXIT_USAGE, `--from ${opts.from} is after --to ${opts.to}`);
  }
  const data = parseDataOverrides(opts.data);
  const { asOf, echo } = resolveAsOf(opts.asOf);
  const loaded = await loadValidAgreements(paths, io, opts.color, data);
  const selection = { objectives: opts.objective, owner: opts.owner, window: opts.window, from: opts.from, to: opts.to, latest: opts.latest === true };
  const tally: ReadTally = { rows: 0, files: 0 };
  const started = Date.now();
  const evaluation = await evaluateAll(loaded, { asOf, progress: !opts.quiet && io.stderr.isTTY === true, selection, tally }, io, opts.color);
  // on a terminal the summary line says what was read and how long it took
  const read = io.stdout.isTTY === true && !opts.quiet ? { ...tally, seconds: (Date.now() - started) / 1000 } : undefined;
  // each filter must name something, and together they must match something: never an empty green run
  if (evaluation.miss) throw new ExitError(EXIT_USAGE, describeMiss(evaluation.miss));
  const shown = evaluation.results;
  // SPEC 9.2: warnings go to stderr (and into the JSON), never silently
  io.stderr.write(formatWarningsText(evaluation.warnings));
  const failing = failingResults(shown, failOn);
  const view: EvaluationView = {
    asOf: echo,
    evaluated: shown,
    history: evaluation.all,
    warnings: evaluation.warnings,
    // `--fail-on never` only reports: the formats then mark what the default level would
    failing: failOn.size > 0 ? new Set(failing) : undefined,
    credits: evaluation.credits,
    remedies: evaluation.remedies,
    remediesFail: failOn.has('remedy') || failOn.has('breached') || failOn.has('at-risk') || failOn.size === 0,
    agreements: agreementInfos(loaded.agreements),
  };
  for (const { format, file } of plan) {
    const color = file ? false : decideColor(opts.color, io);
    // a file gets every column; the terminal (or COLUMNS) sets the width of stdout's table
    const table = { color, width: file ? undefined : terminalWidth(io), wide: opts.wide === true, columns, read: file ? undefined : read };
    const text = render(format, view, table, opts.scorecard === true);
    if (file) await writeFileAtomic(file, text, io.cwd);
    else io.stdout.write(text);
  }
  const warned = failOn.has('warning') && evaluation.warnings.length > 0;
  if (failing.length > 0) {
    // CI logs should say why the job failed, whatever the format and even with --latest or --output
    const names = failing.slice(0, 5).map((e) => `${e.agreement}/${e.objective} ${e.window.label} ${e.status}`);
    const more = failing.length > 5 ? `, and ${failing.length - 5} more` : '';
    io.stderr.write(`slacheck: ${failing.length} complete window${failing.length === 1 ? '' : 's'} at --fail-on ${opts.failOn}: ${names.join(', ')}${more}\n`);
  }
  // SPEC 9.7: a triggered remedy fails at `remedy`, and at the default `breached` (it implies breaches)
  const remedies = failOn.size > 0 && view.remediesFail ? evaluation.remedies.filter((r) => r.triggered) : [];
  if (remedies.length > 0) {
    const names = remedies.slice(0, 5).map((r) => `${r.agreement}/${r.id} at ${r.window}`);
    const more = remedies.length > 5 ? `, and ${remedies.length - 5} more` : '';
    io.stderr.write(`slacheck: ${remedies.length} triggered remed${remedies.length === 1 ? 'y' : 'ies'} at --fail-on ${opts.failOn}: ${names.join(', ')}${more}\n`);
  }
  if (warned) io.stderr.write(`slacheck: ${evaluation.warnings.length} warning${evaluation.warnings.length === 1 ? '' : 's'} at --fail-on ${opts.failOn}\n`);
  return failing.length > 0 || warned || remedies.length > 0 ? EXIT_FAILED : EXIT_OK;
}

function render(format: Format, view: EvaluationView, o: TableOptions, scorecard: boolean): string {
  switch (format) {
    case 'json':
      return formatJson(view);
    case 'markdown':
      return formatMarkdown(view);
    case 'junit':
      return formatJunit(view);
    case 'github':
      return formatGithub(view);
    case 'html':
      return formatHtml(view);
    case 'table': {
      const table = formatTable(view, o);
      return scorecard ? `${table}\n${formatScorecard(view, { color: o.color })}` : table;
    }
  }
}
