/** The process boundary: streams, environment, colour and exit codes. Only src/cli/ uses it. */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

export interface Io {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** `columns`: the terminal's width when stdout is a TTY. */
  stdout: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(s: string): unknown; isTTY?: boolean };
}

/** Ends the run with an exit code after printing `message` (if any) on stderr. */
export class ExitError extends Error {
  readonly exitCode: number;
  constructor(exitCode: number, message = '') {
    super(message);
    this.name = 'ExitError';
    this.exitCode = exitCode;
  }
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** Colour is decided once: --color/--no-color, then NO_COLOR, then FORCE_COLOR, then TTY. */
export function decideColor(flag: boolean | undefined, io: Io, stream: 'stdout' | 'stderr' = 'stdout'): boolean {
  if (flag !== undefined) return flag;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return io[stream].isTTY === true;
}

/**
 * How wide the table may be: `COLUMNS` when set (a positive integer), else the terminal's width
 * when stdout is a TTY, else no limit (piped or redirected output keeps every column).
 */
export function terminalWidth(io: Io): number | undefined {
  const env = io.env.COLUMNS?.trim();
  if (env !== undefined && /^\d+$/.test(env) && Number(env) > 0) return Number(env);
  if (io.stdout.isTTY === true && typeof io.stdout.columns === 'number' && io.stdout.columns > 0) return io.stdout.columns;
  return undefined;
}

/** Why a folder cannot be made or written in, in words (`code` from a failed fs call). */
function folderProblem(code: string | undefined, dir: string): string | null {
  if (code === 'ENOTDIR' || code === 'EEXIST') return `${dir} (or a folder on the way) is a file, not a directory`;
  if (code === 'EACCES' || code === 'EPERM') return `permission denied in ${dir}`;
  return null;
}

/**
 * Writes a report file atomically: a temp file beside it, then a rename. Missing parent folders
 * are created first (SPEC 9.2: `--output reports/2026-07/sla.md` in a fresh CI checkout).
 */
export async function writeFileAtomic(given: string, content: string, cwd?: string): Promise<void> {
  // issue 14: relative to the run's working directory (io.cwd), not the process's
  let path = cwd === undefined ? given : resolve(cwd, given);
  // issue 14: a device, FIFO or socket (/dev/null, /dev/stdout, a pipe) and a dangling symlink are
  // written through, never replaced by a renamed file; a symlink to a regular file is written
  // atomically at its target
  const target = await stat(path).catch(() => null);
  const dangling = target === null && (await lstat(path).catch(() => null))?.isSymbolicLink() === true;
  if (dangling || (target !== null && !target.isFile() && !target.isDirectory())) {
    try {
      await writeFile(path, content, 'utf8');
      return;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new ExitError(EXIT_USAGE, `cannot write ${given}: ${code ?? (err as Error).message}`);
    }
  }
  if (target?.isFile()) path = await realpath(path);
  const dir = dirname(path);
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ExitError(EXIT_USAGE, `cannot write ${given}: ${folderProblem(code, dir) ?? code ?? (err as Error).message}`);
  }
  const tmp = join(dir, `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, content, 'utf8');
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? `the directory ${dir} does not exist` // removed while we wrote
        : code === 'EISDIR'
          ? 'it is a directory'
          : (folderProblem(code, dir) ?? code ?? (err as Error).message);
    throw new ExitError(EXIT_USAGE, `cannot write ${given}: ${why}`);
  }
}
