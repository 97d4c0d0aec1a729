/**
 * SPEC 9.5 maintenance windows through the CLI, on test/fixtures/e2e/maintenance: a carrier UC in
 * Europe/Berlin, 24x7 uptime >= 99.9%, weekly patching on Sundays 02:00–04:00 excluded when
 * announced at least 72h before (announcements.csv, rows with kind = maintenance).
 *
 * The Sundays of March 2026 and their notices (each notice announces the first occurrence starting
 * at least 72h after it):
 *   1 Mar  02:00–04:00 CET (2h)   announced 20 Feb 10:00: used
 *   8 Mar  (2h)                   no notice: refused, not announced
 *  15 Mar  (2h)                   the notice of 12 Mar 10:00 came 64h before: too late for it, so it
 *                                 announces the next one, 22 Mar: refused (too late)
 *  22 Mar  (2h)                   announced 12 Mar: used
 *  29 Mar  the spring-forward night: 02:00 does not exist and becomes 03:00, so 03:00–04:00 CEST is
 *          the whole occurrence, 1 hour (01:00–02:00 UTC); announced 25 Mar 12:00: used
 * (the newsletter row of 20 Mar is not an announcement: `where` leaves it out)
 *
 * March has 743 h (the spring-forward day has 23); used occurrences remove 2 + 2 + 1 = 5 h of
 * service time: 738 h. Downtime: I2 8 Mar 02:30–03:30 CET lies in a refused occurrence: 1 h counts.
 * I3 22 Mar 02:15–03:45 lies wholly inside a used occurrence: excluded (counts.excluded). I1 29 Mar
 * 01:30 CET → 04:30 CEST is 2 h long, of which 03:00–04:00 CEST is maintenance: 1 h counts.
 * Uptime = 100 × (1 − 2 h / 738 h) = 99.728997…% < 99.9%: breached. `none` is charged 3 records (the
 * three occurrences that removed service time) and 5 h = 18,000 s.
 *
 * ticket-restore (ratio within 4h) excludes records whose start falls inside a used occurrence:
 * T1 opened 1 Mar 02:30 (used): excluded, charged to none; T2 opened 8 Mar 02:30 (refused): 6h 30m,
 * bad; T3 1h, good -> 1 of 2 = 50%.
 */
import { describe, expect, test } from 'vitest';
import { runMain } from './cli.js';

const DIR = 'test/fixtures/e2e/maintenance';

describe('maintenance windows (SPEC 9.5)', () => {
  test('used occurrences leave downtime and service time; the charge goes to the window\'s party', async () => {
    const r = await runMain(['evaluate', DIR, '--as-of', '2026-04-01', '--window', '2026-03', '--objective', 'wan-uptime', '--format', 'json']);
    expect(r.code).toBe(1);
    const [march] = (JSON.parse(r.stdout) as { results: { value: number; status: string; counts: object; charged: object }[] }).results;
    expect(march!.value).toBeCloseTo(100 * (1 - 2 / 738), 10);
    expect(march!.status).toBe('breached');
    expect(march!.counts).toMatchObject({ records: 3, counted: 2, excluded: 1 });
    expect(march!.charged).toEqual({ none: { records: 3, seconds: 18000 } });
  });

  test('records whose time falls inside a used occurrence are excluded and charged to the window\'s party', async () => {
    const r = await runMain(['evaluate', DIR, '--as-of', '2026-04-01', '--window', '2026-03', '--objective', 'ticket-restore', '--format', 'json']);
    const [march] = (JSON.parse(r.stdout) as { results: { value: number; counts: object; charged: object }[] }).results;
    expect(march!.value).toBe(50);
    expect(march!.counts).toMatchObject({ records: 3, counted: 2, good: 1, excluded: 1 });
    expect(march!.charged).toEqual({ none: { records: 1, seconds: 0 } });
    // explain names the occurrences for records too
    const explain = await runMain(['explain', 'ticket-restore', DIR, '--as-of', '2026-04-01', '--window', '2026-03']);
    expect(explain.stdout).toContain('maintenance weekly-patching: 3 of 5 occurrences excluded: ');
    expect(explain.stdout).toContain('maintenance → excluded (no party): 1 record (maintenance weekly-patching)');
  });

  test('explain lists each occurrence used or refused, and why', async () => {
    const r = await runMain(['explain', 'wan-uptime', DIR, '--as-of', '2026-04-01', '--window', '2026-03']);
    const line = r.stdout.split('\n').find((l) => l.includes('maintenance weekly-patching:'))!;
    expect(line.trim()).toBe(
      'maintenance weekly-patching: 3 of 5 occurrences excluded: ' +
        '2026-03-01 02:00 +01:00 → 2026-03-01 04:00 +01:00 excluded, announced at least 72h before (announced 2026-02-20 10:00 +01:00); ' +
        '2026-03-08 02:00 +01:00 → 2026-03-08 04:00 +01:00 not excluded: not announced; ' +
        '2026-03-15 02:00 +01:00 → 2026-03-15 04:00 +01:00 not excluded: announced less than 72h before (announced 2026-03-12 10:00 +01:00); ' +
        '2026-03-22 02:00 +01:00 → 2026-03-22 04:00 +01:00 excluded, announced at least 72h before (announced 2026-03-12 10:00 +01:00); ' +
        '2026-03-29 03:00 +02:00 → 2026-03-29 04:00 +02:00 excluded, announced at least 72h before (announced 2026-03-25 12:00 +01:00)',
    );
    expect(r.stdout).toContain('downtime 2h of 738h service time (calendar 24x7), 2 incidents');
    expect(r.stdout).toContain('id I3 (line 3): excluded (inside maintenance weekly-patching, charged to no party), 2026-03-22 02:15 +01:00 – 2026-03-22 03:45 +01:00');
  });

  test('validate names an unknown maintenance window and a week without a day', async () => {
    const { mkdtempSync, readFileSync, writeFileSync, cpSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'slacheck-maintenance-'));
    try {
      cpSync(DIR, dir, { recursive: true });
      const yaml = join(dir, 'carrier-uc.yaml');
      writeFileSync(
        yaml,
        readFileSync(yaml, 'utf8').replace('maintenance: [weekly-patching]', 'maintenance: [weekly-patchng]').replace('    on: sun\n', '').replace('at: announced_at', 'at: announced'),
      );
      const r = await runMain(['validate', yaml]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('invalid-maintenance');
      expect(r.stdout).toContain('maintenance `weekly-patching` every week needs `on`: one of mon, tue, wed, thu, fri, sat, sun');
      expect(r.stdout).toContain('unknown maintenance window `weekly-patchng` (did you mean `weekly-patching`?)');
      // validate reads the notice log's header too
      expect(r.stdout).toContain('unknown column `announced` (did you mean `announced_at`?)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
