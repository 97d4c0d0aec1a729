/**
 * `where` filters (SPEC 3): column -> scalar or list of scalars, compared as strings.
 * Compiled once per header into column indexes so the per-row test allocates nothing.
 */
import type { Scalar, Where } from '../agreement/model.js';

export interface CompiledWhere {
  /** Column names the header lacks (the engine reports them). */
  missing: string[];
  /** True when the row matches every clause. */
  test(row: readonly string[]): boolean;
}

/** SPEC 3: `where` values compare as strings (YAML 1 is "1", true is "true"). */
export function scalarText(v: Scalar): string {
  return typeof v === 'string' ? v : String(v);
}

export function compileWhere(where: Where | undefined, header: readonly string[]): CompiledWhere {
  const entries = Object.entries(where ?? {});
  const missing: string[] = [];
  const cols: number[] = [];
  const wanted: string[][] = [];
  for (const [column, value] of entries) {
    const idx = header.indexOf(column);
    if (idx < 0) missing.push(column);
    cols.push(idx);
    wanted.push((Array.isArray(value) ? value : [value]).map(scalarText));
  }
  const n = cols.length;
  return {
    missing,
    test(row) {
      for (let i = 0; i < n; i++) {
        const cell = row[cols[i]!];
        const options = wanted[i]!;
        let ok = false;
        for (let j = 0; j < options.length; j++) {
          if (options[j] === cell) {
            ok = true;
            break;
          }
        }
        if (!ok) return false;
      }
      return true;
    },
  };
}
