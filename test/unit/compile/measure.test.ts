import { describe, expect, test } from 'vitest';
import type { Objective } from '../../../src/agreement/model.js';
import { goodRule, objectiveUnit, quantityUnitOf } from '../../../src/compile/measure.js';
import { compileDocs } from '../compiled.js';

describe('objectiveUnit (SPEC 3.3): one unit vocabulary for targets and results', () => {
  const o = (measure: Objective['measure'], aggregate?: string): Objective => ({ id: 'o', source: 's', measure, aggregate, target: '>= 1', window: 'month' });
  test.each([
    [o({ duration: { from: 'a', to: 'b' } }, 'p95'), 's', 'duration'],
    [o({ deadline: { due: 'a', done: 'b' } }, 'max'), 's', 'duration'],
    [o({ duration: { from: 'a', to: 'b' } }, 'ratio'), '%', '%'],
    [o({ uptime: { from: 'a', to: 'b' } }), '%', '%'],
    [o('count', 'count'), 'count', 'plain'],
    [o('count', 'sum'), 'count', 'plain'],
    [o({ value: 'cost' }, 'count'), 'count', 'plain'],
    [o({ value: 'cost' }, 'sum'), 'number', 'plain'],
    [o({ value: 'cost' }, 'p99.9'), 'number', 'plain'],
  ])('%#', (item, unit, quantity) => {
    expect(objectiveUnit(item)).toBe(unit);
    expect(quantityUnitOf(objectiveUnit(item)!)).toBe(quantity);
  });
  test('no unit for an unknown or missing aggregate', () => {
    expect(objectiveUnit(o({ value: 'cost' }, 'p100'))).toBeNull();
    expect(objectiveUnit(o({ value: 'cost' }))).toBeNull();
  });
});

describe('goodRule (SPEC 3.2)', () => {
  test('deadlines default to on time; other measures have no rule without good', () => {
    expect(goodRule(undefined, 'deadline')).toEqual({ kind: 'on-time', limit: 0 });
    expect(goodRule(undefined, 'duration')).toBeNull();
  });
  test('within is a duration in seconds (1h30m = 5400 s) and keeps its text', () => {
    expect(goodRule({ within: '1h30m' }, 'duration')).toEqual({ kind: 'within', limit: 5400, written: '1h30m' });
  });
  test('max, min and where', () => {
    expect(goodRule({ max: 10 }, 'value')).toEqual({ kind: 'max', limit: 10 });
    expect(goodRule({ min: 2 }, 'value')).toEqual({ kind: 'min', limit: 2 });
    expect(goodRule({ where: { status: 'ok' } }, 'count')).toEqual({ kind: 'where', where: { status: 'ok' } });
  });
});

describe('compiled items', () => {
  const [a] = compileDocs([
    {
      apiVersion: 'slacheck/v1',
      kind: 'SLA',
      id: 'desk',
      title: 'Desk',
      timezone: 'Europe/Berlin',
      parties: { ops: { name: 'Ops', role: 'provider' }, x: { name: 'X', role: 'customer' } },
      validity: { from: '2026-01-01', to: '2026-12-31' },
      calendars: { office: { hours: { 'mon-fri': '08:00-18:00' } } },
      services: { desk: { hours: 'office' } },
      data: { tickets: { file: 'tickets.csv' }, log: { file: 'log.csv' } },
      objectives: [
        { id: 'p1', service: 'desk', source: 'tickets', measure: { duration: { from: 'a', to: 'b' } }, aggregate: 'ratio', good: { within: '4h' }, target: '>= 95%', warning: '>= 97%', window: 'month' },
        { id: 'wall', service: 'desk', source: 'tickets', measure: { duration: { from: 'a', to: 'b', calendar: '24x7' } }, aggregate: 'p95', target: '<= 8h', window: 'quarter', dependsOn: ['p1', { objective: 'r', excuses: true }] },
      ],
      reports: [{ id: 'r', owner: 'x', schedule: { every: 'workday', by: '10:00', calendar: 'office' }, log: { source: 'log', at: 'at' }, target: '>= 90%', window: 'month' }],
    },
  ]);
  const [p1, wall, r] = a!.items;
  test('SPEC 3.1: the service hours are the default calendar; an explicit 24x7 wins; one calendar object per id', () => {
    expect(p1!.itemKind === 'objective' && p1!.measure.kind === 'duration' && p1!.measure.calendar.id).toBe('office');
    expect(wall!.itemKind === 'objective' && wall!.measure.kind === 'duration' && wall!.measure.calendar.id).toBe('24x7');
    const office = p1!.itemKind === 'objective' && p1!.measure.kind === 'duration' ? p1!.measure.calendar : null;
    expect(r!.itemKind === 'report' && r!.scheduleCalendar).toBe(office);
  });
  test('targets, warnings, units, owners and dependency keys are resolved once', () => {
    expect(p1).toMatchObject({ key: 'desk/p1', owner: 'ops', unit: '%', target: { op: '>=', value: 95, unit: '%' }, warning: { value: 97 } });
    expect(wall).toMatchObject({ unit: 's', target: { op: '<=', value: 28800 }, dependsOn: [{ key: 'desk/p1', excuses: false }, { key: 'desk/r', excuses: true }] });
    expect(r).toMatchObject({ itemKind: 'report', owner: 'x', unit: '%' });
    expect(a!.customers).toEqual(new Set(['x']));
  });
});
