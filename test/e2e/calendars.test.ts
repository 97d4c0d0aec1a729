/**
 * SPEC 9.5 calendars through the CLI: a calendar per record (a follow-the-sun desk) with an Easter
 * holiday, on test/fixtures/e2e/follow-the-sun (UTC agreement; calendars berlin, Europe/Berlin
 * Mon–Fri 08–18 with Easter Monday off, and new-york, America/New_York Mon–Fri 09–17).
 *
 * March (before either DST change: Berlin UTC+1, New York UTC−5 from 8 March; on 2 March EST, UTC−5):
 *   E1 EMEA Mon 2 Mar 16:00Z → Tue 08:00Z: Berlin 17:00 → Tue 09:00: Mon 17–18 + Tue 08–09 = 2h, good
 *   A1 AMER same instants: New York Mon 11:00 → Tue 03:00: Mon 11–17 = 6h, not within 4h
 *   P1 APAC, not in the map: the default (berlin): 2h, good                → 2 of 3 = 66.67%
 * April (Berlin UTC+2): E2 EMEA Fri 3 Apr 14:00Z → Tue 7 Apr 07:00Z: Berlin Fri 16:00 → Tue 09:00:
 *   Fri 16–18 = 2h, Easter Monday (6 April) off, Tue 08–09 = 1h = 3h, good → 100%
 *   (without the holiday it would be 13h: bad)
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runMain } from './cli.js';

const DIR = 'test/fixtures/e2e/follow-the-sun';
const tmp = mkdtempSync(join(tmpdir(), 'slacheck-calendars-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a calendar per record (SPEC 9.5)', () => {
  test('each ticket runs on its region\'s hours; unmapped values take the default', async () => {
    const r = await runMain(['evaluate', DIR, '--as-of', '2026-05-01', '--format', 'json', '--fail-on', 'never']);
    const results = (JSON.parse(r.stdout) as { results: { window: { label: string }; value: number | null; counts: { counted: number; good: number } }[] }).results;
    const at = (label: string) => results.find((x) => x.window.label === label)!;
    expect([at('2026-03').counts.counted, at('2026-03').counts.good]).toEqual([3, 2]);
    expect([at('2026-04').counts.counted, at('2026-04').value]).toEqual([1, 100]);
    const explain = await runMain(['explain', 'resolution', DIR, '--as-of', '2026-05-01', '--window', '2026-03']);
    expect(explain.stdout).toContain('ratio: 2 of 3 within 4h on calendar per region');
    expect(explain.stdout).toContain('id A1 (line 3): 6h, not within 4h');
  });

  test('a value with no calendar and no default is a bad cell naming its line (exit 2), or a skipped row with invalid: skip', async () => {
    const dir = join(tmp, 'no-default');
    cpSync(DIR, dir, { recursive: true });
    const yaml = join(dir, 'desk.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(', default: berlin }', ' }'));
    const r = await runMain(['evaluate', dir, '--as-of', '2026-05-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('tickets.csv:4:');
    expect(r.stderr).toContain('"APAC" names no calendar: the map has "EMEA", "AMER" and there is no default');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('tickets: { file: tickets.csv }', 'tickets: { file: tickets.csv, invalid: skip }'));
    const skip = await runMain(['evaluate', dir, '--as-of', '2026-05-01', '--format', 'json', '--fail-on', 'never']);
    const march = (JSON.parse(skip.stdout) as { results: { window: { label: string }; counts: { counted: number; invalid: number } }[] }).results.find((x) => x.window.label === '2026-03')!;
    expect([march.counts.counted, march.counts.invalid]).toEqual([2, 1]);
  });
});
