import { describe, expect, test } from 'vitest';
import type { AgreementDoc, LoadedAgreement } from '../../../src/agreement/model.js';
import { compileAgreements, type CompiledObjective } from '../../../src/compile/index.js';

function agreement(id: string, dir: string, extra: Partial<AgreementDoc>): LoadedAgreement {
  const doc = {
    apiVersion: 'slacheck/v1',
    kind: 'SLA',
    id,
    title: id,
    parties: { p: { name: 'P', role: 'provider' }, c: { name: 'C', role: 'customer' } },
    validity: { from: '2026-01-01', to: '2026-12-31' },
    ...extra,
  } as AgreementDoc;
  return { doc, file: `${id}.yaml`, dir, locate: () => ({ line: 1, column: 1 }) };
}

const counting = (id: string, source: string) => ({ id, source, measure: 'count' as const, aggregate: 'count', target: '>= 0', window: 'month' as const, time: 'at' });

const desk = agreement('desk', '/repo/agreements/desk', {
  timezone: 'Europe/Berlin',
  data: { tickets: { file: 'data/tickets.csv' }, incidents: { file: '../shared/incidents.csv', timezone: 'UTC', delimiter: ';' } },
  objectives: [counting('t', 'tickets'), counting('i', 'incidents')],
});
const ola = agreement('ola', '/repo/agreements/ola', {
  data: { tickets: { file: 'tickets.csv' } },
  objectives: [counting('own', 'tickets'), counting('shared', 'desk/tickets')],
});

function sources(dataOverrides?: Map<string, string>, cwd = '/repo') {
  const compiled = compileAgreements([desk, ola], { cwd, ...(dataOverrides ? { dataOverrides } : {}) });
  expect(compiled.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const [d, o] = compiled.agreements;
  const source = (a: typeof d, i: number) => (a!.items[i] as CompiledObjective).dataSet;
  return { compiled, deskTickets: source(d, 0), deskIncidents: source(d, 1), olaTickets: source(o, 0), olaShared: source(o, 1) };
}

describe('data sets resolved by compile (SPEC 2)', () => {
  test('local ids resolve against the declaring file, display paths against cwd', () => {
    const s = sources();
    expect(s.deskTickets).toEqual({
      key: 'desk/tickets',
      file: 'agreements/desk/data/tickets.csv',
      absPath: '/repo/agreements/desk/data/tickets.csv',
      timezone: 'Europe/Berlin', // the agreement's
    });
    expect(s.deskIncidents).toMatchObject({ file: 'agreements/shared/incidents.csv', timezone: 'UTC', delimiter: ';' });
    expect(s.olaTickets).toMatchObject({ key: 'ola/tickets', timezone: 'UTC' }); // no timezone anywhere
  });
  test('a shared data set keeps its declaring agreement’s settings and is one object', () => {
    const s = sources();
    expect(s.olaShared).toBe(s.deskTickets);
  });
  test('overrides: exact key beats bare id; bare id applies to every agreement; relative to cwd', () => {
    const s = sources(new Map([['tickets', 'x.csv'], ['ola/tickets', '/abs/y.csv']]), '/work');
    expect(s.deskTickets).toMatchObject({ absPath: '/work/x.csv', file: 'x.csv', timezone: 'Europe/Berlin', overridden: true });
    expect(s.olaTickets).toMatchObject({ absPath: '/abs/y.csv', file: '/abs/y.csv', overridden: true });
    expect(s.olaShared.absPath).toBe('/work/x.csv');
    expect(s.deskIncidents.overridden).toBeUndefined();
  });
  test('override keys that match no declared data set are returned, with what is declared', () => {
    const { compiled } = sources(new Map([['tickets', 'a'], ['desk/incidents', 'b'], ['ola/incidents', 'c'], ['nothing', 'd'], ['constructor', 'e']]));
    expect(compiled.unmatchedOverrides).toEqual(['ola/incidents', 'nothing', 'constructor']);
    expect(compiled.declaredDataSets).toEqual(['desk/tickets', 'desk/incidents', 'ola/tickets']);
  });
});
