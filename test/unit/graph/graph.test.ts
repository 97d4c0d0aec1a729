import { describe, expect, it } from 'vitest';
import type { AgreementDoc } from '../../../src/agreement/model.js';
import type { CompiledAgreement } from '../../../src/compile/index.js';
import { buildGraph } from '../../../src/graph/build.js';
import { formatDot, formatMermaid } from '../../../src/graph/index.js';
import { compileDocs } from '../compiled.js';

const docs = new Map<string, AgreementDoc>();
/** Registers a document; `compiled` compiles them all together (references cross agreements). */
function loaded(doc: AgreementDoc): string {
  docs.set(doc.id, doc);
  return doc.id;
}
const compiled = (...ids: string[]): CompiledAgreement[] => {
  const all = compileDocs([...docs.values()]);
  return ids.map((id) => all.find((a) => a.id === id)!);
};

const base = { apiVersion: 'slacheck/v1' as const, validity: { from: '2026-01-01', to: '2026-12-31' }, data: { t: { file: 't.csv' }, l: { file: 'l.csv' } } };
const measure = { duration: { from: 'a', to: 'b' } };
const good = { within: '1h' };

const SERVICE_DESK = loaded({
  ...base,
  kind: 'SLA',
  id: 'service-desk',
  title: 'Service desk for Company X',
  parties: {
    'it-ops': { name: 'IT Operations', role: 'provider' },
    'company-x': { name: 'Company X', role: 'customer' },
  },
  objectives: [
    {
      id: 'p1-first-response', source: 't', measure, aggregate: 'ratio', good, target: '>= 95%', window: 'month',
      dependsOn: ['network-ola/restore-time', { objective: 'specs-on-time', excuses: true }],
    },
    { id: 'specs-on-time', owner: 'company-x', source: 't', measure, aggregate: 'ratio', good, target: '>= 90%', window: 'month' },
  ],
  reports: [
    {
      id: 'daily-report', schedule: { every: 'day', by: '10:00' }, log: { source: 'l', at: 'x' },
      target: '>= 95%', window: 'month', dependsOn: ['specs-on-time'],
    },
  ],
});

const NETWORK = loaded({
  ...base,
  kind: 'OLA',
  id: 'network-ola',
  title: 'Network "core" <ops>',
  parties: { 'net-team': { name: 'Net & Co', role: 'provider' }, 'it-ops': { name: 'IT Operations', role: 'customer' } },
  objectives: [{ id: 'restore-time', source: 't', measure, aggregate: 'p95', target: '<= 4h', window: 'month' }],
});

describe('buildGraph', () => {
  it('has agreements in id order with items and resolved dependsOn edges', () => {
    const g = buildGraph(compiled(SERVICE_DESK, NETWORK));
    expect(g.agreements.map((a) => a.id)).toEqual(['network-ola', 'service-desk']);
    expect(g.agreements[1]!.items.map((i) => [i.key, i.itemKind, i.owner])).toEqual([
      ['service-desk/p1-first-response', 'objective', 'it-ops'],
      ['service-desk/specs-on-time', 'objective', 'company-x'],
      ['service-desk/daily-report', 'report', 'it-ops'],
    ]);
    expect(g.agreements[1]!.provider).toBe('IT Operations');
    expect(g.agreements[1]!.customers).toEqual(['Company X']);
    expect(g.edges).toEqual([
      { from: 'service-desk/p1-first-response', to: 'network-ola/restore-time', excuses: false },
      { from: 'service-desk/p1-first-response', to: 'service-desk/specs-on-time', excuses: true },
      { from: 'service-desk/daily-report', to: 'service-desk/specs-on-time', excuses: false },
    ]);
    expect(g.hasStatus).toBe(false);
  });

  it('carries the latest status when given', () => {
    const g = buildGraph(compiled(SERVICE_DESK), new Map([['service-desk/p1-first-response', 'breached' as const]]));
    expect(g.hasStatus).toBe(true);
    expect(g.agreements[0]!.items.map((i) => i.status)).toEqual(['breached', null, null]);
  });
});

