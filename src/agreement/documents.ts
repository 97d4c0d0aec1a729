/**
 * YAML text -> documents with source positions (SPEC 2, 3.4). YAML 1.2 core schema, so dates stay
 * strings and `on` is a key; syntax errors, duplicate keys and alias bombs become problems.
 */
import { isAlias, isCollection, isMap, isScalar, LineCounter, parseAllDocuments, visit, type Document, type Node } from 'yaml';
import { problem, type Problem } from '../problem.js';
import { createLocator, keyText, type Locator } from './positions.js';

/** Expanding more aliases than this is treated as a resource exhaustion attack. */
export const MAX_ALIAS_COUNT = 100;

export interface YamlDocument {
  /** The document as plain data; undefined when it has YAML errors. */
  value: unknown;
  locator: Locator;
  /** Syntax errors, duplicate keys, alias limit (errors) and YAML warnings. */
  problems: Problem[];
  /** Top-level keys that look like `apiVersion` (any case, `-`/`_`), e.g. to catch `apiversion:`. */
  apiVersionKeys: string[];
  /** True when the document has no content at all (comments only, a trailing `---`). */
  empty: boolean;
  /** True when the top level is a mapping (only a mapping can be an agreement). */
  mapping: boolean;
}

export function parseYamlDocuments(text: string, file: string): YamlDocument[] {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, {
    lineCounter,
    version: '1.2',
    schema: 'core',
    merge: false,
    // Duplicate keys are found below: yaml's own error points before the key, not at it.
    uniqueKeys: false,
    prettyErrors: false,
  });
  const docs: Document[] = Array.isArray(parsed) ? parsed : [];
  return docs.map((doc) => readDocument(doc, lineCounter, file));
}

function readDocument(doc: Document, lineCounter: LineCounter, file: string): YamlDocument {
  const locator = createLocator(doc, lineCounter);
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const err of doc.errors) {
    // yaml reports an unclosed quote or bracket where the text ends: point at the opening instead.
    const opened = /quote|end with a/i.test(err.message) ? unclosedStart(doc, err.pos[0]) : undefined;
    const pos = at(opened ?? err.pos[0]);
    const slot = `${pos.line}:${pos.column}`;
    if (seen.has(slot)) continue; // one error per spot: yaml often reports a cause and its echo
    seen.add(slot);
    problems.push(problem(file, pos.line, pos.column, 'yaml-syntax', `YAML syntax error: ${err.message}`));
  }
  problems.push(...duplicateKeys(doc, file, at));
  for (const warn of doc.warnings) {
    const pos = at(warn.pos[0]);
    problems.push(problem(file, pos.line, pos.column, 'yaml-warning', warn.message, 'warning'));
  }

  const contents = doc.contents as Node | null;
  const apiVersionKeys = isMap(contents)
    ? contents.items.map((p) => keyText(p.key)).filter((k): k is string => k !== null && normalizeKey(k) === 'apiversion')
    : [];
  const empty = contents === null || contents === undefined;
  const mapping = isMap(contents);

  let value: unknown;
  if (!problems.some((p) => p.severity === 'error')) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      const pos = firstAlias(doc, at) ?? locator.locate([]);
      const message = err instanceof Error ? err.message : String(err);
      problems.push(
        /alias/i.test(message)
          ? problem(file, pos.line, pos.column, 'yaml-alias-limit', `aliases expand to too many nodes (more than ${MAX_ALIAS_COUNT}); write the values out instead`)
          : problem(file, pos.line, pos.column, 'yaml-syntax', `YAML error: ${message}`),
      );
    }
  }
  return { value, locator, problems, apiVersionKeys, empty, mapping };
}

function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[-_\s]/g, '');
}

/** Every repeated key of a mapping, pointing at the repeat and naming the first occurrence. */
function duplicateKeys(doc: Document, file: string, at: (offset: number) => { line: number; column: number }): Problem[] {
  const out: Problem[] = [];
  visit(doc, {
    Map(_, map) {
      const first = new Map<string, number>();
      for (const pair of map.items) {
        const key = keyText(pair.key);
        const offset = (pair.key as Node | null)?.range?.[0];
        if (key === null || offset === undefined) continue;
        const earlier = first.get(key);
        if (earlier === undefined) {
          first.set(key, offset);
          continue;
        }
        const pos = at(offset);
        out.push(
          problem(file, pos.line, pos.column, 'yaml-duplicate-key', `duplicate key \`${key}\` (first defined at line ${at(earlier).line}); keys of a mapping must be unique`),
        );
      }
    },
  });
  return out;
}

function firstAlias(doc: Document, at: (offset: number) => { line: number; column: number }) {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, node) {
      if (isAlias(node) && node.range) {
        offset = node.range[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return offset === undefined ? undefined : at(offset);
}

/** Start of the innermost quoted scalar or flow collection that is still open at `offset`. */
function unclosedStart(doc: Document, offset: number): number | undefined {
  let best: number | undefined;
  const consider = (node: Node) => {
    const range = node.range;
    if (!range || range[0] >= offset || range[1] < offset) return;
    const opens = isScalar(node) ? node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' : isCollection(node) && node.flow === true;
    if (opens && (best === undefined || range[0] > best)) best = range[0];
  };
  visit(doc, {
    Scalar: (_, node) => consider(node),
    Map: (_, node) => consider(node),
    Seq: (_, node) => consider(node),
  });
  return best;
}
