/** SPEC 9.4: credit terms and remedies, checked at their YAML nodes. */
import { describe, expect, it } from 'vitest';
import { loadText } from '../../fixtures/semantic/agreement.js';
import { compileAgreements } from '../../../src/compile/index.js';
import { agreementText, at, check, networkOla, objective } from '../../fixtures/semantic/agreement.js';

const FEE = 'fee: { amount: 12000, currency: EUR, per: month }';
const uptime = objective({ id: 'uptime', source: 'tickets', measure: '{ uptime: { from: down_from, to: down_to } }', aggregate: null, good: null, target: '">= 99.9%"' });
const text = (extra: string, objectives = [objective(), uptime]) => agreementText({ objectives, extra });

describe('creditTerms', () => {
  it('compiles: cap as a percent, minimum, claim.within in seconds', () => {
    const t = text([FEE, 'creditTerms: { cap: 30%, minimum: 10, claim: { within: 30d } }'].join('\n'));
    expect(check(t)).toEqual([]);
    const { agreements } = compileAgreements(loadText(t), { cwd: '/' });
    // 30d = 30 x 86,400 s = 2,592,000 s
    expect(agreements![0]!.creditTerms).toEqual({ cap: 30, minimum: 10, claimWithin: { text: '30d', seconds: 2_592_000 } });
  });

  it('needs a fee to be paid from', () => {
    const t = text('creditTerms: { cap: 30%, minimum: 10 }');
    expect(check(t)).toEqual([
      at(t, '{ cap: 30%, minimum: 10 }', 'credit-terms-without-fee', 'creditTerms (`cap`, `minimum`) are paid out of the fee, and this agreement has none; add `fee: { amount, currency, per }`'),
    ]);
  });

  it('a claim window is a positive duration (the schema checks that a cap is a percentage)', () => {
    const u = text([FEE, 'creditTerms: { cap: 30%, claim: { within: 30 days } }'].join('\n'));
    expect(check(u)).toEqual([at(u, '30 days', 'invalid-duration', 'claim.within `30 days` is not a positive duration; write e.g. `30d`, `2w` or `72h`')]);
  });
});

describe('remedies', () => {
  it('compiles: objectives resolved to keys, their window kind, the condition and the notice', () => {
    const t = text([
      'remedies:',
      '  - { id: termination, objectives: [uptime, first-response], when: { breached: 3, of: 6 }, notice: 60d }',
      '  - { id: chronic, objectives: [uptime], when: { average: "< 99.95%", of: 3 } }',
    ].join('\n'));
    expect(check(t)).toEqual([]);
    const { agreements } = compileAgreements(loadText(t), { cwd: '/' });
    const [termination, chronic] = agreements![0]!.remedies;
    expect(termination).toMatchObject({
      id: 'termination', objectives: ['desk/uptime', 'desk/first-response'], window: 'month',
      when: { kind: 'breached', breached: 3, of: 6 }, notice: { text: '60d', seconds: 60 * 86_400 },
    });
    expect(chronic).toMatchObject({ when: { kind: 'average', target: { op: '<', value: 99.95, unit: '%' }, of: 3 }, notice: null });
  });

  it('names objectives that exist, here or in another loaded agreement', () => {
    const t = text(['remedies:', '  - { id: r, objectives: [uptme, network/restore, network/gone], when: { breached: 1, of: 2 } }'].join('\n'));
    const network = networkOla({ objective: '{ id: restore, source: incidents, measure: count, aggregate: count, target: ">= 1", window: month }' });
    expect(check([['agreements/desk.yaml', t], ['agreements/network.yaml', network]])).toEqual([
      at(t, 'uptme', 'unknown-objective', /^remedy objectives: unknown objective or report `uptme` \(did you mean `uptime`\?\)/),
      at(t, 'network/gone', 'unknown-objective', /^remedy objectives: unknown objective or report `network\/gone`/),
    ]);
  });

  it('pools windows by label, so its objectives share one window kind', () => {
    const t = text(['remedies:', '  - { id: r, objectives: [uptime, weekly], when: { breached: 1, of: 2 } }'].join('\n'), [
      uptime,
      objective({ id: 'weekly', window: 'week' }),
    ]);
    expect(check(t)).toEqual([
      at(t, '[uptime, weekly]', 'remedy-window-kinds', 'a remedy pools its objectives\' windows by label, so they need one window kind; these have `uptime` month, `weekly` week'),
    ]);
  });

  it('cannot count more breaches than windows', () => {
    const t = text(['remedies:', '  - { id: r, objectives: [uptime], when: { breached: 4, of: 3 } }'].join('\n'));
    expect(check(t)).toEqual([at(t, '3 }', 'remedy-counts', '`breached: 4` can never happen among `of: 3` windows; `of` must be at least `breached`')]);
  });

  it('averages one objective against a target in its unit', () => {
    const t = text([
      'remedies:',
      '  - { id: two, objectives: [uptime, first-response], when: { average: "< 97%", of: 3 } }',
      '  - { id: hours, objectives: [uptime], when: { average: "< 4h", of: 3 } }',
    ].join('\n'));
    expect(check(t)).toEqual([
      at(t, '[uptime, first-response]', 'remedy-average-objectives', "an `average` remedy averages one objective's values; it names 2"),
      at(t, '"< 4h"', 'unit-mismatch', 'average `< 4h` is a duration (e.g. `30m`, `4h`, `1h30m`), but `uptime` gives a percentage (e.g. `95%`)'),
    ]);
  });

  it('unique ids, a positive notice', () => {
    const t = text([
      'remedies:',
      '  - { id: r, objectives: [uptime], when: { breached: 1, of: 1 } }',
      '  - { id: r, objectives: [uptime], when: { breached: 1, of: 1 }, notice: soon }',
    ].join('\n'));
    expect(check(t)).toEqual([
      at(t, 'r, objectives', 'duplicate-id', /^remedy id `r` is already used by the remedy at line \d+$/, { occurrence: 2 }),
      at(t, 'soon', 'invalid-duration', 'notice `soon` is not a positive duration; write e.g. `30d`, `2w` or `72h`'),
    ]);
  });
});
