/**
 * Holidays of a working calendar (SPEC 3.4, 9.5): dates off, dates off every year, days relative
 * to Western Easter, and short days whose hours replace the weekly ones. Day numbers are days since
 * 1970-01-01 of the local calendar date (civil.ts).
 */
import type { HolidaySpec } from '../agreement/model.js';
import { civilFromDays, daysFromCivil, isLeapYear, parseDateDays } from './civil.js';
import { parseIntervals } from './hours.js';

/**
 * Western (Gregorian) Easter Sunday of `year` as a day number: the anonymous Gregorian algorithm
 * (Meeus, "Astronomical Algorithms"; Butcher 1876), valid for every Gregorian year.
 */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return daysFromCivil(year, month, day);
}

/** A calendar's holidays, compiled: what a local day is (off, short, or ordinary). */
export class Holidays {
  private readonly fixed = new Set<number>();
  /** month × 100 + day of yearly holidays. */
  private readonly yearly = new Set<number>();
  private readonly easter: number[] = [];
  private readonly short = new Map<number, Array<[number, number]>>();
  private readonly easterByYear = new Map<number, number>();

  /** Throws a RangeError naming the entry when one cannot be read (validate reports them first). */
  constructor(specs: readonly HolidaySpec[], calendarId: string) {
    for (const spec of specs) {
      if (typeof spec === 'string') {
        const day = parseDateDays(spec);
        if (Number.isNaN(day)) throw new RangeError(`calendar ${calendarId}: holiday ${JSON.stringify(spec)} is not a YYYY-MM-DD date`);
        this.fixed.add(day);
      } else if ('easter' in spec) {
        this.easter.push(spec.easter);
      } else if ('every' in spec) {
        const md = yearlyDate(spec.date);
        if (md === null) throw new RangeError(`calendar ${calendarId}: yearly holiday ${JSON.stringify(spec.date)} is not a MM-DD date`);
        this.yearly.add(md);
      } else {
        const day = parseDateDays(spec.date);
        const hours = spec.hours.trim() === '' ? [] : parseIntervals(spec.hours);
        if (Number.isNaN(day) || typeof hours === 'string') throw new RangeError(`calendar ${calendarId}: short day ${JSON.stringify(spec.date)}: ${typeof hours === 'string' ? hours : 'not a date'}`);
        this.short.set(day, hours);
      }
    }
  }

  /** Whether some short day has hours (a calendar of short days only still has working time). */
  get hasShortHours(): boolean {
    for (const hours of this.short.values()) if (hours.length > 0) return true;
    return false;
  }

  get empty(): boolean {
    return this.fixed.size === 0 && this.yearly.size === 0 && this.easter.length === 0 && this.short.size === 0;
  }

  /** The hours (minutes of the local day) that replace the weekly ones on `day`, or undefined. */
  shortHours(day: number): Array<[number, number]> | undefined {
    return this.short.get(day);
  }

  /** The days in [first, end) that are off or short, sorted, each once (O(years × rules) plus the dated ones in range). */
  specialDaysIn(first: number, end: number): number[] {
    const out: number[] = [];
    if (!(first < end)) return out;
    const inRange = (day: number) => {
      if (day >= first && day < end) out.push(day);
    };
    for (const day of this.fixed) inRange(day);
    for (const day of this.short.keys()) inRange(day);
    if (this.yearly.size > 0 || this.easter.length > 0) {
      const y0 = civilFromDays(first).year, y1 = civilFromDays(end - 1).year;
      for (let y = y0; y <= y1; y++) {
        for (const md of this.yearly) {
          const month = Math.floor(md / 100), dom = md % 100;
          if (month === 2 && dom === 29 && !isLeapYear(y)) continue;
          inRange(daysFromCivil(y, month, dom));
        }
      }
      // an Easter offset can reach into the neighbouring year
      if (this.easter.length > 0) for (let y = y0 - 1; y <= y1 + 1; y++) for (const offset of this.easter) inRange(easterSunday(y) + offset);
    }
    out.sort((a, b) => a - b);
    let n = 0;
    for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[n - 1]) out[n++] = out[i]!;
    out.length = n;
    return out;
  }

  /** Whether `day` is a whole day off. */
  isOff(day: number): boolean {
    if (this.fixed.has(day)) return true;
    if (this.yearly.size === 0 && this.easter.length === 0) return false;
    const { year, month, day: dom } = civilFromDays(day);
    if (this.yearly.has(month * 100 + dom)) return true;
    if (this.easter.length === 0) return false;
    let sunday = this.easterByYear.get(year);
    if (sunday === undefined) this.easterByYear.set(year, (sunday = easterSunday(year)));
    for (const offset of this.easter) if (day === sunday + offset) return true;
    // an offset can reach into the neighbouring year (e.g. −60 from an early Easter)
    for (const y of [year - 1, year + 1]) {
      let s = this.easterByYear.get(y);
      if (s === undefined) this.easterByYear.set(y, (s = easterSunday(y)));
      for (const offset of this.easter) if (day === s + offset) return true;
    }
    return false;
  }
}

/** `MM-DD` as month × 100 + day when it names a day some year has (02-29 included); else null. */
export function yearlyDate(text: string): number | null {
  const m = /^(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const max = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (max === undefined || day < 1 || day > max) return null;
  return month * 100 + day;
}
