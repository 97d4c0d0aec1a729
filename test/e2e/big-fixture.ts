/** A data set just over the progress threshold (4 MiB), for the progress-line tests. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes big.yaml and events.csv into `dir`: 160 000 events in January 2026, one count objective. */
export function writeBigFixture(dir: string): void {
  writeFileSync(
    join(dir, 'big.yaml'),
    [
      'apiVersion: slacheck/v1',
      'kind: SLA',
      'id: big',
      'title: Many events',
      'parties:',
      '  ops: { name: Operations, role: provider, contact: ops@example.com }',
      '  acme: { name: Acme, role: customer, contact: cio@acme.example.com }',
      'validity: { from: 2026-01-01, to: 2026-01-31 }',
      'timezone: UTC',
      'data:',
      '  events: { file: events.csv }',
      'monitoring: { collection: Export, verification: monthly, auditor: acme }',
      'objectives:',
      '  - { id: events, source: events, measure: count, aggregate: count, target: ">= 1", window: month }',
      '',
    ].join('\n'),
  );
  // 160 000 rows of 29 bytes ≈ 4.6 MB (the progress threshold is 4 MiB), one event every 15 s from 2026-01-01 (≈ 27.8 days: all in January)
  const start = Date.UTC(2026, 0, 1);
  const rows = ['id,timestamp'];
  for (let i = 0; i < 160_000; i++) rows.push(`E${String(i).padStart(6, '0')},${new Date(start + i * 15_000).toISOString().slice(0, 19)}Z`);
  writeFileSync(join(dir, 'events.csv'), rows.join('\n') + '\n');
}
