import { HtmlValidate } from 'html-validate';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import type { RemedyEntry } from '../../../src/attribution/remedies.js';
import type { CreditStatement } from '../../../src/attribution/statements.js';
import { formatHtml, type EvaluationView } from '../../../src/format/index.js';
import { esc } from '../../../src/format/html/escape.js';
import { AGREEMENTS, EVALUATED, VIEW, result } from './fixture.js';

const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

async function validationErrors(html: string): Promise<string[]> {
  const report = await validator.validateString(html);
  return report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`));
}

const text = (el: HTMLElement | null | undefined): string => (el ? el.textContent.replace(/\s+/g, ' ').trim() : '');

describe('formatHtml', () => {
  const html = formatHtml(VIEW);
  const doc = parse(html);

  it('is a complete HTML document titled with the as-of', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html.endsWith('</html>\n')).toBe(true);
    expect(text(doc.querySelector('title'))).toBe('slacheck evaluation as of 2026-05-15T00:00:00.000Z');
    expect(text(doc.querySelector('h1'))).toBe('slacheck evaluation as of 2026-05-15T00:00:00.000Z');
    // 8 results: 2 met, 1 at-risk, 3 breached, 1 excused, 1 no-data (fixture)
    expect(text(doc.querySelector('p.summary'))).toBe('8 results: ● 2 met ◆ 1 at-risk ✕ 3 breached ■ 1 excused ○ 1 no-data');
  });

  it('passes the HTML validator (html-validate, recommended rules)', async () => {
    expect(await validationErrors(html)).toEqual([]);
  });

  it('has one section per agreement, in id order, each linked from the overview', () => {
    const sections = doc.querySelectorAll('section.agreement');
    expect(sections.map((s) => text(s.querySelector('h2')))).toEqual([
      'OLA network-ola — Network operations',
      'SLA service-desk — Service desk for Company X',
    ]);
    const links = doc.querySelectorAll('table.overview a').map((a) => a.getAttribute('href'));
    expect(links).toEqual(sections.map((s) => `#${s.id}`));
  });

  it('draws a chart per objective, each with an accessible title and description', () => {
    const objectives = doc.querySelectorAll('section.objective');
    // network-ola: restore-time; service-desk: p1-first-response, resolution-time, change-delivery, specs-on-time, leads
    expect(objectives.map((o) => text(o.querySelector('h3')))).toEqual([
      'restore-time', 'p1-first-response', 'resolution-time', 'change-delivery', 'specs-on-time', 'leads',
    ]);
    for (const o of objectives) {
      const charts = o.querySelectorAll('svg.chart');
      expect(charts).toHaveLength(1);
      const svg = charts[0]!;
      expect(svg.getAttribute('role')).toBe('img');
      const labelledBy = svg.getAttribute('aria-labelledby')!.split(' ');
      expect(labelledBy).toHaveLength(2);
      for (const id of labelledBy) expect(svg.querySelector(`#${id}`)).not.toBeNull();
    }
    const p1 = objectives[1]!;
    expect(text(p1.querySelector('svg > title'))).toBe('service-desk/p1-first-response: value per month window, target >= 95%');
    expect(text(p1.querySelector('svg > desc'))).toBe('3 windows from 2026-03 to 2026-05; 2 breached: 2026-04, 2026-05 (partial)');
  });

  it('marks every breached window with a cross, a title and a label, and no other', () => {
    const breached = EVALUATED.filter((e) => e.status === 'breached');
    expect(breached).toHaveLength(3);
    const markers = doc.querySelectorAll('.breach-marker');
    expect(markers).toHaveLength(3);
    expect(markers.map((m) => text(m.querySelector('title')))).toEqual([
      '2026-04: 88%, breached (target >= 95%)',
      '2026-04: 91.2%, breached (target >= 95%)',
      '2026-05 (partial): 80%, breached (target >= 95%)',
    ]);
    // a cross (a path of two strokes), not a filled dot: the shape says it, not only the colour
    for (const m of markers) expect(m.querySelector('path')!.getAttribute('d')).toMatch(/^M[\d.]+ [\d.]+L[\d.]+ [\d.]+M[\d.]+ [\d.]+L[\d.]+ [\d.]+$/);
    expect(doc.querySelectorAll('text.breach-label').map(text)).toEqual(['breached', 'breached', 'breached']);
    // every point names its window and status
    const points = doc.querySelectorAll('g.point');
    expect(points).toHaveLength(EVALUATED.length);
    EVALUATED.forEach((e, i) => expect(text(points[i]!.querySelector('title'))).toContain(`, ${e.status} (target`));
  });

  it('places the target line at the target value on the y scale', () => {
    const p1 = doc.querySelectorAll('section.objective')[1]!;
    // values 96.5, 91.2, 80 and target 95: range 80..96.5 padded by 10% of 16.5 = 1.65 → 78.35..98.15;
    // plot 162 px high from y = 18: y(95) = 180 − (95 − 78.35) / 19.8 × 162 = 180 − 136.23 = 43.77
    const line = p1.querySelector('line.target-line')!;
    expect([line.getAttribute('y1'), line.getAttribute('y2')]).toEqual(['43.8', '43.8']);
    expect(p1.querySelector('line.warning-line')).toBeNull();
    // y(80) = 180 − 1.65 / 19.8 × 162 = 166.5, below the target line (larger y)
    const cross = p1.querySelectorAll('.breach-marker')[1]!.querySelector('path')!.getAttribute('d')!;
    const ys = [...cross.matchAll(/[ML][\d.]+ ([\d.]+)/g)].map((m) => Number(m[1]));
    expect((Math.min(...ys) + Math.max(...ys)) / 2).toBeCloseTo(166.5, 1);
    // resolution-time has a warning (<= 3h): a dashed line named in text
    const rt = doc.querySelectorAll('section.objective')[2]!;
    expect(rt.querySelectorAll('line.warning-line')).toHaveLength(1);
    expect(rt.querySelectorAll('text.line-label').map(text)).toEqual(['target <= 4h', 'warning <= 3h']);
  });

  it('shows every status with its word and symbol, never by colour alone', () => {
    const badges = doc.querySelectorAll('.status');
    expect(badges.length).toBeGreaterThan(20);
    for (const b of badges) {
      const cls = b.classList.value.find((c) => c !== 'status')!;
      const words = text(b);
      // scorecard cells are a count under the status's column heading
      if (b.closest('table.scorecard')) expect(words).toMatch(/^[●◆✕■○] \d+$/);
      else if (b.closest('ul.remedies')) expect(words).toBe(cls === 'breached' ? '✕ triggered' : '● not triggered');
      else expect(words).toMatch(new RegExp(`^[●◆✕■○] (\\d+ )?${cls}$`));
    }
  });

  it('has the party scorecard, the windows table and the breach explanations', () => {
    const rows = doc.querySelectorAll('table.scorecard tbody tr');
    // owners network-team, it-ops, company-x, in agreement order (network-ola's provider first)
    expect(rows.map((r) => text(r.querySelector('th')))).toEqual(['network-team', 'it-ops', 'company-x']);
    const sd = doc.querySelectorAll('section.agreement')[1]!;
    const breaches = sd.querySelectorAll('article.breach');
    // p1-first-response 2026-04 and 2026-05 (partial) breached, change-delivery 2026-04 excused
    expect(breaches.map((b) => text(b.querySelector('h4')))).toEqual([
      'p1-first-response 2026-04', 'p1-first-response 2026-05 (partial)', 'change-delivery 2026-04',
    ]);
    const facts = (el: HTMLElement) => Object.fromEntries(el.querySelectorAll('dt').map((dt) => [text(dt), text(dt.nextElementSibling)]));
    expect(facts(breaches[0]!)).toEqual({
      status: '✕ breached 91.2% < 95% (target); root cause network-ola/restore-time 2026-04 (owner network-team) does not excuse it-ops; service credit 10% (1,200 EUR)',
      owner: 'it-ops',
      'root cause': 'network-ola/restore-time 2026-04, owner network-team; path service-desk/p1-first-response → network-ola/restore-time',
      charged: 'nothing charged to another party',
      computed: 'count: 10 records',
      credit: '10% (1,200 EUR)',
    });
    expect(facts(breaches[2]!)['root cause']).toBe('service-desk/specs-on-time 2026-04, owner company-x; path service-desk/change-delivery → service-desk/specs-on-time');
    const anchor = breaches[0]!.querySelector('h4 a')!.getAttribute('href')!;
    expect(text(doc.querySelector(`${anchor} h3`))).toBe('p1-first-response');
    const cells = (row: HTMLElement) => row.querySelectorAll('th, td').map(text);
    expect(sd.querySelectorAll('table.credits tbody tr').map(cells)).toEqual([['p1-first-response', '2026-04', '✕ breached', '10% (1,200 EUR)']]);
    // the p1 windows table: one row per window, value as every format shows it
    const p1 = sd.querySelectorAll('section.objective')[0]!;
    expect(p1.querySelectorAll('table.windows tbody tr').map(cells)).toEqual([
      ['2026-03', '96.5%', '● met', '198 of 200', ''],
      ['2026-04', '91.2%', '✕ breached', '10 of 10', '10% (1,200 EUR)'],
      ['2026-05 (partial)', '80%', '✕ breached', '10 of 10', ''],
    ]);
  });

  it('is self-contained: no script, no external resource', () => {
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    for (const el of doc.querySelectorAll('[href], [src]')) {
      for (const attr of ['href', 'src']) {
        const v = el.getAttribute(attr);
        if (v !== undefined) expect(v).toMatch(/^#/);
      }
    }
    expect(doc.querySelectorAll('link, img, iframe, object, embed')).toHaveLength(0);
    const css = text(doc.querySelector('style'));
    expect(css).not.toMatch(/url\(|@import/);
    expect(css).toContain('@media print');
  });

  it('charts the whole history of a selected objective, and tables and explains only the selection', () => {
    const april = EVALUATED.filter((e) => e.window.label === '2026-04');
    const selected = parse(formatHtml({ ...VIEW, evaluated: april, history: EVALUATED }));
    const objectives = selected.querySelectorAll('section.objective');
    // 2026-04 windows: network-ola/restore-time, p1-first-response, change-delivery, specs-on-time
    expect(objectives.map((o) => text(o.querySelector('h3')))).toEqual(['restore-time', 'p1-first-response', 'change-delivery', 'specs-on-time']);
    const p1 = objectives[1]!;
    // p1-first-response has 3 windows (2026-03, 2026-04, 2026-05 partial) in its history
    expect(p1.querySelectorAll('g.point')).toHaveLength(3);
    expect(p1.querySelectorAll('table.windows tbody tr')).toHaveLength(3);
    // explanations: network-ola 2026-04 breached; p1 2026-04 breached and change-delivery 2026-04 excused
    expect(selected.querySelectorAll('article.breach').map((b) => text(b.querySelector('h4')))).toEqual([
      'restore-time 2026-04', 'p1-first-response 2026-04', 'change-delivery 2026-04',
    ]);
  });

  it('is deterministic: the same view gives the same bytes', () => {
    expect(formatHtml({ ...VIEW })).toBe(html);
  });

  it('says so when there are no results, and still validates', async () => {
    const empty = formatHtml({ asOf: '2026-01-01', evaluated: [], agreements: [] });
    expect(text(parse(empty).querySelector('header p'))).toBe('No results: no objective has a window up to as-of 2026-01-01.');
    expect(await validationErrors(empty)).toEqual([]);
  });
});

