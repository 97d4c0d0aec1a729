/**
 * ajv errors -> problems a person can act on: one problem per mistake, pointing at the node to
 * edit (an unknown key at the key, a missing key at its parent object), anyOf noise collapsed.
 */
import { problem, type Problem, type ProblemCode } from '../problem.js';
import type { NodePath, SourcePosition } from './model.js';
import { parseInstancePath, type Locator } from './positions.js';
import type { SchemaError } from './schema.js';
import { closestName } from './suggest.js';

type SchemaNode = Record<string, unknown>;

/** Problems for one document's schema errors. `root` resolves `$ref`s inside anyOf branches. */
export function schemaProblems(errors: readonly SchemaError[], locator: Locator, file: string, root: SchemaNode): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const err of collapseAlternatives(errors, root)) {
    const p = toProblem(err, locator, file);
    const id = `${p.line}:${p.column}:${p.code}:${p.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(p);
  }
  return out;
}

/** An error the translator understands: ajv's, or one that replaces a collapsed anyOf. */
interface Collapsed {
  err: SchemaError;
  /** Set when the error replaces an anyOf/oneOf and its branch errors. */
  summary?: { code: ProblemCode; message: string };
}

/**
 * For each failed anyOf/oneOf, keep only the errors of the branch whose type fits the value
 * (`dependsOn: [3]` is neither a string nor a mapping: one type error, not three).
 */
function collapseAlternatives(errors: readonly SchemaError[], root: SchemaNode): Collapsed[] {
  const out: Collapsed[] = [];
  for (const err of errors) {
    if (err.keyword === 'if' || err.keyword === 'propertyNames') continue; // echoes of inner errors
    if (err.keyword !== 'anyOf' && err.keyword !== 'oneOf') {
      out.push({ err });
      continue;
    }
    // ajv reports a branch's errors right before the anyOf error itself, all at or below its path.
    const here = err.instancePath;
    let first = out.length;
    while (first > 0 && isAtOrBelow(out[first - 1]!.err.instancePath, here)) first--;
    const block = out.splice(first);
    const branches = (Array.isArray(err.schema) ? err.schema : []).map((b) => resolve(b as SchemaNode, root));
    const type = jsonType(err.data);
    const fitting = branches.filter((b) => typeFits(b, type));
    const hint = typeof err.parentSchema?.['x-message'] === 'string' ? (err.parentSchema['x-message'] as string) : undefined;
    const where = displayPath(parseInstancePath(here));
    if (fitting.length === 0) {
      const wanted = [...new Set(branches.flatMap(typesOf))].map(typeName).join(' or ');
      out.push({ err, summary: { code: 'schema-type', message: `${where}: ${hint ?? `must be ${wanted}`}; got ${describe(err.data)}` } });
    } else if (fitting.length === 1) {
      const branch = fitting[0]!;
      const kept = block.filter((c) => c.err.instancePath !== here || (c.err.keyword !== 'type' && c.err.keyword in branch) || c.summary);
      // A value of the right type but the wrong value (`on: 31`): the hint says more than `<= 28`.
      const onlyValue = kept.every((c) => c.err.instancePath === here && !c.summary && !KEY_KEYWORDS.has(c.err.keyword));
      if (kept.length && !(onlyValue && hint)) out.push(...kept);
      else out.push({ err, summary: { code: `schema-${kebab(err.keyword)}`, message: `${where}: ${hint ?? err.message ?? 'is not valid'}; got ${describe(err.data)}` } });
    } else if (hint) {
      out.push({ err, summary: { code: `schema-${kebab(err.keyword)}`, message: `${where}: ${hint}; got ${describe(err.data)}` } });
    } else {
      out.push(...block, { err });
    }
  }
  return out;
}

function toProblem({ err, summary }: Collapsed, locator: Locator, file: string): Problem {
  const path = parseInstancePath(err.instancePath);
  const at = (pos: SourcePosition, code: ProblemCode, message: string) => problem(file, pos.line, pos.column, code, message);
  if (summary) return at(locator.locate(path), summary.code, summary.message);

  const where = displayPath(path);
  const hint = typeof err.parentSchema?.['x-message'] === 'string' ? (err.parentSchema['x-message'] as string) : undefined;
  const params = err.params as Record<string, unknown>;
  const code: ProblemCode = `schema-${kebab(err.keyword)}`;
  const propertyName = (err as { propertyName?: string }).propertyName;
  if (propertyName !== undefined) {
    const detail = hint ?? err.message ?? 'is not a valid key';
    return at(locator.locateKey([...path, propertyName]), code, `key \`${propertyName}\` in ${where} is not valid: ${detail}`);
  }

  switch (err.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys((err.parentSchema?.properties as SchemaNode | undefined) ?? {});
      const guess = closest(key, allowed);
      const place = path.length ? `in ${where}` : 'at the top level';
      const message =
        `unknown key \`${key}\` ${place}` +
        (guess ? ` (did you mean \`${guess}\`?)` : '') +
        (allowed.length ? `; allowed keys: ${allowed.join(', ')}` : '');
      return at(locator.locateKey([...path, key]), 'schema-additional-property', message);
    }
    case 'required':
      return at(locator.locate(path), code, `${where} is missing the required key \`${String(params.missingProperty)}\``);
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((v) => (typeof v === 'string' ? v.replace(/\t/g, '\\t') : String(v)));
      return at(locator.locate(path), code, `${where} must be one of: ${allowed.join(', ')}; got ${describe(err.data)}`);
    }
    case 'const':
      return at(locator.locate(path), code, `${where} must be ${JSON.stringify(params.allowedValue)}; got ${describe(err.data)}`);
    case 'type': {
      const wanted = String(params.type).split(',').map(typeName).join(' or ');
      return at(locator.locate(path), code, `${where} must be ${wanted}; got ${describe(err.data)}`);
    }
    case 'pattern':
      return at(
        locator.locate(path),
        code,
        `${where}: ${JSON.stringify(err.data)} is not valid: ${hint ?? `it must match the pattern ${String(params.pattern)}`}`,
      );
    case 'minLength':
      return at(locator.locate(path), code, `${where} must not be empty`);
    case 'minItems':
      return at(locator.locate(path), code, `${where} must list at least ${String(params.limit)} value(s)`);
    case 'not':
    case 'false schema':
      return at(locator.locateKey(path), 'schema-not-allowed', `${where} is not allowed here${hint ? `: ${hint}` : ''}`);
    case 'minProperties':
    case 'maxProperties':
      return at(locator.locate(path), code, `${where}: ${hint ?? err.message ?? 'has the wrong number of keys'}`);
    default:
      return at(locator.locate(path), code, `${where} ${err.message ?? 'is not valid'}`);
  }
}

