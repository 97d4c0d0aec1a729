import { describe, expect, it } from 'vitest';
import { formatValue, sparkline } from '../../../src/format/index.js';
import { markdownText } from '../../../src/format/markdown-cell.js';
import { creditTotals, formatCharge, formatCredit, formatNumber, formatValueAgainst } from '../../../src/format/values.js';

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

describe('formatValueAgainst: display never contradicts the status (SPEC 9.2)', () => {
  it('adds the fewest decimals that keep the value off the target and on its side', () => {
    // 99.98759 vs 99.99: 2 decimals 99.99 (looks equal, real value below); 3 decimals 99.988 < 99.99
    expect(formatValueAgainst(99.98759, '%', [99.99])).toBe('99.988%');
    // 99.98951 vs 99.99: 99.99 at 2 and 3 decimals (99.990); 4 decimals 99.9895 < 99.99
    expect(formatValueAgainst(99.98951, '%', [99.99])).toBe('99.9895%');
    // 2/3 of 100 = 66.6666… vs 66.67: 66.67 looks equal, 66.667 is below
    expect(formatValueAgainst(200 / 3, '%', [66.67])).toBe('66.667%');
    // 4.25678 vs >= 5: 4.26 is already below
    expect(formatValueAgainst(4.25678, 'number', [5])).toBe('4.26');
    expect(formatValueAgainst(1.004, 'number', [1])).toBe('1.004');
    expect(formatValueAgainst(2, 'count', [1])).toBe('2');
  });
  it('keeps 2 decimals for a value exactly equal to its target, and for one clear of it', () => {
    expect(formatValueAgainst(99.99, '%', [99.99])).toBe('99.99%');
    expect(formatValueAgainst(95, '%', [95])).toBe('95%');
    expect(formatValueAgainst(96.5432, '%', [95, 97])).toBe('96.54%');
  });
  it('never shows a percentage short of 100 as 100%', () => {
    // 99.995 vs 99.99: 2 decimals round up to 100 (above 99.99, but it reads "nothing failed");
    // 0 and 100 are bounds for every percentage, so 3 decimals: 99.995
    expect(formatValueAgainst(99.995, '%', [99.99])).toBe('99.995%');
    expect(formatValueAgainst(100, '%', [99.99])).toBe('100%');
    // beyond 6 decimals the last digit rounds down: 99.9999999 -> 99.999999, not 100
    expect(formatValueAgainst(99.9999999, '%', [])).toBe('99.999999%');
  });
  it('keeps the warning and credit tiers apart too', () => {
    // met 96.996 vs target 95, warning 97: 97% would read as meeting the warning
    expect(formatValueAgainst(96.996, '%', [95, 97])).toBe('96.996%');
    // breached 98.997 vs tier below 99%: 99% would read as outside the tier
    expect(formatValueAgainst(98.997, '%', [99.5, 99])).toBe('98.997%');
  });
  it('rounds the last of 6 decimals away from a threshold when nearest rounding is not enough', () => {
    // 99.9899999 rounds to 99.99 at every precision up to 6; rounded down: 99.989999 < 99.99
    expect(formatValueAgainst(99.9899999, '%', [99.99])).toBe('99.989999%');
    expect(formatValueAgainst(5.0000001, 'number', [5])).toBe('5.000001');
  });
  it('shows durations to the second, then fractions of a second, when needed', () => {
    // 4h 0m 0.4s vs <= 4h (14400 s): 4h and 4h 0m 0s look equal; breached, so 4h 0m 0.4s
    expect(formatValueAgainst(14400.4, 's', [14400])).toBe('4h 0m 0.4s');
    // 3h 59m 59.6s vs <= 4h: met, but 4h would look equal: rounds to whole seconds first
    expect(formatValueAgainst(14399.6, 's', [14400])).toBe('3h 59m 59.6s');
    // 4h 1m 30s vs <= 4h 1m: the usual two units (4h 1m) look equal
    expect(formatValueAgainst(14490, 's', [14460])).toBe('4h 1m 30s');
    // clear of the target: the usual two units
    expect(formatValueAgainst(12300, 's', [14400])).toBe('3h 25m');
    expect(formatValueAgainst(14401, 's', [14400])).toBe('4h 1s');
    expect(formatValueAgainst(14400, 's', [14400])).toBe('4h');
    // negative durations (early deadlines): -30m vs <= -1h
    expect(formatValueAgainst(-1800, 's', [-3600])).toBe('-30m');
    expect(formatValueAgainst(-3599.5, 's', [-3600])).toBe('-59m 59.5s');
  });
  it('shows a dash for no value', () => expect(formatValueAgainst(null, '%', [95])).toBe('—'));
});

