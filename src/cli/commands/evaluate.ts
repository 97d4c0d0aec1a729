/** `slacheck evaluate`: results per objective and window, in one or several formats; exit per SPEC 6. */
import { failingResults, type FailOn } from '../../evaluate/select.js';
import {
  formatGithub,
  formatJson,
  formatJunit,
  formatMarkdown,
  formatScorecard,
  formatTable,
  type EvaluationView,
} from '../../format/index.js';
import { decideColor, EXIT_FAILED, EXIT_OK, EXIT_USAGE, ExitError, type Io, writeFileAtomic } from '../io.js';
import { agreementInfos, describeMiss, evaluateAll, loadValidAgreements, parseDataOverrides, resolveAsOf } from '../pipeline.js';

const FORMATS = ['table', 'json', 'markdown', 'junit', 'github'] as const;
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
  failOn: FailOn;
  latest?: boolean;
  scorecard?: boolean;
  quiet?: boolean;
  color?: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

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
  for (const [flag, v] of [['--from', opts.from], ['--to', opts.to]] as const) {
    if (v !== undefined && !DATE.test(v)) throw new ExitError(EXIT_USAGE, `${flag} ${v}: expected a date YYYY-MM-DD`);
  }
  if (opts.from !== undefined && opts.to !== undefined && opts.from > opts.to) {
    throw new ExitError(EXIT_USAGE, `--from ${opts.from} is after --to ${opts.to}`);
  }
  const data = parseDataOverrides(opts.data);
  const { asOf, echo } = resolveAsOf(opts.asOf);
  const loaded = await loadValidAgreements(paths, io, opts.color, data);
  const selection = { objectives: opts.objective, owner: opts.owner, window: opts.window, from: opts.from, to: opts.to };
  const evaluation = await evaluateAll(loaded, { asOf, progress: !opts.quiet && io.stderr.isTTY === true, selection }, io, opts.color);
  // each filter must name something, and together they must match something: never an empty green run
  if (evaluation.miss) throw new ExitError(EXIT_USAGE, describeMiss(evaluation.miss));
  const shown = evaluation.results;
  const view: EvaluationView = { asOf: echo, evaluated: shown, agreements: agreementInfos(loaded.agreements) };
  for (const { format, file } of plan) {
    const color = file ? false : decideColor(opts.color, io);
    const text = render(format, view, { color, latest: opts.latest === true, scorecard: opts.scorecard === true });
    if (file) await writeFileAtomic(file, text);
    else io.stdout.write(text);
  }
  const failing = failingResults(shown, opts.failOn);
  if (failing.length === 0) return EXIT_OK;
  // CI logs should say why the job failed, whatever the format and even with --latest or --output
  const names = failing.slice(0, 5).map((e) => `${e.agreement}/${e.objective} ${e.window.label} ${e.status}`);
  const more = failing.length > 5 ? `, and ${failing.length - 5} more` : '';
  io.stderr.write(`slacheck: ${failing.length} complete window${failing.length === 1 ? '' : 's'} at --fail-on ${opts.failOn}: ${names.join(', ')}${more}\n`);
  return EXIT_FAILED;
}

function render(format: Format, view: EvaluationView, o: { color: boolean; latest: boolean; scorecard: boolean }): string {
  switch (format) {
    case 'json':
      return formatJson(view);
    case 'markdown':
      return formatMarkdown(view);
    case 'junit':
      return formatJunit(view);
    case 'github':
      return formatGithub(view);
    case 'table': {
      const table = formatTable(view, { color: o.color, latest: o.latest });
      return o.scorecard ? `${table}\n${formatScorecard(view, { color: o.color })}` : table;
    }
  }
}
