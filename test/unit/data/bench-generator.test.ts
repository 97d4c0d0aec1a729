import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { readCsv } from '../../../src/data/csv.js';

const generator = new URL('../../bench/generate.mjs', import.meta.url).pathname;
const root = mkdtempSync(join(tmpdir(), 'slacheck-bench-gen-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function generateInto(name: string): string {
  const dir = join(root, name);
  execFileSync(process.execPath, [generator, dir, '--rows', '200'], { stdio: 'pipe' });
  return dir;
}

describe('test/bench/generate.mjs', () => {
  const first = generateInto('first');
  const second = generateInto('second');
  const tickets = readFileSync(join(first, 'tickets.csv'), 'utf8');

  test('same arguments, same bytes', () => {
    const files = readdirSync(first).sort();
    expect(files).toEqual(['bench-pause.yaml', 'bench.yaml', 'meta.json', 'ticket-status.csv', 'tickets.csv']);
    for (const file of files) expect(readFileSync(join(second, file)), file).toEqual(readFileSync(join(first, file)));
  });

  test('tickets: header, 200 rows, Berlin offsets, priorities, a few open', async () => {
    const lines = tickets.trimEnd().split('\n');
    expect(lines[0]).toBe('id,priority,opened_at,first_response_at,resolved_at');
    expect(lines).toHaveLength(201);
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(['P1', 'P2', 'P3', 'P4']));
    const opened = rows.map((r) => r[2]);
    expect(opened.every((t) => /^2026-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00$/.test(t))).toBe(true);
    // Berlin is on +01:00 in January and +02:00 in July 2026
    expect(opened.filter((t) => t.startsWith('2026-01')).every((t) => t.endsWith('+01:00'))).toBe(true);
    expect(opened.filter((t) => t.startsWith('2026-07')).every((t) => t.endsWith('+02:00'))).toBe(true);
    const open = rows.filter((r) => r[4] === '').length;
    expect(open).toBeGreaterThan(0);
    expect(open).toBeLessThan(20);
    for (const r of rows.filter((row) => row[4] !== '')) expect(Date.parse(r[4])).toBeGreaterThan(Date.parse(r[2]));
    // and the reader takes it as it is
    const result = await readCsv(
      { key: 'bench/tickets', file: 'tickets.csv', absPath: join(first, 'tickets.csv'), timezone: 'Europe/Berlin' },
      [{ bind: () => [], add: () => {} }],
    );
    expect(result.rows).toBe(200);
  });

  test('status history refers to generated tickets, in time order per ticket', () => {
    const ids = new Set(tickets.trimEnd().split('\n').slice(1).map((l) => l.split(',')[0]));
    const lines = readFileSync(join(first, 'ticket-status.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('ticket_id,changed_at,status');
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows.length).toBeGreaterThan(20);
    expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(['In progress', 'Waiting for customer', 'Resolved']));
    for (let i = 0; i < rows.length; i++) {
      expect(ids.has(rows[i][0])).toBe(true);
      if (i > 0 && rows[i][0] === rows[i - 1][0]) {
        expect(Date.parse(rows[i][1])).toBeGreaterThanOrEqual(Date.parse(rows[i - 1][1]));
      }
    }
  });

  test('agreements: eight objectives, pauses only in bench-pause.yaml', () => {
    const plain = parse(readFileSync(join(first, 'bench.yaml'), 'utf8'));
    const paused = parse(readFileSync(join(first, 'bench-pause.yaml'), 'utf8'));
    expect(plain.objectives.map((o: { id: string }) => o.id)).toEqual([
      'p1-resolution-p95', 'p1-resolution-8h', 'p2-resolution-p95', 'p2-resolution-8h',
      'p3-resolution-p95', 'p3-resolution-8h', 'p4-resolution-p95', 'p4-resolution-8h',
    ]);
    expect(plain.objectives[1]).toEqual({
      id: 'p1-resolution-8h',
      description: '90% of P1 tickets are resolved within 8 office hours',
      source: 'tickets',
      where: { priority: 'P1' },
      measure: { duration: { from: 'opened_at', to: 'resolved_at', calendar: 'office' } },
      aggregate: 'ratio',
      good: { within: '8h' },
      target: '>= 90%',
      window: 'month',
    });
    expect(plain.objectives.some((o: object) => 'pause' in o)).toBe(false);
    expect(plain.parties['customer-co'].role).toBe('customer');
    expect(plain.calendars.office.hours).toEqual({ 'mon-fri': '08:00-18:00' });
    for (const o of paused.objectives) {
      expect(o.pause).toEqual([
        { source: 'ticket-status', key: 'ticket_id', join: 'id', at: 'changed_at', status: 'status', values: ['Waiting for customer'], party: 'customer-co' },
      ]);
    }
  });
});
