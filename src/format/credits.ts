/**
 * `slacheck credits` (SPEC 9.4): the credit statement per agreement and fee period, ready for an
 * invoice, as text, JSON, Markdown or CSV; with evidence, the records behind each credited breach.
 * Pure functions of a `CreditsView`.
 */
import type { CreditStatement } from '../attribution/statements.js';
import type { Unit } from '../compile/model.js';
import type { Evidence } from '../evaluate/explanation.js';
import { formatInstant } from '../time/instant.js';
import { formatLocalWithOffset } from '../time/format.js';
import { creditJson, type CreditJson } from './json.js';
import { markdownCell, markdownText } from './markdown-cell.js';
import { formatAmount, formatNumber, formatValue, partyLabel } from './values.js';
import type { AgreementInfo } from './view.js';

/** The records behind one credited item (agreement, objective, window). */
export interface ItemEvidence {
  /** The data file the records are lines of (the delivery log for a report). */
  file: string;
  unit: Unit;
  /** The agreement's timezone, for local times. */
  zone: string;
  records: readonly Evidence[];
}

export interface CreditsView {
  asOf: string;
  statements: readonly CreditStatement[];
  agreements: readonly AgreementInfo[];
  /** With `--evidence`: by `evidenceKey(agreement, objective, window)`. */
  evidence?: ReadonlyMap<string, ItemEvidence>;
  /** `--period`: the one fee period asked for. */
  period?: string;
}

/** What an empty statement list means, in words. */
function noCredits(view: CreditsView): string {
  return view.period !== undefined
    ? `No credits for ${view.period} as of ${view.asOf}: no window of that fee period is credited.`
    : `No credits as of ${view.asOf}: no complete fee period of an agreement with a fee has a credited window.`;
}

export function evidenceKey(agreement: string, objective: string, window: string): string {
  return `${agreement}/${objective}@${window}`;
}

/** SPEC 9.4 evidence as JSON: instants in UTC ISO, the value in the unit's JSON scale, charges in seconds by party. */
export interface EvidenceJson {
  line: number | null;
  key: string | null;
  start: string | null;
  end: string | null;
  value: number | null;
  open: boolean;
  charged: Record<string, number>;
}

export interface CreditsJson {
  asOf: string;
  credits: (CreditJson & { items: (CreditJson['items'][number] & { evidence?: { file: string; unit: Unit; records: EvidenceJson[] } })[] })[];
}

function evidenceJson(e: Evidence): EvidenceJson {
  const charged: Record<string, number> = Object.fromEntries(
    [...e.charged].sort((x, y) => (x.party < y.party ? -1 : x.party > y.party ? 1 : 0)).map((c) => [c.party, c.seconds]),
  );
  return {
    line: e.line,
    key: e.key,
    start: e.start === null ? null : formatInstant(e.start),
    end: e.end === null ? null : formatInstant(e.end),
    value: e.value,
    open: e.open,
    charged,
  };
}

export function toCreditsJson(view: CreditsView): CreditsJson {
  return {
    asOf: view.asOf,
    credits: view.statements.map((s) => {
      const json = creditJson(s);
      if (!view.evidence) return json;
      return {
        ...json,
        items: json.items.map((item) => {
          const ev = view.evidence!.get(evidenceKey(s.agreement, item.objective, item.window));
          return ev ? { ...item, evidence: { file: ev.file, unit: ev.unit, records: ev.records.map(evidenceJson) } } : item;
        }),
      };
    }),
  };
}

export function formatCreditsJson(view: CreditsView): string {
  return JSON.stringify(toCreditsJson(view), null, 2) + '\n';
}

/** `cap 30% of the fee (3,600 EUR)`, `minimum 10 EUR`, `claim within 30 days`: the terms a statement was computed with. */
function termsText(s: CreditStatement, info: AgreementInfo | undefined): string {
  const money = (n: number) => formatAmount(n, s.currency);
  const parts: string[] = [];
  if (info?.fee) parts.push(`fee ${money(info.fee.amount)} per ${info.fee.per}`);
  if (s.cap !== null) parts.push(`cap ${info?.fee ? `${formatNumber((100 * s.cap) / info.fee.amount)}% = ` : ''}${money(s.cap)}`);
  if (s.minimum > 0) parts.push(`minimum ${money(s.minimum)}`);
  return parts.join(' · ');
}

