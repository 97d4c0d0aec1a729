/** SPEC 2–5: every service, calendar, data set and dependency reference resolves. */
import { RESERVED_CALENDAR, type LoadedAgreement, type NodePath } from '../../agreement/model.js';
import { acceptedEntries, itemsOf, objectivesOf, referableNames, reportsOf, type AgreementCheck, type AgreementIndex, type Reporter } from './context.js';
import { measureCalendar } from '../measure.js';
import { didYouMean, knownNames } from './names.js';
import { dependencyTarget, resolveCalendar, resolveDataSet, resolveDependency } from '../resolve.js';

function checkCalendar(a: LoadedAgreement, id: string, path: NodePath, index: AgreementIndex, report: Reporter): void {
  if (id.includes('/')) {
    // SPEC 9.5: another agreement's calendar, `agreement-id/calendar-id`
    const r = resolveCalendar(id, a, index);
    if (!r.ok && r.message !== null) report(path, 'unknown-calendar', r.message);
    return;
  }
  const { names: known, complete } = referableNames(a, 'calendars');
  if (id === RESERVED_CALENDAR || known.includes(id) || !complete) return;
  const all = [RESERVED_CALENDAR, ...known];
  report(path, 'unknown-calendar', `unknown calendar \`${id}\`${didYouMean(id, all)}; calendars are: ${knownNames(all)}`);
}

function checkService(a: LoadedAgreement, id: string | undefined, path: NodePath, report: Reporter): void {
  if (id === undefined) return;
  const { names: known, complete } = referableNames(a, 'services');
  if (known.includes(id) || !complete) return;
  report(path, 'unknown-service', `unknown service \`${id}\`${didYouMean(id, known)}; services are: ${knownNames(known)}`);
}

function checkDataSet(a: LoadedAgreement, ref: string, path: NodePath, index: AgreementIndex, report: Reporter): void {
  const r = resolveDataSet(ref, a, index);
  if (!r.ok && r.message !== null) report(path, 'unknown-data-set', r.message);
}

export const checkReferences: AgreementCheck = (a, index, report) => {
  for (const [id, service] of acceptedEntries(a, 'services')) {
    if (service.hours !== undefined) checkCalendar(a, service.hours, ['services', id, 'hours'], index, report);
  }
  for (const { objective, path } of objectivesOf(a)) {
    checkService(a, objective.service, [...path, 'service'], report);
    checkDataSet(a, objective.source, [...path, 'source'], index, report);
    const cal = measureCalendar(objective.measure);
    if (cal && typeof cal.calendar === 'string') checkCalendar(a, cal.calendar, [...path, 'measure', ...cal.suffix], index, report);
    else if (cal && typeof cal.calendar === 'object') {
      // SPEC 9.5: a calendar per record names a calendar per value, and maybe a default
      const at = [...path, 'measure', ...cal.suffix];
      for (const [value, id] of Object.entries(cal.calendar.map)) checkCalendar(a, id, [...at, 'map', value], index, report);
      if (cal.calendar.default !== undefined) checkCalendar(a, cal.calendar.default, [...at, 'default'], index, report);
    }
    (objective.pause ?? []).forEach((pause, k) => {
      if ('source' in pause) checkDataSet(a, pause.source, [...path, 'pause', k, 'source'], index, report);
    });
  }
  for (const { report: r, path } of reportsOf(a)) {
    checkService(a, r.service, [...path, 'service'], report);
    checkDataSet(a, r.log.source, [...path, 'log', 'source'], index, report);
    if (r.schedule.calendar !== undefined) checkCalendar(a, r.schedule.calendar, [...path, 'schedule', 'calendar'], index, report);
  }
  for (const { item, path } of itemsOf(a)) {
    (item.dependsOn ?? []).forEach((dep, k) => {
      const { ref, suffix } = dependencyTarget(dep);
      const r = resolveDependency(ref, a, index);
      if (!r.ok && r.message !== null) report([...path, 'dependsOn', k, ...suffix], 'unknown-objective', `dependsOn: ${r.message}`);
    });
  }
};
