/**
 * The agreement JSON Schema (SPEC 2–5 shapes) and its validator. The validator is precompiled by
 * scripts/build-validator.mjs; when the schema file changed since, it is compiled here instead.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv';
import * as generated from './generated/agreement-validator.js';

/** Same place relative to src/agreement/ and dist/agreement/. */
export const SCHEMA_URL = new URL('../../schemas/agreement.schema.json', import.meta.url);

/** Keep in sync with scripts/build-validator.mjs (both are hashed, see there). */
const AJV_OPTIONS = { allErrors: true, strict: false, verbose: true, unicode: false };

export type SchemaError = ErrorObject;

export interface Validator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

let schemaTextCache: string | undefined;
let validator: Validator | undefined;

/** The schema as shipped (for `slacheck schema`). */
export function schemaText(): string {
  schemaTextCache ??= readFileSync(SCHEMA_URL, 'utf8');
  return schemaTextCache;
}

let parsedSchema: Record<string, unknown> | undefined;

/** The parsed schema (shared; do not mutate). */
export function agreementSchema(): Record<string, unknown> {
  parsedSchema ??= JSON.parse(schemaText()) as Record<string, unknown>;
  return parsedSchema;
}

/** True when the precompiled validator was built from the current schema file. */
export function generatedValidatorIsCurrent(): boolean {
  return generated.SCHEMA_HASH === schemaHash(agreementSchema());
}

function schemaHash(schema: unknown): string {
  return createHash('sha256').update(JSON.stringify({ schema, options: AJV_OPTIONS })).digest('hex');
}

function getValidator(): Validator {
  if (validator) return validator;
  let current: boolean;
  try {
    current = generatedValidatorIsCurrent();
  } catch {
    current = true; // no schema file next to the code (e.g. a bundle): trust the precompiled one
  }
  validator = current ? (generated.validate as unknown as Validator) : compileValidator(agreementSchema());
  return validator;
}

/**
 * Compiles the schema with ajv at run time (~0.1–1 s), for when the schema changed after the
 * last `node scripts/build-validator.mjs`. ajv is loaded here only, so normal runs never pay it.
 */
export function compileValidator(schema: Record<string, unknown>): Validator {
  const require = createRequire(import.meta.url);
  const Ajv2020 = (require('ajv/dist/2020.js') as { default: new (o: object) => AjvLike }).default;
  const ajv = new Ajv2020({ ...AJV_OPTIONS, logger: false });
  ajv.addVocabulary(['x-message']);
  return ajv.compile(schema);
}

interface AjvLike {
  addVocabulary(words: string[]): void;
  compile(schema: object): Validator;
}

/** Raw ajv errors for one document (empty when it is valid). */
export function schemaErrors(data: unknown): SchemaError[] {
  const validate = getValidator();
  return validate(data) ? [] : [...(validate.errors ?? [])];
}
