/**
 * `where` filters (SPEC 3): column -> scalar or list of scalars, compared as strings.
 * Compiled once per header into column indexes so the per-row test allocates nothing.
 * SPEC 9.1: a header that occurs more than once (Jira repeats `Labels`) matches when any copy does.
 */
import type { Scalar, Where } from '../agreement/model.js';
import { ColumnError } from '../data/source.js';

/** A `where` value no row of the data set has, with up to five values the column does have (SPEC 9.2). */
export interface UnmatchedValue {
  column: string;
  value: string;
  seen: string[];
}

export interface CompiledWhere {
  /** Column names the header lacks (the engine reports them). */
  missing: string[];
  /** True when the row matches every clause. */
  test(row: readonly string[]): boolean;
  /** Notes which wanted values occur in the row, whatever the other clauses say (cheap once all were seen). */
  observe(row: readonly string[]): void;
  /** Wanted values no observed row had. */
  unmatched(): UnmatchedValue[];
}

/** SPEC 3: `where` values compare as strings (YAML 1 is "1", true is "true"). */
export function scalarText(v: Scalar): string {
  return typeof v === 'string' ? v : String(v);
}

/** Every index of `name` in the header (a repeated header has several). */
export function columnCopies(header: readonly string[], name: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < header.length; i++) if (header[i] === name) out.push(i);
  return out;
}

/**
 * The index of a column read as one value (a timestamp, a number): -1 when missing; a column the
 * header repeats is ambiguous (SPEC 9.1), so `ColumnError`.
 */
export function singleColumn(header: readonly string[], name: string): number {
  const copies = columnCopies(header, name);
  if (copies.length > 1) throw new ColumnError('ambiguous-column', name, copies);
  return copies.length === 1 ? copies[0]! : -1;
}

/** SPEC 9.1: the record's identifier: the declared `key` column, else `id`, `key` or `ticket_id`; -1 when none. */
export function keyColumn(header: readonly string[], declared: string | undefined): number {
  if (declared !== undefined) return singleColumn(header, declared);
  for (const name of ['id', 'key', 'ticket_id']) {
    const i = header.indexOf(name);
    if (i >= 0) return i;
  }
  return -1;
}

const SAMPLE = 5;

export function compileWhere(where: Where | undefined, header: readonly string[]): CompiledWhere {
  const entries = Object.entries(where ?? {});
  const missing: string[] = [];
  const names: string[] = [];
  const cols: number[][] = [];
  const wanted: string[][] = [];
  for (const [column, value] of entries) {
    const copies = columnCopies(header, column);
    if (copies.length === 0) missing.push(column);
    names.push(column);
    cols.push(copies);
    wanted.push((Array.isArray(value) ? value : [value]).map(scalarText));
  }
  const n = cols.length;
  // observation: which wanted values appeared, and a few values each column does have
  const seen = wanted.map((options) => options.map(() => false));
  const samples = wanted.map(() => [] as string[]);
  let unseen = wanted.reduce((k, options) => k + options.length, 0);

  // the common case, a column that occurs once, reads one cell (the hot path: every row, every objective)
  const single = cols.map((copies) => (copies.length === 1 ? copies[0]! : -1));
  const matches = (row: readonly string[], i: number): boolean => {
    const options = wanted[i]!;
    const only = single[i]!;
    if (only >= 0) {
      const cell = row[only];
      for (let j = 0; j < options.length; j++) if (options[j] === cell) return true;
      return false;
    }
    const copies = cols[i]!;
    for (let c = 0; c < copies.length; c++) {
      const cell = row[copies[c]!];
      for (let j = 0; j < options.length; j++) if (options[j] === cell) return true;
    }
    return false;
  };

  return {
    missing,
    test(row) {
      for (let i = 0; i < n; i++) if (!matches(row, i)) return false;
      return true;
    },
    observe(row) {
      if (unseen === 0) return;
      for (let i = 0; i < n; i++) {
        const copies = cols[i]!;
        const options = wanted[i]!;
        for (let c = 0; c < copies.length; c++) {
          const cell = row[copies[c]!]!;
          for (let j = 0; j < options.length; j++) {
            if (!seen[i]![j] && options[j] === cell) {
              seen[i]![j] = true;
              unseen--;
            }
          }
          const sample = samples[i]!;
          if (sample.length < SAMPLE && cell !== '' && !sample.includes(cell)) sample.push(cell);
        }
      }
    },
    unmatched() {
      const out: UnmatchedValue[] = [];
      wanted.forEach((options, i) =>
        options.forEach((value, j) => {
          if (!seen[i]![j] && cols[i]!.length > 0) out.push({ column: names[i]!, value, seen: [...samples[i]!] });
        }),
      );
      return out;
    },
  };
}
