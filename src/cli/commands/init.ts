/** `slacheck init [DIR]`: writes a starter agreement with sample data; never overwrites. */
import { access, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { schemaText } from '../../agreement/schema.js';
import { INIT_FILES } from '../init-template.js';
import { EXIT_OK, EXIT_USAGE, ExitError, type Io } from '../io.js';

export async function runInit(dir: string, io: Io): Promise<number> {
  const root = resolve(io.cwd, dir);
  // the schema beside the agreement makes its modeline work in editors at once
  const files = [...INIT_FILES, { path: 'agreement.schema.json', content: schemaText() }];
  const existing: string[] = [];
  for (const f of files) {
    const target = join(root, f.path);
    if (await access(target).then(() => true, () => false)) existing.push(relative(io.cwd, target) || target);
  }
  if (existing.length) {
    throw new ExitError(EXIT_USAGE, `init would overwrite ${existing.join(', ')}; nothing was written (choose an empty directory)`);
  }
  for (const f of files) {
    const target = join(root, f.path);
    try {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, f.content, { encoding: 'utf8', flag: 'wx' });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why =
        code === 'EEXIST' || code === 'ENOTDIR'
          ? `${dir} (or a folder on the way) is a file, not a directory`
          : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
            ? 'permission denied'
            : (code ?? (err as Error).message);
      throw new ExitError(EXIT_USAGE, `init cannot write ${relative(io.cwd, target) || target}: ${why}`);
    }
  }
  const shown = relative(io.cwd, root) || '.';
  io.stdout.write(
    `Wrote ${files.map((f) => join(shown, f.path)).join(', ')}\n\nNext:\n  slacheck validate ${shown}\n  slacheck evaluate ${shown}\n`,
  );
  return EXIT_OK;
}
