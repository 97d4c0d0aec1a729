/** Compiles inline agreement documents for unit tests of the stages after `validate`. */
import type { AgreementDoc, LoadedAgreement } from '../../src/agreement/model.js';
import { compileAgreements, type CompiledAgreement } from '../../src/compile/index.js';

/** The compiled agreements of `docs` (file `ID.yaml` in `dir`); throws listing the errors when they do not validate. */
export function compileDocs(docs: readonly AgreementDoc[], opts: { dir?: string; cwd?: string } = {}): CompiledAgreement[] {
  const loaded: LoadedAgreement[] = docs.map((doc) => ({ doc, file: `${doc.id}.yaml`, dir: opts.dir ?? '/tmp', locate: () => ({ line: 1, column: 1 }) }));
  const compiled = compileAgreements(loaded, { cwd: opts.cwd ?? '/tmp' });
  const errors = compiled.problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(`fixture does not validate:\n${errors.map((p) => `${p.code} ${p.message}`).join('\n')}`);
  return compiled.agreements;
}
