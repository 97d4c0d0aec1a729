/** SPEC 2 and 3.4: validity dates, IANA timezones, calendar hours and holidays. */
import { parseHours } from '../../time/hours.js';
import { isValidDate, isValidZone } from '../../time/instant.js';
import type { HolidaySpec, LoadedAgreement, NodePath } from '../../agreement/model.js';
import { formatDays, parseDateDays } from '../../time/civil.js';
import { easterSunday, yearlyDate } from '../../time/holidays.js';
import { parseIntervals } from '../../time/hours.js';
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
    checkHolidays(a, id, cal.holidays ?? [], report);
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

/**
 * SPEC 9.5 holidays: each entry names days that exist; short days have valid hours and lie in the
 * validity's years (else a warning: they never apply); two entries naming one day are redundant
 * (a warning), and a short day that another entry makes a day off is a contradiction (an error).
 */
function checkHolidays(a: LoadedAgreement, id: string, holidays: readonly HolidaySpec[], report: Reporter): void {
  const validity = a.doc.validity;
  const years: number[] = [];
  if (validity && isValidDate(validity.from) && isValidDate(validity.to)) {
    for (let y = Number(validity.from.slice(0, 4)); y <= Number(validity.to.slice(0, 4)) && years.length < 200; y++) years.push(y);
  }
  /** Which entry first made each day (in the validity's years) a day off, and which a short day. */
  const off = new Map<number, number>();
  const short = new Map<number, number>();
  const path = (k: number, ...rest: string[]): NodePath => ['calendars', id, 'holidays', k, ...rest];
  const where = (k: number) => `holiday ${k + 1} of calendar \`${id}\``;
  const markOff = (day: number, k: number, text: string) => {
    const first = off.get(day) ?? short.get(day);
    if (first !== undefined && short.get(day) === first) {
      report(path(k), 'holiday-overlap', `${text} is a short day of the same calendar (holiday ${first + 1}); a day is either off or short, remove one`);
    } else if (first !== undefined) {
      report(path(k), 'holiday-overlap', `${text} is already a day off by holiday ${first + 1} of calendar \`${id}\`; remove one`, 'warning');
    } else off.set(day, k);
  };
  holidays.forEach((h, k) => {
    if (typeof h === 'string') {
      const day = parseDateDays(String(h));
      if (Number.isNaN(day)) {
        report(path(k), 'invalid-holiday', `holiday \`${h}\` in calendar \`${id}\` is not a date; write \`YYYY-MM-DD\` with a day that exists`);
        return;
      }
      markOff(day, k, `\`${h}\``);
    } else if ('easter' in h) {
      for (const y of years) markOff(easterSunday(y) + h.easter, k, `easter ${h.easter} (${formatDays(easterSunday(y) + h.easter)})`);
    } else if ('every' in h) {
      if (yearlyDate(h.date) === null) {
        report(path(k, 'date'), 'invalid-holiday', `${where(k)}: \`${h.date}\` is not a day of the year; write \`MM-DD\`, e.g. \`12-25\``);
        return;
      }
      for (const y of years) {
        const day = parseDateDays(`${y}-${h.date}`);
        if (!Number.isNaN(day)) markOff(day, k, `\`${h.date}\` (${y})`);
      }
    } else {
      const day = parseDateDays(h.date);
      if (Number.isNaN(day)) {
        report(path(k, 'date'), 'invalid-holiday', `${where(k)}: \`${h.date}\` is not a date; write \`YYYY-MM-DD\` with a day that exists`);
        return;
      }
      if (h.hours.trim() !== '') {
        const hours = parseIntervals(h.hours);
        if (typeof hours === 'string') report(path(k, 'hours'), 'invalid-hours', `${where(k)} (short day ${h.date}): ${hours}`);
      }
      if (years.length > 0 && !years.includes(Number(h.date.slice(0, 4)))) {
        report(path(k, 'date'), 'holiday-outside-validity', `short day ${h.date} of calendar \`${id}\` lies outside the validity's years (${years[0]}–${years[years.length - 1]}), so it never applies`, 'warning');
      }
      const first = off.get(day) ?? short.get(day);
      if (first !== undefined) {
        report(path(k), 'holiday-overlap', `short day ${h.date} is also named by holiday ${first + 1} of calendar \`${id}\`; a day is either off or short, remove one`);
      } else short.set(day, k);
    }
  });
}
