/** Types of oracles.mjs. */
export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  thrown: string | null;
  directWrites: string[];
  ms: number;
  heapGrowthMb: number;
  outside: string[];
  devices: string[];
  written: Record<string, string>;
}
export interface Failure {
  oracle: string;
  message: string;
}
export interface Limits {
  timeMs: number;
  heapMb: number;
}
export function blur(s: string): string;
export function jsonTargets(args: readonly string[]): string[];
export function checkRun(args: readonly string[], run: Run, limits: Limits, input?: string): Failure[];
export function checkSame(first: Run, second: Run): Failure[];
export function failureClass(f: Failure): string;
