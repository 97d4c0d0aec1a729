/** Types of runner.mjs. */
import type { FuzzCase } from './generators.mjs';
import type { Failure } from './oracles.mjs';
export const DIST_MAIN: string;
export const DEFAULTS: { timeMs: number; heapMb: number; workerHeapMb: number };
export interface FuzzFailure {
  index: number;
  shape: string[];
  args: string[];
  failures: Failure[];
  minimal?: { args: string[]; files: Record<string, string>; tries: number };
  saved?: string;
}
export interface FuzzOptions {
  seed: number;
  count: number;
  start?: number;
  mainUrl?: string;
  limits?: Partial<typeof DEFAULTS>;
  includeKnown?: boolean;
  generate?: (seed: number, index: number, opts: { includeKnown: boolean }) => FuzzCase;
  minimise?: boolean;
  minimiseTries?: number;
  minimiseMs?: number;
  findingsDir?: string;
  onProgress?: (done: number, count: number, failed: number) => void;
}
export function fuzz(opts: FuzzOptions): Promise<{ cases: number; failures: FuzzFailure[]; classes: Map<string, number[]>; ms: number }>;
export function saveFinding(dir: string, seed: number, index: number, original: FuzzCase, minimal: { args: string[]; files: Record<string, string> }, failures: Failure[]): string;
export function shellQuote(s: string): string;
