/**
 * YAML text -> documents with source positions (SPEC 2, 3.4). YAML 1.2 core schema, so dates stay
 * strings and `on` is a key; syntax errors, duplicate keys and alias bombs become problems.
 */
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, Lexer, LineCounter, parseAllDocuments, visit, type Alias, type Document, type Node, type YAMLMap } from 'yaml';
import { problem, type Problem } from '../problem.js';
import { createLocator, keyText, type Locator } from './positions.js';

/** Nodes that aliases may expand to in one document; more is treated as an alias bomb. */
export const MAX_ALIAS_NODES = 10_000;
/** Collections nested deeper than this are a problem (an agreement needs about 8 levels; issue 14). */
export const MAX_NESTING = 64;

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
  let textDepth: number[] | undefined;
  const deepInText = () => (textDepth ??= nestingPastLimitInText(text));
  const read = docs.map((doc) => readDocument(doc, lineCounter, file, deepInText));
  capSyntaxErrors(read, file);
  return read;
}

const MAX_SYNTAX_ERRORS = 10;

/** A file that is not YAML at all (a README passed by mistake) gets a few errors, not hundreds. */
function capSyntaxErrors(docs: YamlDocument[], file: string): void {
  let kept = 0;
  let dropped = 0;
  let last: YamlDocument | undefined;
  for (const doc of docs) {
    doc.problems = doc.problems.filter((p) => {
      if (p.code !== 'yaml-syntax') return true;
      last = doc;
      if (kept < MAX_SYNTAX_ERRORS) {
        kept++;
        return true;
      }
      dropped++;
      return false;
    });
  }
  if (dropped > 0 && last) {
    last.problems.push(problem(file, 0, 0, 'yaml-syntax', `${dropped} more YAML syntax errors not shown; is ${file} a YAML agreement file?`));
  }
}

function readDocument(doc: Document, lineCounter: LineCounter, file: string, deepInText: () => number[]): YamlDocument {
  const locator = createLocator(doc, lineCounter);
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const nestingProblem = (offset: number) => {
    const pos = at(offset);
    return problem(file, pos.line, pos.column, 'yaml-nesting', `nesting deeper than ${MAX_NESTING} levels; an agreement needs far fewer: flatten the value or check that this is an agreement file`);
  };
  // yaml gives up on deep nesting with "Maximum call stack size exceeded" at a place that depends
  // on the stack: report the first level past MAX_NESTING instead, the same on every run.
  const overflow = doc.errors.some((err) => /call stack/i.test(err.message));
  if (overflow) {
    const start = doc.range?.[0] ?? 0;
    const offset = deepInText().find((o) => o >= start) ?? start;
    return { value: undefined, locator, problems: [nestingProblem(offset)], apiVersionKeys: [], empty: false, mapping: false };
  }
  let located = 0;
  for (const err of doc.errors) {
    // yaml reports an unclosed quote or bracket where the text ends: point at the opening instead.
    // Finding it walks the document, so only for the errors that can be shown (linear time).
    const opened = /quote|end with a/i.test(err.message) && located++ < 2 * MAX_SYNTAX_ERRORS ? unclosedStart(doc, err.pos[0]) : undefined;
    const pos = at(opened ?? err.pos[0]);
    const slot = `${pos.line}:${pos.column}`;
    if (seen.has(slot)) continue; // one error per spot: yaml often reports a cause and its echo
    seen.add(slot);
    // yaml quotes the offending source; a long excerpt only floods the terminal
    const message = err.message.length > 160 ? `${err.message.slice(0, 157)}...` : err.message;
    problems.push(problem(file, pos.line, pos.column, 'yaml-syntax', `YAML syntax error: ${message}`));
  }
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
  const deep = problems.some((p) => p.severity === 'error') ? undefined : nestingPastLimit(contents);
  if (deep !== undefined) problems.push(nestingProblem(deep));
  if (!problems.some((p) => p.severity === 'error')) {
    const plain = new PlainData(doc, file, at);
    const converted = plain.convert(contents);
    if (plain.aliasCycle !== undefined) {
      const pos = at(plain.aliasCycle);
      problems.push(problem(file, pos.line, pos.column, 'yaml-alias-cycle', 'this alias refers to a node that contains it, so it would never end; write the value out instead'));
    } else if (plain.aliasBomb !== undefined) {
      const pos = at(plain.aliasBomb);
      problems.push(
        problem(file, pos.line, pos.column, 'yaml-alias-limit', `aliases expand to more than ${MAX_ALIAS_NODES} nodes; write the values out instead`),
      );
    } else if (plain.unsupportedTag !== undefined) {
      const pos = at(plain.unsupportedTag.offset);
      const tag = plain.unsupportedTag.tag.replace(/^tag:yaml\.org,2002:/, '!!');
      problems.push(problem(file, pos.line, pos.column, 'yaml-unsupported-tag', `${tag} values are not plain data; write the value as text, a number or a list without the tag`));
    } else if (plain.duplicates.length) {
      problems.push(...plain.duplicates);
    } else {
      value = converted;
    }
  }
  return { value, locator, problems, apiVersionKeys, empty, mapping };
}

