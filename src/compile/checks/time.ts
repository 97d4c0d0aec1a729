/** SPEC 2 and 3.4: validity dates, IANA timezones, calendar hours and holidays. */
import { parseHours } from '../../time/hours.js';
import { isValidDate, isValidZone } from '../../time/instant.js';
import type { NodePath } from '../../agreement/model.js';
import { checkPatternSyntax, isKnownLocale, readTimestampFormat } from '../../time/timestamp-format.js';
import { acceptedEntries, isAccepted, itemsOf, type AgreementCheck, type Reporter } from './context.js';
import { specsOf, windowKey } from '../../time/window-specs.js';

function checkZone(zone: string | undefined, path: NodePath, report: Reporter): void {
  if (zone === undefined || isValidZone(zone)) return;
  report(path, 'invalid-timezone', `unknown timezone \`${zone}\`; use an IANA name such as \`Europe/Berlin\`, \`America/New_York\` or \`UTC\``);
}

export const checkValidity: AgreementCheck = (a, _index, report) => {
  if (!a.doc.validity || !isAccepted(a, ['validity'])) return; // the schema requires it
  const { from, to } = a.doc.validity;
  let valid = true;
  for (const [key, date] of [['from', from], ['to', to]] as const) {
    if (isValidDate(date)) continue;
    valid = false;
    report(['validity', key], 'invalid-date', `validity.${key} \`${date}\` is not a date; write \`YYYY-MM-DD\` with a day that exists`);
  }
  if (valid && from > to) {
    report(['validity', 'to'], 'validity-order', `validity ends (${to}) before it starts (${from}); \`to\` must be on or after \`from\``);
  }
};

export const checkTimezones: AgreementCheck = (a, _index, report) => {
  if (isAccepted(a, ['timezone'])) checkZone(a.doc.timezone, ['timezone'], report);
  for (const [id, cal] of acceptedEntries(a, 'calendars')) checkZone(cal.timezone, ['calendars', id, 'timezone'], report);
  for (const [id, data] of acceptedEntries(a, 'data')) checkZone(data.timezone, ['data', id, 'timezone'], report);
};

/** SPEC 9.1: a data set's `timestamps` format and `locale` must be usable (the syntax, without luxon: `validate` never loads it). */
export const checkTimestampFormats: AgreementCheck = (a, _index, report) => {
  for (const [id, data] of acceptedEntries(a, 'data')) {
    const format = data.timestamps === undefined ? 'iso' : readTimestampFormat(data.timestamps);
    if (typeof format === 'object') {
      const why = checkPatternSyntax(format.pattern);
      if (why !== null) report(['data', id, 'timestamps'], 'invalid-timestamps', `timestamps ${why}`);
    }
    if (data.locale !== undefined && !isKnownLocale(data.locale)) {
      report(['data', id, 'locale'], 'unknown-locale', `unknown locale \`${data.locale}\`; use a BCP 47 tag such as \`en-US\`, \`de-DE\` or \`en-GB\``);
    }
  }
};

export const checkCalendars: AgreementCheck = (a, _index, report) => {
  for (const [id, cal] of acceptedEntries(a, 'calendars')) {
    const hours = parseHours(cal.hours ?? {});
    if (!hours.ok) {
      const path = hours.key && Object.hasOwn(cal.hours ?? {}, hours.key) ? ['calendars', id, 'hours', hours.key] : ['calendars', id, 'hours'];
      report(path, 'invalid-hours', `calendar \`${id}\`: ${hours.message}`);
    } else if (hours.days.every((day) => day.length === 0)) {
      report(['calendars', id, 'hours'], 'empty-calendar', `calendar \`${id}\` has no working hours; add e.g. \`mon-fri: "08:00-18:00"\``, 'warning');
    }
    (cal.holidays ?? []).forEach((date, k) => {
      if (isValidDate(String(date))) return;
      report(['calendars', id, 'holidays', k], 'invalid-holiday', `holiday \`${date}\` in calendar \`${id}\` is not a date; write \`YYYY-MM-DD\` with a day that exists`);
    });
  }
};

/** SPEC 9.3: a window list names each kind once (two `month`s would give every result twice). */
export const checkWindowLists: AgreementCheck = (a, _index, report) => {
  for (const { item, path } of itemsOf(a)) {
    if (!Array.isArray(item.window)) continue;
    const seen = new Set<string>();
    specsOf(item.window).forEach((spec, k) => {
      const key = windowKey(spec);
      if (seen.has(key)) report([...path, 'window', k], 'duplicate-window', `\`${key}\` is listed twice in \`window\`; each window kind gives one result per window, so list it once`);
      seen.add(key);
    });
  }
};
