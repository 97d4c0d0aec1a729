import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { marked, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { formatExplainText, formatGithub, formatJunit, formatMarkdown, formatTable } from '../../../src/format/index.js';
import { cdata, xmlAttr } from '../../../src/format/xml.js';
import { markdownCell } from '../../../src/format/markdown-cell.js';
import { NASTY, VIEW, result } from './fixture.js';

const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

function parseJunit(xml: string) {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, cdataPropName: '#cdata', htmlEntities: true });
  return parser.parse(xml);
}

describe('formatJunit', () => {
  const xml = formatJunit(VIEW);
  const doc = parseJunit(xml);

  it('has testsuites > testsuite > testcase with counts that match the cases', () => {
    // the summary in every format's words: 7 complete (2 met, 1 at-risk, 2 breached, 1 excused, 1 no-data) + the partial p1 2026-05 breach
    expect(xml.startsWith(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<!-- 7 complete windows: 2 met, 1 at-risk, 2 breached, 1 excused, 1 no-data · 1 partial window so far: 1 breached -->\n' +
        '<testsuites name="slacheck" ',
    )).toBe(true);
    expect(XMLValidator.validate(xml)).toBe(true);
    const root = doc.testsuites;
    // 8 results; failures = breached complete (network-ola 2026-04, p1 2026-04) = 2;
    // skipped = partial p1 2026-05 + no-data leads = 2
    expect([root.name, root.tests, root.failures, root.skipped, root.errors]).toEqual(['slacheck', '8', '2', '2', '0']);
    const suites = asArray(root.testsuite);
    expect(suites.map((s: { name: string }) => s.name)).toEqual(['network-ola', 'service-desk']);
    let total = 0;
    for (const suite of suites) {
      const cases = asArray(suite.testcase) as Record<string, unknown>[];
      total += cases.length;
      expect(Number(suite.tests)).toBe(cases.length);
      expect(Number(suite.failures)).toBe(cases.filter((c) => c.failure !== undefined).length);
      expect(Number(suite.skipped)).toBe(cases.filter((c) => c.skipped !== undefined).length);
      expect(suite.timestamp).toBe(VIEW.asOf);
      const names = cases.map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
      for (const c of cases) expect(c.classname).toBe(suite.name);
    }
    expect(total).toBe(8);
  });

  it('fails breached complete windows with details, skips partial and no-data, notes at-risk and excused', () => {
    const cases = asArray(asArray(doc.testsuites.testsuite)[1].testcase) as Record<string, any>[];
    const byName = new Map<string, any>(cases.map((c) => [c.name, c]));
    const breached = byName.get('p1-first-response [2026-04]');
    expect(breached.failure.type).toBe('breached');
    expect(breached.failure.message).toBe('service-desk/p1-first-response 2026-04: 91.2% (target >= 95%), breached');
    expect(breached.failure['#cdata']).toContain('root cause network-ola/restore-time 2026-04 (owner network-team)');
    expect(byName.get('p1-first-response [2026-05]').skipped.message).toMatch(/^partial window/);
    expect(byName.get('leads [2026-03]').skipped.message).toMatch(/^no data/);
    expect(byName.get('resolution-time [2026-03]')['system-out']['#cdata']).toContain('at-risk');
    expect(byName.get('change-delivery [2026-04]')['system-out']['#cdata']).toContain('excused');
    expect(byName.get('p1-first-response [2026-03]').failure).toBeUndefined();
  });

  it('fails what fails the run: with --fail-on at-risk,no-data the at-risk and the complete no-data window fail too', () => {
    const failing = new Set(VIEW.evaluated.filter((e) => !e.window.partial && ['breached', 'at-risk', 'no-data'].includes(e.status)));
    const d = parseJunit(formatJunit({ ...VIEW, failing }));
    // failures: 2 breached complete + 1 at-risk + 1 no-data = 4; skipped: only the partial window = 1
    expect([d.testsuites.failures, d.testsuites.skipped]).toEqual(['4', '1']);
    const cases = asArray(asArray(d.testsuites.testsuite)[1].testcase) as Record<string, any>[];
    const byName = new Map<string, any>(cases.map((c) => [c.name, c]));
    expect(byName.get('leads [2026-03]').failure.type).toBe('no-data');
    expect(byName.get('resolution-time [2026-03]').failure.type).toBe('at-risk');
    expect(byName.get('p1-first-response [2026-05]').skipped.message).toMatch(/^partial window/);
  });

  it('escapes attributes and text, strips invalid characters and splits ]]>', () => {
    const root = { agreement: 'x', objective: `${NASTY}\u0001\uFFFE`, owner: 'o', window: '2026-03', path: [] };
    const nasty = result({ objective: NASTY, value: 1, status: 'breached', rootCause: root });
    const out = formatJunit({ ...VIEW, evaluated: [nasty] });
    expect(XMLValidator.validate(out)).toBe(true);
    expect(out).not.toContain('\u0001');
    expect(out).not.toContain('\uFFFE');
    const parsed = parseJunit(out);
    const suite = asArray(parsed.testsuites.testsuite).find((x: { name: string }) => x.name === 'service-desk');
    const tc = suite.testcase;
    // attribute newlines are written as &#10; so they survive; the parser gives the text back
    expect(tc.name).toBe(`${NASTY} [2026-03]`);
    const body = asArray(tc.failure['#cdata']).join('');
    expect(body).toContain(`why: 1% < 95% (target); root cause x/${NASTY} 2026-03 (owner o) does not excuse it-ops`);
    expect(xmlAttr('a&b<c>"d\'\n')).toBe('a&amp;b&lt;c&gt;&quot;d&apos;&#10;');
    expect(cdata('x]]>y')).toBe('<![CDATA[x]]]]><![CDATA[>y]]>');
  });
});

