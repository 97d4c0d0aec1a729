/** `slacheck graph`: agreements, objectives and dependsOn edges as Mermaid or dot. */
import type { Status } from '../../evaluate/result.js';
import { buildGraph } from '../../graph/build.js';
import { formatDot, formatMermaid } from '../../graph/index.js';
import { EXIT_OK, type Io, writeFileAtomic } from '../io.js';
import { evaluateAll, loadValidAgreements, parseDataOverrides, resolveAsOf } from '../pipeline.js';

export interface GraphCliOptions {
  format: 'mermaid' | 'dot';
  evaluate?: boolean;
  asOf?: string;
  data: string[];
  output?: string;
}

export async function runGraph(paths: readonly string[], opts: GraphCliOptions, io: Io): Promise<number> {
  // --data is checked even without --evaluate: a mistyped id must not pass silently (issue 14)
  const loaded = await loadValidAgreements(paths, io, undefined, parseDataOverrides(opts.data));
  let latest: Map<string, Status> | undefined;
  if (opts.evaluate) {
    const { asOf } = resolveAsOf(opts.asOf);
    const { all } = await evaluateAll(loaded, { asOf, progress: false }, io);
    latest = new Map();
    // results come in window order: the last complete window of each objective wins
    for (const e of all) if (!e.window.partial) latest.set(`${e.agreement}/${e.objective}`, e.status);
  }
  const graph = buildGraph(loaded.agreements, latest);
  const text = opts.format === 'dot' ? formatDot(graph) : formatMermaid(graph);
  if (opts.output) await writeFileAtomic(opts.output, text, io.cwd);
  else io.stdout.write(text);
  return EXIT_OK;
}
