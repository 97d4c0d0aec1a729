import { describe, expect, test } from 'vitest';
import { ownValue } from '../../../src/agreement/mapping.js';

describe('ownValue: a YAML mapping read by a user-written key (issue 14)', () => {
  const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

  test('names of Object.prototype are absent from a mapping that does not declare them', () => {
    const map: Record<string, number> = { office: 1 };
    for (const key of NAMES) expect(ownValue(map, key), key).toBeUndefined();
    expect(ownValue(map, 'office')).toBe(1);
    expect(ownValue(undefined, 'office')).toBeUndefined();
  });

  test('and present, with their value, in one that does (as the loader builds it: __proto__ as data)', () => {
    const map: Record<string, number> = {};
    NAMES.forEach((key, i) => Object.defineProperty(map, key, { value: i, enumerable: true, writable: true, configurable: true }));
    expect(NAMES.map((key) => ownValue(map, key))).toEqual([0, 1, 2, 3, 4]);
  });
});