describe('formatGithub', () => {
  it('annotates breaches as errors, at-risk and partial breaches as warnings, excused and complete no-data as notices', () => {
    const lines = formatGithub(VIEW).trimEnd().split('\n');
    expect(lines.map((l) => l.slice(0, l.indexOf(' ')))).toEqual(['::error', '::error', '::warning', '::warning', '::notice', '::notice', '::notice']);
    // last, the run's summary: the partial breach (a warning above) apart from the 7 complete windows
    expect(lines[6]).toBe('::notice title=slacheck summary::7 complete windows: 2 met, 1 at-risk, 2 breached, 1 excused, 1 no-data · 1 partial window so far: 1 breached');
    expect(lines[5]).toContain('title=service-desk/leads 2026-03 no-data::');
    expect(lines[1]).toBe(
      '::error file=agreements/service-desk.yaml,line=20,col=5,title=service-desk/p1-first-response 2026-04 breached::' +
        'service-desk/p1-first-response 2026-04: 91.2%25 (target >= 95%25), breached; 91.2%25 < 95%25 (target); ' +
        // data escaping leaves `,` and `:` alone: only properties escape them
        'root cause network-ola/restore-time 2026-04 (owner network-team) does not excuse it-ops; service credit 10%25 (1,200 EUR)',
    );
    expect(lines[2]).toContain('title=service-desk/p1-first-response 2026-05 (partial) breached::');
  });

  it('escapes the file, title and message', () => {
    const root = { agreement: 'a', objective: 'why:\nbecause, 5%', owner: 'o', window: '2026-03', path: [] };
    const r = result({ objective: 'x', value: 96, status: 'at-risk', warning: '>= 97%', file: 'a:b,c%.yaml', rootCause: root });
    expect(formatGithub({ ...VIEW, evaluated: [r] })).toBe(
      '::warning file=a%3Ab%2Cc%25.yaml,line=20,col=5,title=service-desk/x 2026-03 at-risk::' +
        'service-desk/x 2026-03: 96%25 (target >= 95%25), at-risk; 96%25 ≥ 95%25 (target) but below the 97%25 warning; ' +
        'root cause a/why:%0Abecause, 5%25 2026-03 (owner o) does not excuse it-ops\n' +
        '::notice title=slacheck summary::1 complete window: 0 met, 1 at-risk, 0 breached, 0 excused, 0 no-data\n',
    );
  });

  it('annotates nothing for met windows and partial no-data ones: only the summary notice', () => {
    const partialEmpty = result({ objective: 'y', label: '2026-05', partial: true, value: null, status: 'no-data' });
    expect(formatGithub({ ...VIEW, evaluated: [result({ objective: 'x', value: 99, status: 'met' }), partialEmpty] })).toBe(
      '::notice title=slacheck summary::1 complete window: 1 met, 0 at-risk, 0 breached, 0 excused, 0 no-data · 1 partial window so far: 1 no-data\n',
    );
    expect(formatGithub({ ...VIEW, evaluated: [] })).toBe('');
  });

  it('makes what fails the run an error: --fail-on at-risk,no-data turns the at-risk and the no-data window into errors', () => {
    const failing = new Set(VIEW.evaluated.filter((e) => !e.window.partial && ['breached', 'at-risk', 'no-data'].includes(e.status)));
    const lines = formatGithub({ ...VIEW, failing }).trimEnd().split('\n');
    const levelOf = (title: string) => lines.find((l) => l.includes(`title=${title}::`))?.split(' ')[0];
    expect(levelOf('service-desk/resolution-time 2026-03 at-risk')).toBe('::error');
    expect(levelOf('service-desk/leads 2026-03 no-data')).toBe('::error');
    // the partial breach never fails a run: still a warning
    expect(levelOf('service-desk/p1-first-response 2026-05 (partial) breached')).toBe('::warning');
  });

  it('annotates each warning of the run at its file and line, before the windows', () => {
    const warning = {
      code: 'data-empty' as const, agreement: 'service-desk', objective: null, file: 'exports/callbacks.csv', line: null,
    };
    const out = formatGithub({ ...VIEW, evaluated: [], warnings: [warning] });
    expect(out).toBe(
      '::warning file=exports/callbacks.csv,title=slacheck warning data-empty::' +
        'the data file has a header but no rows: every objective reading it has no data\n',
    );
  });
});

