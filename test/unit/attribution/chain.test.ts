import { describe, expect, test } from 'vitest';
import type { AgreementDoc } from '../../../src/agreement/model.js';
import { attributeDependencies } from '../../../src/attribution/chain.js';
import type { CompiledAgreement } from '../../../src/compile/index.js';
import type { Evaluated, Status } from '../../../src/evaluate/result.js';
import { compileDocs } from '../compiled.js';

function agreement(doc: Partial<AgreementDoc> & Pick<AgreementDoc, 'id' | 'parties'>): AgreementDoc {
  return { apiVersion: 'slacheck/v1', kind: 'SLA', title: doc.id, validity: { from: '2026-01-01', to: '2026-12-31' }, data: { t: { file: 't.csv' } }, ...doc } as AgreementDoc;
}

/** Attributes `results` and returns the new results in the same order; the inputs must stay as they were. */
function attribute(docs: AgreementDoc[], results: Evaluated[]): Evaluated[] {
  const agreements: CompiledAgreement[] = compileDocs(docs);
  const before = structuredClone(results);
  const after = attributeDependencies(agreements, results);
  expect(results).toEqual(before);
  return after;
}

function result(agreement: string, objective: string, owner: string, label: string, start: string, end: string, status: Status): Evaluated {
  return {
    agreement,
    objective,
    owner,
    window: { label, start, end, partial: false },
    value: 1,
    lowerBound: false,
    unit: '%',
    target: '>= 99%',
    status,
    counts: { records: 1, counted: 1, good: 0, open: 0, excluded: 0, skipped: 0, invalid: 0 },
    charged: {},
    rootCause: null,
    credit: null,
    agreementKind: 'SLA',
    agreementTitle: agreement,
    zone: 'Europe/Berlin',
    source: { file: 'x.yaml', line: 1, column: 1 },
    windowKind: 'month',
    startMs: Date.parse(start),
    endMs: Date.parse(end),
    itemKind: 'objective',
    explanation: { computation: [], attributions: [], examples: [], verdict: { status: 'no-data' }, excuse: null, chain: [] },
  };
}

const parties = (provider: string, customer: string) => ({
  [provider]: { name: provider, role: 'provider' as const },
  [customer]: { name: customer, role: 'customer' as const },
});