describe('formatHtml escaping', () => {
  const HOSTILE = `<script>alert(1)</script> "&'`;
  const statement: CreditStatement = {
    agreement: 'service-desk', period: '2026-04', periodStartMs: 0, periodEndMs: 1, total: 1200, capped: 1200, issued: 1200,
    currency: 'EUR', cap: null, minimum: 0, claimBy: null,
    items: [{ objective: HOSTILE, window: '2026-04', percent: 10, amount: 1200, cut: 0 }] as CreditStatement['items'],
  };
  const remedy = {
    agreement: 'service-desk', id: 'exit', description: HOSTILE, triggered: true, window: '2026-04', windowStartMs: 0, windowEndMs: 1,
    evidence: ['2026-04'], average: null, unit: null, actBy: null,
    remedy: { when: { kind: 'breached', breached: 1, of: 1 } },
  } as unknown as RemedyEntry;
  const view: EvaluationView = {
    asOf: '2026-05-15',
    evaluated: [
      result({ objective: HOSTILE, owner: HOSTILE, value: 91.2, status: 'breached', credit: { percent: 10, amount: 1200, currency: 'EUR' }, file: HOSTILE }),
    ],
    agreements: [{ ...AGREEMENTS[1]!, title: HOSTILE, parties: [{ id: 'it-ops', name: HOSTILE, role: 'provider' }, { id: 'company-x', name: 'Company X', role: 'customer' }] }],
    credits: [statement],
    remedies: [remedy],
    warnings: [{ code: 'data-empty', agreement: 'service-desk', objective: null, file: HOSTILE, line: null }],
  };
  const html = formatHtml(view);
  const doc = parse(html);

  it('escapes & < > " and \' in text', () => {
    expect(esc(HOSTILE)).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &quot;&amp;&#39;');
    expect(esc('a\u0000b\u0007c')).toBe('abc');
  });

  it('never lets a title, party, objective, file or description become markup', async () => {
    expect(html).not.toContain('<script>');
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(text(doc.querySelector('section.agreement h2'))).toBe(`SLA service-desk — ${HOSTILE}`);
    expect(text(doc.querySelector('section.objective h3'))).toBe(HOSTILE);
    expect(text(doc.querySelector('table.scorecard tbody tr td'))).toBe(HOSTILE);
    expect(text(doc.querySelector('ul.remedies'))).toContain(`— ${HOSTILE}:`);
    expect(text(doc.querySelector('table.statement tbody td'))).toBe(`${HOSTILE} 10% 1,200 EUR`);
    expect(text(doc.querySelector('section.warnings li'))).toContain(HOSTILE);
    // the chart's title and point titles too
    expect(text(doc.querySelector('svg > title'))).toBe(`service-desk/${HOSTILE}: value per month window, target >= 95%`);
    expect(await validationErrors(html)).toEqual([]);
  });
});
