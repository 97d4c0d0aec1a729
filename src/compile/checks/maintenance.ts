/** SPEC 9.5: maintenance windows — unique ids, a schedule or a one-off span, notices — and the exclusions naming them. */
import { parseDuration } from '../../agreement/quantity.js';
import type { NodePath } from '../../agreement/model.js';
import { parseIntervals } from '../../time/hours.js';
import { isValidDate } from '../../time/instant.js';
import { isAccepted, objectivesOf, type AgreementCheck } from './context.js';
import { didYouMean, knownNames } from './names.js';
import { resolveDataSet } from '../resolve.js';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;

export const checkMaintenance: AgreementCheck = (a, index, report) => {
  const list = Array.isArray(a.doc.maintenance) && isAccepted(a, ['maintenance']) ? a.doc.maintenance : [];
  const ids: string[] = [];
  list.forEach((m, k) => {
    if (!isAccepted(a, ['maintenance', k])) return;
    const at = (...rest: (string | number)[]): NodePath => ['maintenance', k, ...rest];
    if (ids.includes(m.id)) report(at('id'), 'duplicate-id', `maintenance window \`${m.id}\` is declared twice`);
    ids.push(m.id);
    if (m.every !== undefined) {
      if (m.from !== undefined || m.to !== undefined) report(at('every'), 'invalid-maintenance', `maintenance \`${m.id}\` is either recurring (\`every\`, \`on\`, \`hours\`) or one-off (\`from\`, \`to\`), not both`);
      if (m.hours === undefined) report(at(), 'invalid-maintenance', `maintenance \`${m.id}\` recurs every ${m.every}: give its local \`hours\`, e.g. \`hours: "02:00-04:00"\``);
      else {
        const hours = parseIntervals(m.hours);
        if (typeof hours === 'string') report(at('hours'), 'invalid-hours', `maintenance \`${m.id}\`: ${hours}`);
      }
      if (m.every === 'week' && !WEEKDAYS.includes(String(m.on))) report(m.on === undefined ? at() : at('on'), 'invalid-maintenance', `maintenance \`${m.id}\` every week needs \`on\`: one of ${WEEKDAYS.join(', ')}`);
      if (m.every === 'month' && !(Number.isInteger(m.on) && Number(m.on) >= 1 && Number(m.on) <= 31)) report(m.on === undefined ? at() : at('on'), 'invalid-maintenance', `maintenance \`${m.id}\` every month needs \`on\`: a day of the month 1..31`);
      if (m.every === 'day' && m.on !== undefined) report(at('on'), 'invalid-maintenance', `maintenance \`${m.id}\` every day takes no \`on\``);
    } else {
      const from = LOCAL_DATE_TIME.exec(m.from ?? '');
      const to = LOCAL_DATE_TIME.exec(m.to ?? '');
      if (!from || !isValidDate(from[1]!) || !to || !isValidDate(to[1]!)) {
        report(at(), 'invalid-maintenance', `maintenance \`${m.id}\` needs \`every\` (recurring) or local \`from\` and \`to\` written YYYY-MM-DDTHH:MM (one-off)`);
      } else if (m.from! >= m.to!) report(at('to'), 'invalid-maintenance', `maintenance \`${m.id}\` ends (${m.to}) before it starts (${m.from})`);
    }
    if (m.notice) {
      const r = resolveDataSet(m.notice.source, a, index);
      if (!r.ok && r.message !== null) report(at('notice', 'source'), 'unknown-data-set', r.message);
      if (parseDuration(m.notice.min) === null) report(at('notice', 'min'), 'invalid-duration', `notice \`min\` \`${m.notice.min}\` is not a duration; write e.g. \`72h\` or \`3d\``);
    }
  });
  const complete = !Array.isArray(a.doc.maintenance) || a.doc.maintenance.every((_, k) => isAccepted(a, ['maintenance', k]));
  for (const { objective, path } of objectivesOf(a)) {
    (objective.exclude ?? []).forEach((x, k) => {
      if (!('maintenance' in x)) return;
      x.maintenance.forEach((id, j) => {
        if (ids.includes(id) || !complete) return;
        report([...path, 'exclude', k, 'maintenance', j], 'unknown-maintenance', `unknown maintenance window \`${id}\`${didYouMean(id, ids)}; maintenance windows are: ${knownNames(ids)}`);
      });
    });
  }
};
