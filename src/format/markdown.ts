/** `evaluate --format markdown`: for a pull-request comment or a monthly service review. */
import type { Evaluated } from '../evaluate/result.js';
import { summaryParts } from './summary.js';
import { markdownCell, markdownText } from './markdown-cell.js';
import { STATUS_MARK } from './status-style.js';
import { budgetLines, budgetShown } from './budget.js';
import { remedyLine, statementHasTerms, statementItems } from './contract.js';
import { creditTotals, formatAmount, formatCredit, formatResultValue } from './values.js';
import { agreementIds, itemKey, windowLabel, type AgreementInfo, type EvaluationView } from './view.js';

/** Beyond this many windows of one kind, only the latest are tabled (breaches and credits still list all). */
export const MAX_WINDOW_COLUMNS = 12;

function rootCauseText(e: Evaluated): string {
  const rc = e.rootCause;
  if (!rc) return '';
  return `${rc.agreement}/${rc.objective} ${rc.window} (owner ${rc.owner})`;
}

function summarySection(view: EvaluationView): string[] {
  const lines = [`# slacheck evaluation as of ${view.asOf}`, ''];
  if (view.evaluated.length === 0) {
    lines.push(`No results: no objective has a window up to as-of ${view.asOf}.`, '');
    return lines;
  }
  // the same words as every summary: complete windows apart from partial ones (SPEC 6)
  const s = summaryParts(view.evaluated, (st, text) => `${STATUS_MARK[st]} ${text}`);
  const partial = s.partialHead ? ` · **${s.partialHead}:** ${s.partial}` : '';
  lines.push(`**${s.completeHead}:** ${s.complete}${partial}`, '');
  const breaches = view.evaluated.filter((e) => e.status === 'breached');
  if (breaches.length === 0) lines.push('No breaches.', '');
  else {
    lines.push('**Breaches**', '');
    // daily rolling windows can breach hundreds of times: a PR comment lists the first ones
    for (const e of breaches.slice(0, MAX_BREACHES_LISTED)) {
      const root = e.rootCause ? `, root cause ${rootCauseText(e)}` : '';
      lines.push(
        `- ${STATUS_MARK.breached} ${itemKey(e)} ${windowLabel(e)}: ${formatResultValue(e)} ` +
          `(target ${e.target})${root}`,
      );
    }
    if (breaches.length > MAX_BREACHES_LISTED) lines.push(`- … and ${breaches.length - MAX_BREACHES_LISTED} more (the tables below and \`--format json\` show every window)`);
    lines.push('');
  }
  return lines;
}

function partiesLine(info: AgreementInfo | undefined, fallback: Evaluated | undefined): string {
  if (!info) return fallback ? `*${fallback.source.file}*` : '';
  const named = (p: { id: string; name: string }) => `${p.name} (${p.id})`;
  const provider = info.parties.filter((p) => p.role === 'provider').map(named).join(', ');
  const customers = info.parties.filter((p) => p.role === 'customer').map(named).join(', ');
  const third = info.parties.filter((p) => p.role === 'third-party').map(named);
  const parts = [`**Parties:** ${provider} → ${customers}${third.length ? ` (also ${third.join(', ')})` : ''}`];
  parts.push(`**Validity:** ${info.validity.from} to ${info.validity.to}`);
  if (info.fee) parts.push(`**Fee:** ${formatAmount(info.fee.amount, info.fee.currency)} per ${info.fee.per}`);
  parts.push(`*${info.file}*`);
  return parts.join(' · ');
}