function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[-_\s]/g, '');
}

/**
 * The document as plain data (what `toJS` gives for the core schema) in one pass that also finds
 * duplicate keys and bounds alias expansion, so an alias bomb stops early instead of exploding.
 */
class PlainData {
  duplicates: Problem[] = [];
  /** Offset of the alias at which expansion passed the limit. */
  aliasBomb: number | undefined;
  private expanded = 0;
  private aliasDepth = 0;
  /** Offset of the outermost alias being expanded. */
  private currentAlias = 0;
  /** The first scalar whose tag gives a value that is not plain data (`!!binary`, `!!timestamp`). */
  unsupportedTag: { offset: number; tag: string } | undefined;
  /** Offset of an alias that refers to a node containing it, or undefined. */
  aliasCycle: number | undefined;
  private readonly targets = new Map<unknown, unknown>();
  /** The nodes whose alias expansion is under way (a cycle returns to one of them). */
  private readonly expanding = new Set<unknown>();

  constructor(
    private readonly doc: Document,
    private readonly file: string,
    private readonly at: (offset: number) => { line: number; column: number },
  ) {}

  convert(node: unknown): unknown {
    if (this.aliasBomb !== undefined) return null;
    if (this.aliasDepth > 0 && ++this.expanded > MAX_ALIAS_NODES) {
      this.aliasBomb = this.currentAlias;
      return null;
    }
    if (isScalar(node)) {
      // yaml turns `!!binary`, `!!timestamp` and the like into Buffers and Dates even in the core
      // schema; an agreement is plain JSON data, so they are a problem at the value (issue 14)
      const value: unknown = node.value;
      if ((typeof value === 'object' && value !== null) || typeof value === 'bigint') {
        this.unsupportedTag ??= { offset: node.range?.[0] ?? 0, tag: node.tag ?? 'this tag' };
        return null;
      }
      return value;
    }
    if (isMap(node)) return this.convertMap(node);
    if (isSeq(node)) return node.items.map((item) => this.convert(item));
    if (isAlias(node)) {
      // each alias is resolved once, through an index of the anchors built in one walk (issue 14)
      let target = this.targets.get(node);
      if (target === undefined) this.targets.set(node, (target = this.resolveAlias(node)));
      // an alias inside the node it names (`title: &t [*t]`) would expand forever (issue 14)
      if (target !== null && this.expanding.has(target)) {
        if (this.aliasCycle === undefined) this.aliasCycle = node.range?.[0] ?? 0;
        return null;
      }
      if (this.aliasDepth === 0) this.currentAlias = node.range?.[0] ?? 0;
      this.aliasDepth++;
      if (target !== null) this.expanding.add(target);
      const value = this.convert(target);
      if (target !== null) this.expanding.delete(target);
      this.aliasDepth--;
      return value;
    }
    return null;
  }

  /** Anchor name -> [offset, node] in document order; built on the first alias. */
  private anchors: Map<string, Array<[number, Node]>> | undefined;

