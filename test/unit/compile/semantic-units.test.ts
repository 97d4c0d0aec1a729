import { describe, expect, it } from 'vitest';
import { agreementText, at, check, objective, report } from '../../fixtures/semantic/agreement.js';

const one = (over: Record<string, string | null>) => agreementText({ objectives: [objective(over)] });
const VALUE = { measure: '{ value: score }', good: null, service: null };

describe('checkAgreements: target units fit the value (SPEC 3.3)', () => {
  it('ratio gives a percentage', () => {
    const text = one({ target: '"<= 4h"' });
    expect(check(text)).toEqual([
      at(text, '"<= 4h"', 'unit-mismatch', 'target `<= 4h` is a duration (e.g. `30m`, `4h`, `1h30m`), but aggregate `ratio` gives a percentage (e.g. `95%`)'),
    ]);
  });

  it('a plain number is not a percentage either', () => {
    const text = one({ target: '">= 95"' });
    expect(check(text)).toEqual([at(text, '">= 95"', 'unit-mismatch', /^target `>= 95` is a plain number .* but aggregate `ratio` gives a percentage/)]);
  });

  it('count gives a plain number, whatever the measure', () => {
    const text = one({ aggregate: 'count', good: null, target: '">= 95%"' });
    expect(check(text)).toEqual([at(text, '">= 95%"', 'unit-mismatch', /^target `>= 95%` is a percentage .* but aggregate `count` gives a plain number/)]);
    expect(check(one({ aggregate: 'count', good: null, target: '">= 10"' }))).toEqual([]);
  });

  it('mean/pNN of a duration or deadline give a duration; of a value, a plain number', () => {
    const duration = one({ aggregate: 'p95', good: null, target: '"<= 95"' });
    expect(check(duration)).toEqual([at(duration, '"<= 95"', 'unit-mismatch', /but aggregate `p95` of a `duration` measure gives a duration/)]);
    const deadline = one({ aggregate: 'mean', good: null, measure: '{ deadline: { due: d, done: e } }', target: '"<= 0"' });
    expect(check(deadline)).toEqual([at(deadline, '"<= 0"', 'unit-mismatch', /but aggregate `mean` of a `deadline` measure gives a duration/)]);
    const value = one({ ...VALUE, aggregate: 'max', target: '"<= 4h"' });
    expect(check(value)).toEqual([at(value, '"<= 4h"', 'unit-mismatch', /but aggregate `max` of a `value` measure gives a plain number/)]);
    expect(check(one({ ...VALUE, aggregate: 'sum', target: '"<= -1.5"' }))).toEqual([]);
    expect(check(one({ aggregate: 'median', good: null, target: '"<= 1h30m"' }))).toEqual([]);
  });

  it('sum of a count measure is a plain number', () => {
    expect(check(one({ measure: 'count', aggregate: 'sum', good: null, target: '">= 3"' }))).toEqual([]);
  });

  it('uptime and reports give a percentage', () => {
    const uptime = one({ measure: '{ uptime: { from: a, to: b } }', aggregate: null, good: null, target: '"<= 4h"' });
    expect(check(uptime)).toEqual([at(uptime, '"<= 4h"', 'unit-mismatch', /but an uptime objective gives a percentage/)]);
    const rep = agreementText({ reports: [report({ target: '">= 3"' })] });
    expect(check(rep)).toEqual([at(rep, '">= 3"', 'unit-mismatch', /but a report \(share of on-time deliveries\) gives a percentage/)]);
  });

  it('names a target that does not parse', () => {
    const text = one({ target: '"at least 95%"' });
    expect(check(text)).toEqual([at(text, '"at least 95%"', 'invalid-target', 'target `at least 95%` is not a target; write an operator and a number, e.g. `>= 95%`')]);
  });
});

describe('checkAgreements: warning targets (SPEC 3.3)', () => {
  it('must use the target operator and unit', () => {
    const op = one({ warning: '"> 97%"' });
    expect(check(op)).toEqual([at(op, '"> 97%"', 'warning-operator', 'warning `> 97%` must use the target\'s operator `>=` (target `>= 95%`)')]);
    const unit = one({ warning: '">= 97"' });
    expect(check(unit)).toEqual([at(unit, '">= 97"', 'unit-mismatch', /^warning `>= 97` is a plain number/)]);
  });

  it('warns when the warning can never trigger (not stricter than the target)', () => {
    const text = one({ warning: '">= 90%"' });
    expect(check(text)).toEqual([at(text, '">= 90%"', 'warning-not-stricter', /^warning `>= 90%` is met whenever target `>= 95%` is/, { severity: 'warning' })]);
    const lower = one({ aggregate: 'mean', good: null, target: '"<= 4h"', warning: '"<= 4h"' });
    expect(check(lower).map((p) => p.code)).toEqual(['warning-not-stricter']);
    expect(check(one({ aggregate: 'mean', good: null, target: '"<= 4h"', warning: '"<= 3h"' }))).toEqual([]);
  });
});

