/**
 * `evaluate --format html` (SPEC 9.6): one self-contained page for people who will not read a
 * terminal — inline CSS and SVG, no script, no external resource; deterministic (the only time in
 * it is the as-of of the run).
 */
import { STATUSES } from '../../evaluate/result.js';
import { formatDuration } from '../../time/format.js';
import { kept, partyScores } from '../scorecard.js';
import { partyLabel } from '../values.js';
import { agreementIds, type EvaluationView } from '../view.js';
import { warningMessage } from '../warnings.js';
import { agreementSection, statusCounts } from './agreement.js';
import { STATUS_SYMBOL } from '../status-style.js';
import { esc } from './escape.js';
import { STYLE } from './style.js';

function legend(): string {
  const items = STATUSES.map((st) => `<span class="status ${st}">${STATUS_SYMBOL[st]} ${st}</span>`);
  return `<p class="legend">Legend: ${items.join(' ')} <span class="key target">━ target</span> <span class="key warning">┅ warning</span></p>`;
}

function overview(view: EvaluationView, ids: readonly string[]): string {
  const rows = ids.map((id, i) => {
    const info = view.agreements.find((a) => a.id === id);
    const results = view.evaluated.filter((e) => e.agreement === id);
    const kind = info?.kind ?? results[0]?.agreementKind ?? '';
    const title = info?.title ?? results[0]?.agreementTitle ?? '';
    return `<tr><td>${esc(kind)}</td><th scope="row"><a href="#agreement-${i + 1}">${esc(id)}</a></th><td>${esc(title)}</td><td>${statusCounts(results)}</td></tr>`;
  });
  return (
    '<table class="overview"><thead><tr><th scope="col">kind</th><th scope="col">agreement</th><th scope="col">title</th><th scope="col">windows</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

function scorecard(view: EvaluationView): string {
  const scores = partyScores(view);
  if (scores.length === 0) return '<p>No party owns a result.</p>';
  const head = ['party', 'name', 'role', 'owns', ...STATUSES, 'kept', 'root cause of', 'charged records', 'charged time'];
  const rows = scores.map((s) => {
    const owns = s.owned > 0;
    const cells = [
      `<th scope="row"><code>${esc(partyLabel(s.party))}</code></th>`,
      `<td>${esc(s.name)}</td>`,
      `<td>${esc(s.roles.join(', '))}</td>`,
      `<td class="num">${owns ? s.owned : ''}</td>`,
      // a zero is plain; a count is shown with its status symbol
      ...STATUSES.map((st) => `<td class="num">${!owns ? '' : s.statuses[st] === 0 ? '0' : `<span class="status ${st}">${STATUS_SYMBOL[st]} ${s.statuses[st]}</span>`}</td>`),
      `<td class="num">${esc(kept(s))}</td>`,
      `<td class="num">${owns || s.rootCauseOf > 0 ? s.rootCauseOf : ''}</td>`,
      `<td class="num">${s.chargedRecords}</td>`,
      `<td class="num">${s.chargedSeconds !== 0 ? esc(formatDuration(s.chargedSeconds)) : ''}</td>`,
    ];
    return `<tr>${cells.join('')}</tr>`;
  });
  return (
    '<p class="note">Statuses over complete windows; <em>root cause of</em>: breached or excused complete windows traced to the party’s objectives; ' +
    '<em>charged</em>: records and working time taken from other owners’ results and charged to the party.</p>' +
    `<table class="scorecard"><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

export function formatHtml(view: EvaluationView): string {
  const ids = agreementIds(view);
  const title = `slacheck evaluation as of ${view.asOf}`;
  const body: string[] = [`<header><h1>${esc(title)}</h1>`];
  if (view.evaluated.length === 0) body.push(`<p>No results: no objective has a window up to as-of ${esc(view.asOf)}.</p>`);
  else body.push(`<p class="summary">${view.evaluated.length} results: ${statusCounts(view.evaluated)}</p>`);
  body.push(legend(), '</header>', '<main>');
  body.push('<section class="overview"><h2>Agreements</h2>', overview(view, ids), '</section>');
  const warnings = view.warnings ?? [];
  if (warnings.length > 0) {
    body.push('<section class="warnings"><h2>Warnings</h2><ul>', ...warnings.map((w) => `<li><code>${esc(w.code)}</code> ${esc(`${w.file}${w.line === null ? '' : `:${w.line}`}`)}: ${esc(warningMessage(w))}</li>`), '</ul></section>');
  }
  body.push('<section class="parties"><h2>Party scorecard</h2>', scorecard(view), '</section>');
  ids.forEach((id, i) => body.push(agreementSection(id, i + 1, view)));
  body.push('</main>');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="slacheck">',
    `<title>${esc(title)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
