/**
 * Two ways to run slacheck in end-to-end tests:
 * - `runMain` calls `main(argv, io)` of src/cli/main.ts in this process, with the working directory
 *   and environment passed explicitly and streams that are not a TTY. Fast (no Node start-up, no
 *   build needed) and what most end-to-end tests use.
 * - `runCli` spawns the built CLI (bin/slacheck.js → dist/, built by `npm test`'s pretest) as a real
 *   process. Only for what depends on the process itself: the bin script, real pipes, exit codes
 *   set through process.exitCode, EPIPE, a TTY.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/slacheck.js', import.meta.url));

/**
 * What `evaluate examples` prints on stderr (from the repository root) when no selection narrows
 * it: the German Excel recipe leaves three junk rows out on purpose (`invalid: skip`) and says so
 * (examples/real-exports/README.md). Every other example reads its data without a warning.
 */
export const EXAMPLES_WARNINGS =
  'slacheck: warning: examples/real-exports/german-excel/ticketliste.csv:11: 3 rows ' +
  'left out for a bad cell (invalid: skip), at lines 11, 14, 20 [invalid-rows]\n';

export interface CliRun {
  stdout: string;
  stderr: string;
  code: number | null;
}

export interface RunOptions {
  /** The working directory (default: the repository root). */
  cwd?: string;
  /** Added to `{ NO_COLOR: '1' }` (set NO_COLOR: '' to unset it). */
  env?: Record<string, string>;
}

export function runCli(args: readonly string[], opts: RunOptions = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...opts.env },
    encoding: 'utf8',
  });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}

/**
 * Runs `main(args, io)` in-process, as `runCli` would run the binary: cwd default the repository
 * root, env `{ NO_COLOR: '1', ...opts.env }` (nothing from the real environment), stdout and stderr
 * collected as strings and not a TTY.
 */
export async function runMain(args: readonly string[], opts: RunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd: opts.cwd ?? ROOT,
    env: { NO_COLOR: '1', ...opts.env },
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
  });
  return { stdout, stderr, code };
}
