/**
 * `slacheck credits` (SPEC 9.4): the credit statement per agreement and fee period, ready for an
 * invoice; with `--evidence`, the records behind each credited breach. A statement, not a gate:
 * it exits 0 whatever it owes, 2 on usage and input errors.
 */
import type { CompiledAgreement, CompiledItem, Unit } from '../../compile/index.js';
import {
  evidenceKey,
  formatCreditsCsv,
  formatCreditsJson,
  formatCreditsMarkdown,
  formatCreditsText,
  formatWarningsText,
  type CreditsView,
  type ItemEvidence,
} from '../../format/index.js';
import { EXIT_OK, EXIT_USAGE, ExitError, type Io, writeFileAtomic } from '../io.js';
import { agreementInfos, evaluateAll, loadValidAgreements, parseDataOverrides, resolveAsOf } from '../pipeline.js';

const FORMATS = ['table', 'json', 'markdown', 'csv'] as const;

export interface CreditsCliOptions {
  data: string[];
  asOf?: string;
  period?: string;
  format: string;
  output?: string;
  evidence?: boolean;
  quiet?: boolean;
}

/** The unit of one record's value behind an item: seconds for times, the column's number for values. */
function recordUnit(item: CompiledItem): Unit {
  if (item.itemKind === 'report') return 's';
  const kind = item.measure.kind;
  return kind === 'count' ? 'count' : kind === 'value' ? 'number' : 's';
}

function dataFile(item: CompiledItem): string {
  return item.itemKind === 'report' ? item.log.dataSet.file : item.dataSet.file;
}

export async function runCredits(paths: readonly string[], opts: CreditsCliOptions, io: Io): Promise<number> {
  if (!(FORMATS as readonly string[]).includes(opts.format)) throw new ExitError(EXIT_USAGE, `--format ${opts.format}: expected one of ${FORMATS.join(', ')}`);
  if (opts.period !== undefined && opts.period.trim() === '') throw new ExitError(EXIT_USAGE, '--period is empty: give a fee period label such as 2026-03 or 2026-Q1');
  const data = parseDataOverrides(opts.data);
  const { asOf, echo } = resolveAsOf(opts.asOf);
  const loaded = await loadValidAgreements(paths, io, undefined, data);
  const withFee = loaded.agreements.filter((a) => a.fee !== null);
  if (withFee.length === 0) throw new ExitError(EXIT_USAGE, 'no agreement in the given paths has a `fee`: credits are amounts of a fee (SPEC 6)');
  const evaluation = await evaluateAll(loaded, { asOf, progress: !opts.quiet && io.stderr.isTTY === true, evidence: opts.evidence === true }, io);
  // the run's warnings about the agreements with a fee: a credit computed from doubtful data says so
  const feeIds = new Set(withFee.map((a) => a.id));
  io.stderr.write(formatWarningsText(evaluation.warnings.filter((w) => feeIds.has(w.agreement))));

  let statements = evaluation.credits;
  if (opts.period !== undefined) {
    // a fee period is a window of the fee's kind of an agreement with a fee, complete or not
    const periods = new Set(evaluation.all.filter((e) => withFee.some((a) => a.id === e.agreement && a.fee!.per === e.windowKind)).map((e) => e.window.label));
    if (!periods.has(opts.period)) {
      const known = [...periods].sort();
      throw new ExitError(EXIT_USAGE, `--period ${opts.period}: no fee period has this label; fee periods evaluated: ${known.join(', ') || 'none'}`);
    }
    statements = statements.filter((s) => s.period === opts.period);
  }
  const view: CreditsView = { asOf: echo, statements, agreements: agreementInfos(loaded.agreements), ...(opts.period !== undefined ? { period: opts.period } : {}) };
  if (opts.evidence) view.evidence = evidenceOf(loaded.agreements, evaluation.all, statements);
  const text = render(opts.format as (typeof FORMATS)[number], view);
  if (opts.output) await writeFileAtomic(opts.output, text, io.cwd);
  else io.stdout.write(text);
  return EXIT_OK;
}

/** The evidence of each credited item, from the explanation of its result. */
function evidenceOf(
  agreements: readonly CompiledAgreement[],
  all: Awaited<ReturnType<typeof evaluateAll>>['all'],
  statements: CreditsView['statements'],
): Map<string, ItemEvidence> {
  const wanted = new Set(statements.flatMap((s) => s.items.map((i) => evidenceKey(s.agreement, i.objective, i.window))));
  const out = new Map<string, ItemEvidence>();
  for (const e of all) {
    const key = evidenceKey(e.agreement, e.objective, e.window.label);
    if (!wanted.has(key)) continue;
    const item = agreements.find((a) => a.id === e.agreement)?.items.find((i) => i.id === e.objective);
    if (!item) continue;
    out.set(key, { file: dataFile(item), unit: recordUnit(item), zone: e.zone, records: e.explanation.evidence ?? [] });
  }
  return out;
}

function render(format: (typeof FORMATS)[number], view: CreditsView): string {
  switch (format) {
    case 'json':
      return formatCreditsJson(view);
    case 'markdown':
      return formatCreditsMarkdown(view);
    case 'csv':
      return formatCreditsCsv(view);
    case 'table':
      return formatCreditsText(view);
  }
}
