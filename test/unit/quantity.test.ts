import { describe, expect, test } from 'vitest';
import { compare, parseDuration, parseQuantity, parseTarget, usesDayUnits } from '../../src/agreement/quantity.js';

describe('parseDuration', () => {
  test.each([
    ['30m', 1800],
    ['1h30m', 5400], // 3600 + 30*60
    ['-1h', -3600],
    ['500ms', 0.5],
    ['1.5h', 5400],
    ['2d', 172800], // 2 * 24 * 3600
    ['1w', 604800], // 7 * 86400
    ['0s', 0],
  ])('%s = %d s', (text, seconds) => expect(parseDuration(text)).toBe(seconds));
  test.each(['', 'h', '1x', '1h 30m', '30', 'm30'])('rejects %j', (t) => expect(parseDuration(t)).toBeNull());
});

describe('parseTarget', () => {
  test('percent with spaces', () =>
    expect(parseTarget('>= 99.95%')).toEqual({ op: '>=', value: 99.95, unit: '%', text: '>= 99.95%' }));
  test('negative duration without space', () =>
    expect(parseTarget('<=-1h')).toMatchObject({ op: '<=', value: -3600, unit: 'duration' }));
  test('plain count', () => expect(parseTarget('== 50')).toMatchObject({ op: '==', value: 50, unit: 'plain' }));
  test.each(['95%', '=> 95%', '>= ', '>= 9 5%', '>= 5 apples'])('rejects %j', (t) => expect(parseTarget(t)).toBeNull());
});

test('parseQuantity accepts YAML numbers and percent strings', () => {
  expect(parseQuantity(5)).toEqual({ value: 5, unit: 'plain' });
  expect(parseQuantity('5%')).toEqual({ value: 5, unit: '%' });
  expect(parseQuantity('4h')).toEqual({ value: 14400, unit: 'duration' });
});

test('usesDayUnits', () => {
  expect(usesDayUnits('1d')).toBe(true);
  expect(usesDayUnits('2w')).toBe(true);
  expect(usesDayUnits('8h')).toBe(false);
  expect(usesDayUnits('500ms')).toBe(false);
});

test('compare edges', () => {
  expect(compare(95, '>=', 95)).toBe(true);
  expect(compare(95, '>', 95)).toBe(false);
  expect(compare(3600, '<=', 3600)).toBe(true);
  expect(compare(3600, '<', 3600)).toBe(false);
  expect(compare(50, '==', 50)).toBe(true);
});
