/**
 * Load step of the pipeline (SPEC 2): files -> YAML documents -> schema-valid agreements with
 * source positions. Everything wrong is a problem; nothing here throws for bad input.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { compareProblems, problem, type Problem } from '../problem.js';
import { parseYamlDocuments, type YamlDocument } from './documents.js';
import { findAgreementFiles, unreadableProblem } from './files.js';
import type { AgreementDoc, LoadedAgreement } from './model.js';
import { agreementSchema, schemaErrors } from './schema.js';
import { schemaProblems } from './schema-errors.js';
import { rejectedParts } from './rejected.js';

export const API_VERSION = 'slacheck/v1';

export interface LoadResult {
  /** Display paths (relative to cwd, forward slashes) of every YAML file read, sorted. */
  files: string[];
  /** Schema-valid agreements in file order, then document order. */
  agreements: LoadedAgreement[];
  /**
   * What the semantic checks run on (SPEC 9.2), in the same order: the schema-valid agreements and
   * those the schema rejected in part (`rejected` set; they are checked, never compiled).
   */
  checkable: LoadedAgreement[];
  /** Problems at error or warning level found while loading (YAML and schema). */
  problems: Problem[];
  /** Paths that do not exist or cannot be read (exit 2 for the CLI), as problems with line 0. */
  unreadable: Problem[];
}

export interface TextLoad {
  agreements: LoadedAgreement[];
  /** As in `LoadResult`. */
  checkable: LoadedAgreement[];
  problems: Problem[];
}

/** `cwd` is where relative paths start and what display paths are relative to (the CLI passes the process's). */
export async function loadAgreements(paths: readonly string[], opts: { cwd: string }): Promise<LoadResult> {
  const cwd = path.resolve(opts.cwd);
  const found = await findAgreementFiles(paths.length ? paths : ['.'], cwd);
  const unreadable = [...found.unreadable];
  const texts = await Promise.all(
    found.files.map((f) =>
      readFile(f.path, 'utf8').then(
        (text) => ({ file: f, text }),
        (err: unknown) => {
          unreadable.push(unreadableProblem(f.display, err));
          return undefined;
        },
      ),
    ),
  );
  const agreements: LoadedAgreement[] = [];
  const checkable: LoadedAgreement[] = [];
  const problems: Problem[] = [];
  const files: string[] = [];
  for (const entry of texts) {
    if (!entry) continue;
    files.push(entry.file.display);
    const loaded = readAgreementText(entry.text, entry.file.display, path.dirname(entry.file.path), entry.file.explicit);
    agreements.push(...loaded.agreements);
    checkable.push(...loaded.checkable);
    problems.push(...loaded.problems);
  }
  return { files, agreements, checkable, problems: problems.sort(compareProblems), unreadable: unreadable.sort(compareProblems) };
}

/**
 * Agreements in one YAML text, as if the file had been named on the command line (so a text
 * without an agreement is a `no-agreement` error). `file` is the display path, `dir` absolute.
 */
export function loadAgreementText(text: string, file: string, dir: string): TextLoad {
  const loaded = readAgreementText(text, file, dir, true);
  return { ...loaded, problems: loaded.problems.sort(compareProblems) };
}

/** A YAML text from somewhere other than the disk (e.g. `git show REV:path`), loaded like a file. */
export interface AgreementSource {
  /** Display path (relative to cwd, forward slashes). */
  file: string;
  /** Absolute directory the file stands for: data set paths resolve against it. */
  dir: string;
  text: string;
  /** Named on the command line: it must hold an agreement (SPEC 2). */
  explicit: boolean;
}

/** Agreements in several texts, in the given order, as `loadAgreements` would read the same files from disk. */
export function loadAgreementSources(sources: readonly AgreementSource[]): TextLoad {
  const out: TextLoad = { agreements: [], checkable: [], problems: [] };
  for (const s of sources) {
    const loaded = readAgreementText(s.text, s.file, s.dir, s.explicit);
    out.agreements.push(...loaded.agreements);
    out.checkable.push(...loaded.checkable);
    out.problems.push(...loaded.problems);
  }
  out.problems.sort(compareProblems);
  return out;
}

function readAgreementText(text: string, file: string, dir: string, explicit: boolean): TextLoad {
  const agreements: LoadedAgreement[] = [];
  const checkable: LoadedAgreement[] = [];
  const problems: Problem[] = [];
  let declared = false; // some document claims to be an agreement (valid or not)
  for (const doc of parseYamlDocuments(text.replace(/^\uFEFF/, ''), file)) {
    if (doc.empty) continue;
    const yamlErrors = doc.problems.filter((p) => p.severity === 'error');
    if (yamlErrors.length || doc.value === undefined) {
      // In a directory, a broken YAML file of some other tool is not ours to judge.
      if (explicit || doc.apiVersionKeys.length > 0 || !doc.mapping) {
        problems.push(...doc.problems);
        declared = true;
      }
      continue;
    }
    const claim = classify(doc, file);
    if (claim.kind === 'foreign') continue;
    declared = true;
    problems.push(...doc.problems); // YAML warnings of an agreement
    if (claim.kind === 'wrong-version') {
      problems.push(claim.problem);
      continue;
    }
    const locator = doc.locator;
    const agreement: LoadedAgreement = { doc: doc.value as AgreementDoc, file, dir, locate: (p) => locator.locate(p), locateKey: (p) => locator.locateKey(p) };
    const schemaIssues = schemaErrors(doc.value);
    if (schemaIssues.length) {
      problems.push(...schemaProblems(schemaIssues, doc.locator, file, agreementSchema()));
      // SPEC 9.2: the parts the schema accepted are still checked, in the same run.
      checkable.push({ ...agreement, rejected: rejectedParts(schemaIssues) });
      continue;
    }
    agreements.push(agreement);
    checkable.push(agreement);
  }
  if (explicit && !declared) {
    problems.push(
      problem(file, 0, 0, 'no-agreement', `holds no agreement: a document needs \`apiVersion: ${API_VERSION}\` at its top level`),
    );
  }
  return { agreements, checkable, problems };
}

type Claim = { kind: 'agreement' } | { kind: 'foreign' } | { kind: 'wrong-version'; problem: Problem };

/** SPEC 2: `apiVersion: slacheck/v1` is an agreement; another slacheck version is an error. */
function classify(doc: YamlDocument, file: string): Claim {
  const value = doc.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { kind: 'foreign' };
  const record = value as Record<string, unknown>;
  const apiVersion = record.apiVersion;
  if (apiVersion === API_VERSION) return { kind: 'agreement' };
  if (typeof apiVersion === 'string' && /^\s*slacheck\b/i.test(apiVersion)) {
    const pos = doc.locator.locate(['apiVersion']);
    return {
      kind: 'wrong-version',
      problem: problem(file, pos.line, pos.column, 'unsupported-api-version', `apiVersion ${JSON.stringify(apiVersion)} is not supported; use \`${API_VERSION}\``),
    };
  }
  // A misspelt key (`apiversion: slacheck/v1`) must not make an agreement vanish silently.
  for (const key of doc.apiVersionKeys) {
    if (key === 'apiVersion' || !/slacheck/i.test(String(record[key]))) continue;
    const pos = doc.locator.locateKey([key]);
    return {
      kind: 'wrong-version',
      problem: problem(file, pos.line, pos.column, 'unsupported-api-version', `\`${key}\` must be spelt \`apiVersion\` (apiVersion: ${API_VERSION})`),
    };
  }
  return { kind: 'foreign' };
}
