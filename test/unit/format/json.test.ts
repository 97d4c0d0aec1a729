import { describe, expect, it } from 'vitest';
import { formatExplainJson, formatExplainText, formatJson, toEvaluationResult } from '../../../src/format/index.js';
import type { Evaluated } from '../../../src/evaluate/result.js';
import { EVALUATED, VIEW, result } from './fixture.js';

describe('formatJson (SPEC 8)', () => {
  it('prints exactly the SPEC 8 example shape', () => {
    const r = result({
      objective: 'p1-first-response', value: 96.5, status: 'met',
      counts: { records: 200, counted: 198, good: 191, open: 2 },
      charged: { 'company-x': { records: 3, seconds: 5400 } },
    });
    const out = formatJson({ asOf: '2026-07-01T00:00:00.000Z', evaluated: [r], agreements: [] });
    expect(out).toBe(`{
  "asOf": "2026-07-01T00:00:00.000Z",
  "results": [
    {
      "agreement": "service-desk",
      "objective": "p1-first-response",
      "owner": "it-ops",
      "window": {
        "label": "2026-03",
        "start": "2026-02-28T23:00:00.000Z",
        "end": "2026-03-31T22:00:00.000Z",
        "partial": false
      },
      "value": 96.5,
      "lowerBound": false,
      "unit": "%",
      "target": ">= 95%",
      "status": "met",
      "counts": {
        "records": 200,
        "counted": 198,
        "good": 191,
        "open": 2,
        "excluded": 0,
        "skipped": 0,
        "invalid": 0
      },
      "charged": {
        "company-x": {
          "records": 3,
          "seconds": 5400
        }
      },
      "rootCause": null,
      "credit": null,
      "budget": null
    }
  ],
  "summary": {
    "met": 1,
    "at-risk": 0,
    "breached": 0,
    "excused": 0,
    "no-data": 0
  },
  "warnings": [],
  "credits": [],
  "remedies": []
}
`);
  });

  it('leaves out everything that is not SPEC 8 (with the v1.1 additions) and keeps input order', () => {
    const parsed = toEvaluationResult(VIEW);
    expect(Object.keys(parsed)).toEqual(['asOf', 'results', 'summary', 'warnings', 'credits', 'remedies']);
    expect(Object.keys(parsed.results[0]!)).toEqual([
      'agreement', 'objective', 'owner', 'window', 'value', 'lowerBound', 'unit', 'target', 'status', 'counts', 'charged', 'rootCause', 'credit', 'budget',
    ]);
    expect(Object.keys(parsed.results[0]!.counts)).toEqual(['records', 'counted', 'good', 'open', 'excluded', 'skipped', 'invalid']);
    expect(parsed.results.map((r) => `${r.objective}@${r.window.label}`)).toEqual(EVALUATED.map((e) => `${e.objective}@${e.window.label}`));
    expect(parsed.summary).toEqual({ met: 2, 'at-risk': 1, breached: 3, excused: 1, 'no-data': 1 });
    expect(Object.keys(parsed.results[2]!.rootCause!)).toEqual(['agreement', 'objective', 'owner', 'window', 'path']);
    expect(parsed.results[2]!.credit).toEqual({ percent: 10, amount: 1200, currency: 'EUR' });
  });

  it('is byte-identical whatever order the engine filled charged in', () => {
    const a = result({ objective: 'x', value: 1, status: 'met', charged: { b: { records: 1, seconds: 2 }, a: { records: 3, seconds: 4 } } });
    const b = result({ objective: 'x', value: 1, status: 'met', charged: { a: { records: 3, seconds: 4 }, b: { records: 1, seconds: 2 } } });
    const ja = formatJson({ ...VIEW, evaluated: [a] });
    expect(ja).toBe(formatJson({ ...VIEW, evaluated: [b] }));
    expect(ja.indexOf('"a"')).toBeLessThan(ja.indexOf('"b"'));
  });
});

