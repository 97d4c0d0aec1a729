/** Hand-built results for the format tests: every status, partial, root causes, credits, charges. */
import { parseTarget } from '../../../src/agreement/quantity.js';
import type { Verdict } from '../../../src/evaluate/explanation.js';
import type { Evaluated, Status, Unit } from '../../../src/evaluate/result.js';
import type { AgreementInfo, EvaluationView } from '../../../src/format/index.js';

const MONTHS: Record<string, [string, string]> = {
  '2026-03': ['2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z'],
  '2026-04': ['2026-03-31T22:00:00.000Z', '2026-04-30T22:00:00.000Z'],
  '2026-05': ['2026-04-30T22:00:00.000Z', '2026-05-31T22:00:00.000Z'],
};

export function result(p: {
  agreement?: string;
  objective: string;
  owner?: string;
  label?: string;
  partial?: boolean;
  value: number | null;
  unit?: Unit;
  target?: string;
  status: Status;
  charged?: Evaluated['charged'];
  rootCause?: Evaluated['rootCause'];
  credit?: Evaluated['credit'];
  counts?: Partial<Evaluated['counts']>;
  warning?: string;
  file?: string;
}): Evaluated {
  const target = parseTarget(p.target ?? '>= 95%')!;
  // an excused result was breached before its dependency excused it
  const verdict: Verdict =
    p.value === null || p.status === 'no-data'
      ? { status: 'no-data' }
      : { status: p.status === 'excused' ? 'breached' : p.status, value: p.value, unit: p.unit ?? '%', target, warning: p.warning ? parseTarget(p.warning)! : null, credits: null };
  const label = p.label ?? '2026-03';
  const [start, end] = MONTHS[label] ?? ['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'];
  const agreement = p.agreement ?? 'service-desk';
  return {
    agreement,
    objective: p.objective,
    owner: p.owner ?? 'it-ops',
    window: { label, start, end, partial: p.partial ?? false },
    value: p.value,
    lowerBound: false,
    unit: p.unit ?? '%',
    target: p.target ?? '>= 95%',
    status: p.status,
    counts: { records: 10, counted: 10, good: 0, open: 0, excluded: 0, skipped: 0, invalid: 0, ...p.counts },
    charged: p.charged ?? {},
    rootCause: p.rootCause ?? null,
    credit: p.credit ?? null,
    agreementKind: agreement === 'network-ola' ? 'OLA' : 'SLA',
    agreementTitle: agreement === 'network-ola' ? 'Network operations' : 'Service desk for Company X',
    zone: 'Europe/Berlin',
    source: { file: p.file ?? `agreements/${agreement}.yaml`, line: 20, column: 5 },
    windowKind: 'month',
    startMs: Date.parse(start),
    endMs: Date.parse(end),
    itemKind: 'objective',
    explanation: {
      computation: [{ kind: 'count', counted: 10 }],
      attributions: [],
      examples: [],
      verdict,
      excuse: p.status === 'excused' ? { by: 'customer' } : null,
      chain: [],
    },
  };
}

const netRoot = {
  agreement: 'network-ola',
  objective: 'restore-time',
  owner: 'network-team',
  window: '2026-04',
  path: ['service-desk/p1-first-response', 'network-ola/restore-time'],
};

/** 8 results: 2 met, 1 at-risk, 3 breached (one partial), 1 excused, 1 no-data. */
export const EVALUATED: Evaluated[] = [
  result({
    agreement: 'network-ola', objective: 'restore-time', owner: 'network-team', label: '2026-04',
    value: 88, status: 'breached', credit: { percent: 5, amount: null, currency: null },
  }),
  result({
    objective: 'p1-first-response', value: 96.5, status: 'met',
    counts: { records: 200, counted: 198, good: 191, open: 2 },
    charged: { 'company-x': { records: 3, seconds: 5400 } },
  }),
  result({
    objective: 'p1-first-response', label: '2026-04', value: 91.2, status: 'breached',
    rootCause: netRoot, credit: { percent: 10, amount: 1200, currency: 'EUR' },
  }),
  result({ objective: 'p1-first-response', label: '2026-05', partial: true, value: 80, status: 'breached' }),
  result({
    objective: 'resolution-time', value: 12300, unit: 's', target: '<= 4h', status: 'at-risk',
    counts: { excluded: 3, records: 13 }, warning: '<= 3h',
  }),
  result({
    objective: 'change-delivery', label: '2026-04', value: 2, unit: 'count', target: '<= 1', status: 'excused',
    rootCause: {
      agreement: 'service-desk', objective: 'specs-on-time', owner: 'company-x', window: '2026-04',
      path: ['service-desk/change-delivery', 'service-desk/specs-on-time'],
    },
  }),
  result({ objective: 'specs-on-time', owner: 'company-x', label: '2026-04', value: 50, status: 'met' }),
  result({ objective: 'leads', value: null, unit: 'number', target: '>= 3', status: 'no-data', counts: { records: 0, counted: 0 } }),
];

export const AGREEMENTS: AgreementInfo[] = [
  {
    id: 'network-ola', kind: 'OLA', title: 'Network operations', file: 'agreements/network-ola.yaml',
    validity: { from: '2026-01-01', to: '2026-12-31' },
    parties: [
      { id: 'network-team', name: 'Network Team', role: 'provider' },
      { id: 'it-ops', name: 'IT Operations', role: 'customer' },
    ],
    fee: null,
  },
  {
    id: 'service-desk', kind: 'SLA', title: 'Service desk for Company X', file: 'agreements/service-desk.yaml',
    validity: { from: '2026-01-01', to: '2026-12-31' },
    parties: [
      { id: 'company-x', name: 'Company X', role: 'customer' },
      { id: 'it-ops', name: 'IT Operations', role: 'provider' },
    ],
    fee: { amount: 12000, currency: 'EUR', per: 'month' },
  },
];

export const VIEW: EvaluationView = { asOf: '2026-05-15T00:00:00.000Z', evaluated: EVALUATED, agreements: AGREEMENTS };

/** Characters every format must escape: `|`, `<`, `&`, `]]>`, `%`, `:`, `,`, `"`, newline. */
export const NASTY = 'a|b <c> & d ]]> 50% x:y, "q"\nnext';