/** Objectives (rows) × windows (columns), one table per window kind. */
function windowTables(results: readonly Evaluated[]): string[] {
  const kinds: string[] = [];
  for (const e of results) if (!kinds.includes(e.windowKind)) kinds.push(e.windowKind);
  const lines: string[] = [];
  for (const kind of kinds) {
    const ofKind = results.filter((e) => e.windowKind === kind);
    const columns = new Map<string, { label: string; startMs: number }>();
    for (const e of ofKind) {
      if (!columns.has(e.window.label)) columns.set(e.window.label, { label: windowLabel(e), startMs: e.startMs });
    }
    const allColumns = [...columns].sort((a, b) => a[1].startMs - b[1].startMs);
    const shown = allColumns.slice(-MAX_WINDOW_COLUMNS);
    if (kinds.length > 1) lines.push(`**${kind} windows**`, '');
    if (shown.length < allColumns.length) {
      lines.push(`*Latest ${shown.length} of ${allColumns.length} windows; the JSON output has all of them.*`, '');
    }
    lines.push(
      `| objective | owner | target | ${shown.map(([, c]) => markdownCell(c.label)).join(' | ')} |`,
      `|---|---|---|${shown.map(() => '---|').join('')}`,
    );
    const keys: string[] = [];
    for (const e of ofKind) if (!keys.includes(e.objective)) keys.push(e.objective);
    for (const objective of keys) {
      const cells = ofKind.filter((e) => e.objective === objective);
      const first = cells[0]!;
      const byLabel = new Map(cells.map((e) => [e.window.label, e]));
      const row = shown.map(([label]) => {
        const e = byLabel.get(label);
        return e ? `${STATUS_MARK[e.status]} ${markdownCell(formatResultValue(e))}` : '';
      });
      lines.push(
        `| ${markdownCell(objective)} | ${markdownCell(first.owner)} | ${markdownCell(first.target)} | ${row.join(' | ')} |`,
      );
    }
    lines.push('');
  }
  return lines;
}

function agreementSection(id: string, view: EvaluationView): string[] {
  const info = view.agreements.find((a) => a.id === id);
  const results = view.evaluated.filter((e) => e.agreement === id);
  const first = results[0];
  const kind = info?.kind ?? first?.agreementKind ?? '';
  const title = info?.title ?? first?.agreementTitle ?? '';
  const lines = [`## ${kind} ${id} — ${markdownText(title)}`, '', partiesLine(info, first), ''];
  if (results.length === 0) {
    lines.push(`No windows up to as-of ${view.asOf}.`, '');
    return lines;
  }
  lines.push(...windowTables(results));
  const rooted = results.filter((e) => e.rootCause);
  if (rooted.length > 0) {
    lines.push('**Root causes**', '');
    for (const e of rooted) {
      lines.push(
        `- ${e.objective} ${windowLabel(e)} ${STATUS_MARK[e.status]} ${e.status}: ${rootCauseText(e)}; ` +
          `path ${e.rootCause!.path.join(' → ')}`,
      );
    }
    lines.push('');
  }
  const credited = results.filter((e) => e.credit);
  if (credited.length > 0) {
    lines.push('**Credits**', '');
    for (const e of credited) lines.push(`- ${e.objective} ${windowLabel(e)}: ${formatCredit(e.credit)}`);
    lines.push('', `Total: ${creditTotals(credited, (view.credits ?? []).filter((s) => s.agreement === id)).join('; ')}`, '');
  }
  // SPEC 9.3: the error budgets of the partial windows and of each objective's latest complete one
  const shownBudgets = budgetShown(view.history ?? view.evaluated);
  const budgets = results.filter((e) => shownBudgets.has(e));
  if (budgets.length > 0) {
    lines.push('**Error budgets**', '');
    for (const e of budgets) lines.push(`- ${e.objective} ${windowLabel(e)}: ${markdownText(budgetLines(e).join('; '))}`);
    lines.push('');
  }
  const statements = (view.credits ?? []).filter((s) => s.agreement === id && statementHasTerms(s));
  if (statements.length > 0) {
    lines.push('**Credit statement**', '', '| period | credits | total | capped | issued | claim by |', '|---|---|---|---|---|---|');
    for (const s of statements) {
      const money = (n: number) => formatAmount(n, s.currency);
      lines.push(`| ${s.period} | ${markdownCell(statementItems(s))} | ${money(s.total)} | ${money(s.capped)} | ${money(s.issued)}${s.issued === 0 && s.capped > 0 ? ` (under the minimum of ${money(s.minimum)}: not issued)` : ''} | ${s.claimBy ?? '—'} |`);
    }
    lines.push('');
  }
  const remedies = (view.remedies ?? []).filter((r) => r.agreement === id);
  if (remedies.length > 0) {
    lines.push('**Remedies**', '');
    for (const r of remedies) lines.push(`- ${r.triggered ? '❌' : '✅'} ${markdownText(remedyLine(r))}`);
    lines.push('');
  }
  return lines;
}

/** Breaches the summary lists before "and N more". */
const MAX_BREACHES_LISTED = 50;

export function formatMarkdown(view: EvaluationView): string {
  const lines = summarySection(view);
  for (const id of agreementIds(view)) lines.push(...agreementSection(id, view));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n') + '\n';
}