/** One evidence record in words: `tickets.csv:14 INC-0042 2026-02-03 09:00 +01:00 → 2026-02-04 11:30 +01:00 · 12h 30m · charged acme 2h`. */
function evidenceText(e: Evidence, ev: ItemEvidence): string {
  const where = e.line === null ? 'missed' : `${ev.file}:${e.line}`;
  const key = e.key ?? '(no key)';
  const start = e.start === null ? '' : formatLocalWithOffset(e.start, ev.zone);
  const end = e.end === null ? (e.open ? 'open' : e.line === null ? 'not delivered' : '') : formatLocalWithOffset(e.end, ev.zone);
  const parts = [`${where} ${key}`, `${start} → ${end}`];
  if (e.value !== null) parts.push(`${formatValue(e.value, ev.unit)}${e.open ? ' so far' : ''}`);
  if (e.charged.length > 0) parts.push(`charged ${e.charged.map((c) => `${partyLabel(c.party)} ${formatValue(c.seconds, 's')}`).join(', ')}`);
  return parts.join(' · ');
}

/** How many evidence records the text and Markdown list per item; JSON and CSV list all. */
const SHOWN_EVIDENCE = 50;

/** The terminal statement: per agreement and fee period, the items, their sum, the cap, what is issued and by when to claim it. */
export function formatCreditsText(view: CreditsView): string {
  if (view.statements.length === 0) return `${noCredits(view)}\n`;
  const out: string[] = [];
  for (const s of view.statements) {
    const info = view.agreements.find((a) => a.id === s.agreement);
    const money = (n: number) => formatAmount(n, s.currency);
    const terms = termsText(s, info);
    out.push(`${s.agreement} ${s.period}${info ? ` — ${info.title}` : ''}`);
    if (terms) out.push(`  ${terms}`);
    const rows: [string, string, string][] = s.items.map((i) => [i.objective, `${formatNumber(i.percent)}%`, money(i.amount)]);
    rows.push(['total', '', money(s.total)]);
    if (s.cap !== null && s.total > s.cap) rows.push(['capped', '', money(s.capped)]);
    rows.push(['issued', '', money(s.issued)]);
    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w1 = Math.max(...rows.map((r) => r[1].length));
    const w2 = Math.max(...rows.map((r) => r[2].length));
    const line = (r: [string, string, string]) => `  ${r[0].padEnd(w0)}  ${r[1].padStart(w1)}  ${r[2].padStart(w2)}`;
    s.items.forEach((item, i) => {
      const cut = item.cut > 0 ? `  (cut ${money(item.cut)} by the cap)` : '';
      out.push(line(rows[i]!) + cut);
      const ev = view.evidence?.get(evidenceKey(s.agreement, item.objective, item.window));
      if (ev) out.push(...evidenceLines(ev, '      '));
    });
    out.push(`  ${'─'.repeat(w0 + w1 + w2 + 4)}`);
    for (const r of rows.slice(s.items.length)) {
      let tail = '';
      if (r[0] === 'issued' && s.issued === 0 && s.capped > 0) tail = `  (under the minimum of ${money(s.minimum)}: not issued)`;
      else if (r[0] === 'issued' && s.claimBy !== null) tail = `  claim by ${s.claimBy}`;
      out.push(line(r) + tail);
    }
    out.push('');
  }
  const issued = new Map<string, number>();
  for (const s of view.statements) issued.set(s.currency, Math.round(((issued.get(s.currency) ?? 0) + s.issued) * 100) / 100);
  const n = view.statements.length;
  out.push(`${n} statement${n === 1 ? '' : 's'} as of ${view.asOf}: issued ${[...issued].map(([c, a]) => formatAmount(a, c)).join(', ')}`);
  return out.join('\n') + '\n';
}

function evidenceLines(ev: ItemEvidence, indent: string): string[] {
  if (ev.records.length === 0) return [`${indent}no single record fails the target (the breach is in the aggregate)`];
  const lines = ev.records.slice(0, SHOWN_EVIDENCE).map((e) => `${indent}${evidenceText(e, ev)}`);
  if (ev.records.length > SHOWN_EVIDENCE) lines.push(`${indent}… and ${ev.records.length - SHOWN_EVIDENCE} more (--format json or csv lists all)`);
  return lines;
}

