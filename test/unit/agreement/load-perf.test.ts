import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadAgreements } from '../../../src/agreement/loader.js';

const root = mkdtempSync(path.join(tmpdir(), 'slacheck-perf-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('loads and validates 200 agreement files well under a second', async () => {
  const full = readFileSync('test/fixtures/load/full.yaml', 'utf8');
  for (let i = 0; i < 200; i++) {
    writeFileSync(path.join(root, `agreement-${String(i).padStart(3, '0')}.yaml`), full.replace('id: service-desk', `id: service-desk-${i}`));
  }
  const started = performance.now();
  const r = await loadAgreements(['.'], { cwd: root });
  const ms = performance.now() - started;
  console.log(`loaded ${r.agreements.length} agreements from ${r.files.length} files in ${ms.toFixed(0)} ms`);
  expect(r.problems).toEqual([]);
  expect(r.agreements).toHaveLength(200);
  expect(r.agreements[199]!.doc.id).toBe('service-desk-199');
  // Well under a second on an idle machine; 1500 ms leaves room for a loaded 2-core CI box.
  expect(ms).toBeLessThan(1500);
});
