import { describe, expect, it } from 'vitest';
import { formatValue, sparkline } from '../../../src/format/index.js';
import { markdownText } from '../../../src/format/markdown-cell.js';
import { creditTotals, formatCharge, formatCredit, formatNumber } from '../../../src/format/values.js';

describe('formatValue', () => {
  it('shows percentages with at most two decimals', () => {
    expect(formatValue(96.5, '%')).toBe('96.5%');
    expect(formatValue(100, '%')).toBe('100%');
    // 2/3 of 100 = 66.666… → 66.67
    expect(formatValue(200 / 3, '%')).toBe('66.67%');
    expect(formatValue(99.95, '%')).toBe('99.95%');
  });
  it('shows durations in human units', () => {
    // 3h = 10800 s, 25m = 1500 s → 12300 s
    expect(formatValue(12300, 's')).toBe('3h 25m');
    expect(formatValue(45, 's')).toBe('45s');
    expect(formatValue(-3600, 's')).toBe('-1h');
  });
  it('shows counts and plain numbers with grouping', () => {
    expect(formatValue(42, 'count')).toBe('42');
    expect(formatValue(1234567, 'count')).toBe('1,234,567');
    expect(formatValue(12.3456, 'number')).toBe('12.35');
    expect(formatValue(-1500.5, 'number')).toBe('-1,500.5');
  });
  it('shows a dash for no value', () => {
    expect(formatValue(null, '%')).toBe('—');
    expect(formatValue(null, 's')).toBe('—');
  });
  it('keeps tiny non-zero numbers visible and zero as 0', () => {
    expect(formatNumber(0.0042)).toBe('0.0042');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(0)).toBe('0');
  });
});

describe('sparkline', () => {
  it('maps the minimum to ▁ and the maximum to █, linearly', () => {
    // range 0..70: (v-0)/70*7 → 0, 1, …, 7
    expect(sparkline([0, 10, 20, 30, 40, 50, 60, 70])).toBe('▁▂▃▄▅▆▇█');
    // 96.5 max → █, 80 min → ▁, 91.2: (91.2-80)/16.5*7 = 4.75 → 5 → ▆
    expect(sparkline([96.5, 91.2, 80])).toBe('█▆▁');
  });
  it('draws equal values as the middle bar and no data as a space', () => {
    expect(sparkline([5, 5, 5])).toBe('▄▄▄');
    // a year of daily values: only the latest 24 are drawn (0 is the lowest of those)
    const year = Array.from({ length: 365 }, (_, i) => (i === 341 ? 0 : 50));
    expect(sparkline(year)).toHaveLength(24);
    expect(sparkline(year)).toBe('▁' + '█'.repeat(23));
    expect(sparkline([1, null, 3])).toBe('▁ █');
    expect(sparkline([null, null])).toBe('  ');
    expect(sparkline([])).toBe('');
  });
});

describe('credits and charges', () => {
  it('formats a credit with and without an amount', () => {
    expect(formatCredit({ percent: 10, amount: 1200, currency: 'EUR' })).toBe('10% (1,200 EUR)');
    expect(formatCredit({ percent: 5, amount: null, currency: null })).toBe('5%');
    expect(formatCredit(null)).toBe('');
  });
  it('formats a charge with its working time', () => {
    // 5400 s = 1h 30m
    expect(formatCharge('company-x', { records: 3, seconds: 5400 })).toBe('company-x 3 (1h 30m)');
    expect(formatCharge('none', { records: 2, seconds: 0 })).toBe('none 2');
  });
  it('totals credits per agreement and currency', () => {
    const rows = [
      { agreement: 'sd', credit: { percent: 10, amount: 1200, currency: 'EUR' } },
      { agreement: 'ola', credit: { percent: 5, amount: null, currency: null } },
      { agreement: 'sd', credit: { percent: 5, amount: 600.5, currency: 'EUR' } },
      { agreement: 'sd', credit: null },
    ];
    // 1200 + 600.5 = 1800.5
    expect(creditTotals(rows)).toEqual(['sd 1,800.5 EUR', 'ola 5% of fee']);
  });
});

describe('markdownText', () => {
  it('HTML-like text and ampersands are shown, not interpreted', () => {
    expect(markdownText('Ops <night shift> & co')).toBe('Ops &lt;night shift&gt; &amp; co');
  });
});