describe('dependency chains (SPEC 5)', () => {
  // SLA (weekly) -> OLA (monthly) -> UC (monthly). ISO week 2026-W10 is Mon 2 March to Mon 9 March
  // (Berlin, UTC+1: 2026-03-01T23:00Z .. 2026-03-08T23:00Z); March is 2026-02-28T23:00Z .. 2026-03-31T22:00Z.
  // Intersection = the whole week (7 d) >= half the shorter (3.5 d): they overlap.
  const agreements = [
    agreement({ id: 'desk', parties: parties('it-ops', 'company-x'), objectives: [{ id: 'p1', source: 't', measure: 'count', aggregate: 'count', target: '>= 1', window: 'week', dependsOn: ['net/restore'] }] }),
    agreement({ id: 'net', kind: 'OLA', parties: parties('network', 'it-ops'), objectives: [{ id: 'restore', source: 't', measure: 'count', aggregate: 'count', target: '>= 1', window: 'month', dependsOn: [{ objective: 'isp/uptime' }] }] }),
    agreement({ id: 'isp', kind: 'UC', parties: parties('isp-co', 'it-ops'), objectives: [{ id: 'uptime', source: 't', measure: 'count', aggregate: 'count', target: '>= 1', window: 'month' }] }),
  ];

  test('three levels, mixed granularity: root cause is the UC, status stays breached', () => {
    const sla = result('desk', 'p1', 'it-ops', '2026-W10', '2026-03-01T23:00:00.000Z', '2026-03-08T23:00:00.000Z', 'breached');
    const olaFeb = result('net', 'restore', 'network', '2026-02', '2026-01-31T23:00:00.000Z', '2026-02-28T23:00:00.000Z', 'breached');
    const olaMar = result('net', 'restore', 'network', '2026-03', '2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z', 'breached');
    const ucMar = result('isp', 'uptime', 'isp-co', '2026-03', '2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z', 'breached');
    const [slaA, olaFebA, olaMarA] = attribute(agreements, [sla, olaFeb, olaMar, ucMar]);
    const [sla_, olaFeb_, olaMar_] = [slaA!, olaFebA!, olaMarA!];
    expect(sla_.status).toBe('breached'); // isp-co is not a customer of desk: an UC failure excuses nothing
    expect(sla_.rootCause).toEqual({ agreement: 'isp', objective: 'uptime', owner: 'isp-co', window: '2026-03', path: ['desk/p1', 'net/restore', 'isp/uptime'] });
    expect(olaMar_.rootCause?.path).toEqual(['net/restore', 'isp/uptime']);
    // February OLA: no UC window for February was evaluated, so no root cause
    expect(olaFeb_.rootCause).toBeNull();
    expect(sla_.explanation.chain[0]).toEqual({ objective: 'net/restore', window: '2026-03', status: 'breached', note: { kind: 'attributed', path: ['isp/uptime'] } });
    expect(sla_.explanation.excuse).toBeNull(); // the root cause is named, and does not excuse
  });

  test('a met dependency explains nothing; a customer root cause excuses', () => {
    const ags = [
      agreement({ id: 'cr', parties: parties('app-team', 'company-x'), objectives: [
        { id: 'delivery', source: 't', measure: 'count', aggregate: 'count', target: '>= 1', window: 'month', dependsOn: ['other', 'specs'] },
        { id: 'other', owner: 'app-team', source: 't', measure: 'count', aggregate: 'count', target: '>= 1', window: 'month' },
        { id: 'specs', owner: 'company-x', source: 't', measure: 'count', aggregate: 'count', target: '>= 1', window: 'month' },
      ] }),
    ];
    const d = result('cr', 'delivery', 'app-team', '2026-04', '2026-04-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z', 'breached');
    const o = result('cr', 'other', 'app-team', '2026-04', '2026-04-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z', 'met');
    const s = result('cr', 'specs', 'company-x', '2026-04', '2026-04-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z', 'breached');
    const [dA, oA] = attribute(ags, [d, o, s]);
    expect(dA!.status).toBe('excused');
    expect(dA!.rootCause).toEqual({ agreement: 'cr', objective: 'specs', owner: 'company-x', window: '2026-04', path: ['cr/delivery', 'cr/specs'] });
    expect(dA!.explanation.chain.map((c) => c.objective)).toEqual(['cr/other', 'cr/specs']);
    expect(dA!.explanation.chain[0]!.note).toEqual({ kind: 'no-breach', seen: [{ label: '2026-04', status: 'met' }] });
    expect(dA!.explanation.excuse).toEqual({ by: 'customer' });
    expect(oA!.rootCause).toBeNull();
  });

  test('excuses: true excuses a provider-owned root cause; latest overlapping window is used', () => {
    const ags = [
      agreement({ id: 'sales', kind: 'OLA', parties: parties('sales', 'service'), objectives: [{ id: 'customers', source: 't', measure: 'count', aggregate: 'count', target: '>= 50', window: 'quarter', dependsOn: [{ objective: 'mkt/leads', excuses: true }] }] }),
      agreement({ id: 'mkt', kind: 'OLA', parties: parties('marketing', 'sales'), objectives: [{ id: 'leads', source: 't', measure: 'count', aggregate: 'count', target: '>= 200', window: 'month' }] }),
    ];
    const q = result('sales', 'customers', 'sales', '2026-Q2', '2026-04-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z', 'breached');
    const apr = result('mkt', 'leads', 'marketing', '2026-04', '2026-04-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z', 'breached');
    const may = result('mkt', 'leads', 'marketing', '2026-05', '2026-05-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z', 'breached');
    const jun = result('mkt', 'leads', 'marketing', '2026-06', '2026-06-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z', 'met');
    const [qA] = attribute(ags, [q, apr, may, jun]);
    expect(qA!.status).toBe('excused');
    expect(qA!.explanation.excuse).toEqual({ by: 'flag', dependency: 'mkt/leads' });
    expect(qA!.rootCause?.window).toBe('2026-05'); // April and May both breached and overlap; May starts later
  });

  test('windows touching for six hours do not overlap', () => {
    // New York March = 2026-03-01T05:00Z .. 2026-04-01T04:00Z; Berlin April = 2026-03-31T22:00Z .. 2026-04-30T22:00Z.
    // Intersection 6 h < half of the shorter (31 d / 2): not overlapping.
    const ags = [
      agreement({ id: 'eu', parties: parties('p', 'c'), objectives: [{ id: 'x', source: 't', measure: 'count', aggregate: 'count', target: '>= 1', window: 'month', dependsOn: ['us/y'] }] }),
      agreement({ id: 'us', parties: parties('q', 'p'), objectives: [{ id: 'y', source: 't', measure: 'count', aggregate: 'count', target: '>= 1', window: 'month' }] }),
    ];
    const x = result('eu', 'x', 'p', '2026-04', '2026-03-31T22:00:00.000Z', '2026-04-30T22:00:00.000Z', 'breached');
    const y = result('us', 'y', 'q', '2026-03', '2026-03-01T05:00:00.000Z', '2026-04-01T04:00:00.000Z', 'breached');
    const [xA] = attribute(ags, [x, y]);
    expect(xA!.rootCause).toBeNull();
    expect(xA!.status).toBe('breached');
  });
});
