/**
 * Parts of an agreement the JSON Schema rejected (SPEC 9.2: `validate` reports the semantic
 * problems of every part the schema accepted, together with the schema problems, in one run).
 *
 * A part is a whole top-level field (`['timezone']`, `['objectives']` when it is not a list) or
 * one entry of a section (`['objectives', 1]`, `['calendars', 'office']`). The semantic checks
 * skip exactly the rejected parts; references may still name a rejected entry (a valid objective
 * on a calendar with a bad holiday gets no second, misleading "unknown calendar"). List indexes
 * are never renumbered, so every position stays right. An agreement with rejected parts is
 * checked, never compiled.
 */
import type { AgreementDoc, LoadedAgreement, NodePath } from './model.js';
import { parseInstancePath } from './positions.js';
import type { SchemaError } from './schema.js';

/** Sections whose entries are checked one by one; any other top-level field is one part. */
export const ENTRY_SECTIONS = ['parties', 'calendars', 'services', 'data', 'objectives', 'reports'] as const;
export type EntrySection = (typeof ENTRY_SECTIONS)[number];
export type MapSection = Exclude<EntrySection, 'objectives' | 'reports'>;

/** The parts holding `errors` (ajv's, for one document), without parts inside another one. */
export function rejectedParts(errors: readonly SchemaError[]): NodePath[] {
  const parts = new Map<string, string[]>();
  for (const err of errors) {
    const path = parseInstancePath(err.instancePath);
    const named = namedKey(err);
    if (named !== undefined) path.push(named);
    const depth = path.length > 0 && (ENTRY_SECTIONS as readonly string[]).includes(path[0]!) ? 2 : 1;
    const part = path.slice(0, depth);
    parts.set(JSON.stringify(part), part);
  }
  const all = [...parts.values()];
  return all
    .filter((part) => !all.some((other) => other.length < part.length && isPrefix(other, part)))
    .map((part) => (part.length === 2 && (part[0] === 'objectives' || part[0] === 'reports') && /^\d+$/.test(part[1]!) ? [part[0], Number(part[1])] : part));
}

/** The key an error is about when ajv reports it at the parent object (unknown, missing or badly named keys). */
function namedKey(err: SchemaError): string | undefined {
  const params = err.params as Record<string, unknown>;
  const propertyName = (err as { propertyName?: string }).propertyName;
  if (typeof propertyName === 'string') return propertyName;
  const key =
    err.keyword === 'propertyNames'
      ? params.propertyName
      : err.keyword === 'required'
        ? params.missingProperty
        : err.keyword === 'additionalProperties'
          ? params.additionalProperty
          : undefined;
  return typeof key === 'string' ? key : undefined;
}

function isPrefix(prefix: NodePath, path: NodePath): boolean {
  return prefix.length <= path.length && prefix.every((seg, i) => String(seg) === String(path[i]));
}

/** True unless the schema rejected the part that holds `path`. */
export function isAccepted(a: LoadedAgreement, path: NodePath): boolean {
  return !a.rejected?.some((part) => isPrefix(part, path));
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The entries of a map section (parties, calendars, services, data) the schema accepted, in order. */
export function acceptedEntries<K extends MapSection>(a: LoadedAgreement, section: K): Array<[string, NonNullable<AgreementDoc[K]>[string]]> {
  const map: unknown = a.doc[section];
  if (!isMapping(map) || !isAccepted(a, [section])) return [];
  return Object.entries(map as NonNullable<AgreementDoc[K]>).filter(([id]) => isAccepted(a, [section, id]));
}

/** Names a reference may use, rejected entries included; `complete` is false when some cannot be known. */
export interface Names {
  names: string[];
  /** False when the schema rejected the whole section, or an entry whose id cannot be read. */
  complete: boolean;
}

/** Ids of a map section: every key, also of rejected entries (the reference is then not "unknown"). */
export function referableNames(a: LoadedAgreement, section: MapSection): Names {
  const map: unknown = a.doc[section];
  if (map === undefined) return { names: [], complete: isAccepted(a, [section]) };
  if (!isMapping(map)) return { names: [], complete: false };
  return { names: Object.keys(map), complete: isAccepted(a, [section]) };
}

/** Ids of objectives and reports (one namespace, SPEC 2), rejected entries with a readable id included. */
export function referableItemIds(a: LoadedAgreement): Names {
  const names: string[] = [];
  let complete = true;
  for (const section of ['objectives', 'reports'] as const) {
    const list: unknown = a.doc[section];
    if (list === undefined) {
      if (!isAccepted(a, [section])) complete = false;
      continue;
    }
    if (!Array.isArray(list)) {
      complete = false;
      continue;
    }
    for (const item of list as unknown[]) {
      const id = isMapping(item) ? item.id : undefined;
      if (typeof id === 'string') names.push(id);
      else complete = false;
    }
  }
  return { names, complete };
}
