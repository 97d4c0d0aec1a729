/**
 * Agreement files as they were at a git revision (SPEC 9.6: `slacheck diff main`), read through the
 * system's git: `git ls-tree` lists them, `git show REV:path` reads them. Plain texts for the loader.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import type { AgreementSource } from '../agreement/index.js';
import { EXIT_USAGE, ExitError } from './io.js';

const YAML_FILE = /\.ya?ml$/i;

interface GitRun {
  ok: boolean;
  stdout: string;
  stderr: string;
  /** git itself could not be started. */
  missing: boolean;
}

function git(args: readonly string[], cwd: string): Promise<GitRun> {
  return new Promise((done) => {
    execFile('git', [...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      const missing = (err as NodeJS.ErrnoException | null)?.code === 'ENOENT';
      done({ ok: !err, stdout: String(stdout), stderr: String(stderr), missing });
    });
  });
}

/** True when `cwd` is inside a git work tree; an explanation otherwise. */
async function repositoryProblem(cwd: string): Promise<string | null> {
  const r = await git(['rev-parse', '--is-inside-work-tree'], cwd);
  if (r.missing) return 'git is not installed (or not on PATH) to read it as a revision';
  return r.ok && r.stdout.trim() === 'true' ? null : `${cwd} is not inside a git repository, so it cannot be a revision`;
}

/**
 * The YAML files below `paths` (default `.`, relative to `cwd`) at revision `rev`, with the rules
 * of a directory walk (SPEC 2: `*.yaml`/`*.yml`, no `node_modules`, no dot-folders). Display paths
 * are `REV:path` with `path` relative to `cwd`, so problems say which version they are about.
 */
export async function sourcesAtRevision(rev: string, paths: readonly string[], cwd: string): Promise<AgreementSource[]> {
  const notRepo = await repositoryProblem(cwd);
  if (notRepo) throw new ExitError(EXIT_USAGE, `BASE "${rev}" is not an existing path, and ${notRepo}`);
  const commit = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], cwd);
  if (!commit.ok) throw new ExitError(EXIT_USAGE, `BASE "${rev}" is neither a path nor a git revision (try a branch, a tag, a commit or HEAD~1)`);
  const sha = commit.stdout.trim();
  const prefix = (await git(['rev-parse', '--show-prefix'], cwd)).stdout.trim().replace(/\/$/, '');
  const given = paths.length ? paths : ['.'];
  const listed = await git(['--literal-pathspecs', 'ls-tree', '-r', '-z', '--full-name', '--name-only', sha, '--', ...given], cwd);
  if (!listed.ok) throw new ExitError(EXIT_USAGE, `cannot list the files of ${rev}: ${listed.stderr.trim()}`);
  // each given path relative to the repository root ('' for the root itself)
  const roots = given.map((p) => path.posix.normalize(path.posix.join(prefix, p.split(path.sep).join('/'))).replace(/^\.$/, '').replace(/\/$/, ''));
  const sources: AgreementSource[] = [];
  for (const name of listed.stdout.split('\0').filter(Boolean).sort()) {
    const explicit = roots.includes(name);
    const walked = roots.some((root) => {
      if (root !== '' && !name.startsWith(`${root}/`)) return false;
      const below = (root === '' ? name : name.slice(root.length + 1)).split('/');
      return YAML_FILE.test(name) && below.slice(0, -1).every((dir) => !dir.startsWith('.') && dir !== 'node_modules');
    });
    if (!explicit && !walked) continue;
    const shown = await git(['show', `${sha}:${name}`], cwd);
    if (!shown.ok) throw new ExitError(EXIT_USAGE, `cannot read ${name} at ${rev}: ${shown.stderr.trim()}`);
    const relative = path.posix.relative(prefix, name);
    sources.push({ file: `${rev}:${relative}`, dir: path.resolve(cwd, path.dirname(relative)), text: shown.stdout, explicit });
  }
  return sources;
}
