/**
 * Data set references resolved to files (SPEC 2): local ids or `agreement-id/data-id`; a shared
 * data set keeps its declaring agreement's settings; `--data ID=FILE` overrides the file.
 */
import path from 'node:path';
import type { LoadedAgreement } from '../agreement/model.js';
import { InputError, problem, type Problem } from '../problem.js';
import type { ResolvedDataSet } from './evaluator.js';

export interface DataSetResolver {
  /** The data set `ref` (as written in `from`) names; throws InputError when it names none. */
  resolve(from: LoadedAgreement, ref: string): ResolvedDataSet;
}

function displayPath(cwd: string, abs: string): string {
  const rel = path.relative(cwd, abs) || '.';
  return rel.split(path.sep).join('/');
}

/**
 * `--data` keys that match no declared data set (a typo must never silently evaluate the
 * declared file instead).
 */
export function checkOverrides(agreements: readonly LoadedAgreement[], overrides: Readonly<Record<string, string>>): Problem[] {
  const problems: Problem[] = [];
  for (const key of Object.keys(overrides)) {
    const slash = key.indexOf('/');
    const found =
      slash >= 0
        ? agreements.some((a) => a.doc.id === key.slice(0, slash) && a.doc.data?.[key.slice(slash + 1)] !== undefined)
        : agreements.some((a) => a.doc.data?.[key] !== undefined);
    if (!found) {
      const known = agreements.flatMap((a) => Object.keys(a.doc.data ?? {}).map((d) => `${a.doc.id}/${d}`));
      problems.push(
        problem('', 0, 0, 'unknown-data-override', `--data ${key}=...: no agreement declares a data set "${key}"; declared: ${known.join(', ') || 'none'}`),
      );
    }
  }
  return problems;
}

export function createDataSetResolver(
  agreements: readonly LoadedAgreement[],
  overrides: Readonly<Record<string, string>> = {},
  cwd: string,
): DataSetResolver {
  const byId = new Map(agreements.map((a) => [a.doc.id, a]));
  const cache = new Map<string, ResolvedDataSet>();
  return {
    resolve(from, ref) {
      const slash = ref.indexOf('/');
      const owner = slash >= 0 ? byId.get(ref.slice(0, slash)) : from;
      const dataId = slash >= 0 ? ref.slice(slash + 1) : ref;
      const declared = owner?.doc.data?.[dataId];
      if (!owner || !declared) {
        throw new InputError([problem(from.file, 0, 0, 'unknown-data-set', `data set "${ref}" is not declared (write a local id or agreement-id/data-id)`)]);
      }
      const key = `${owner.doc.id}/${dataId}`;
      const cached = cache.get(key);
      if (cached) return cached;
      // SPEC 7: `agreement-id/data-id` matches exactly; a bare id overrides it in every agreement.
      const override = overrides[key] ?? overrides[dataId];
      const absPath = override !== undefined ? path.resolve(cwd, override) : path.resolve(owner.dir, declared.file);
      const resolved: ResolvedDataSet = {
        key,
        file: displayPath(cwd, absPath),
        absPath,
        timezone: declared.timezone ?? owner.doc.timezone ?? 'UTC',
        ...(declared.delimiter !== undefined ? { delimiter: declared.delimiter } : {}),
        ...(override !== undefined ? { overridden: true } : {}),
      };
      cache.set(key, resolved);
      return resolved;
    },
  };
}
