/** `slacheck explain OBJECTIVE`: how each window's value, status, chain and credit came about. */
import { formatExplainJson, formatExplainText, formatWarningsText } from '../../format/index.js';
import { decideColor, EXIT_OK, EXIT_USAGE, ExitError, type Io, writeFileAtomic } from '../io.js';
import type { CompiledItem } from '../../compile/index.js';
import { evaluateAll, loadValidAgreements, parseDataOverrides, resolveAsOf } from '../pipeline.js';

export interface ExplainCliOptions {
  window?: string;
  asOf?: string;
  data: string[];
  format: 'text' | 'json';
  output?: string;
  quiet?: boolean;
  color?: boolean;
}

export async function runExplain(objective: string, paths: readonly string[], opts: ExplainCliOptions, io: Io): Promise<number> {
  // issue 14: an empty label (an unset CI variable) selects nothing, as for evaluate, not every window
  if (opts.window !== undefined && opts.window.trim() === '') throw new ExitError(EXIT_USAGE, '--window is empty: give a window label such as 2026-03, or leave the flag out to explain every window');
  const data = parseDataOverrides(opts.data);
  const { asOf } = resolveAsOf(opts.asOf);
  const loaded = await loadValidAgreements(paths, io, opts.color, data);
  const items = loaded.agreements.flatMap((a) => a.items.filter((item) => objective === item.id || objective === item.key));
  const matches = items.map((item) => item.key);
  if (matches.length === 0) throw new ExitError(EXIT_USAGE, `no objective or report ${JSON.stringify(objective)} in the loaded agreements`);
  if (matches.length > 1) throw new ExitError(EXIT_USAGE, `${objective} is ambiguous: write one of ${matches.join(', ')}`);
  const selection = { objectives: matches, window: opts.window };
  const { all, results: shown, warnings } = await evaluateAll(loaded, { asOf, progress: !opts.quiet && io.stderr.isTTY === true, selection }, io, opts.color);
  if (shown.length === 0 && opts.window) {
    const labels = all.filter((e) => `${e.agreement}/${e.objective}` === matches[0]).map((e) => e.window.label);
    throw new ExitError(EXIT_USAGE, `${matches[0]} has no window ${opts.window}; evaluated windows: ${labels.join(', ') || 'none'}`);
  }
  // the run's warnings about this objective and the data it reads: often the answer to "why no data?"
  const item = items[0]!;
  const files = new Set(dataFilesOf(item));
  io.stderr.write(formatWarningsText(warnings.filter((w) => (w.objective === null ? files.has(w.file) : w.agreement === item.agreement && w.objective === item.id))));
  const text = opts.format === 'json' ? formatExplainJson(shown) : formatExplainText(shown, { color: opts.output ? false : decideColor(opts.color, io) });
  if (opts.output) await writeFileAtomic(opts.output, text, io.cwd);
  else io.stdout.write(text);
  return EXIT_OK;
}

/** The data files an objective or report reads (its data set, status histories, the report log). */
function dataFilesOf(item: CompiledItem): string[] {
  if (item.itemKind === 'report') return [item.log.dataSet.file];
  return [item.dataSet.file, ...item.pauses.flatMap((p) => (p.kind === 'status' ? [p.source.file] : []))];
}
