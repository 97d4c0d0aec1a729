/**
 * Semantic checks (SPEC 2–5, 7): what the JSON Schema cannot express — uniqueness, references,
 * role counts, dates and calendars, unit fit, schedules, dependency cycles, documentation gaps.
 * Runs on schema-valid agreements; every problem points at the offending YAML node.
 */
import { checkMaintenance } from './checks/maintenance.js';
import { compareProblems, type Problem } from '../problem.js';
import type { LoadedAgreement } from '../agreement/model.js';
import { checkAggregates } from './checks/aggregates.js';
import { checkCreditTerms, checkRemedies } from './checks/contract.js';
import { checkDataColumns, type HeaderAccess } from './checks/columns.js';
import { indexAgreements, reporterFor, type AgreementCheck } from './checks/context.js';
import { checkDependencyCycles } from './checks/cycles.js';
import { checkDocumentation } from './checks/documentation.js';
import { checkAgreementIds, checkItemIds, checkReservedIds } from './checks/ids.js';
import { checkPartyReferences, checkRoles } from './checks/parties.js';
import { checkReferences } from './checks/references.js';
import { checkSchedules } from './checks/schedule.js';
import { checkCalendars, checkTimestampFormats, checkTimezones, checkValidity, checkWindowLists } from './checks/time.js';
import { checkUnits } from './checks/units.js';

const PER_AGREEMENT: readonly AgreementCheck[] = [
  checkItemIds,
  checkReservedIds,
  checkRoles,
  checkPartyReferences,
  checkReferences,
  checkValidity,
  checkTimezones,
  checkTimestampFormats,
  checkCalendars,
  checkWindowLists,
  checkAggregates,
  checkUnits,
  checkSchedules,
  checkCreditTerms,
  checkRemedies,
  checkMaintenance,
  checkDocumentation,
];

/**
 * All semantic problems of a set of loaded agreements, sorted. With `data` (validate), the columns
 * named are also checked against each data file's header line (SPEC 9.1).
 */
export function checkAgreements(agreements: readonly LoadedAgreement[], data?: HeaderAccess): Problem[] {
  const index = indexAgreements(agreements);
  const problems: Problem[] = [...checkAgreementIds(agreements)];
  for (const agreement of agreements) {
    const report = reporterFor(agreement, problems);
    for (const check of PER_AGREEMENT) check(agreement, index, report);
  }
  problems.push(...checkDependencyCycles(agreements, index));
  if (data) problems.push(...checkDataColumns(agreements, index, data));
  return problems.sort(compareProblems);
}