describe('formatMarkdown', () => {
  const md = formatMarkdown(VIEW);
  const tokens = marked.lexer(md);

  it('starts with a summary and lists breaches with root causes', () => {
    expect(md.startsWith('# slacheck evaluation as of 2026-05-15T00:00:00.000Z\n\n')).toBe(true);
    // 8 results: the partial p1 2026-05 breach is not counted with the complete windows (SPEC 6)
    expect(md).toContain(
      '**7 complete windows:** ✅ 2 met, ⚠️ 1 at-risk, ❌ 2 breached, ⏸ 1 excused, · 1 no-data · **1 partial window so far:** ❌ 1 breached\n',
    );
    expect(md).toContain(
      '- ❌ service-desk/p1-first-response 2026-04: 91.2% (target >= 95%), root cause network-ola/restore-time 2026-04 (owner network-team)',
    );
  });

  it('has a heading, parties line and objectives × windows table per agreement', () => {
    const headings = tokens.filter((t): t is Tokens.Heading => t.type === 'heading' && t.depth === 2).map((t) => t.text);
    expect(headings).toEqual(['OLA network-ola — Network operations', 'SLA service-desk — Service desk for Company X']);
    expect(md).toContain('**Parties:** IT Operations (it-ops) → Company X (company-x) · **Validity:** 2026-01-01 to 2026-12-31');
    const tables = tokens.filter((t): t is Tokens.Table => t.type === 'table');
    expect(tables).toHaveLength(2);
    const sd = tables[1]!;
    expect(sd.header.map((h) => h.text)).toEqual(['objective', 'owner', 'target', '2026-03', '2026-04', '2026-05 (partial)']);
    expect(sd.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['p1-first-response', 'it-ops', '>= 95%', '✅ 96.5%', '❌ 91.2%', '❌ 80%'],
      ['resolution-time', 'it-ops', '<= 4h', '⚠️ 3h 25m', '', ''],
      ['change-delivery', 'it-ops', '<= 1', '', '⏸ 2', ''],
      ['specs-on-time', 'company-x', '>= 95%', '', '✅ 50%', ''],
      ['leads', 'it-ops', '>= 3', '· —', '', ''],
    ]);
    expect(md).toContain('- change-delivery 2026-04 ⏸ excused: service-desk/specs-on-time 2026-04 (owner company-x)');
    expect(md).toContain('- p1-first-response 2026-04: 10% (1,200 EUR)');
  });

  it('escapes pipes so a cell never splits', () => {
    const r = result({ objective: 'a|b', owner: 'x|y', value: 1, status: 'met' });
    const table = marked.lexer(formatMarkdown({ ...VIEW, evaluated: [r] })).find((t) => t.type === 'table') as Tokens.Table;
    expect(table.rows[0]!.map((c) => c.text)).toEqual(['a|b', 'x|y', '>= 95%', '✅ 1%']);
    expect(markdownCell(NASTY)).toBe('a\\|b <c> & d ]]> 50% x:y, "q" next');
  });
});

