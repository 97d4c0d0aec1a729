/**
 * The folder tree is the pipeline (ARCHITECTURE.md): no folder imports one that imports it back,
 * each stage imports only the stages before it, and only the CLI touches the process.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { folderCycles, folderGraph } from '../../scripts/folder-graph.mjs';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

/** Which folders each stage may import (besides itself). */
const ALLOWED: Record<string, string[]> = {
  problem: [],
  agreement: ['problem'],
  time: ['agreement', 'problem'],
  data: ['problem'],
  compile: ['agreement', 'time', 'data', 'problem'],
  evaluate: ['agreement', 'compile', 'time', 'data', 'problem'],
  attribution: ['agreement', 'compile', 'evaluate', 'time', 'problem'],
  core: ['compile', 'data', 'evaluate', 'attribution', 'problem'],
  // diff (SPEC 9.6) compares two loaded versions of agreements as written; hours via time's parser
  diff: ['agreement', 'time', 'problem'],
  format: ['agreement', 'compile', 'evaluate', 'attribution', 'diff', 'time', 'problem'],
  graph: ['compile', 'evaluate', 'problem'],
  // src/index.ts, the library entry: every stage, never the CLI
  index: ['agreement', 'compile', 'core', 'data', 'diff', 'evaluate', 'format', 'graph', 'problem'],
};

/** Files below `dir`, recursively. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesBelow(full) : name.endsWith('.ts') ? [full] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+['"](\.{1,2}\/[^'"]+)['"]/g;
const folderOf = (file: string): string => relative(SRC, file).split(sep)[0]!;

describe('folder structure', () => {
  const edges = folderGraph() as Map<string, Set<string>>;

  test('no import cycle between folders of src/', () => {
    expect(folderCycles(edges)).toEqual([]);
  });

  test('each stage imports only the stages before it (the CLI may import all)', () => {
    for (const [from, to] of edges) {
      if (from === 'cli') continue;
      expect(ALLOWED[from], `unknown folder src/${from}: add it to ALLOWED and ARCHITECTURE.md`).toBeDefined();
      expect([...to].filter((t) => !ALLOWED[from]!.includes(t)), `src/${from} imports`).toEqual([]);
    }
  });

  test('the cycle finder finds a cycle when there is one', () => {
    const looped = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
    ]);
    expect(folderCycles(looped)).toEqual([['a', 'b', 'c', 'a']]);
  });

  test("a stage is used through its index.ts: other folders import only modules its index re-exports", () => {
    const surface = new Map<string, Set<string>>();
    for (const folder of readdirSync(SRC)) {
      const index = join(SRC, folder, 'index.ts');
      if (!statSync(join(SRC, folder)).isDirectory() || folder === 'cli') continue;
      const modules = new Set([index]);
      for (const m of readFileSync(index, 'utf8').matchAll(IMPORT)) modules.add(resolve(dirname(index), m[1]!.replace(/\.js$/, '.ts')));
      surface.set(folder, modules);
    }
    const outside: string[] = [];
    for (const file of filesBelow(SRC)) {
      for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const target = resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts'));
        const folder = folderOf(target);
        if (folder === folderOf(file) || !surface.has(folder)) continue;
        if (!surface.get(folder)!.has(target)) outside.push(`${relative(SRC, file)} imports ${relative(SRC, target)}`);
      }
    }
    expect(outside).toEqual([]);
  });

  test('only src/cli touches the process', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = join(dir, name);
        if (statSync(full).isDirectory()) {
          if (full !== join(SRC, 'cli')) walk(full);
        } else if (name.endsWith('.ts') && /\bprocess\.|node:process/.test(readFileSync(full, 'utf8'))) offenders.push(full);
      }
    };
    walk(SRC);
    expect(offenders).toEqual([]);
  });
});
