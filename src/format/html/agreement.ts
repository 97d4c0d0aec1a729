/**
 * One agreement's part of the HTML report: its summary, a chart and table per objective, the
 * explanation of every breach, then credits and remedies.
 */
import type { Evaluated } from '../../evaluate/result.js';
import { STATUSES, summarize } from '../../evaluate/result.js';
import { budgetLines, budgetShown } from '../budget.js';
import { remedyReason } from '../contract.js';
import { computationText, exampleText, statusReason, wordingOf } from '../explanation.js';
import { MAX_WINDOW_COLUMNS } from '../markdown.js';
import { chargedEntries, creditTotals, formatAmount, formatCharge, formatCredit, formatNumber, formatResultValue, partyLabel } from '../values.js';
import { seriesKey, windowLabel, type AgreementInfo, type EvaluationView } from '../view.js';
import { objectiveChart } from './chart.js';
import { esc } from './escape.js';
import { statusBadge } from './status.js';

/** `<dt>`/`<dd>` pairs; the values are already HTML. */
function facts(pairs: readonly [string, string][]): string {
  return `<dl class="facts">${pairs.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

function partiesHtml(info: AgreementInfo): string {
  const role = (r: string) => info.parties.filter((p) => p.role === r).map((p) => `${esc(p.name)} (<code>${esc(p.id)}</code>)`);
  const third = role('third-party');
  return `${role('provider').join(', ')} → ${role('customer').join(', ')}${third.length ? `; also ${third.join(', ')}` : ''}`;
}

/** `3 met, 1 breached` over the given results, each with its status symbol. */
export function statusCounts(results: readonly Evaluated[]): string {
  const s = summarize(results);
  return STATUSES.filter((st) => s[st] > 0).map((st) => `${statusBadge(st, String(s[st]))}`).join(' ') || 'none';
}

/** The windows of one objective as a table, the latest `MAX_WINDOW_COLUMNS` of them. */
function windowTable(series: readonly Evaluated[]): string {
  const shown = series.slice(-MAX_WINDOW_COLUMNS);
  const note = shown.length < series.length ? `<p class="note">Latest ${shown.length} of ${series.length} windows; the chart and <code>--format json</code> have all of them.</p>` : '';
  const rows = shown.map(
    (e) =>
      `<tr><th scope="row">${esc(windowLabel(e))}</th><td class="num">${esc(formatResultValue(e))}</td><td>${statusBadge(e.status)}</td>` +
      `<td class="num">${e.counts.counted} of ${e.counts.records}</td><td>${esc(formatCredit(e.credit))}</td></tr>`,
  );
  return (
    `${note}<table class="windows"><thead><tr><th scope="col">window</th><th scope="col">value</th><th scope="col">status</th>` +
    `<th scope="col">counted</th><th scope="col">credit</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

function objectiveSection(series: readonly Evaluated[], id: string, severalKinds: boolean, budgets: ReadonlySet<Evaluated>): string {
  const first = series[0]!;
  const heading = `${first.objective}${severalKinds ? ` (${first.windowKind} windows)` : ''}`;
  const breached = series.filter((e) => e.status === 'breached');
  const caption =
    `${series.length} window${series.length === 1 ? '' : 's'}; ` +
    (breached.length === 0 ? 'none breached.' : `breached: ${breached.map(windowLabel).join(', ')}.`) +
    ' Solid line: target; dashed line: warning.';
  const budget = series.filter((e) => budgets.has(e)).map((e) => `<li>${esc(windowLabel(e))}: ${esc(budgetLines(e).join('; '))}</li>`);
  return [
    `<section class="objective" id="${id}">`,
    `<h3>${esc(heading)}</h3>`,
    facts([
      ['owner', `<code>${esc(first.owner)}</code>`],
      ['target', esc(first.target)],
      ['defined at', `<code>${esc(`${first.source.file}:${first.source.line}`)}</code>`],
    ]),
    `<figure>${objectiveChart(series, `${id}-chart`)}<figcaption>${esc(caption)}</figcaption></figure>`,
    windowTable(series),
    budget.length ? `<h4>Error budget</h4><ul class="budget">${budget.join('')}</ul>` : '',
    '</section>',
  ].filter((s) => s !== '').join('\n');
}

/** SPEC 5 in words for one breached (or excused) window: the verdict, root cause, charges, computation. */
function breachArticle(e: Evaluated, objectiveId: string): string {
  const wording = wordingOf(e);
  const rc = e.rootCause;
  const charged = chargedEntries(e.charged).map(([party, charge]) => esc(formatCharge(party, charge)));
  const pairs: [string, string][] = [
    ['status', `${statusBadge(e.status)} ${esc(statusReason(e))}`],
    ['owner', `<code>${esc(e.owner)}</code>`],
    ['root cause', rc ? `<code>${esc(`${rc.agreement}/${rc.objective}`)}</code> ${esc(rc.window)}, owner <code>${esc(partyLabel(rc.owner))}</code>; path ${esc(rc.path.join(' → '))}` : 'none: not traced to a dependency'],
    ['charged', charged.length ? charged.join('; ') : 'nothing charged to another party'],
    ['computed', `<ul>${e.explanation.computation.map((s) => `<li>${esc(computationText(s, wording))}</li>`).join('')}</ul>`],
  ];
  if (e.explanation.examples.length) pairs.push(['examples', `<ul>${e.explanation.examples.map((x) => `<li>${esc(exampleText(x, wording))}</li>`).join('')}</ul>`]);
  if (e.credit) pairs.push(['credit', esc(formatCredit(e.credit))]);
  return `<article class="breach"><h4><a href="#${objectiveId}">${esc(e.objective)}</a> ${esc(windowLabel(e))}</h4>${facts(pairs)}</article>`;
}

function creditsAndRemedies(id: string, results: readonly Evaluated[], view: EvaluationView): string[] {
  const out: string[] = [];
  const credited = results.filter((e) => e.credit);
  const statements = (view.credits ?? []).filter((s) => s.agreement === id);
  const remedies = (view.remedies ?? []).filter((r) => r.agreement === id);
  if (credited.length === 0 && statements.length === 0 && remedies.length === 0) return ['<h3>Credits and remedies</h3>', '<p>No credits and no remedies.</p>'];
  out.push('<h3>Credits and remedies</h3>');
  if (credited.length > 0) {
    out.push(
      '<table class="credits"><thead><tr><th scope="col">objective</th><th scope="col">window</th><th scope="col">status</th><th scope="col">credit</th></tr></thead><tbody>',
      ...credited.map((e) => `<tr><td>${esc(e.objective)}</td><td>${esc(windowLabel(e))}</td><td>${statusBadge(e.status)}</td><td>${esc(formatCredit(e.credit))}</td></tr>`),
      '</tbody></table>',
      `<p>Total: ${esc(creditTotals(credited, statements).join('; '))}</p>`,
    );
  }
  if (statements.length > 0) {
    out.push(
      '<h4>Credit statement</h4>',
      '<table class="statement"><thead><tr><th scope="col">period</th><th scope="col">credits</th><th scope="col">total</th><th scope="col">capped</th><th scope="col">issued</th><th scope="col">claim by</th></tr></thead><tbody>',
      ...statements.map((s) => {
        const money = (x: number) => esc(formatAmount(x, s.currency));
        const items = s.items.map((i) => `${i.objective} ${formatNumber(i.percent)}% ${formatAmount(i.amount, s.currency)}${i.cut > 0 ? ` (cut ${formatAmount(i.cut, s.currency)})` : ''}`);
        const issued = `${money(s.issued)}${s.issued === 0 && s.capped > 0 ? ` (under the minimum of ${money(s.minimum)}: not issued)` : ''}`;
        return `<tr><th scope="row">${esc(s.period)}</th><td>${esc(items.join(', '))}</td><td class="num">${money(s.total)}</td><td class="num">${money(s.capped)}</td><td class="num">${issued}</td><td>${esc(s.claimBy ?? '—')}</td></tr>`;
      }),
      '</tbody></table>',
    );
  }
  if (remedies.length > 0) {
    out.push('<h4>Remedies</h4>', '<ul class="remedies">');
    for (const r of remedies) {
      const badge = `<span class="status ${r.triggered ? 'breached' : 'met'}">${r.triggered ? '✕ triggered' : '● not triggered'}</span>`;
      const when = r.triggered ? ` at ${esc(r.window ?? '')}` : r.window ? ` (latest window ${esc(r.window)})` : '';
      const act = r.actBy === null ? '' : `; act by ${esc(r.actBy)}`;
      const desc = r.description ? ` — ${esc(r.description)}` : '';
      out.push(`<li>${badge} <code>${esc(r.id)}</code>${when}${desc}: ${esc(remedyReason(r))}${act}</li>`);
    }
    out.push('</ul>');
  }
  return out;
}

/** The agreement's section; `index` numbers the ids of its parts. */
export function agreementSection(id: string, index: number, view: EvaluationView): string {
  const info = view.agreements.find((a) => a.id === id);
  const results = view.evaluated.filter((e) => e.agreement === id);
  const first = results[0];
  const kind = info?.kind ?? first?.agreementKind ?? '';
  const title = info?.title ?? first?.agreementTitle ?? '';
  const sid = `agreement-${index}`;
  const out = [`<section class="agreement" id="${sid}">`, `<h2>${esc(`${kind} ${id} — ${title}`)}</h2>`];
  const pairs: [string, string][] = [];
  if (info) {
    pairs.push(['parties', partiesHtml(info)], ['validity', `${esc(info.validity.from)} to ${esc(info.validity.to)}`]);
    if (info.fee) pairs.push(['fee', `${esc(formatAmount(info.fee.amount, info.fee.currency))} per ${esc(info.fee.per)}`]);
  }
  pairs.push(['file', `<code>${esc(info?.file ?? first?.source.file ?? '')}</code>`], ['windows', statusCounts(results)]);
  out.push(facts(pairs));
  if (results.length === 0) {
    out.push(`<p>No windows up to as-of ${esc(view.asOf)}.</p>`, '</section>');
    return out.join('\n');
  }
  // a chart is a trend: with a selection (`--latest`, `--window`) it still shows the objective's other windows
  const history = view.history ?? view.evaluated;
  const keys: string[] = [];
  for (const e of results) if (!keys.includes(seriesKey(e))) keys.push(seriesKey(e));
  const budgets = budgetShown(history);
  const objectiveIds = new Map<string, string>();
  const objectives = keys.map((key, i) => {
    const series = history.filter((e) => seriesKey(e) === key).sort((a, b) => a.startMs - b.startMs);
    const kinds = new Set(results.filter((e) => e.objective === series[0]!.objective).map((e) => e.windowKind));
    const oid = `${sid}-objective-${i + 1}`;
    objectiveIds.set(key, oid);
    return objectiveSection(series, oid, kinds.size > 1, budgets);
  });
  out.push('<h3>Objectives</h3>', ...objectives);
  const breaches = results.filter((e) => e.status === 'breached' || e.status === 'excused');
  out.push('<h3>Breaches explained</h3>');
  if (breaches.length === 0) out.push('<p>No breached or excused windows.</p>');
  else out.push(...breaches.map((e) => breachArticle(e, objectiveIds.get(seriesKey(e))!)));
  out.push(...creditsAndRemedies(id, results, view), '</section>');
  return out.join('\n');
}
