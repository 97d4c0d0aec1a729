/**
 * Which YAML files to read (SPEC 2): named files as they are, directories walked recursively for
 * `*.yaml`/`*.yml`, skipping `node_modules` and dot-folders, sorted for deterministic output.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { problem, type Problem } from '../problem.js';

export interface AgreementFile {
  /** Absolute path. */
  path: string;
  /** Relative to cwd, forward slashes. */
  display: string;
  /** Named on the command line: it must hold an agreement (SPEC 2). */
  explicit: boolean;
}

export interface FoundFiles {
  files: AgreementFile[];
  /** Paths that do not exist or cannot be read, as problems with line 0. */
  unreadable: Problem[];
}

const YAML_FILE = /\.ya?ml$/i;
const SKIPPED_DIRS = new Set(['node_modules']);

/**
 * How a file is named in problems and output: relative to the working directory, with `/`; a path
 * outside it stays absolute (`/proc/self/fd/3`, not `../../../../proc/self/fd/3`; issue 14).
 */
export function displayPath(absolute: string, cwd: string): string {
  const rel = path.relative(cwd, absolute);
  if (rel === '') return '.';
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return absolute.split(path.sep).join('/');
  return rel.split(path.sep).join('/');
}

export async function findAgreementFiles(paths: readonly string[], cwd: string): Promise<FoundFiles> {
  const byPath = new Map<string, AgreementFile>();
  const unreadable: Problem[] = [];
  const visitedDirs = new Set<string>();

  const addFile = (abs: string, explicit: boolean) => {
    const known = byPath.get(abs);
    if (known) known.explicit ||= explicit;
    else byPath.set(abs, { path: abs, display: displayPath(abs, cwd), explicit });
  };

  const walk = async (dir: string): Promise<void> => {
    const real = await realpath(dir).catch(() => dir);
    if (visitedDirs.has(real)) return; // symlink loops
    visitedDirs.add(real);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      unreadable.push(unreadableProblem(displayPath(dir, cwd), err));
      return;
    }
    const subdirs: string[] = [];
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await stat(full).catch(() => undefined);
        isDir = target?.isDirectory() ?? false;
        isFile = target?.isFile() ?? false;
      }
      if (isDir && !entry.name.startsWith('.') && !SKIPPED_DIRS.has(entry.name)) subdirs.push(full);
      else if (isFile && YAML_FILE.test(entry.name)) addFile(full, false);
    }
    for (const sub of subdirs) await walk(sub);
  };

  for (const given of paths) {
    const abs = path.resolve(cwd, given);
    let info;
    try {
      info = await stat(abs);
    } catch (err) {
      unreadable.push(unreadableProblem(displayPath(abs, cwd), err));
      continue;
    }
    if (info.isDirectory()) await walk(abs);
    else if (info.isFile()) addFile(abs, true);
    else unreadable.push(problem(displayPath(abs, cwd), 0, 0, 'path-unreadable', 'not a file or directory'));
  }

  const files = [...byPath.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  return { files, unreadable };
}

export function unreadableProblem(display: string, err: unknown): Problem {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return problem(display, 0, 0, 'path-not-found', 'no such file or directory');
  const reason = err instanceof Error ? err.message : String(err);
  return problem(display, 0, 0, 'path-unreadable', `cannot be read: ${reason}`);
}
