/** Types of generators.mjs (plain ESM so that `npm run fuzz` runs without a TypeScript loader). */
export const ROOT: string;
export interface Random {
  next(): number;
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(xs: readonly T[]): T;
}
export function mulberry32(seed: number): () => number;
export function caseRandom(seed: number, index: number): Random;
export function corpus(): { name: string; files: Record<string, string> }[];
export function randomAgreement(r: Random): Record<string, string>;
export interface FuzzCase {
  args: string[];
  files: Record<string, string>;
  shape: string[];
  /** io.env of the run (default { NO_COLOR: "1" }). */
  env?: Record<string, string>;
}
export function generateCase(seed: number, index: number, opts?: { includeKnown?: boolean }): FuzzCase;
