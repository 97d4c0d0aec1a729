/**
 * Resolution of references that may cross agreements (SPEC 2, 5): data sets written `data-id` or
 * `agreement-id/data-id`, dependencies written `objective-id` or `agreement-id/objective-id`.
 */
import { itemsOf, type Dependency, type LoadedAgreement } from '../agreement/model.js';
import { didYouMean, knownNames } from './checks/names.js';

/** Loaded agreements by id; the first one wins when an id is duplicated (that is reported). */
export interface AgreementIndex {
  byId: ReadonlyMap<string, LoadedAgreement>;
}

export function indexAgreements(agreements: readonly LoadedAgreement[]): AgreementIndex {
  const byId = new Map<string, LoadedAgreement>();
  for (const a of agreements) if (!byId.has(a.doc.id)) byId.set(a.doc.id, a);
  return { byId };
}

export type Resolution = { ok: true; agreement: LoadedAgreement; id: string } | { ok: false; message: string };

type Kind = 'data set' | 'objective or report';

function idsIn(a: LoadedAgreement, kind: Kind): string[] {
  if (kind === 'data set') return Object.keys(a.doc.data ?? {});
  return itemsOf(a.doc).map((item) => item.id);
}

function resolve(ref: string, from: LoadedAgreement, index: AgreementIndex, kind: Kind): Resolution {
  const parts = ref.split('/');
  if (parts.length > 2 || parts.some((p) => p === '')) {
    return { ok: false, message: `\`${ref}\` is not ${kind === 'data set' ? 'a' : 'an'} ${kind} reference; write \`id\` or \`agreement-id/id\`` };
  }
  const [agreementId, id] = parts.length === 2 ? [parts[0]!, parts[1]!] : [from.doc.id, parts[0]!];
  const target = agreementId === from.doc.id ? from : index.byId.get(agreementId);
  if (!target) {
    const ids = [...index.byId.keys()];
    return {
      ok: false,
      message: `unknown agreement \`${agreementId}\` in \`${ref}\`${didYouMean(agreementId, ids)}; loaded agreements are: ${knownNames(ids)}`,
    };
  }
  const known = idsIn(target, kind);
  if (known.includes(id)) return { ok: true, agreement: target, id };
  const where = target === from ? 'this agreement' : `agreement \`${target.doc.id}\``;
  return {
    ok: false,
    message: `unknown ${kind} \`${ref}\`${didYouMean(id, known)}; ${where} declares: ${knownNames(known)}`,
  };
}

export function resolveDataSet(ref: string, from: LoadedAgreement, index: AgreementIndex): Resolution {
  return resolve(ref, from, index, 'data set');
}

export function resolveDependency(ref: string, from: LoadedAgreement, index: AgreementIndex): Resolution {
  return resolve(ref, from, index, 'objective or report');
}

/** The id a dependency entry names, and the path suffix of its node. */
export function dependencyTarget(dep: Dependency): { ref: string; suffix: Array<string> } {
  return typeof dep === 'string' ? { ref: dep, suffix: [] } : { ref: dep.objective, suffix: ['objective'] };
}
