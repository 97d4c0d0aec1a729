/**
 * Where luxon may be loaded: only src/time/ imports it, and `slacheck validate` (which needs no
 * windows or schedules) never reaches it through static imports, so it does not pay luxon's start-up.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const src = join(root, 'src');

/** Modules a file loads when it is loaded: static `import`/`export ... from`, not `import type` or `import()`. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\s+from\s+)?'([^']+)'/gm)) found.push(m[1]!);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

test('only src/time/ imports luxon', () => {
  const importers = sourceFiles(src).filter((f) => staticImports(f).includes('luxon') || /import\(\s*'luxon'\s*\)/.test(readFileSync(f, 'utf8')));
  expect(importers.length).toBeGreaterThan(0);
  for (const f of importers) expect(relative(src, f)).toMatch(/^time[/\\]/);
});

test('slacheck validate does not load luxon', () => {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of staticImports(file)) {
      if (!spec.startsWith('.')) packages.add(spec);
      else {
        const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
        if (existsSync(target)) walk(target);
      }
    }
  };
  walk(join(src, 'cli/commands/validate.ts'));
  expect(seen.size).toBeGreaterThan(20); // the walk did follow the loader and the checks
  expect([...seen].map((f) => relative(src, f))).toContain(join('compile', 'checks', 'schedule.ts'));
  expect([...packages]).not.toContain('luxon');
});