/** Errors about keys, which name the key to fix and so beat a general hint. */
const KEY_KEYWORDS = new Set(['additionalProperties', 'required']);

function isAtOrBelow(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}/`);
}

/** Follows a local `$ref` (`#/$defs/x`) so a branch's `type` can be read. */
function resolve(node: SchemaNode, root: SchemaNode): SchemaNode {
  let current = node;
  for (let depth = 0; depth < 10 && typeof current.$ref === 'string' && current.$ref.startsWith('#/'); depth++) {
    let target: unknown = root;
    for (const part of current.$ref.slice(2).split('/')) target = (target as SchemaNode | undefined)?.[part];
    if (!target || typeof target !== 'object') break;
    current = { ...(target as SchemaNode), ...Object.fromEntries(Object.entries(current).filter(([k]) => k !== '$ref')) };
  }
  return current;
}

function typesOf(schema: SchemaNode): string[] {
  const t = schema.type;
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.map(String);
  if ('const' in schema) return [jsonType(schema.const)];
  return [];
}

function typeFits(schema: SchemaNode, type: string): boolean {
  const types = typesOf(schema);
  if (types.length === 0) return true;
  return types.includes(type) || (type === 'integer' && types.includes('number'));
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  null: 'empty',
};

function typeName(type: string): string {
  return TYPE_NAMES[type] ?? type;
}

/** The value as the user wrote it, briefly: `"monthly"`, `3`, `a list`. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** `objectives[2].measure.duration`; the root is "the agreement". */
export function displayPath(path: NodePath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number' || /^\d+$/.test(seg)) out += `[${seg}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out || 'the agreement';
}

function kebab(keyword: string): string {
  return keyword.replace(/\s+/g, '-').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The allowed key closest to a typo (edit distance <= 2, <= 1 for short keys), if any. */
function closest(key: string, allowed: readonly string[]): string | undefined {
  return closestName(key, allowed, key.length <= 3 ? 1 : 2);
}
