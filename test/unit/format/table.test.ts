import { latestWindows } from '../../../src/evaluate/select.js';
import { describe, expect, it } from 'vitest';
import { formatScorecard, formatTable } from '../../../src/format/index.js';
import { partyScores } from '../../../src/format/scorecard.js';
import { displayWidth } from '../../../src/format/grid.js';
import { formatCounts, tableColumn } from '../../../src/format/table.js';
import { AGREEMENTS, EVALUATED, VIEW, result } from './fixture.js';

/** Body and header lines of a box-drawn table as trimmed cells. */
function cells(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('│'))
    .map((l) => l.split('│').slice(1, -1).map((c) => c.trim()));
}

describe('formatTable', () => {
  it('shows one row per objective and window with human values, markers, attribution and credit', () => {
    const out = formatTable(VIEW, { color: false });
    const rows = cells(out);
    expect(rows[0]).toEqual([
      'agreement', 'objective', 'owner', 'window', 'value', 'target', 'status', 'counts', 'attributed to', 'credit', 'trend',
    ]);
    expect(rows).toHaveLength(1 + 8);
    expect(rows[2]).toEqual([
      'service-desk', 'p1-first-response', 'it-ops', '2026-03', '96.5%', '>= 95%', 'met', '198/200, 2 open',
      'company-x 3 (1h 30m)', '', '',
    ]);
    expect(rows[3]).toEqual([
      'service-desk', 'p1-first-response', 'it-ops', '2026-04', '91.2%', '>= 95%', 'breached', '10/10',
      'root: network-ola/restore-time (network-team)', '10% (1,200 EUR)', '',
    ]);
    // trend on the objective's last row, against >= 95% (▄) and the ideal 100% (█):
    // 96.5 met: (96.5-95)/(100-95)*4 = 1.2 → 1 above ▄ → ▅; misses over [worst 80, 95): 91.2 → (91.2-80)/15*3 = 2.24 → ▃, 80 → ▁
    expect(rows[4]).toEqual([
      'service-desk', 'p1-first-response', 'it-ops', '2026-05 (partial)', '80%', '>= 95%', 'breached', '10/10', '', '', '▅▃▁',
    ]);
    expect(rows[5]![4]).toBe('3h 25m');
    expect(rows[5]![7]).toBe('10/13, 3 excl.');
    expect(rows[8]![4]).toBe('—');
    expect(out.endsWith(
      // 8 results: the partial 2026-05 breach apart from the 7 complete windows
      '\n7 complete windows: 2 met, 1 at-risk, 2 breached, 1 excused, 1 no-data · 1 partial window so far: 1 breached' +
        ' · credits: network-ola 5% of fee; service-desk 1,200 EUR\n',
    )).toBe(true);
    expect(out).not.toContain('\u001b[');
  });

  it('with latest (selected before formatting), keeps the latest complete window per objective and still trends over all of them', () => {
    const rows = cells(formatTable({ ...VIEW, evaluated: latestWindows(VIEW.evaluated), history: VIEW.evaluated }, { color: false }));
    const p1 = rows.filter((r) => r[1] === 'p1-first-response');
    expect(p1).toHaveLength(1);
    expect(p1[0]![3]).toBe('2026-04');
    expect(p1[0]![10]).toBe('▅▃▁');
    expect(rows).toHaveLength(1 + 6);
  });

  it('with latest, shows the partial window when there is no complete one', () => {
    const only = result({ objective: 'x', label: '2026-05', partial: true, value: 99, status: 'met' });
    const rows = cells(formatTable({ ...VIEW, evaluated: latestWindows([only]) }, { color: false }));
    expect(rows[1]![3]).toBe('2026-05 (partial)');
  });

  it('drops empty optional columns and stacks several charges in one cell', () => {
    const r = result({
      objective: 'x', value: 99, status: 'met',
      charged: { 'z-party': { records: 1, seconds: 0 }, 'company-x': { records: 2, seconds: 90 } },
    });
    const out = formatTable({ ...VIEW, evaluated: [r] }, { color: false });
    const rows = cells(out);
    expect(rows[0]).not.toContain('credit');
    expect(rows[0]).toContain('attributed to');
    const col = rows[0]!.indexOf('attributed to');
    // charged parties sorted by id: company-x before z-party; 90 s = 1m 30s
    expect(rows[1]![col]).toBe('company-x 2 (1m 30s)');
    expect(rows[2]![col]).toBe('z-party 1');
  });

  it('colours statuses only when asked', () => {
    const out = formatTable(VIEW, { color: true });
    expect(out).toContain('\u001b[31mbreached\u001b[39m');
    expect(out).toContain('\u001b[32mmet\u001b[39m');
    expect(out).toContain('\u001b[33mat-risk\u001b[39m');
    expect(out).toContain('\u001b[36mexcused\u001b[39m');
    expect(out).toContain('\u001b[90mno-data\u001b[39m');
  });

  it('says clearly when there is nothing to show', () => {
    expect(formatTable({ ...VIEW, evaluated: [] }, { color: false })).toBe(
      'No results: no objective has a window up to as-of 2026-05-15T00:00:00.000Z (or none matched the filters).\n',
    );
  });

  it('counts what did not enter the value', () => {
    expect(formatCounts({ records: 200, counted: 190, good: 180, open: 2, excluded: 3, skipped: 5, invalid: 0 })).toBe(
      '190/200, 2 open, 3 excl., 5 skipped',
    );
    // ratios and reports also show the numerator: 180 good of 190 counted
    expect(formatCounts({ records: 200, counted: 190, good: 180, open: 2, excluded: 0, skipped: 0, invalid: 0 }, true)).toBe('190/200, 180 good, 2 open');
    // rows left out for a bad cell (invalid: skip) are records too: the parts add up to 9
    expect(formatCounts({ records: 9, counted: 5, good: 5, open: 1, excluded: 0, skipped: 1, invalid: 2 }, true)).toBe('5/9, 5 good, 1 open, 1 skipped, 2 invalid');
  });
});

