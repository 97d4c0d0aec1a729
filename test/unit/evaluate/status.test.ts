import { describe, expect, test } from 'vitest';
import { parseTarget } from '../../../src/agreement/quantity.js';
import { statusOf as verdictOf } from '../../../src/evaluate/status.js';
import { verdictText } from '../../../src/format/explanation.js';
import type { Unit } from '../../../src/compile/index.js';

/** The status, and the verdict in the words `explain` shows. */
function statusOf(value: number | null, target: ReturnType<typeof parseTarget> & object, warning: ReturnType<typeof parseTarget>, unit: Unit) {
  const verdict = verdictOf(value, target, warning, unit, null);
  return { status: verdict.status, reason: verdictText(verdict) };
}

const t = (s: string) => parseTarget(s)!;

describe('statusOf', () => {
  test('met, at-risk, breached against >= with a warning', () => {
    expect(statusOf(98, t('>= 95%'), t('>= 97%'), '%')).toEqual({ status: 'met', reason: '98% ≥ 95% (target) and ≥ 97% (warning)' });
    expect(statusOf(96.5, t('>= 95%'), t('>= 97%'), '%')).toEqual({
      status: 'at-risk',
      reason: '96.5% ≥ 95% (target) but below the 97% warning',
    });
    expect(statusOf(94.123, t('>= 95%'), t('>= 97%'), '%')).toEqual({ status: 'breached', reason: '94.12% < 95% (target)' });
  });
  test('boundary values meet their operator', () => {
    expect(statusOf(95, t('>= 95%'), null, '%').status).toBe('met');
    expect(statusOf(95, t('> 95%'), null, '%').status).toBe('breached');
    expect(statusOf(14400, t('<= 4h'), null, 's').status).toBe('met'); // 4h = 14400 s
    expect(statusOf(14401, t('<= 4h'), null, 's').status).toBe('breached');
  });
  test('lower is better, durations formatted', () => {
    // 3h 10m = 11400 s: <= 4h met, but above the 3h warning
    expect(statusOf(11400, t('<= 4h'), t('<= 3h'), 's')).toEqual({ status: 'at-risk', reason: '3h 10m ≤ 4h (target) but above the 3h warning' });
    expect(statusOf(18000, t('<= 4h'), null, 's').reason).toBe('5h > 4h (target)');
  });
  test('no value is no-data', () => expect(statusOf(null, t('>= 95%'), null, '%').status).toBe('no-data'));
  test('negative duration targets', () => expect(statusOf(-1800, t('<= -1h'), null, 's')).toEqual({ status: 'breached', reason: '-30m > -1h (target)' }));
});
