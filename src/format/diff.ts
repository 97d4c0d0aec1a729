/** Output of `slacheck diff` (SPEC 9.6): the classified changes as text, JSON, or Markdown for a pull request. */
import { Chalk, type ChalkInstance } from 'chalk';
import type { AgreementChange, Classification } from '../diff/index.js';
import { markdownCell, markdownText } from './markdown-cell.js';

export interface DiffView {
  /** BASE as given on the command line (a path or a git revision). */
  base: string;
  changes: readonly AgreementChange[];
  /** Agreements present in both versions. */
  compared: number;
}

export interface DiffSummary {
  tightened: number;
  loosened: number;
  changed: number;
}

export function diffSummary(changes: readonly AgreementChange[]): DiffSummary {
  const count = (c: Classification) => changes.filter((x) => x.classification === c).length;
  return { tightened: count('tightened'), loosened: count('loosened'), changed: count('changed') };
}

/** `{ "base", "changes": [...], "summary": { "tightened", "loosened", "changed" } }`. */
export function formatDiffJson(view: DiffView): string {
  return `${JSON.stringify({ base: view.base, changes: view.changes, summary: diffSummary(view.changes) }, null, 2)}\n`;
}

/** A YAML value written compactly, as in YAML's flow style: `>= 99.5%`, `{ below: 95%, credit: 5% }`, `[a, b]`. */
export function flowValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return `[${value.map(flowValue).join(', ')}]`;
  if (typeof value === 'object') {
    return `{ ${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${flowValue(v)}`).join(', ')} }`;
  }
  return String(value);
}

/** A value in a line of output: an objective or report by its promise (`target >= 90%, window month`), anything else in flow style. */
function shown(value: unknown): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'id' in value && 'target' in value) {
    const item = value as { target: unknown; window?: unknown };
    return `target ${flowValue(item.target)}, window ${flowValue(item.window)}`;
  }
  return flowValue(value);
}

/** What happened, in words: `<= 8h → <= 12h`, `added: …`, `removed: …`. */
function whatHappened(c: AgreementChange): string {
  if (c.kind === 'added') return `added: ${shown(c.after)}`;
  if (c.kind === 'removed') return `removed: ${shown(c.before)}`;
  return `${shown(c.before)} → ${shown(c.after)}`;
}

const where = (c: AgreementChange) => c.path || '(agreement)';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function headline(view: DiffView): string {
  const s = diffSummary(view.changes);
  const agreements = new Set(view.changes.map((c) => c.agreement)).size;
  if (view.changes.length === 0) return `no semantic changes in ${plural(view.compared, 'agreement')}`;
  return `${plural(view.changes.length, 'change')} in ${plural(agreements, 'agreement')}: ${s.loosened} loosened, ${s.tightened} tightened, ${s.changed} changed`;
}

/** Changes of each agreement together, in the order they come (agreement id, then file order). */
function byAgreement(changes: readonly AgreementChange[]): Array<[string, AgreementChange[]]> {
  const groups = new Map<string, AgreementChange[]>();
  for (const c of changes) groups.set(c.agreement, [...(groups.get(c.agreement) ?? []), c]);
  return [...groups];
}

function styled(chalk: ChalkInstance, c: Classification, text: string): string {
  return c === 'loosened' ? chalk.red(text) : c === 'tightened' ? chalk.green(text) : chalk.yellow(text);
}

/**
 * Per agreement its file, then one line per change: `line  classification  path  before → after`;
 * a summary line last.
 */
export function formatDiffText(view: DiffView, opts: { color: boolean }): string {
  const chalk = new Chalk({ level: opts.color ? 1 : 0 });
  const out: string[] = [];
  const lineWidth = Math.max(0, ...view.changes.map((c) => String(c.line).length));
  const pathWidth = Math.max(0, ...view.changes.map((c) => where(c).length));
  for (const [agreement, list] of byAgreement(view.changes)) {
    out.push(`${chalk.bold(agreement)}  ${chalk.gray(list[0]!.file)}`);
    for (const c of list) {
      out.push(`  ${String(c.line).padStart(lineWidth)}  ${styled(chalk, c.classification, c.classification.padEnd(9))}  ${where(c).padEnd(pathWidth)}  ${whatHappened(c)}`);
    }
    out.push('');
  }
  out.push(chalk.bold(`slacheck diff against ${view.base}: ${headline(view)}`));
  return `${out.join('\n')}\n`;
}

/** A pull-request comment: a heading, the summary, and one table per agreement (loosened in bold). */
export function formatDiffMarkdown(view: DiffView): string {
  const out = [`### slacheck diff against \`${markdownCell(view.base)}\``, '', `${markdownText(headline(view))}.`];
  const s = diffSummary(view.changes);
  if (s.loosened > 0) out.push('', `**${plural(s.loosened, 'change')} loosen${s.loosened === 1 ? 's' : ''} a promise to the customer.**`);
  for (const [agreement, list] of byAgreement(view.changes)) {
    out.push('', `#### ${markdownText(agreement)} (\`${markdownCell(list[0]!.file)}\`)`, '', '| | change | before | after | line |', '|---|---|---|---|--:|');
    for (const c of list) {
      const verdict = c.classification === 'loosened' ? '**loosened**' : c.classification;
      const value = (v: unknown) => (v === null ? '—' : `\`${markdownCell(shown(v))}\``);
      out.push(`| ${verdict} | \`${markdownCell(where(c))}\` | ${value(c.before)} | ${value(c.after)} | ${c.line} |`);
    }
  }
  return `${out.join('\n')}\n`;
}
