import { describe, expect, test } from 'vitest';
import type { AgreementDoc, LoadedAgreement } from '../../../src/agreement/model.js';
import { checkOverrides, createDataSetResolver } from '../../../src/evaluate/datasets.js';
import { InputError } from '../../../src/problem.js';

function agreement(id: string, dir: string, extra: Partial<AgreementDoc>): LoadedAgreement {
  const doc = { apiVersion: 'slacheck/v1', kind: 'SLA', id, title: id, parties: {}, validity: { from: '2026-01-01', to: '2026-12-31' }, ...extra } as AgreementDoc;
  return { doc, file: `${id}.yaml`, dir, locate: () => ({ line: 1, column: 1 }) };
}

const desk = agreement('desk', '/repo/agreements/desk', {
  timezone: 'Europe/Berlin',
  data: { tickets: { file: 'data/tickets.csv' }, incidents: { file: '../shared/incidents.csv', timezone: 'UTC', delimiter: ';' } },
});
const ola = agreement('ola', '/repo/agreements/ola', { data: { tickets: { file: 'tickets.csv' } } });

describe('createDataSetResolver', () => {
  const r = createDataSetResolver([desk, ola], {}, '/repo');
  test('local ids resolve against the declaring file, display paths against cwd', () => {
    expect(r.resolve(desk, 'tickets')).toEqual({
      key: 'desk/tickets',
      file: 'agreements/desk/data/tickets.csv',
      absPath: '/repo/agreements/desk/data/tickets.csv',
      timezone: 'Europe/Berlin', // the agreement's
    });
    expect(r.resolve(desk, 'incidents')).toMatchObject({ file: 'agreements/shared/incidents.csv', timezone: 'UTC', delimiter: ';' });
    expect(r.resolve(ola, 'tickets')).toMatchObject({ key: 'ola/tickets', timezone: 'UTC' }); // no timezone anywhere
  });
  test('a shared data set keeps its declaring agreement’s settings and is one object', () => {
    expect(r.resolve(ola, 'desk/tickets')).toBe(r.resolve(desk, 'tickets'));
  });
  test('unknown references throw', () => {
    expect(() => r.resolve(desk, 'nope')).toThrow(InputError);
    expect(() => r.resolve(desk, 'zzz/tickets')).toThrow(/not declared/);
  });
  test('overrides: exact key beats bare id; bare id applies to every agreement; relative to cwd', () => {
    const o = createDataSetResolver([desk, ola], { tickets: 'x.csv', 'ola/tickets': '/abs/y.csv' }, '/work');
    expect(o.resolve(desk, 'tickets')).toMatchObject({ absPath: '/work/x.csv', file: 'x.csv', timezone: 'Europe/Berlin' });
    expect(o.resolve(ola, 'tickets')).toMatchObject({ absPath: '/abs/y.csv', file: '../abs/y.csv' });
    expect(o.resolve(ola, 'desk/tickets').absPath).toBe('/work/x.csv');
  });
});

describe('checkOverrides', () => {
  test('flags keys that match no declared data set', () => {
    const problems = checkOverrides([desk, ola], { tickets: 'a', 'desk/incidents': 'b', 'ola/incidents': 'c', nothing: 'd' });
    expect(problems.map((p) => [p.code, p.message.split(':')[0]])).toEqual([
      ['unknown-data-override', '--data ola/incidents=...'],
      ['unknown-data-override', '--data nothing=...'],
    ]);
  });
});