function explained(): Evaluated {
  const e = result({
    objective: 'p1-first-response', label: '2026-04', value: 91.2, status: 'breached',
    charged: { 'company-x': { records: 2, seconds: 5400 } },
    rootCause: {
      agreement: 'network-ola', objective: 'restore-time', owner: 'network-team', window: '2026-04',
      path: ['service-desk/p1-first-response', 'network-ola/restore-time'],
    },
    credit: { percent: 10, amount: 1200, currency: 'EUR' },
  });
  const within = { kind: 'within', limit: 1800, written: '30m' } as const;
  const pause = { kind: 'status', source: { key: 'sd/status', file: 'status.csv', absPath: '/status.csv', timezone: 'UTC' }, sourceRef: 'status', key: 'id', join: 'id', at: 'at', status: 'status', values: ['Waiting'], party: 'company-x', where: undefined } as const;
  e.explanation = {
    ...e.explanation,
    computation: [
      { kind: 'ratio', good: 10, counted: 11, rule: within, calendar: 'office' },
      { kind: 'open-not-counted', records: 1 },
    ],
    attributions: [{ mechanism: 'pause', party: 'company-x', records: 2, seconds: 5400, rule: { mechanism: 'pause', pause: { ...pause, values: [...pause.values] } } }],
    examples: [{ kind: 'not-good', record: { line: 7, id: 'INC-7' }, measure: 'duration', value: 7200, good: within }],
    chain: [{ objective: 'network-ola/restore-time', window: '2026-04', status: 'breached', note: { kind: 'root-cause' } }],
  };
  return e;
}

describe('explain', () => {
  it('writes one block a service manager can read out', () => {
    expect(formatExplainText([explained()], { color: false })).toBe(
      [
        'service-desk/p1-first-response — SLA Service desk for Company X',
        '  owner       it-ops',
        '  window      2026-04 (month) 2026-04-01 00:00 +02:00 → 2026-05-01 00:00 +02:00',
        '  value       91.2%, target >= 95%',
        '  computed    ratio: 10 of 11 within 30m on calendar office',
        '              1 open record not counted',
        '  counts      10 records: 10 counted, 0 open, 0 excluded, 0 skipped',
        // 5400 s = 1h 30m
        '  taken away  pause → company-x: 2 records, 1h 30m (status in [Waiting] (status))',
        '  charged     company-x: 2 records, 1h 30m',
        '  examples    - id INC-7 (line 7): 2h, not within 30m',
        '  status      BREACHED — 91.2% < 95% (target); root cause network-ola/restore-time 2026-04 (owner network-team) does not excuse it-ops; service credit 10% (1,200 EUR)',
        '  chain       1. network-ola/restore-time 2026-04 breached — root cause',
        '  root cause  network-ola/restore-time 2026-04, owner network-team',
        '              path service-desk/p1-first-response → network-ola/restore-time',
        '  credit      10% (1,200 EUR)',
        '  defined at  agreements/service-desk.yaml:20:5',
        '',
      ].join('\n'),
    );
  });

  it('marks partial windows and separates blocks', () => {
    const p = result({ objective: 'x', label: '2026-05', partial: true, value: 99, status: 'met' });
    const out = formatExplainText([explained(), p], { color: false });
    expect(out.split('\n\n')).toHaveLength(2);
    expect(out).toContain('2026-05 (month) 2026-05-01 00:00 +02:00 → 2026-06-01 00:00 +02:00 partial: contains as-of, still running');
  });

  it('counts rows left out for a bad cell (invalid: skip) only when there are some, so the parts add up', () => {
    const r = result({ objective: 'x', status: 'met', value: 100, counts: { records: 9, counted: 5, good: 5, open: 1, skipped: 1, invalid: 2 } });
    expect(formatExplainText([r], { color: false })).toContain('  counts      9 records: 5 counted (5 good), 1 open, 0 excluded, 1 skipped, 2 invalid\n');
  });

  it('gives JSON results with SPEC 8 fields plus the explanation', () => {
    const parsed = JSON.parse(formatExplainJson([explained()]));
    expect(Object.keys(parsed)).toEqual(['results']);
    const r = parsed.results[0];
    expect(Object.keys(r)).toEqual([
      'agreement', 'objective', 'owner', 'window', 'value', 'lowerBound', 'unit', 'target', 'status', 'counts', 'charged', 'rootCause', 'credit', 'budget',
      'explanation',
    ]);
    expect(Object.keys(r.explanation)).toEqual(['computation', 'attributions', 'examples', 'statusReason', 'chain']);
    expect(r.explanation.chain[0]).toEqual({ objective: 'network-ola/restore-time', window: '2026-04', status: 'breached', note: 'root cause' });
    // the typed explanation is rendered into the same words as the text format
    expect(r.explanation.computation).toEqual(['ratio: 10 of 11 within 30m on calendar office', '1 open record not counted']);
    expect(r.explanation.examples).toEqual(['id INC-7 (line 7): 2h, not within 30m']);
    expect(r.explanation.attributions[0].detail).toBe('status in [Waiting] (status)');
    expect(r.source).toBeUndefined();
  });
});