export function formatCreditsMarkdown(view: CreditsView): string {
  const lines = [`# Credit statements as of ${view.asOf}`, ''];
  if (view.statements.length === 0) {
    lines.push(noCredits(view), '');
    return lines.join('\n');
  }
  for (const s of view.statements) {
    const info = view.agreements.find((a) => a.id === s.agreement);
    const money = (n: number) => formatAmount(n, s.currency);
    lines.push(`## ${s.agreement} ${s.period}${info ? ` — ${markdownText(info.title)}` : ''}`, '');
    const terms = termsText(s, info);
    if (terms) lines.push(terms, '');
    lines.push('| objective | credit | amount | cut by the cap |', '|---|---:|---:|---:|');
    for (const i of s.items) lines.push(`| ${markdownCell(i.objective)} | ${formatNumber(i.percent)}% | ${money(i.amount)} | ${i.cut > 0 ? money(i.cut) : '—'} |`);
    lines.push('', `**Total** ${money(s.total)}${s.cap !== null && s.total > s.cap ? ` · **capped** ${money(s.capped)}` : ''} · **issued** ${money(s.issued)}` +
      (s.issued === 0 && s.capped > 0 ? ` (under the minimum of ${money(s.minimum)})` : '') + (s.claimBy !== null ? ` · **claim by** ${s.claimBy}` : ''), '');
    if (view.evidence) {
      for (const i of s.items) {
        const ev = view.evidence.get(evidenceKey(s.agreement, i.objective, i.window));
        if (!ev) continue;
        lines.push(`**Evidence: ${markdownText(i.objective)} ${i.window}** (${markdownText(ev.file)})`, '');
        if (ev.records.length === 0) {
          lines.push('No single record fails the target (the breach is in the aggregate).', '');
          continue;
        }
        lines.push('| line | key | start | end | value | charged |', '|---:|---|---|---|---:|---|');
        for (const e of ev.records.slice(0, SHOWN_EVIDENCE)) {
          const end = e.end === null ? (e.open ? 'open' : 'not delivered') : formatLocalWithOffset(e.end, ev.zone);
          const charged = e.charged.map((c) => `${partyLabel(c.party)} ${formatValue(c.seconds, 's')}`).join(', ');
          lines.push(
            `| ${e.line ?? '—'} | ${markdownCell(e.key ?? '')} | ${e.start === null ? '' : formatLocalWithOffset(e.start, ev.zone)} | ${end} | ` +
              `${e.value === null ? '—' : formatValue(e.value, ev.unit) + (e.open ? ' so far' : '')} | ${markdownCell(charged) || '—'} |`,
          );
        }
        if (ev.records.length > SHOWN_EVIDENCE) lines.push('', `… and ${ev.records.length - SHOWN_EVIDENCE} more (\`--format json\` or \`csv\` lists all).`);
        lines.push('');
      }
    }
  }
  return lines.join('\n');
}

/** RFC 4180: quote a cell with a comma, quote or line break; double its quotes. */
function csvCell(value: string | number | boolean | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLines(rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * CSV for spreadsheets (RFC 4180, CRLF, plain numbers): one row per credited item, with what of it
 * is paid (`paid`: the amount less the cap's cut, 0 when the statement is under the minimum), so
 * the `paid` column sums to the issued amounts; with evidence, one row per record behind a
 * credited item instead.
 */
export function formatCreditsCsv(view: CreditsView): string {
  if (view.evidence) {
    const rows: (string | number | boolean | null)[][] = [['agreement', 'period', 'objective', 'file', 'line', 'key', 'start', 'end', 'value', 'unit', 'open', 'charged']];
    for (const s of view.statements) {
      for (const i of s.items) {
        const ev = view.evidence.get(evidenceKey(s.agreement, i.objective, i.window));
        if (!ev) continue;
        for (const e of ev.records) {
          const j = evidenceJson(e);
          const charged = Object.entries(j.charged).map(([p, sec]) => `${p}=${sec}`).join(';');
          rows.push([s.agreement, s.period, i.objective, ev.file, e.line, e.key, j.start, j.end, e.value, ev.unit, e.open, charged]);
        }
      }
    }
    return csvLines(rows);
  }
  const rows: (string | number | boolean | null)[][] = [['agreement', 'period', 'objective', 'percent', 'amount', 'cut', 'paid', 'currency', 'claim_by']];
  for (const s of view.statements) {
    for (const i of s.items) {
      const paid = s.issued === 0 ? 0 : Math.round((i.amount - i.cut) * 100) / 100;
      rows.push([s.agreement, s.period, i.objective, i.percent, i.amount, i.cut, paid, s.currency, s.claimBy]);
    }
  }
  return csvLines(rows);
}
