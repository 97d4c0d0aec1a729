#!/usr/bin/env node
// Prints the import graph between the folders of src/ (one line per folder: what it imports) and
// any cycle among them; exits 1 when there is a cycle. `node scripts/folder-graph.mjs [--json]`.
// A folder is a first-level entry of src/ (src/evaluate/adjust counts as src/evaluate); a file
// directly in src/ (problem.ts) is its own node.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'src');

/** Every .ts file below `dir`. */
function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

/** The node of a file: its first-level folder under src/, or the file's own name. */
function nodeOf(file) {
  const parts = relative(SRC, file).split(sep);
  return parts.length > 1 ? parts[0] : parts[0].replace(/\.ts$/, '');
}

// `import ... from './x.js'` and `export ... from '../y.js'`, type-only imports included
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+['"](\.{1,2}\/[^'"]+)['"]/g;

export function folderGraph(src = SRC) {
  const edges = new Map();
  for (const file of sources(src)) {
    const from = nodeOf(file);
    if (!edges.has(from)) edges.set(from, new Set());
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolve(dirname(file), m[1].replace(/\.js$/, '.ts'));
      if (!target.startsWith(src + sep)) continue;
      const to = nodeOf(target);
      if (to !== from) edges.get(from).add(to);
    }
  }
  return edges;
}

/** Every elementary cycle's nodes would be many; one cycle per strongly connected component is enough to act on. */
export function folderCycles(edges) {
  const cycles = [];
  const state = new Map(); // undefined: new, 1: on the path, 2: done
  const path = [];
  const visit = (node) => {
    state.set(node, 1);
    path.push(node);
    for (const next of [...(edges.get(node) ?? [])].sort()) {
      if (state.get(next) === 1) cycles.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 2);
  };
  for (const node of [...edges.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const edges = folderGraph();
  const cycles = folderCycles(edges);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ edges: Object.fromEntries([...edges].map(([k, v]) => [k, [...v].sort()])), cycles }, null, 2));
  } else {
    for (const [from, to] of [...edges].sort(([a], [b]) => (a < b ? -1 : 1))) console.log(`${from.padEnd(12)} -> ${[...to].sort().join(', ') || '(nothing)'}`);
    console.log(cycles.length ? `\ncycles:\n${cycles.map((c) => `  ${c.join(' -> ')}`).join('\n')}` : '\nno cycle between folders');
  }
  process.exitCode = cycles.length ? 1 : 0;
}
