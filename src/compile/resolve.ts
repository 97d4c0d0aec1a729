/**
 * Resolution of references that may cross agreements (SPEC 2, 5): data sets written `data-id` or
 * `agreement-id/data-id`, dependencies written `objective-id` or `agreement-id/objective-id`.
 */
import path from 'node:path';
import type { Dependency, LoadedAgreement } from '../agreement/model.js';
import { referableItemIds, referableNames, type Names } from '../agreement/rejected.js';
import { didYouMean, knownNames } from './checks/names.js';

/** Loaded agreements by id; the first one wins when an id is duplicated (that is reported). */
export interface AgreementIndex {
  byId: ReadonlyMap<string, LoadedAgreement>;
  /** False when some agreement's id cannot be read (the schema rejected it): an unknown id may be that one. */
  complete: boolean;
}

export function indexAgreements(agreements: readonly LoadedAgreement[]): AgreementIndex {
  const byId = new Map<string, LoadedAgreement>();
  let complete = true;
  for (const a of agreements) {
    const id: unknown = a.doc.id;
    if (typeof id !== 'string') complete = false;
    else if (!byId.has(id)) byId.set(id, a);
  }
  return { byId, complete };
}

/**
 * A reference resolved, or why not. `message` is null when it cannot be told: the schema
 * rejected the part that would declare the name (its own problem says so).
 */
export type Resolution = { ok: true; agreement: LoadedAgreement; id: string } | { ok: false; message: string | null };

type Kind = 'data set' | 'objective or report' | 'calendar';

function idsIn(a: LoadedAgreement, kind: Kind): Names {
  return kind === 'data set' ? referableNames(a, 'data') : kind === 'calendar' ? referableNames(a, 'calendars') : referableItemIds(a);
}

/** SPEC 9.2: an agreement that is not loaded is most often in a file that was not passed. */
function notLoaded(agreementId: string, ref: string, from: LoadedAgreement, index: AgreementIndex): string {
  const ids = [...index.byId.keys()];
  const guess = didYouMean(agreementId, ids);
  if (guess) return `unknown agreement \`${agreementId}\` in \`${ref}\`${guess}; loaded agreements are: ${knownNames(ids)}`;
  const folder = path.posix.dirname(from.file);
  return (
    `unknown agreement \`${agreementId}\` in \`${ref}\`; it is not among the loaded files — ` +
    `pass the folder that holds it (e.g. \`slacheck validate ${folder === '.' ? '.' : `${folder}/`}\`)`
  );
}

function resolve(ref: string, from: LoadedAgreement, index: AgreementIndex, kind: Kind): Resolution {
  const parts = ref.split('/');
  if (parts.length > 2 || parts.some((p) => p === '')) {
    return { ok: false, message: `\`${ref}\` is not ${kind === 'objective or report' ? 'an' : 'a'} ${kind} reference; write \`id\` or \`agreement-id/id\`` };
  }
  const [agreementId, id] = parts.length === 2 ? [parts[0]!, parts[1]!] : [from.doc.id, parts[0]!];
  const target = agreementId === from.doc.id ? from : index.byId.get(agreementId);
  if (!target) return { ok: false, message: index.complete ? notLoaded(agreementId, ref, from, index) : null };
  const known = idsIn(target, kind);
  if (known.names.includes(id)) return { ok: true, agreement: target, id };
  if (!known.complete) return { ok: false, message: null };
  const where = target === from ? 'this agreement' : `agreement \`${target.doc.id}\``;
  return {
    ok: false,
    message: `unknown ${kind} \`${ref}\`${didYouMean(id, known.names)}; ${where} declares: ${knownNames(known.names)}`,
  };
}

export function resolveDataSet(ref: string, from: LoadedAgreement, index: AgreementIndex): Resolution {
  return resolve(ref, from, index, 'data set');
}

/** SPEC 9.5: a calendar written `calendar-id` or `agreement-id/calendar-id` (shared like data sets). */
export function resolveCalendar(ref: string, from: LoadedAgreement, index: AgreementIndex): Resolution {
  return resolve(ref, from, index, 'calendar');
}

export function resolveDependency(ref: string, from: LoadedAgreement, index: AgreementIndex): Resolution {
  return resolve(ref, from, index, 'objective or report');
}

/** The id a dependency entry names, and the path suffix of its node. */
export function dependencyTarget(dep: Dependency): { ref: string; suffix: Array<string> } {
  return typeof dep === 'string' ? { ref: dep, suffix: [] } : { ref: dep.objective, suffix: ['objective'] };
}