describe('scorecard', () => {
  it('scores owners over complete windows and totals what was charged to each party', () => {
    const scores = partyScores(VIEW);
    // agreement order (network-ola, service-desk), provider before customers inside each
    expect(scores.map((s) => s.party)).toEqual(['network-team', 'it-ops', 'company-x']);
    const itOps = scores[1]!;
    // it-ops owns p1-first-response, resolution-time, change-delivery, leads = 4; the partial 2026-05 is not scored
    expect(itOps.owned).toBe(4);
    expect(itOps.statuses).toEqual({ met: 1, 'at-risk': 1, breached: 1, excused: 1, 'no-data': 1 });
    expect(itOps.roles).toEqual(['customer', 'provider']);
    const companyX = scores[2]!;
    expect(companyX.statuses.met).toBe(1);
    expect([companyX.chargedRecords, companyX.chargedSeconds]).toEqual([3, 5400]);
  });

  it('counts, per party, the breached and excused complete windows elsewhere traced to its objectives', () => {
    const root = { agreement: 'network-ola', objective: 'restore-time', owner: 'network-team', window: '2026-04', path: [] };
    const evaluated = [
      // the cause: one breach of network-team's own
      result({ agreement: 'network-ola', objective: 'restore-time', owner: 'network-team', label: '2026-04', value: 80, status: 'breached' }),
      // two complete windows downstream traced to it: one still breached, one excused
      result({ objective: 'p1-first-response', label: '2026-04', value: 90, status: 'breached', rootCause: root }),
      result({ objective: 'resolution-time', label: '2026-04', value: 90, status: 'excused', rootCause: root }),
      // a partial window is not scored, so it is not counted as caused either
      result({ objective: 'p1-first-response', label: '2026-05', partial: true, value: 90, status: 'breached', rootCause: root }),
    ];
    const view = { asOf: VIEW.asOf, evaluated, agreements: AGREEMENTS };
    // network-team: 1 breach of its own, root cause of 2; it-ops: 1 breached + 1 excused, root cause of 0
    expect(partyScores(view).map((s) => [s.party, s.statuses.breached, s.rootCauseOf])).toEqual([
      ['network-team', 1, 2],
      ['it-ops', 1, 0],
    ]);
    const rows = cells(formatScorecard(view, { color: false }));
    const col = rows[0]!.indexOf('root cause of');
    expect(rows.slice(1).map((r) => [r[0], r[col]])).toEqual([['network-team', '2'], ['it-ops', '0']]);
  });

  it('lists parties charged without owning anything, such as none', () => {
    const r = result({ objective: 'x', value: 99, status: 'met', charged: { none: { records: 4, seconds: 7200 } } });
    const scores = partyScores({ asOf: VIEW.asOf, evaluated: [r], agreements: AGREEMENTS });
    expect(scores.map((s) => [s.party, s.name, s.owned, s.chargedRecords])).toEqual([
      ['it-ops', 'IT Operations', 1, 0],
      ['none', '', 0, 4],
    ]);
    // shown as every format names a charge to none
    const rows = cells(formatScorecard({ asOf: VIEW.asOf, evaluated: [r], agreements: AGREEMENTS }, { color: false }));
    expect(rows[2]!.slice(0, 4)).toEqual(['excluded (no party)', '', '', '']);
  });

  it('renders a row per party with kept share and charged time', () => {
    const rows = cells(formatScorecard(VIEW, { color: false }));
    expect(rows[0]).toEqual([
      'party', 'name', 'role', 'owns', 'met', 'at-risk', 'breached', 'excused', 'no-data', 'kept', 'root cause of', 'charged records', 'charged time',
    ]);
    // network-team: restore-time 2026-04 is the root cause of p1-first-response 2026-04 (breached)
    expect(rows[1]).toEqual(['network-team', 'Network Team', 'provider', '1', '0', '0', '1', '0', '0', '0%', '1', '0', '']);
    // it-ops: judged = met 1 + at-risk 1 + breached 1 + excused 1 = 4, kept = 3/4 = 75%; caused nothing
    expect(rows[2]).toEqual(['it-ops', 'IT Operations', 'customer, provider', '4', '1', '1', '1', '1', '1', '75%', '0', '0', '']);
    // company-x: specs-on-time 2026-04 is the root cause of change-delivery 2026-04 (excused)
    expect(rows[3]).toEqual(['company-x', 'Company X', 'customer', '1', '1', '0', '0', '0', '0', '100%', '1', '3', '1h 30m']);
    expect(EVALUATED).toHaveLength(8);
  });
});