describe('sparkline', () => {
  const met = (...values: (number | null)[]) => values.map((value) => ({ value, missed: false }));
  it('without a target, maps the minimum to ▁ and the maximum to █, linearly', () => {
    // range 0..70: (v-0)/70*7 → 0, 1, …, 7
    expect(sparkline(met(0, 10, 20, 30, 40, 50, 60, 70))).toBe('▁▂▃▄▅▆▇█');
    // 96.5 max → █, 80 min → ▁, 91.2: (91.2-80)/16.5*7 = 4.75 → 5 → ▆
    expect(sparkline(met(96.5, 91.2, 80))).toBe('█▆▁');
  });
  it('without a target, draws equal values as the middle bar and no data as a space', () => {
    expect(sparkline(met(5, 5, 5))).toBe('▄▄▄');
    // a year of daily values: only the latest 24 are drawn (0 is the lowest of those)
    const year = met(...Array.from({ length: 365 }, (_, i) => (i === 341 ? 0 : 50)));
    expect(sparkline(year)).toHaveLength(24);
    expect(sparkline(year)).toBe('▁' + '█'.repeat(23));
    expect(sparkline(met(1, null, 3))).toBe('▁ █');
    expect(sparkline(met(null, null))).toBe('  ');
    expect(sparkline([])).toBe('');
  });

  const uptime = { value: 99.9, op: '>=' as const, ideal: 100 };
  it('against a target: a steady near-target series stays level, between ▄ (target) and █ (ideal)', () => {
    // share of the headroom 99.9 → 100 used, times 4 bars above ▄ (index 3):
    // 99.95: 0.05/0.1*4 = 2 → ▆; 99.96: 2.4 → 2 → ▆; 99.94: 1.6 → 2 → ▆; 99.93: 1.2 → 1 → ▅; 100 → █; 99.9 → ▄
    expect(sparkline(met(99.95, 99.96, 99.94, 99.93, 100, 99.9), uptime)).toBe('▆▆▆▅█▄');
  });
  it('against a target: a missed window is drawn below ▄ with ▁–▃ only, the worst miss at ▁', () => {
    const points = [
      { value: 100, missed: false },
      { value: 99.33, missed: true },
      { value: 99.8, missed: true },
      { value: 99.95, missed: false },
      { value: null, missed: false },
    ];
    // misses over [worst 99.33, target 99.9): 99.33 → share 0 → ▁; 99.8: (99.8-99.33)/0.57 = 0.82*3 = 2.47 → floor 2 → ▃
    expect(sparkline(points, uptime)).toBe('█▁▃▆ ');
    // none of the met windows uses ▁▂▃
    expect(sparkline(met(99.9, 99.91, 100), uptime)).not.toMatch(/[▁▂▃]/);
  });
  it('against an upper limit: lower is better, 0 is ideal', () => {
    const resolution = { value: 8 * 3600, op: '<=' as const, ideal: 0 };
    // 6h: (8-6)/8*4 = 1 → ▅; 8h → ▄; 0 → █; 13h missed alone → ▁
    const h = (n: number) => n * 3600;
    expect(sparkline([...met(h(6), h(8), 0), { value: h(13), missed: true }], resolution)).toBe('▅▄█▁');
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
    // the reserved party `none` is nobody: an exclusion's records, not a party called "none"
    expect(formatCharge('none', { records: 2, seconds: 0 })).toBe('excluded (no party) 2');
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
