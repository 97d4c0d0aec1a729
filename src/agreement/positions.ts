/**
 * Source positions of YAML nodes by path (keys and array indexes), so every problem can point at
 * the line and column a person has to edit.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { NodePath, SourcePosition } from './model.js';

export interface Locator {
  /** Start of the node at `path`, or of its nearest existing ancestor. */
  locate(path: NodePath): SourcePosition;
  /** Start of the key naming the last segment of `path` (for unknown keys); else like `locate`. */
  locateKey(path: NodePath): SourcePosition;
}

interface Found {
  node: Node | null;
  /** The key node of the pair that holds `node`, when the last step was a map key. */
  key: Node | null;
}

/** Splits an ajv `instancePath` (`/objectives/0/target`) into segments, undoing `~1` and `~0`. */
export function parseInstancePath(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function createLocator(doc: Document, lineCounter: LineCounter): Locator {
  const position = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const start = (node: Node | null | undefined): number | undefined => node?.range?.[0];

  const walk = (path: NodePath): Found[] => {
    const steps: Found[] = [{ node: (doc.contents as Node | null) ?? null, key: null }];
    let node = steps[0]!.node;
    for (const segment of path) {
      if (isAlias(node)) node = (node.resolve(doc) as Node | undefined) ?? null;
      let next: Found | null = null;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(segment));
        if (pair) next = { node: (pair.value as Node | null) ?? null, key: (pair.key as Node | null) ?? null };
      } else if (isSeq(node)) {
        const index = typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : -1;
        const item = index >= 0 ? node.items[index] : undefined;
        if (item !== undefined) next = { node: (item as Node | null) ?? null, key: null };
      }
      if (!next) break;
      steps.push(next);
      node = next.node;
    }
    return steps;
  };

  // An empty value (`key:`) has a zero-width range at the end of the line: point at its key.
  const valueStart = (found: Found): number | undefined => {
    const n = found.node;
    const empty = !n || (isScalar(n) && n.value === null && !!n.range && n.range[0] === n.range[1]);
    return empty ? (start(found.key) ?? start(n)) : start(n);
  };

  const firstKnown = (steps: Found[], pick: (f: Found) => number | undefined): SourcePosition => {
    for (let i = steps.length - 1; i >= 0; i--) {
      const offset = pick(steps[i]!);
      if (offset !== undefined) return position(offset);
    }
    return { line: 1, column: 1 };
  };

  return {
    locate(path) {
      return firstKnown(walk(path), valueStart);
    },
    locateKey(path) {
      const steps = walk(path);
      const last = steps[steps.length - 1]!;
      if (steps.length === path.length + 1 && last.key) return firstKnown([last], (f) => start(f.key));
      return firstKnown(steps, valueStart);
    },
  };
}

/** A scalar key as text (`1:` is the key "1"); null for complex keys. */
export function keyText(key: unknown): string | null {
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return null;
}