describe('checkAgreements: credit tiers (SPEC 6)', () => {
  it('uses below for >= targets, above for <= targets', () => {
    const text = one({ credits: '[{ above: 95%, credit: 5% }]' });
    expect(check(text)).toEqual([at(text, '95%, credit', 'credit-direction', /^target `>= 95%` is higher is better, so tiers use `below`.*not `above`/)]);
    const lower = one({ aggregate: 'max', good: null, target: '"<= 4h"', credits: '[{ below: 4h, credit: 5% }]' });
    expect(check(lower)).toEqual([at(lower, '4h, credit', 'credit-direction', /so tiers use `above`.*not `below`/)]);
  });

  it('tier values fit the unit and credit is a percentage in (0, 100]', () => {
    const text = one({ credits: '[{ below: 4h, credit: 5% }, { below: 90%, credit: 10 }, { below: 80%, credit: 150% }]' });
    expect(check(text)).toEqual([
      at(text, '4h, credit', 'unit-mismatch', /^below `4h` is a duration .* but aggregate `ratio` gives a percentage/),
      at(text, '10 }', 'credit-not-percent', 'credit `10` must be a percentage of the fee above 0 and at most 100, e.g. `5%`'),
      at(text, '150%', 'credit-not-percent', /^credit `150%` must be a percentage/),
    ]);
  });

  it('plain tier values fit plain targets (YAML numbers allowed)', () => {
    expect(check(one({ aggregate: 'count', good: null, target: '">= 10"', credits: '[{ below: 5, credit: 2.5% }]' }))).toEqual([]);
  });
});

describe('checkAgreements: day units on working calendars (SPEC 3.3)', () => {
  it('warns about d and w on the service hours calendar, in target and good.within', () => {
    const text = one({ good: '{ within: 1d }', target: '">= 95%"' });
    expect(check(text)).toEqual([at(text, '1d }', 'day-unit-on-working-calendar', /^`1d` on calendar `office` counts working time: `1d` is 24 working hours/, { severity: 'warning' })]);
    const mean = one({ aggregate: 'mean', good: null, target: '"<= 1w"' });
    expect(check(mean).map((p) => [p.code, p.severity])).toEqual([['day-unit-on-working-calendar', 'warning']]);
  });

  it('is quiet on 24x7, and with ms (not a day unit)', () => {
    expect(check(one({ measure: '{ duration: { from: a, to: b, calendar: 24x7 } }', good: '{ within: 2d }' }))).toEqual([]);
    expect(check(one({ service: null, good: '{ within: 1d }' }))).toEqual([]);
    expect(check(one({ good: '{ within: 500ms }' }))).toEqual([]);
  });
});

describe('checkAgreements: aggregates and good (SPEC 3.1, 3.2)', () => {
  it('ratio needs good, except on deadlines', () => {
    const text = one({ good: null });
    expect(check(text)).toEqual([at(text, 'ratio\n', 'ratio-needs-good', /^aggregate `ratio` needs `good`/)]);
    expect(check(one({ good: null, measure: '{ deadline: { due: d, done: e } }' }))).toEqual([]);
  });

  it('good only with ratio', () => {
    const text = one({ aggregate: 'mean', target: '"<= 1h"' });
    expect(check(text)).toEqual([at(text, '{ within: 30m }', 'good-not-allowed', '`good` is only used with `aggregate: ratio`; remove it or use ratio')]);
  });

  it('good fits the measure: within for durations, max/min for values, where for anything', () => {
    const within = one({ ...VALUE, aggregate: 'ratio', good: '{ within: 30m }' });
    expect(check(within)).toEqual([at(within, '30m', 'good-mismatch', /^`good.within` compares a duration, but a `value` measure has none/)]);
    const max = one({ good: '{ max: 1800 }' });
    expect(check(max)).toEqual([at(max, '1800', 'good-mismatch', '`good.max` is for `value` measures; for a duration write `good: { within: 30m }`')]);
    const count = one({ measure: 'count', good: '{ min: 1 }' });
    expect(check(count)).toEqual([at(count, '1 }\n    target', 'good-mismatch', /a `count` measure yields 1 per record/)]);
    expect(check(one({ measure: 'count', good: '{ where: { solved: true } }' }))).toEqual([]);
    expect(check(one({ ...VALUE, good: '{ max: 10 }' }))).toEqual([]);
  });

  it('good.within is a non-negative duration', () => {
    const text = one({ good: '{ within: soon }' });
    expect(check(text)).toEqual([at(text, 'soon', 'invalid-duration', /^`good.within` `soon` is not a duration/)]);
  });

  it('pNN needs 0 < NN < 100; decimals are fine', () => {
    const p100 = one({ aggregate: 'p100', good: null, target: '"<= 1h"' });
    expect(check(p100)).toEqual([at(p100, 'p100', 'invalid-percentile', /^percentile `p100` must lie strictly between p0 and p100/)]);
    const p0 = one({ aggregate: 'p0', good: null, target: '"<= 1h"' });
    expect(check(p0).map((p) => p.code)).toEqual(['invalid-percentile']);
    expect(check(one({ aggregate: 'p99.9', good: null, target: '"<= 1h"' }))).toEqual([]);
    expect(check(one({ aggregate: 'p0.5', good: null, target: '"<= 1h"' }))).toEqual([]);
  });

  it('uptime takes no aggregate; others need one', () => {
    const uptime = one({ measure: '{ uptime: { from: a, to: b } }', good: null, aggregate: 'mean' });
    expect(check(uptime)).toEqual([at(uptime, 'mean', 'uptime-aggregate', /^an uptime objective has no `aggregate`/)]);
    const missing = one({ aggregate: null, good: null, target: '"<= 1h"' });
    expect(check(missing)).toEqual([at(missing, 'id: first-response', 'missing-aggregate', /^objective `first-response` needs an `aggregate`/)]);
  });

  it('inputs only on deadlines, pause only on durations', () => {
    const inputs = one({ inputs: '[{ party: company-x, due: a, done: b }]' });
    expect(check(inputs)).toEqual([at(inputs, '[{ party', 'inputs-not-deadline', /^`inputs` shift a due instant/)]);
    const pause = one({ measure: '{ deadline: { due: d, done: e } }', good: null, pause: '[{ column: w, unit: m, party: company-x }]' });
    expect(check(pause)).toEqual([at(pause, '[{ column', 'pause-not-duration', /^`pause` stops a clock/)]);
  });
});
