/** SPEC 2 and 5: role counts, and every party reference (owner, auditor, pause, inputs, exclude, report `to`). */
import { NO_PARTY, type LoadedAgreement, type NodePath } from '../../agreement/model.js';
import { acceptedEntries, isAccepted, objectivesOf, referableNames, reportsOf, type AgreementCheck, type Reporter } from './context.js';
import { didYouMean, knownNames } from './names.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const checkRoles: AgreementCheck = (a, _index, report) => {
  if (!isAccepted(a, ['parties'])) return;
  const parties = acceptedEntries(a, 'parties');
  // A party the schema rejected (e.g. `role: provder`) may be the provider or customer sought.
  const uncertain = parties.length < referableNames(a, 'parties').names.length;
  const providers = parties.filter(([, p]) => p.role === 'provider').map(([id]) => id);
  if (providers.length === 0 && !uncertain) {
    report(['parties'], 'provider-count', 'no party has role `provider`; exactly one party must provide the service');
  } else if (providers.length > 1) {
    report(
      ['parties', providers[1]!, 'role'],
      'provider-count',
      `parties ${providers.map((p) => `\`${p}\``).join(', ')} all have role \`provider\`; exactly one may (make the others \`third-party\`)`,
    );
  }
  if (!parties.some(([, p]) => p.role === 'customer') && !uncertain) {
    report(['parties'], 'no-customer', 'no party has role `customer`; an agreement needs at least one');
  }
};

function checkParty(
  a: LoadedAgreement,
  id: string | undefined,
  path: NodePath,
  field: string,
  report: Reporter,
  noneAllowed = false,
): void {
  if (id === undefined) return;
  const { names: known, complete } = referableNames(a, 'parties');
  if (known.includes(id) || (noneAllowed && id === NO_PARTY) || !complete) return;
  const hint = noneAllowed ? ` (or \`${NO_PARTY}\`)` : id === NO_PARTY ? ` (\`${NO_PARTY}\` is only allowed in exclude)` : '';
  report(path, 'unknown-party', `unknown party \`${id}\` in ${field}${didYouMean(id, known)}; parties are: ${knownNames(known)}${hint}`);
}

export const checkPartyReferences: AgreementCheck = (a, _index, report) => {
  if (isAccepted(a, ['monitoring'])) checkParty(a, a.doc.monitoring?.auditor, ['monitoring', 'auditor'], 'monitoring.auditor', report);
  for (const { objective, path } of objectivesOf(a)) {
    checkParty(a, objective.owner, [...path, 'owner'], 'owner', report);
    (objective.pause ?? []).forEach((p, k) => checkParty(a, p.party, [...path, 'pause', k, 'party'], 'pause', report));
    (objective.inputs ?? []).forEach((i, k) => checkParty(a, i.party, [...path, 'inputs', k, 'party'], 'inputs', report));
    (objective.exclude ?? []).forEach((e, k) => {
      if ('party' in e) checkParty(a, e.party, [...path, 'exclude', k, 'party'], 'exclude', report, true);
    });
  }
  // SPEC 9.5: a maintenance window is charged to a party or `none`
  const maintenance: unknown = a.doc.maintenance;
  if (Array.isArray(maintenance) && isAccepted(a, ['maintenance'])) {
    (a.doc.maintenance ?? []).forEach((m, k) => {
      if (isAccepted(a, ['maintenance', k])) checkParty(a, m.party, ['maintenance', k, 'party'], 'exclude', report, true);
    });
  }
  for (const { report: r, path } of reportsOf(a)) {
    checkParty(a, r.owner, [...path, 'owner'], 'owner', report);
    const { names: known, complete } = referableNames(a, 'parties');
    (r.to ?? []).forEach((to, k) => {
      if (EMAIL.test(to) || known.includes(to) || !complete) return;
      report(
        [...path, 'to', k],
        'unknown-recipient',
        `\`${to}\` in to is neither an e-mail address nor a party${didYouMean(to, known)}; parties are: ${knownNames(known)}`,
      );
    });
  }
};
