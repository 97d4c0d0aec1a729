/**
 * `evaluate --format html` end to end on examples/ (SPEC 9.6): the page is written through the
 * CLI, agrees with the JSON of the same run, passes the validator and is byte-identical run to run.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { parse } from 'node-html-parser';
import { afterAll, describe, expect, test } from 'vitest';
import { EXAMPLES_WARNINGS, runMain } from './cli.js';

describe('evaluate examples --format html', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'slacheck-html-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  test('writes one self-contained, valid page that matches the JSON, the same bytes every run', async () => {
    const first = join(tmp, 'report.html');
    const second = join(tmp, 'again.html');
    const json = join(tmp, 'report.json');
    const r = await runMain(['evaluate', 'examples', '--as-of', '2026-07-01', '--format', 'html', '--output', first, '--format', 'json', '--output', json]);
    // the examples breach on purpose: exit 1, as with any other format
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith(EXAMPLES_WARNINGS)).toBe(true);
    const again = await runMain(['evaluate', 'examples', '--as-of', '2026-07-01', '--format', 'html', '--output', second]);
    expect(again.code).toBe(1);
    const html = readFileSync(first, 'utf8');
    expect(readFileSync(second, 'utf8')).toBe(html);

    const results = (JSON.parse(readFileSync(json, 'utf8')) as { results: { agreement: string; objective: string; status: string }[] }).results;
    const doc = parse(html);
    const agreements = [...new Set(results.map((x) => x.agreement))].sort();
    expect(doc.querySelectorAll('section.agreement').map((s) => s.querySelector('h2')!.textContent.split(' ')[1])).toEqual(agreements);
    // without a selection every window is charted once: one marker per result, a cross per breach
    expect(doc.querySelectorAll('g.point')).toHaveLength(results.length);
    expect(doc.querySelectorAll('.breach-marker')).toHaveLength(results.filter((x) => x.status === 'breached').length);
    const objectives = new Set(results.map((x) => `${x.agreement}/${x.objective}`));
    expect(doc.querySelectorAll('svg.chart').length).toBeGreaterThanOrEqual(objectives.size);
    expect(doc.querySelectorAll('article.breach')).toHaveLength(results.filter((x) => x.status === 'breached' || x.status === 'excused').length);
    expect(doc.querySelectorAll('script')).toHaveLength(0);

    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(html);
    expect(report.results.flatMap((x) => x.messages.map((m) => `${m.line} ${m.ruleId} ${m.message}`))).toEqual([]);
  });

  test('html to stdout, and a typo in the format is a usage error listing html', async () => {
    const r = await runMain(['evaluate', 'examples/service-desk', '--as-of', '2026-07-01', '--format', 'html', '--fail-on', 'never']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    const bad = await runMain(['evaluate', 'examples/service-desk', '--as-of', '2026-07-01', '--format', 'htm']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format htm: expected one of table, json, markdown, junit, github, html');
  });
});
