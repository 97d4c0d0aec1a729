import { describe, expect, it } from 'vitest';
import { at, check, positionOf } from '../../fixtures/semantic/agreement.js';

/** A minimal agreement `id` whose objectives are `[objectiveId, dependsOn]` pairs. */
function agreement(id: string, objectives: Array<[string, string[]]>): string {
  return [
    'apiVersion: slacheck/v1',
    'kind: OLA',
    `id: ${id}`,
    `title: ${id}`,
    'validity: { from: 2026-01-01, to: 2026-12-31 }',
    'parties:',
    '  p: { name: P, role: provider, contact: p@example.com }',
    '  c: { name: C, role: customer, contact: c@example.com }',
    'monitoring: { collection: x, verification: y, auditor: c }',
    'data:',
    '  d: { file: d.csv }',
    'objectives:',
    ...objectives.map(
      ([oid, deps]) => `  - { id: ${oid}, source: d, measure: count, aggregate: count, target: ">= 1", window: month, dependsOn: [${deps.join(', ')}] }`,
    ),
    '',
  ].join('\n');
}

describe('checkAgreements: dependsOn cycles (SPEC 5)', () => {
  it('reports a three-agreement cycle once, with the whole path, at the first agreement loaded', () => {
    const a = agreement('a', [['x', ['b/y']]]);
    const b = agreement('b', [['y', ['c/z']]]);
    const c = agreement('c', [['z', ['a/x']], ['w', ['z']]]);
    const problems = check([
      ['agreements/a.yaml', a],
      ['agreements/b.yaml', b],
      ['agreements/c.yaml', c],
    ]);
    expect(problems).toEqual([
      at(a, 'b/y', 'dependency-cycle', 'dependsOn cycle: a/x -> b/y -> c/z -> a/x; a breach cannot be traced to a root cause around a loop, remove one of these dependencies', {
        file: 'agreements/a.yaml',
      }),
    ]);
    // the entry sits on line 13 of a.yaml (12 header lines, then the objective)
    expect(problems[0]!.line).toBe(13);
  });

  it('starts the path at the first objective loaded, whichever file is read first', () => {
    const problems = check([
      ['agreements/c.yaml', agreement('c', [['z', ['a/x']]])],
      ['agreements/a.yaml', agreement('a', [['x', ['b/y']]])],
      ['agreements/b.yaml', agreement('b', [['y', ['c/z']]])],
    ]);
    expect(problems.map((p) => [p.file, p.message.split(';')[0]])).toEqual([['agreements/c.yaml', 'dependsOn cycle: c/z -> a/x -> b/y -> c/z']]);
  });

  it('treats an objective depending on itself as a cycle, in both entry forms', () => {
    const text = agreement('a', [['x', ['x']], ['y', ['{ objective: a/y, excuses: true }']]]);
    expect(check(text)).toEqual([
      { ...positionOf(text, 'x]'), file: 'agreements/desk.yaml', severity: 'error', code: 'dependency-cycle', message: expect.stringMatching(/^dependsOn cycle: a\/x -> a\/x;/) },
      { ...positionOf(text, 'a/y'), file: 'agreements/desk.yaml', severity: 'error', code: 'dependency-cycle', message: expect.stringMatching(/^dependsOn cycle: a\/y -> a\/y;/) },
    ]);
  });

  it('accepts a diamond (two paths to one root cause); a chain leading into a loop reports only the loop', () => {
    const diamond = agreement('a', [['top', ['left', 'right']], ['left', ['bottom']], ['right', ['bottom']], ['bottom', []]]);
    expect(check(diamond)).toEqual([]);
    const tail = agreement('a', [['entry', ['p']], ['p', ['q']], ['q', ['p']]]);
    expect(check(tail).map((p) => p.message.split(';')[0])).toEqual(['dependsOn cycle: a/p -> a/q -> a/p']);
  });

  it('reports two independent loops separately and names the extra members of a tangled one', () => {
    const text = agreement('a', [['x', ['y']], ['y', ['x', 'z']], ['z', ['y']], ['m', ['n']], ['n', ['m']]]);
    const messages = check(text).map((p) => p.message);
    expect(messages).toEqual([
      expect.stringMatching(/^dependsOn cycle: a\/x -> a\/y -> a\/x; .*; 1 more objective\(s\) or report\(s\) form further loops with it$/),
      expect.stringMatching(/^dependsOn cycle: a\/m -> a\/n -> a\/m;/),
    ]);
  });
});
