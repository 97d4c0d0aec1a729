/**
 * `slacheck explain` on examples/ at --as-of 2026-07-01 (SPEC 5, 6): the dependency chain, the
 * root cause, the credit, and an excused breach. Numbers as in examples/README.md.
 */
import { describe, expect, test } from 'vitest';
import { runMain } from './cli.js';

const AS_OF = ['--as-of', '2026-07-01'];

interface ExplainJson {
  results: Array<{
    agreement: string;
    objective: string;
    window: { label: string };
    value: number;
    status: string;
    charged: Record<string, { records: number; seconds: number }>;
    rootCause: { agreement: string; objective: string; owner: string; window: string; path: string[] } | null;
    credit: { percent: number; amount: number | null; currency: string | null } | null;
    explanation: { chain: Array<{ objective: string; window: string | null; status: string | null }> };
  }>;
}

describe('explain service-desk/p1-resolution, March 2026', () => {
  const args = ['explain', 'service-desk/p1-resolution', 'examples', '--window', '2026-03', ...AS_OF];

  test('text: names the chain network-ola/restore-time → internet-uc/uptime, the root cause and the credit', async () => {
    const r = await runMain(args);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = r.stdout;
    expect(out.split('\n')[0]).toBe('service-desk/p1-resolution — SLA Service desk for Company X');
    // p90 of 20 P1 resolution times in March is 10h > 8h (examples/README.md)
    expect(out).toMatch(/value\s+10h, target <= 8h/);
    expect(out).toMatch(/status\s+BREACHED/);
    expect(out).toMatch(/chain\s+1\. network-ola\/restore-time 2026-03 breached/);
    expect(out).toMatch(/\n\s+2\. internet-uc\/uptime 2026-03 breached — root cause/);
    expect(out).toMatch(/root cause\s+internet-uc\/uptime 2026-03, owner netco/);
    expect(out).toContain('path service-desk/p1-resolution → network-ola/restore-time → internet-uc/uptime');
    // above 8h → 5% of the 12 000 EUR monthly fee = 600 EUR (not above 12h, so not the 10% tier)
    expect(out).toMatch(/credit\s+5% \(600 EUR\)/);
    // a UC failure does not excuse the provider towards its customer (SPEC 5)
    expect(out).not.toContain('EXCUSED');
  });

  test('json: rootCause, charged and credit fields, and only the asked window', async () => {
    const r = await runMain([...args, '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as ExplainJson;
    expect(json.results).toHaveLength(1);
    const [res] = json.results;
    expect(res).toHaveProperty('charged');
    expect(res!.charged).toEqual({});
    expect(res!.window.label).toBe('2026-03');
    expect(res!.value).toBe(36000); // 10h in seconds
    expect(res!.status).toBe('breached');
    expect(res!.rootCause).toEqual({
      agreement: 'internet-uc',
      objective: 'uptime',
      owner: 'netco',
      window: '2026-03',
      path: ['service-desk/p1-resolution', 'network-ola/restore-time', 'internet-uc/uptime'],
    });
    expect(res!.credit).toEqual({ percent: 5, amount: 600, currency: 'EUR' });
    expect(res!.explanation.chain.map((c) => `${c.objective} ${c.window} ${c.status}`)).toEqual([
      'network-ola/restore-time 2026-03 breached',
      'internet-uc/uptime 2026-03 breached',
    ]);
  });
});

describe('explain an excused breach: app-maintenance/cr-on-time, March 2026', () => {
  test('text and json: excused by the customer obligation specs-on-time, inputs charged to company-x', async () => {
    const text = await runMain(['explain', 'cr-on-time', 'examples', '--window', '2026-03', ...AS_OF]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/status\s+EXCUSED — 80% < 90% \(target\); excused: root cause app-maintenance\/specs-on-time 2026-03 \(owner company-x\), a customer of app-maintenance/);
    expect(text.stdout).toMatch(/root cause\s+app-maintenance\/specs-on-time 2026-03, owner company-x/);
    expect(text.stdout).toMatch(/charged\s+company-x: 2 records, 12h/);
    // an excused window never carries a credit line
    expect(text.stdout).not.toMatch(/\n {2}credit /);

    const json = JSON.parse((await runMain(['explain', 'cr-on-time', 'examples', '--window', '2026-03', ...AS_OF, '--format', 'json'])).stdout) as ExplainJson;
    const [res] = json.results;
    // 4 of 5 change requests on time after the input shifts → 80% < 90%
    expect(res!.value).toBe(80);
    expect(res!.status).toBe('excused');
    expect(res!.credit).toBeNull();
    // late specifications shifted 2 due dates by 8h + 4h of office time = 12h = 43200 s
    expect(res!.charged).toEqual({ 'company-x': { records: 2, seconds: 43200 } });
    expect(res!.rootCause).toEqual({
      agreement: 'app-maintenance',
      objective: 'specs-on-time',
      owner: 'company-x',
      window: '2026-03',
      path: ['app-maintenance/cr-on-time', 'app-maintenance/specs-on-time'],
    });
  });
});

describe('explain usage errors', () => {
  test('an unknown objective: exit 2 with a clear message', async () => {
    const r = await runMain(['explain', 'no-such-objective', 'examples', ...AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('slacheck: no objective or report "no-such-objective" in the loaded agreements\n');
  });

  test('a window that was not evaluated: exit 2, listing the evaluated windows', async () => {
    const r = await runMain(['explain', 'cr-on-time', 'examples', '--window', '2027-01', ...AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'slacheck: app-maintenance/cr-on-time has no window 2027-01; evaluated windows: 2026-01, 2026-02, 2026-03, 2026-04, 2026-05, 2026-06\n',
    );
  });
});
