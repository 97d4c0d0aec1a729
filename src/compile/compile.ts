/**
 * The compile step: schema-valid agreements in, the semantic problems and (when there are no
 * errors) the compiled model out. `validate` prints the problems; everything later reads the model.
 */
import path from 'node:path';
import type { LoadedAgreement } from '../agreement/model.js';
import type { ReadHeader } from '../data/header.js';
import { compareProblems, type Problem } from '../problem.js';
import { buildAgreements } from './build.js';
import type { CompiledAgreement } from './model.js';
import { indexAgreements } from './resolve.js';
import { checkAgreements } from './semantic.js';

export interface CompileOptions {
  /** Where display paths (and override paths) start. */
  cwd: string;
  /**
   * Data set files replacing the declared ones, keyed as the user wrote them (SPEC 7):
   * `agreement-id/data-id` matches exactly; a bare `data-id` replaces that data set in every
   * agreement that declares it. Paths are relative to `cwd`.
   */
  dataOverrides?: ReadonlyMap<string, string>;
  /**
   * Reads a data file's header line (`validate` passes `readHeader` of `data/header.ts`; tests pass
   * headers from memory): with it, every column the agreements name is checked against the header
   * of each declared data file that exists (`unknown-column`, `missing-time-column`), and a
   * missing file is a warning (`data-file-missing`). Without it, columns are left to `evaluate`.
   */
  readHeader?: ReadHeader;
}

export interface Compilation {
  /** In load order; empty when `problems` holds an error or an agreement has parts the schema rejected. */
  agreements: CompiledAgreement[];
  /** Semantic problems (errors and warnings), sorted. */
  problems: Problem[];
  /** Override keys that name no declared data set (a typo must never read the declared file instead). */
  unmatchedOverrides: string[];
  /** Every declared data set as `agreement-id/data-id`, in load order. */
  declaredDataSets: string[];
}

export function compileAgreements(loaded: readonly LoadedAgreement[], opts: CompileOptions): Compilation {
  const problems = checkAgreements(loaded, opts.readHeader ? { cwd: opts.cwd, readHeader: opts.readHeader } : undefined).sort(compareProblems);
  const declaredDataSets = loaded.flatMap((a) => Object.keys(a.doc.data ?? {}).map((d) => `${a.doc.id}/${d}`));
  const overrides = opts.dataOverrides ?? new Map<string, string>();
  const unmatchedOverrides = [...overrides.keys()].filter(
    (key) => !declaredDataSets.some((d) => d === key || (!key.includes('/') && d.slice(d.indexOf('/') + 1) === key)),
  );
  // The model is built only from agreements that are valid throughout (SPEC 9.2: a partly rejected one is only checked).
  if (problems.some((p) => p.severity === 'error') || loaded.some((a) => a.rejected !== undefined)) {
    return { agreements: [], problems, unmatchedOverrides, declaredDataSets };
  }
  const dataFiles = new Map<string, string>();
  for (const key of declaredDataSets) {
    const given = overrides.get(key) ?? overrides.get(key.slice(key.indexOf('/') + 1));
    if (given !== undefined) dataFiles.set(key, path.resolve(opts.cwd, given));
  }
  const agreements = buildAgreements(loaded, indexAgreements(loaded), { cwd: opts.cwd, dataFiles });
  return { agreements, problems, unmatchedOverrides, declaredDataSets };
}

/** SPEC 7 `--strict`: every warning becomes an error. */
export function strictProblems(problems: readonly Problem[]): Problem[] {
  return problems.map((p) => (p.severity === 'warning' ? { ...p, severity: 'error' as const } : p));
}