describe('display never contradicts the status (SPEC 9.2)', () => {
  // the report: 99.98759% against >= 99.99% showed "BREACHED — 99.99% < 99.99%", and the table
  // and Markdown showed ✅ 99.99% beside ❌ 99.99%
  const met = result({ objective: 'uptime', label: '2026-03', value: 99.99, target: '>= 99.99%', status: 'met' });
  const breached = result({ objective: 'uptime', label: '2026-04', value: 99.98759, target: '>= 99.99%', status: 'breached' });
  const view = { ...VIEW, evaluated: [met, breached] };

  it('every format shows 99.988% for the breach and 99.99% for the window exactly on target', () => {
    const table = formatTable(view, { color: false });
    expect(table).toMatch(/│\s+99\.99% │ >= 99\.99% │ met/);
    expect(table).toMatch(/│\s+99\.988% │ >= 99\.99% │ breached/);
    const md = formatMarkdown(view);
    expect(md).toContain('| uptime | it-ops | >= 99.99% | ✅ 99.99% | ❌ 99.988% |');
    expect(md).toContain('- ❌ service-desk/uptime 2026-04: 99.988% (target >= 99.99%)');
    expect(formatJunit(view)).toContain('message="service-desk/uptime 2026-04: 99.988% (target &gt;= 99.99%), breached"');
    expect(formatJunit(view)).toContain('why: 99.988% < 99.99% (target)');
    expect(formatGithub(view)).toContain('99.988%25 (target >= 99.99%25), breached; 99.988%25 < 99.99%25 (target)');
    expect(formatExplainText([breached], { color: false })).toContain('BREACHED — 99.988% < 99.99% (target)');
    expect(formatExplainText([breached], { color: false })).toContain('value       99.988%, target >= 99.99%');
  });
});

describe('a charge to the reserved party none reads as an exclusion, in every format', () => {
  const r = result({ objective: 'uptime', value: 90, status: 'breached', charged: { none: { records: 1, seconds: 7200 } } });
  const view = { ...VIEW, evaluated: [r] };
  it('says excluded (no party), never "none 1 (2h)"', () => {
    expect(formatTable(view, { color: false })).toContain('│ excluded (no party) 1 (2h) │');
    expect(formatJunit(view)).toContain('charged: excluded (no party) 1 (2h)');
    expect(formatGithub(view)).toContain('; charged: excluded (no party) 1 (2h)');
    expect(formatExplainText([r], { color: false })).toContain('  charged     excluded (no party): 1 record, 2h');
    for (const out of [formatTable(view, { color: false }), formatJunit(view), formatGithub(view), formatExplainText([r], { color: false })]) {
      expect(out).not.toMatch(/\bnone\b/);
    }
  });
});

describe('formatMarkdown with many breaches', () => {
  it('the summary lists the first 50 breaches, then says how many more', () => {
    // 60 breached windows of one objective (daily rolling windows breach this often)
    const evaluated = Array.from({ length: 60 }, (_, i) => result({ objective: 'restore-28d', label: `2026-03-${String((i % 28) + 1).padStart(2, '0')}/${i}`, value: 50, status: 'breached' }));
    const md = formatMarkdown({ ...VIEW, evaluated });
    const summary = md.slice(0, md.indexOf('\n## '));
    expect(summary.match(/^- ❌ /gm)).toHaveLength(50);
    expect(summary).toContain('- … and 10 more (the tables below and `--format json` show every window)\n');
  });
});
