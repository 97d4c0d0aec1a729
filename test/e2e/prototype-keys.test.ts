/**
 * Issue 14 (2): ids, column names, cell values and flag values that are names of Object.prototype
 * (`constructor`, `__proto__`, `toString`, `hasOwnProperty`, `valueOf`) are data like any other:
 * no internal error, the usual exit codes and, where they name something, the right results.
 * Only `constructor` is a valid id (ids are lowercase), so ids use it; columns, cells, map keys
 * and flag values use all five.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runMain } from './cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'slacheck-prototype-keys-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const dir = join(tmp, 'agreements');

// Agreement `constructor`: party, calendar, service, data set, maintenance, objective and remedy all
// called `constructor`; the tickets' columns are the five names, and so are the cells of `toString`
// (filtered and excluded on) and `valueOf` (a calendar per record).
const UPSTREAM = `apiVersion: slacheck/v1
kind: SLA
id: constructor
title: Prototype names as ids
parties:
  constructor: { name: Provider, role: provider }
  acme: { name: Acme, role: customer }
validity: { from: 2026-01-01, to: 2026-06-30 }
timezone: UTC
fee: { amount: 1000, currency: USD, per: month }
calendars:
  constructor:
    hours: { mon-fri: "08:00-16:00" }
services:
  constructor: { description: Prototype service, hours: constructor }
data:
  constructor: { file: tickets.csv, key: hasOwnProperty }
  valueof: { file: status.csv }
maintenance:
  - id: constructor
    description: never touches a ticket
    every: week
    on: sun
    hours: "02:00-04:00"
    party: none
objectives:
  - id: constructor
    service: constructor
    source: constructor
    where: { toString: [toString, constructor] }
    measure: { duration: { from: constructor, to: __proto__, calendar: { column: valueOf, map: { constructor: constructor, __proto__: 24x7, toString: 24x7 } } } }
    pause:
      - { source: valueof, key: hasOwnProperty, join: hasOwnProperty, at: at, status: constructor, values: [toString, __proto__], party: acme }
    exclude:
      - { where: { toString: constructor }, party: acme }
      - { maintenance: [constructor] }
    aggregate: ratio
    good: { within: 4h }
    target: ">= 70%"
    window: month
    credits:
      - { below: 70%, credit: 10% }
remedies:
  - id: constructor
    description: review after a breach
    objectives: [constructor]
    when: { breached: 1, of: 1 }
`;

// Agreement `downstream`: uses `constructor/constructor` (data set, calendar, dependency), has a
// customer called `constructor` (so the dependency's breach excuses it), and an uptime objective
// whose exclusion and maintenance window are charged to that party.
const DOWNSTREAM = `apiVersion: slacheck/v1
kind: OLA
id: downstream
title: Depends on the prototype names
parties:
  valueof: { name: Ops, role: provider }
  constructor: { name: Provider upstream, role: customer }
validity: { from: 2026-01-01, to: 2026-06-30 }
timezone: UTC
data:
  outages: { file: outages.csv, key: hasOwnProperty }
  reports: { file: reports.csv }
maintenance:
  - id: constructor
    description: weekly window of the customer's own router
    every: week
    on: sun
    hours: "02:00-04:00"
    party: constructor
objectives:
  - id: constructor
    source: constructor/constructor
    measure: { duration: { from: constructor, to: __proto__, calendar: constructor/constructor } }
    aggregate: ratio
    good: { within: 4h }
    target: ">= 90%"
    window: month
    dependsOn: [constructor/constructor]
  - id: uptime
    source: outages
    measure: { uptime: { from: constructor, to: __proto__ } }
    target: ">= 99.9%"
    window: month
    exclude:
      - { where: { toString: constructor }, party: constructor }
      - { maintenance: [constructor] }
reports:
  - id: daily
    description: the day's numbers
    contents: [numbers]
    format: PDF
    channel: email
    to: [constructor]
    schedule: { every: workday, by: "10:00", calendar: constructor/constructor }
    log: { source: reports, at: __proto__, where: { toString: constructor } }
    target: ">= 50%"
    window: month
`;

// 5 Jan 2026 is a Monday; the calendar `constructor` is Mon-Fri 08:00-16:00 UTC.
const TICKETS = `hasOwnProperty,constructor,__proto__,toString,valueOf
T1,2026-01-05T08:00:00Z,2026-01-05T14:00:00Z,toString,constructor
T2,2026-01-06T08:00:00Z,2026-01-06T09:00:00Z,constructor,constructor
T3,2026-01-10T00:00:00Z,2026-01-10T05:00:00Z,toString,__proto__
T4,2026-01-07T08:00:00Z,2026-01-07T10:00:00Z,valueOf,constructor
T5,2026-01-12T10:00:00Z,2026-01-12T11:00:00Z,toString,toString
`;
const STATUS = `hasOwnProperty,at,constructor
T1,2026-01-05T08:00:00Z,valueOf
T1,2026-01-05T09:00:00Z,toString
T1,2026-01-05T12:00:00Z,constructor
`;
const OUTAGES = `hasOwnProperty,constructor,__proto__,toString
O1,2026-01-20T00:00:00Z,2026-01-20T01:00:00Z,constructor
O2,2026-01-21T00:00:00Z,2026-01-21T00:30:00Z,valueOf
O3,2026-01-25T02:00:00Z,2026-01-25T03:00:00Z,valueOf
`;

const REPORTS = `toString,__proto__
constructor,2026-01-05T09:00:00Z
constructor,2026-01-06T09:30:00Z
valueOf,2026-01-07T09:00:00Z
`;

const AS_OF = ['--as-of', '2026-02-01'];

beforeAll(() => {
  mkdirSync(dir);
  writeFileSync(join(dir, 'upstream.yaml'), UPSTREAM);
  writeFileSync(join(dir, 'downstream.yaml'), DOWNSTREAM);
  writeFileSync(join(dir, 'tickets.csv'), TICKETS);
  writeFileSync(join(dir, 'status.csv'), STATUS);
  writeFileSync(join(dir, 'outages.csv'), OUTAGES);
  writeFileSync(join(dir, 'reports.csv'), REPORTS);
});

interface Result {
  agreement: string;
  objective: string;
  owner: string;
  value: number;
  status: string;
  counts: Record<string, number>;
  charged: Record<string, { records: number; seconds: number }>;
  rootCause: { agreement: string; objective: string; owner: string; path: string[] } | null;
  credit: { amount: number } | null;
}

describe('ids, columns, values and flags named after Object.prototype (issue 14)', () => {
  test('validate: clean, with only the documentation warnings', async () => {
    const r = await runMain(['validate', dir, '--format', 'json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const report = JSON.parse(r.stdout) as { valid: boolean; problems: Array<{ severity: string; code: string }> };
    expect(report.valid).toBe(true);
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect([...new Set(report.problems.map((p) => p.code))].sort()).toEqual(['doc-monitoring-missing', 'doc-party-contact', 'doc-service-incomplete']);
  });

  test('evaluate: every lookup by these names finds the right thing', async () => {
    const r = await runMain(['evaluate', dir, ...AS_OF, '--format', 'json', '--fail-on', 'never']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const out = JSON.parse(r.stdout) as { results: Result[]; credits: Array<{ agreement: string; issued: number }>; remedies: Array<{ id: string; triggered: boolean }> };
    const byKey = new Map(out.results.map((x) => [`${x.agreement}/${x.objective}`, x]));
    expect([...byKey.keys()].sort()).toEqual(['constructor/constructor', 'downstream/constructor', 'downstream/daily', 'downstream/uptime']);

    // constructor/constructor, January: where toString ∈ {toString, constructor} keeps T1, T2, T3, T5 (4 records; T4 is valueOf).
    // T2 (toString = constructor) is excluded, charged to acme (1 record).
    // T1 on calendar constructor (valueOf = constructor): 08:00-14:00 = 6h working, paused 09:00-12:00 (status toString) = 3h,
    //   charged to acme (1 record, 10800 s) -> 3h <= 4h: good.
    // T3 on 24x7 (valueOf = __proto__): Saturday 00:00-05:00 = 5h > 4h: bad.
    // T5 on 24x7 (valueOf = toString): 1h: good.  Value 2/3 = 66.67% < 70%: breached, credit 10% of 1000 USD = 100.
    const up = byKey.get('constructor/constructor')!;
    expect(up.owner).toBe('constructor');
    expect(up.value).toBeCloseTo((100 * 2) / 3, 9);
    expect(up.status).toBe('breached');
    expect(up.counts).toMatchObject({ records: 4, counted: 3, good: 2, excluded: 1, open: 0 });
    expect(up.charged).toEqual({ acme: { records: 2, seconds: 10800 } });
    expect(up.credit?.amount).toBe(100);

    // downstream/constructor: all five tickets on calendar constructor/constructor: T1 6h bad; T2 1h, T3 0h (Saturday),
    // T4 2h, T5 1h good -> 4/5 = 80% < 90%; its dependency constructor/constructor is breached and its owner
    // `constructor` is a customer here: excused.
    const down = byKey.get('downstream/constructor')!;
    expect(down.value).toBe(80);
    expect(down.status).toBe('excused');
    expect(down.rootCause).toMatchObject({ agreement: 'constructor', objective: 'constructor', owner: 'constructor', path: ['downstream/constructor', 'constructor/constructor'] });

    // downstream/uptime, January (31 d = 2 678 400 s on 24x7): O1 (toString = constructor) excluded, 1h -> constructor
    // 1 record, 3600 s; the maintenance window (Sundays 4, 11, 18, 25 January, 02:00-04:00) removes 4 × 2h = 28 800 s,
    // charged to constructor (4 occurrences) and swallows O3. Service 2 678 400 − 3600 − 28 800 = 2 646 000 s,
    // down 1800 s (O2): 100 × 2 644 200 / 2 646 000 = 99.932% >= 99.9%: met.
    const uptime = byKey.get('downstream/uptime')!;
    expect(uptime.charged).toEqual({ constructor: { records: 5, seconds: 32400 } });
    expect(uptime.value).toBeCloseTo((100 * 2_644_200) / 2_646_000, 9);
    expect(uptime.status).toBe('met');
    expect(uptime.counts).toMatchObject({ records: 3, counted: 1, excluded: 2 });

    // downstream/daily: due by 10:00 on every workday of calendar constructor/constructor in January: Thu 1, Fri 2
    // and four full weeks (5-9, 12-16, 19-23, 26-30) = 22; delivered on time 5 and 6 January (log where toString =
    // constructor; the valueOf row of 7 January is not this report's): 2/22 = 9.09% < 50%: breached.
    const daily = byKey.get('downstream/daily')!;
    expect(daily.value).toBeCloseTo((100 * 2) / 22, 9);
    expect(daily.status).toBe('breached');
    expect(daily.counts).toMatchObject({ records: 22, counted: 22, good: 2 });

    expect(out.credits.map((c) => [c.agreement, c.issued])).toEqual([['constructor', 100]]);
    expect(out.remedies.map((x) => [x.id, x.triggered])).toEqual([['constructor', true]]);
  });

  test('every format, explain, credits and graph --evaluate run without an internal error', async () => {
    for (const format of ['table', 'markdown', 'junit', 'github', 'html']) {
      const r = await runMain(['evaluate', dir, ...AS_OF, '--format', format, '--fail-on', 'never', '--scorecard']);
      expect([r.code, r.stderr], format).toEqual([0, '']);
      expect(r.stdout, format).toContain('constructor');
    }
    const x = await runMain(['explain', 'constructor/constructor', dir, ...AS_OF]);
    expect([x.code, x.stderr]).toEqual([0, '']);
    expect(x.stdout).toContain('constructor/constructor');
    const c = await runMain(['credits', dir, ...AS_OF, '--format', 'json', '--evidence']);
    expect([c.code, c.stderr]).toEqual([0, '']);
    expect((JSON.parse(c.stdout) as { credits: Array<{ issued: number }> }).credits.map((s) => s.issued)).toEqual([100]);
    const g = await runMain(['graph', dir, '--evaluate', ...AS_OF]);
    expect([g.code, g.stderr]).toEqual([0, '']);
    expect(g.stdout).toContain('class n_constructor_constructor,n_downstream_daily breached');
    expect(g.stdout).toContain('class n_downstream_constructor excused');
  });

  test('--objective, --owner, --window, --period and --data with these names: a match, or exit 2 naming the flag', async () => {
    const both = await runMain(['evaluate', dir, ...AS_OF, '--objective', 'constructor', '--format', 'json', '--fail-on', 'never']);
    expect(both.code).toBe(0);
    expect((JSON.parse(both.stdout) as { results: Result[] }).results.map((x) => `${x.agreement}/${x.objective}`).sort()).toEqual(['constructor/constructor', 'downstream/constructor']);
    const owned = await runMain(['evaluate', dir, ...AS_OF, '--owner', 'constructor', '--format', 'json', '--fail-on', 'never']);
    expect(owned.code).toBe(0);
    expect((JSON.parse(owned.stdout) as { results: Result[] }).results.map((x) => `${x.agreement}/${x.objective}`)).toEqual(['constructor/constructor']);

    const misses: Array<[string[], string]> = [
      [['--objective', 'toString'], '--objective toString: no objective or report with that id'],
      [['--objective', 'constructor/valueOf'], '--objective constructor/valueOf: no objective or report with that id'],
      [['--owner', 'toString'], '--owner toString: no party with that id (parties: acme, constructor, valueof)'],
      [['--owner', '__proto__'], '--owner __proto__: no party with that id'],
      [['--window', 'constructor'], '--window constructor: no evaluated window has that label'],
      [['--window', '__proto__'], '--window __proto__: no evaluated window has that label'],
      [['--data', 'hasOwnProperty=x.csv'], '--data hasOwnProperty=...: no agreement declares a data set "hasOwnProperty"'],
      [['--data', 'valueOf=x.csv'], '--data valueOf=...: no agreement declares a data set "valueOf"'],
      [['--data', 'constructor/toString=x.csv'], '--data constructor/toString=...'],
      [['--format', 'constructor'], '--format constructor: expected one of'],
      [['--fail-on', 'toString'], '--fail-on toString: expected a comma-separated list'],
      [['--columns', 'constructor'], '--columns constructor: no column constructor'],
    ];
    for (const [flags, message] of misses) {
      const r = await runMain(['evaluate', dir, ...AS_OF, ...flags]);
      expect([r.code, r.stdout], flags.join(' ')).toEqual([2, '']);
      expect(r.stderr, flags.join(' ')).toContain(`slacheck: ${message}`);
    }

    const explain = await runMain(['explain', 'toString', dir, ...AS_OF]);
    expect([explain.code, explain.stderr]).toEqual([2, 'slacheck: no objective or report "toString" in the loaded agreements\n']);
    const window = await runMain(['explain', 'constructor/constructor', dir, ...AS_OF, '--window', 'valueOf']);
    expect([window.code, window.stderr]).toEqual([2, 'slacheck: constructor/constructor has no window valueOf; evaluated windows: 2026-01\n']);
    const period = await runMain(['credits', dir, ...AS_OF, '--period', 'constructor']);
    expect([period.code, period.stderr]).toEqual([2, 'slacheck: --period constructor: no fee period has this label; fee periods evaluated: 2026-01\n']);
  });

  test('a per-record calendar value the map lacks (hasOwnProperty) is a data error at its line, not a prototype function', async () => {
    const bad = join(tmp, 'map-miss');
    cpSync(dir, bad, { recursive: true });
    writeFileSync(join(bad, 'tickets.csv'), `${TICKETS}T6,2026-01-13T10:00:00Z,2026-01-13T11:00:00Z,toString,hasOwnProperty\n`);
    const r = await runMain(['evaluate', bad, ...AS_OF, '--objective', 'constructor/constructor']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${join(bad, 'tickets.csv')}:7:5  error  unknown-calendar-value  "hasOwnProperty" names no calendar: the map has "constructor", "__proto__", "toString" and there is no default`,
    );
    expect(r.stderr).not.toContain('internal error');
  });

  test('a where on a column the header lacks (isPrototypeOf) is unknown-column; ids and hours keys that are prototype names are schema errors', async () => {
    const where = join(tmp, 'where');
    cpSync(dir, where, { recursive: true });
    writeFileSync(join(where, 'upstream.yaml'), UPSTREAM.replace('where: { toString: [toString, constructor] }', 'where: { toString: [toString, constructor], isPrototypeOf: x }'));
    const w = await runMain(['validate', where]);
    expect([w.code, w.stderr]).toEqual([1, '']);
    expect(w.stdout).toContain('error    unknown-column          unknown column `isPrototypeOf`: the header of');

    const schema = join(tmp, 'schema');
    mkdirSync(schema);
    writeFileSync(
      join(schema, 'a.yaml'),
      'apiVersion: slacheck/v1\nkind: SLA\nid: a\ntitle: t\nparties:\n  __proto__: { name: P, role: provider }\n  toString: { name: C, role: customer }\n' +
        'validity: { from: 2026-01-01, to: 2026-12-31 }\ncalendars:\n  office: { hours: { constructor: "08:00-16:00", valueOf: "08:00-16:00" } }\n',
    );
    const s = await runMain(['validate', 'a.yaml', '--format', 'json'], { cwd: schema });
    expect([s.code, s.stderr]).toEqual([1, '']);
    const errors = (JSON.parse(s.stdout) as { problems: Array<{ line: number; severity: string; code: string; message: string }> }).problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => [p.line, p.code, p.message.split(' is not valid')[0]])).toEqual([
      [6, 'schema-pattern', 'key `__proto__` in parties'],
      [7, 'schema-pattern', 'key `toString` in parties'],
      [10, 'schema-pattern', 'key `constructor` in calendars.office.hours'],
      [10, 'schema-pattern', 'key `valueOf` in calendars.office.hours'],
    ]);
    const e = await runMain(['evaluate', 'a.yaml', ...AS_OF], { cwd: schema });
    expect(e.code).toBe(2);
    expect(e.stderr).not.toContain('internal error');
  });

  test('diff: a party, calendar or service called constructor on one side only is added or removed, not compared with Object', async () => {
    const base = join(tmp, 'diff-base'), now = join(tmp, 'diff-now');
    mkdirSync(base);
    mkdirSync(now);
    const head = 'apiVersion: slacheck/v1\nkind: SLA\nid: constructor\ntitle: Diff by prototype names\nparties:\n';
    const validity = 'validity: { from: 2026-01-01, to: 2026-12-31 }\n';
    writeFileSync(
      join(base, 'a.yaml'),
      `${head}  constructor: { name: Provider, role: provider }\n  acme: { name: Acme, role: customer }\n${validity}` +
        'calendars:\n  constructor: { hours: { mon-fri: "08:00-16:00" } }\nservices:\n  constructor: { hours: constructor }\n',
    );
    writeFileSync(
      join(now, 'a.yaml'),
      `${head}  provider: { name: Provider, role: provider }\n  acme: { name: Acme, role: customer }\n${validity}` +
        'calendars:\n  office: { hours: { mon-fri: "08:00-16:00" } }\nservices:\n  desk: { hours: office }\n',
    );
    const forward = await runMain(['diff', base, now, '--format', 'json']);
    expect([forward.code, forward.stderr]).toEqual([0, '']);
    const changes = (JSON.parse(forward.stdout) as { changes: Array<{ path: string; kind: string }> }).changes;
    expect(changes.map((c) => `${c.kind} ${c.path}`).sort()).toEqual([
      'added calendars/office',
      'added parties/provider',
      'added services/desk',
      'removed calendars/constructor',
      'removed parties/constructor',
      'removed services/constructor',
    ]);
    const back = await runMain(['diff', now, base, '--format', 'json']);
    expect([back.code, back.stderr]).toEqual([0, '']);
    expect((JSON.parse(back.stdout) as { changes: Array<{ path: string; kind: string }> }).changes.map((c) => `${c.kind} ${c.path}`).sort()).toEqual([
      'added calendars/constructor',
      'added parties/constructor',
      'added services/constructor',
      'removed calendars/office',
      'removed parties/provider',
      'removed services/desk',
    ]);
  });
});
