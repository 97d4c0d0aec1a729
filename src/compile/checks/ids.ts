/** SPEC 2: agreement ids are unique across all loaded files; objective and report ids share one namespace. */
import { problem, type Problem } from '../../problem.js';
import { NO_PARTY, RESERVED_CALENDAR, type LoadedAgreement } from '../../agreement/model.js';
import { isAccepted, itemsOf, type AgreementCheck } from './context.js';

export function checkAgreementIds(agreements: readonly LoadedAgreement[]): Problem[] {
  const problems: Problem[] = [];
  const first = new Map<string, LoadedAgreement>();
  for (const a of agreements) {
    if (!isAccepted(a, ['id'])) continue;
    const earlier = first.get(a.doc.id);
    if (!earlier) {
      first.set(a.doc.id, a);
      continue;
    }
    const at = a.locate(['id']);
    const was = earlier.locate(['id']);
    problems.push(
      problem(
        a.file,
        at.line,
        at.column,
        'duplicate-id',
        `agreement id \`${a.doc.id}\` is already used at ${earlier.file}:${was.line}; agreement ids must be unique across all loaded files`,
      ),
    );
  }
  return problems;
}

export const checkItemIds: AgreementCheck = (a, _index, report) => {
  const seen = new Map<string, { kind: string; line: number }>();
  for (const { kind, item, path } of itemsOf(a)) {
    const earlier = seen.get(item.id);
    if (earlier) {
      report(
        [...path, 'id'],
        'duplicate-id',
        `${kind} id \`${item.id}\` is already used by the ${earlier.kind} at line ${earlier.line}; objectives and reports share one namespace per agreement`,
      );
    } else {
      seen.set(item.id, { kind, line: a.locate([...path, 'id']).line });
    }
  }
};

export const checkReservedIds: AgreementCheck = (a, _index, report) => {
  if (a.doc.parties && Object.hasOwn(a.doc.parties, NO_PARTY) && isAccepted(a, ['parties', NO_PARTY])) {
    report(['parties', NO_PARTY], 'reserved-id', `\`${NO_PARTY}\` is reserved (it charges an exclusion to nobody); rename this party`);
  }
  if (a.doc.calendars && Object.hasOwn(a.doc.calendars, RESERVED_CALENDAR) && isAccepted(a, ['calendars', RESERVED_CALENDAR])) {
    report(
      ['calendars', RESERVED_CALENDAR],
      'reserved-id',
      `\`${RESERVED_CALENDAR}\` is reserved (always working time, always available); rename this calendar`,
    );
  }
};
