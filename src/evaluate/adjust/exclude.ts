/**
 * Record-level exclusions (SPEC 5): records that do not count against the owner. The first
 * matching entry wins and carries the charge; an excluded record carries nothing else.
 */
import type { Exclusion } from '../../agreement/model.js';
import { compileWhere, type CompiledWhere } from '../where.js';

export interface CompiledExclusions {
  /** Column names the header lacks. */
  missing: string[];
  /** Index of the first matching entry, or -1. */
  match(row: readonly string[]): number;
}

export function compileExclusions(entries: readonly Exclusion[] | undefined, header: readonly string[]): CompiledExclusions {
  const compiled: CompiledWhere[] = (entries ?? []).map((e) => compileWhere(e.where, header));
  const missing = [...new Set(compiled.flatMap((c) => c.missing))];
  const n = compiled.length;
  return {
    missing,
    match(row) {
      for (let i = 0; i < n; i++) if (compiled[i]!.test(row)) return i;
      return -1;
    },
  };
}