describe('formatTable fitted to a terminal width', () => {
  const heads = (out: string) => cells(out)[0];
  const widest = (out: string) => Math.max(...out.split('\n').filter((l) => /^[┌│├└]/.test(l)).map((l) => displayWidth(l)));

  it('at 120 columns hides the trend, the credit and the attribution, and says so below the table', () => {
    // natural widths: 12+17+12+17+6+6+8+15+45+15+5 = 158 inner + 11×3 + 1 = 192; without trend 184, credit 166,
    // the attribution as a count 128, without it 118 ≤ 120
    const out = formatTable(VIEW, { color: false, width: 120 });
    expect(heads(out)).toEqual(['agreement', 'objective', 'owner', 'window', 'value', 'target', 'status', 'counts']);
    expect(widest(out)).toBe(118);
    expect(out).toContain('\nhidden to fit 120 columns: trend, credit, attributed to · --wide shows all columns\n');
  });

  it('at 130 columns keeps the attribution as a count', () => {
    // 128 ≤ 130 once the attribution is a count (header attrib., 7 columns)
    const out = formatTable(VIEW, { color: false, width: 130 });
    const rows = cells(out);
    expect(rows[0]).toEqual(['agreement', 'objective', 'owner', 'window', 'value', 'target', 'status', 'counts', 'attrib.']);
    // p1 2026-03 charged company-x; p1 2026-04 has a root cause
    expect([rows[2]![8], rows[3]![8]]).toEqual(['1 party', 'root']);
    expect(widest(out)).toBe(128);
    expect(out).toContain('\nhidden to fit 130 columns: trend, credit; attributed to as a count (attrib.) · --wide shows all columns\n');
  });

  it('at 80 columns also hides counts and owner, then wraps the widest cells inside their columns', () => {
    const out = formatTable(VIEW, { color: false, width: 80 });
    expect(heads(out)).toEqual(['agreement', 'objective', 'window', 'value', 'target', 'status']);
    // 12+17+17+6+6+8 = 66 + 6×3 + 1 = 85: 5 too wide, taken from the widest wrappable columns (objective, window 17 → 15)
    expect(widest(out)).toBe(80);
    for (const line of out.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    const lines = out.split('\n');
    expect(lines).toContain('│ service-desk │ p1-first-      │ 2026-05         │    80% │ >= 95% │ breached │');
    expect(lines).toContain('│              │ response       │ (partial)       │        │        │          │');
    expect(out).toContain('hidden to fit 80 columns: trend, credit, attributed to, counts, owner · --wide\nshows all columns\n');
  });

  it('--wide shows every column whatever the width; --columns shows exactly the ones named, in that order', () => {
    expect(formatTable(VIEW, { color: false, width: 80, wide: true })).toBe(formatTable(VIEW, { color: false }));
    const out = formatTable(VIEW, { color: false, width: 80, columns: ['status', 'objective', 'trend'] });
    expect(heads(out)).toEqual(['status', 'objective', 'trend']);
    expect(out).not.toContain('hidden');
  });

  it('names columns with a hyphen for the space', () => {
    expect(tableColumn('attributed-to')).toBe('attributed to');
    expect(tableColumn(' Trend ')).toBe('trend');
    expect(tableColumn('nope')).toBeNull();
  });

  it('fits 10,000 rows to 80 columns within 2 s', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      result({ objective: `objective-${i % 40}`, label: ['2026-03', '2026-04', '2026-05'][i % 3], value: 90 + (i % 10), status: i % 10 < 5 ? 'breached' : 'met' }),
    );
    const started = performance.now();
    const out = formatTable({ ...VIEW, evaluated: many }, { color: false, width: 80 });
    expect(performance.now() - started).toBeLessThan(2000);
    // every row once: 10,000 rows, 1 header line
    expect(cells(out)).toHaveLength(10_001);
  });
});
