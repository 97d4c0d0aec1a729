/** SPEC 4, 9.5: report schedules — `every`, `on`, `by` and the calendar a `workday` or a `roll` needs. */
import { parseClock } from '../../time/clock.js';
import { reportsOf, type AgreementCheck } from './context.js';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export const checkSchedules: AgreementCheck = (a, _index, report) => {
  for (const { report: r, path } of reportsOf(a)) {
    const s = r.schedule;
    const at = [...path, 'schedule'];
    if (s.every === 'workday' && s.calendar === undefined) {
      report(at, 'schedule-calendar', '`every: workday` needs a `calendar` that says which days are workdays, e.g. `calendar: office`');
    }
    if (s.roll !== undefined && s.calendar === undefined) {
      report([...at, 'roll'], 'schedule-calendar', `\`roll: ${s.roll}\` needs a \`calendar\` that says which days have working time, e.g. \`calendar: office\``);
    }
    if (s.on !== undefined) {
      if (s.every === 'day' || s.every === 'workday') {
        report([...at, 'on'], 'schedule-on', `\`on\` is for \`every: week\` (mon..sun) or \`every: month\` (1..28); remove it for \`every: ${s.every}\``);
      } else if (s.every === 'week' && !WEEKDAYS.includes(String(s.on))) {
        report([...at, 'on'], 'schedule-on', `\`on: ${s.on}\` is not a weekday; write one of ${WEEKDAYS.join(', ')}`);
      } else if (s.every === 'month' && !/^(?:[1-9]|1\d|2[0-8])$/.test(String(s.on))) {
        report([...at, 'on'], 'schedule-on', `\`on: ${s.on}\` is not a day of the month from 1 to 28 (every month has it); use 1..28`);
      }
    }
    if (parseClock(String(s.by)) === null) {
      report([...at, 'by'], 'schedule-by', `\`by: ${s.by}\` is not a local time; write \`HH:MM\`, e.g. \`"10:00"\``);
    }
  }
};
