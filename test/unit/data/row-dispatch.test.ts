import { describe, expect, test } from 'vitest';
import { isBlank } from '../../../src/data/row-dispatch.js';

describe('isBlank: a record without a non-blank cell is a blank line', () => {
  test('agrees with String.prototype.trim on every UTF-16 code unit', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      expect([c, isBlank([ch, ''])]).toEqual([c, ch.trim() === '']);
    }
  });

  test('records', () => {
    expect(isBlank([''])).toBe(true);
    expect(isBlank(['', '', ''])).toBe(true); // ";;" (Excel below a table)
    expect(isBlank([' ', '\t', '\u00a0'])).toBe(true);
    expect(isBlank(['', '', 'x'])).toBe(false);
    expect(isBlank(['  0'])).toBe(false);
  });
});