  /** As yaml's `Alias#resolve`: the last node with the alias's anchor before the alias. */
  private resolveAlias(alias: Alias): Node | null {
    if (this.anchors === undefined) {
      const anchors = new Map<string, Array<[number, Node]>>();
      this.anchors = anchors;
      const note = (node: Node) => {
        if (node.anchor === undefined) return;
        let list = anchors.get(node.anchor);
        if (list === undefined) anchors.set(node.anchor, (list = []));
        list.push([node.range?.[0] ?? 0, node]);
      };
      visit(this.doc, { Scalar: (_, node) => note(node), Map: (_, node) => note(node), Seq: (_, node) => note(node) });
    }
    const list = this.anchors.get(alias.source);
    if (list === undefined) return null;
    const offset = alias.range?.[0] ?? 0;
    let found: Node | null = null;
    for (let lo = 0, hi = list.length; lo < hi; ) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]![0] < offset) {
        found = list[mid]![1];
        lo = mid + 1;
      } else hi = mid;
    }
    return found;
  }

  private convertMap(map: YAMLMap): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const firstAt = new Map<string, number>();
    for (const pair of map.items) {
      const key = keyText(pair.key) ?? JSON.stringify(this.convert(pair.key));
      const offset = (pair.key as Node | null)?.range?.[0] ?? 0;
      const earlier = firstAt.get(key);
      if (earlier !== undefined && this.aliasDepth === 0) {
        const pos = this.at(offset);
        this.duplicates.push(
          problem(this.file, pos.line, pos.column, 'yaml-duplicate-key', `duplicate key \`${key}\` (first defined at line ${this.at(earlier).line}); keys of a mapping must be unique`),
        );
      } else {
        firstAt.set(key, offset);
      }
      // defineProperty: a `__proto__` key is data, not the object's prototype.
      Object.defineProperty(out, key, { value: this.convert(pair.value), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
}

/** yaml's lexer tokens that mark a document, a scalar or a flow end without consuming text. */
const VIRTUAL_TOKENS = new Set(['\u{FEFF}', '\x02', '\x18', '\x1f']);

/** Offset of the first collection nested deeper than MAX_NESTING, in document order (iterative: no stack to overflow). */
function nestingPastLimit(contents: Node | null): number | undefined {
  const stack: Array<[unknown, number]> = [[contents, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (isPair(node)) {
      stack.push([node.value, depth], [node.key, depth]);
      continue;
    }
    if (!isCollection(node)) continue;
    if (depth > MAX_NESTING) return node.range?.[0] ?? 0;
    const items = node.items as unknown[];
    for (let i = items.length - 1; i >= 0; i--) stack.push([items[i], depth + 1]);
  }
  return undefined;
}

/**
 * Offsets in the text where nesting first goes past MAX_NESTING (one per stretch that does), from
 * yaml's lexer, which does not recurse: flow brackets, and block collections by the column of
 * their `- ` or key (a stack of columns, as YAML's indentation rules nest them).
 */
function nestingPastLimitInText(text: string): number[] {
  const found: number[] = [];
  const columns: number[] = [];
  let flow = 0;
  let offset = 0;
  let lineStart = 0;
  let pendingKey = -1; // column of a scalar that may be a block key
  let over = false;
  const check = (at: number) => {
    const deep = columns.length + flow > MAX_NESTING;
    if (deep && !over) found.push(at);
    over = deep;
  };
  const openBlock = (column: number, at: number) => {
    while (columns.length > 0 && columns[columns.length - 1]! > column) columns.pop();
    if (columns.length === 0 || columns[columns.length - 1]! < column) columns.push(column);
    check(at);
  };
  for (const token of new Lexer().lex(text)) {
    if (VIRTUAL_TOKENS.has(token)) continue; // markers the lexer adds; they are not in the text
    switch (token[0]) {
      case '[':
      case '{':
        flow++;
        check(offset);
        break;
      case ']':
      case '}':
        if (flow > 0) flow--;
        over = columns.length + flow > MAX_NESTING;
        break;
      case '\n':
        lineStart = offset + 1;
        pendingKey = -1;
        break;
      case '\r':
        break;
      case '-':
        if (token === '-' && flow === 0) openBlock(offset - lineStart, offset);
        else pendingKey = -1;
        break;
      case ':':
        if (token === ':' && flow === 0 && pendingKey >= 0) openBlock(pendingKey, lineStart + pendingKey);
        pendingKey = -1;
        break;
      default:
        if (flow === 0 && token.trim() !== '' && pendingKey < 0) pendingKey = offset - lineStart;
    }
    offset += token.length;
  }
  return found;
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
