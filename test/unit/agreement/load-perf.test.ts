import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadAgreements } from '../../../src/agreement/loader.js';

const root = mkdtempSync(path.join(tmpdir(), 'slacheck-perf-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A typical agreement (~2.5 KB): parties, calendar, service, data, four objectives, one report. */
function agreement(i: number): string {
  return `# yaml-language-server: $schema=../../schemas/agreement.schema.json
apiVersion: slacheck/v1
kind: ${['SLA', 'OLA', 'UC'][i % 3]}
id: agreement-${i}
title: Service desk ${i}
description: First- and second-level support for team ${i}.
parties:
  it-ops: { name: IT Operations, role: provider, contact: servicedesk@example.com }
  company-x: { name: Company X, role: customer, contact: cio@example.com }
validity: { from: 2026-01-01, to: 2026-12-31 }
timezone: Europe/Berlin
fee: { amount: 12000, currency: EUR, per: month }
calendars:
  office:
    hours: { mon-fri: "08:00-18:00" }
    holidays: [2026-12-24, 2026-12-25, 2026-12-26]
services:
  desk: { description: Support, location: Remote, hours: office }
data:
  tickets: { file: data/tickets-${i}.csv }
  incidents: { file: data/incidents-${i}.csv }
monitoring: { collection: Nightly export, verification: monthly, auditor: company-x }
objectives:
  - id: p1-first-response
    service: desk
    source: tickets
    where: { priority: P1 }
    measure: { duration: { from: opened_at, to: first_response_at } }
    aggregate: ratio
    good: { within: 30m }
    target: ">= 95%"
    warning: ">= 97%"
    window: month
    pause: [{ column: waiting_minutes, unit: m, party: company-x }]
    exclude: [{ where: { cause: maintenance }, party: none }]
    credits:
      - { below: 95%, credit: 5% }
      - { below: 90%, credit: 10% }
  - id: resolution-p90
    source: tickets
    measure: { duration: { from: opened_at, to: resolved_at, calendar: office } }
    aggregate: p90
    target: "<= 8h"
    window: month
  - id: changes-on-time
    source: tickets
    measure: { deadline: { due: due_at, done: done_at } }
    aggregate: ratio
    target: ">= 90%"
    window: quarter
    inputs: [{ party: company-x, due: specs_due, done: specs_received }]
  - id: availability
    source: incidents
    measure: { uptime: { from: started_at, to: ended_at, calendar: office } }
    target: ">= 99.5%"
    window: month
    dependsOn: [{ objective: agreement-${(i + 1) % 200}/availability, excuses: true }]
reports:
  - id: monthly-report
    format: PDF
    channel: email
    to: [service-manager@example.com]
    schedule: { every: month, by: "10:00", on: 3 }
    log: { source: tickets, at: delivered_at, where: { type: report } }
    target: ">= 95%"
    window: quarter
`;
}

// How fast this is (target: well under a second, start-up included) is measured by the benchmark,
// case (v) of test/bench/run.mjs (`npm run bench`), on a quiet machine: a unit test sharing two
// cores with other test files cannot assert a wall-clock bound without being flaky or meaningless.
it('loads and validates 200 agreement files that reference each other', async () => {
  for (let i = 0; i < 200; i++) writeFileSync(path.join(root, `agreement-${String(i).padStart(3, '0')}.yaml`), agreement(i));
  const r = await loadAgreements(['.'], { cwd: root });
  expect(r.problems).toEqual([]);
  expect(r.agreements).toHaveLength(200);
  expect(r.agreements[199]!.doc.id).toBe('agreement-199');
});
