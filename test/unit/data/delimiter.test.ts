import { describe, expect, test } from 'vitest';
import { detectDelimiter, normalizeDelimiter } from '../../../src/data/delimiter.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('detectDelimiter', () => {
  test.each([
    ['a,b,c\n', ','],
    ['a;b;c\r\n1,2,3,4,5\n', ';'], // only the header line counts
    ['a\tb\n', '\t'],
    ['"x;y;z",b\n', ','], // quoted ";" do not count
    ['"say ""a;b""";c;d\n', ';'], // "" inside quotes keeps the cell quoted: 2 ";" outside
    ['a,b;c\n', ','], // a tie goes to ","
    ['\uFEFFa;b\n', ';'],
    ['\n\r\na;b\n', ';'], // blank lines before the header
    ['single\n', ','],
  ])('%j -> %j', (text, expected) => expect(detectDelimiter(bytes(text), false)).toBe(expected));

  test('waits for the end of the header line unless the input is complete', () => {
    expect(detectDelimiter(bytes('a;b;"c\nd";e'), false)).toBeNull(); // the newline is quoted
    expect(detectDelimiter(bytes('a;b;c'), true)).toBe(';');
    expect(detectDelimiter(bytes(''), true)).toBe(',');
  });
});

describe('normalizeDelimiter', () => {
  test.each([
    [',', ','],
    [';', ';'],
    ['\t', '\t'],
    ['tab', '\t'],
    ['\\t', '\t'],
    ['|', null],
    ['', null],
  ])('%j -> %j', (written, expected) => expect(normalizeDelimiter(written)).toBe(expected));
});
