/**
 * slacheck as a library (src/index.ts): load, compile and the one core call give the same finished
 * results as the CLI — root causes and credits included, not only what the engine measured.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { compileAgreements, evaluate, formatJson, loadAgreements, readCsv } from '../../src/index.js';
import { main } from '../../src/cli/main.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('library entry', () => {
  test('load → compile → evaluate equals `slacheck evaluate examples --format json`', async () => {
    const load = await loadAgreements(['examples'], { cwd: ROOT });
    const { agreements, problems } = compileAgreements(load.agreements, { cwd: ROOT });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const { results, warnings, credits, remedies } = await evaluate(agreements, { asOf: '2026-07-01', readRows: (s, sinks) => readCsv(s, sinks) });
    // the chain and credit post-passes ran: a library caller sees root causes, excuses and credits
    expect(results.some((r) => r.rootCause !== null)).toBe(true);
    expect(results.some((r) => r.status === 'excused')).toBe(true);
    expect(results.some((r) => r.credit !== null)).toBe(true);

    let stdout = '';
    const code = await main(['evaluate', 'examples', '--as-of', '2026-07-01', '--format', 'json', '--fail-on', 'never'], {
      cwd: ROOT,
      env: { NO_COLOR: '1' },
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: () => true },
    });
    expect(code).toBe(0);
    // the warnings too (the German Excel recipe's junk rows, examples/real-exports/README.md)
    expect(warnings.map((w) => w.code)).toEqual(['invalid-rows']);
    expect(formatJson({ asOf: '2026-07-01', evaluated: results, agreements: [], warnings, credits, remedies })).toBe(stdout);
  });
});