describe('formatMermaid', () => {
  it('draws a flowchart with a subgraph per agreement, escaped labels and edges to dependencies', () => {
    const latest = new Map([
      ['service-desk/p1-first-response', 'breached' as const],
      ['network-ola/restore-time', 'breached' as const],
      ['service-desk/specs-on-time', 'at-risk' as const],
    ]);
    expect(formatMermaid(buildGraph(compiled(SERVICE_DESK, NETWORK), latest))).toBe(
      [
        'flowchart LR',
        '  subgraph a_network_ola["OLA network-ola: Net #amp; Co → IT Operations"]',
        '    n_network_ola_restore_time["restore-time<br/>net-team · #lt;= 4h / month"]',
        '  end',
        '  subgraph a_service_desk["SLA service-desk: IT Operations → Company X"]',
        '    n_service_desk_p1_first_response["p1-first-response<br/>it-ops · #gt;= 95% / month"]',
        '    n_service_desk_specs_on_time["specs-on-time<br/>company-x · #gt;= 90% / month"]',
        '    n_service_desk_daily_report("daily-report<br/>it-ops · #gt;= 95% / month")',
        '  end',
        '  n_service_desk_p1_first_response --> n_network_ola_restore_time',
        '  n_service_desk_p1_first_response -. excuses .-> n_service_desk_specs_on_time',
        '  n_service_desk_daily_report --> n_service_desk_specs_on_time',
        '  classDef met fill:#d4edda,stroke:#2e7d32,color:#000',
        '  classDef at_risk fill:#fff3cd,stroke:#b8860b,color:#000',
        '  classDef breached fill:#f8d7da,stroke:#c62828,color:#000',
        '  classDef excused fill:#d1ecf1,stroke:#0277bd,color:#000',
        '  classDef no_data fill:#eeeeee,stroke:#757575,color:#000',
        '  class n_service_desk_specs_on_time at_risk',
        '  class n_network_ola_restore_time,n_service_desk_p1_first_response breached',
        '',
      ].join('\n'),
    );
  });

  it('is deterministic whatever order agreements were loaded in, and has no classes without statuses', () => {
    const a = formatMermaid(buildGraph(compiled(SERVICE_DESK, NETWORK)));
    expect(a).toBe(formatMermaid(buildGraph(compiled(NETWORK, SERVICE_DESK))));
    expect(a).not.toContain('classDef met');
  });

  it('keeps ids unique when sanitizing would collide', () => {
    const parties = { p: { name: 'P', role: 'provider' as const }, c: { name: 'C', role: 'customer' as const } };
    const x = loaded({ ...base, kind: 'SLA', id: 'a-b', title: 't', parties, objectives: [
      { id: 'c', source: 't', measure, aggregate: 'ratio', good, target: '>= 1%', window: 'month' },
    ] });
    const y = loaded({ ...base, kind: 'SLA', id: 'a', title: 't', parties, objectives: [
      { id: 'b-c', source: 't', measure, aggregate: 'ratio', good, target: '>= 1%', window: 'month' },
    ] });
    const out = formatMermaid(buildGraph(compiled(x, y)));
    // a/b-c → n_a_b_c first (id order), a-b/c → n_a_b_c taken → n_a_b_c_2
    expect(out).toContain('    n_a_b_c["b-c');
    expect(out).toContain('    n_a_b_c_2["c');
  });
});

describe('formatDot', () => {
  it('writes a digraph with a cluster per agreement and fill colours by status', () => {
    const out = formatDot(buildGraph(compiled(SERVICE_DESK, NETWORK), new Map([['network-ola/restore-time', 'breached' as const]])));
    expect(out).toBe(
      [
        'digraph slacheck {',
        '  rankdir=LR;',
        '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica"];',
        '  edge [fontname="Helvetica"];',
        '  subgraph "cluster_network-ola" {',
        '    label="OLA network-ola: Net & Co → IT Operations";',
        '    "network-ola/restore-time" [label="restore-time\\nnet-team · <= 4h / month", fillcolor="#f8d7da", tooltip="breached"];',
        '  }',
        '  subgraph "cluster_service-desk" {',
        '    label="SLA service-desk: IT Operations → Company X";',
        '    "service-desk/p1-first-response" [label="p1-first-response\\nit-ops · >= 95% / month"];',
        '    "service-desk/specs-on-time" [label="specs-on-time\\ncompany-x · >= 90% / month"];',
        '    "service-desk/daily-report" [label="daily-report\\nit-ops · >= 95% / month", shape=note];',
        '  }',
        '  "service-desk/p1-first-response" -> "network-ola/restore-time";',
        '  "service-desk/p1-first-response" -> "service-desk/specs-on-time" [style=dashed, label="excuses"];',
        '  "service-desk/daily-report" -> "service-desk/specs-on-time";',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('escapes quotes and backslashes in labels', () => {
    const g = buildGraph(compiled(NETWORK));
    g.agreements[0]!.title = 'x';
    g.agreements[0]!.provider = 'say "hi" \\o/';
    expect(formatDot(g)).toContain('label="OLA network-ola: say \\"hi\\" \\\\o/ → IT Operations";');
  });
});
