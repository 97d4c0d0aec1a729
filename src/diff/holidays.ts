/**
 * Holidays compared by the days they make (SPEC 3.4, 9.5), not by how they are written: within the
 * validity of either version, each date that is a day off or a short day in one version is
 * compared by its working time in both. `2026-12-25` and `{ date: 12-25, every: year }` in a 2026
 * agreement are the same day off: no change.
 */
import type { HolidaySpec } from '../agreement/index.js';
import { parseDateDays, weekdayOfDays, formatDays } from '../time/civil.js';
import { Holidays } from '../time/holidays.js';
import { parseHours } from '../time/hours.js';
import { classifyIntervals } from './classify.js';
import type { Classification } from './model.js';

export interface HolidayVersion {
  hours: Record<string, string>;
  holidays: readonly HolidaySpec[];
  /** Local dates `YYYY-MM-DD`, both inclusive: the agreement's validity. */
  validity: { from: string; to: string };
}

export interface DayChange {
  date: string;
  classification: Classification;
  /** The entry that makes the day special in each version (undefined: an ordinary day there). */
  before: HolidaySpec | undefined;
  after: HolidaySpec | undefined;
  /** Index of `after` in the new list. */
  afterIndex: number;
}

/** The dates whose working time differs between the versions; null when a version cannot be read (validate reports it). */
export function holidayChanges(before: HolidayVersion, after: HolidayVersion): DayChange[] | null {
  const b = compiled(before), a = compiled(after);
  if (!b || !a) return null;
  const from = Math.min(parseDateDays(before.validity.from), parseDateDays(after.validity.from));
  const to = Math.max(parseDateDays(before.validity.to), parseDateDays(after.validity.to));
  if (!Number.isFinite(from) || !Number.isFinite(to)) return null;
  const out: DayChange[] = [];
  for (let day = from; day <= to; day++) {
    const bSpecial = b.special(day), aSpecial = a.special(day);
    if (!bSpecial && !aSpecial) continue; // an ordinary day in both: hours changes are reported as such
    const classification = classifyIntervals(b.working(day), a.working(day));
    if (classification === null) continue;
    const afterIndex = aSpecial ? a.entryOf(day) : -1;
    out.push({ date: formatDays(day), classification, before: bSpecial ? before.holidays[b.entryOf(day)] : undefined, after: after.holidays[afterIndex], afterIndex });
  }
  return out;
}

function compiled(version: HolidayVersion) {
  const week = parseHours(version.hours);
  if (!week.ok) return null;
  let all: Holidays;
  let single: Holidays[];
  try {
    all = new Holidays(version.holidays, 'diff');
    single = version.holidays.map((h) => new Holidays([h], 'diff'));
  } catch {
    return null;
  }
  return {
    special: (day: number) => all.isOff(day) || all.shortHours(day) !== undefined,
    working: (day: number) => (all.isOff(day) ? [] : (all.shortHours(day) ?? week.days[weekdayOfDays(day)]!)),
    entryOf: (day: number) => single.findIndex((h) => h.isOff(day) || h.shortHours(day) !== undefined),
  };
}
