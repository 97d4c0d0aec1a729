/** Compiles inline agreement documents for unit tests of the stages after `validate`. */
import type { AgreementDoc, LoadedAgreement } from '../../src/agreement/model.js';
import { compileAgreements, type CompiledAgreement } from '../../src/compile/index.js';
import { RowPlacement } from '../../src/evaluate/placement.js';
import { localDayStart } from '../../src/time/instant.js';

/** The compiled agreements of `docs` (file `ID.yaml` in `dir`); throws listing the errors when they do not validate. */
export function compileDocs(docs: readonly AgreementDoc[], opts: { dir?: string; cwd?: string } = {}): CompiledAgreement[] {
  const loaded: LoadedAgreement[] = docs.map((doc) => ({ doc, file: `${doc.id}.yaml`, dir: opts.dir ?? '/tmp', locate: () => ({ line: 1, column: 1 }) }));
  const compiled = compileAgreements(loaded, { cwd: opts.cwd ?? '/tmp' });
  const errors = compiled.problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(`fixture does not validate:\n${errors.map((p) => `${p.code} ${p.message}`).join('\n')}`);
  return compiled.agreements;
}

/** The run context an evaluator gets besides its item and windows: the validity as instants and row placement. */
export function runContext(validity: { from: string; to: string }, zone: string) {
  const next = new Date(Date.parse(`${validity.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const placements = new Map<string, RowPlacement>();
  return {
    validity: { from: localDayStart(validity.from, zone), to: localDayStart(next, zone) },
    placement: (key: string) => placements.get(key) ?? placements.set(key, new RowPlacement()).get(key)!,
  };
}
