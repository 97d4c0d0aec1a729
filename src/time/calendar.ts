/**
 * Working calendars (SPEC 3.4): working time between instants, exact across DST and holidays.
 * An office calendar keeps a lazily built table of local days (day start, working intervals as
 * instants, working ms before the day), extended on demand, so every query is a binary search.
 */
import type { CalendarSpec } from '../agreement/model.js';
import { DAY_MS, parseDateDays, weekdayOfDays } from './civil.js';
import { localDayNumber } from './instant.js';
import { parseHours } from './hours.js';
import { Holidays } from './holidays.js';
import { lowerBound, upperBound } from './search.js';
import { zoneInfo, type ZoneInfo } from './zone.js';
import type { WorkingCalendar } from './types.js';

export { parseHours, type ParsedHours } from './hours.js';

export function compileCalendar(id: string, spec: CalendarSpec | null, defaultZone: string): WorkingCalendar {
  if (spec === null) return new AllTheTime(id, defaultZone);
  const timezone = spec.timezone ?? defaultZone;
  const hours = parseHours(spec.hours);
  if (!hours.ok) throw new RangeError(`calendar ${id}: hours.${hours.key}: ${hours.message}`);
  return new OfficeCalendar(id, timezone, hours.days, new Holidays(spec.holidays ?? [], id));
}

/** `24x7`: working time is wall time. */
class AllTheTime implements WorkingCalendar {
  readonly is24x7 = true;
  constructor(readonly id: string, readonly timezone: string) {
    zoneInfo(timezone); // fail early on an unknown zone
  }
  workingSeconds(fromMs: number, toMs: number): number {
    return (toMs - fromMs) / 1000;
  }
  addWorkingSeconds(fromMs: number, seconds: number): number {
    return fromMs + seconds * 1000;
  }
  workingIntervals(fromMs: number, toMs: number): Array<[number, number]> {
    return fromMs < toMs ? [[fromMs, toMs]] : [];
  }
  isWorkday(localDate: string): boolean {
    return !Number.isNaN(parseDateDays(localDate));
  }
}

const NONE: ReadonlyArray<[number, number]> = [];

/** Days built per extension at least; tables grow geometrically so extensions stay rare. */
const MIN_EXTENSION_DAYS = 400;

class OfficeCalendar implements WorkingCalendar {
  readonly is24x7 = false;
  private readonly zone: ZoneInfo;
  private readonly hasWork: boolean;
  /** Local day number of starts[0]. */
  private firstDay = 0;
  /** starts[i]: first instant of day firstDay+i; the last entry is the start of the day after the table. */
  private starts: number[] = [];
  /** cum[i]: working ms from the table origin to starts[i] (negative after extending left). */
  private cum: number[] = [];
  /** ivs[i]: working intervals of day firstDay+i as flat [start, end, ...] instants. */
  private ivs: number[][] = [];

  constructor(
    readonly id: string,
    readonly timezone: string,
    private readonly week: Array<Array<[number, number]>>,
    private readonly holidays: Holidays,
  ) {
    this.zone = zoneInfo(timezone);
    // a short day can add hours on an otherwise empty week
    this.hasWork = week.some((day) => day.length > 0) || holidays.hasShortHours;
  }

  isWorkday(localDate: string): boolean {
    const day = parseDateDays(localDate);
    if (Number.isNaN(day)) return false;
    return this.hoursOf(day).length > 0;
  }

  /** SPEC 9.5: a short day's hours, none on a day off, else the weekday's. */
  private hoursOf(day: number): ReadonlyArray<[number, number]> {
    const short = this.holidays.shortHours(day);
    if (short !== undefined) return short;
    if (this.holidays.isOff(day)) return NONE;
    return this.week[weekdayOfDays(day)]!;
  }

  workingSeconds(fromMs: number, toMs: number): number {
    if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) return NaN;
    if (fromMs === toMs) return 0;
    this.cover(fromMs);
    this.cover(toMs);
    return (this.workBefore(toMs) - this.workBefore(fromMs)) / 1000;
  }

  addWorkingSeconds(fromMs: number, seconds: number): number {
    if (!Number.isFinite(fromMs) || Number.isNaN(seconds)) return NaN;
    if (seconds === 0) return fromMs;
    if (!this.hasWork || !Number.isFinite(seconds)) return seconds > 0 ? Infinity : -Infinity;
    this.cover(fromMs);
    // to the µs: seconds from workingSeconds (ms / 1000) must map back to the exact ms
    const target = this.workBefore(fromMs) + Math.round(seconds * 1e6) / 1e3;
    // The earliest t with W(t) = target: extend until the table holds working time past it.
    while (this.cum[this.cum.length - 1]! < target) this.extendRight(this.starts.length);
    while (this.cum[0]! >= target) this.extendLeft(this.starts.length);
    // the first day i with cum[i+1] >= target (the last day when none is)
    const day = lowerBound(this.cum, target, 1, this.ivs.length) - 1;
    let work = this.cum[day]!;
    const iv = this.ivs[day]!;
    for (let j = 0; j < iv.length; j += 2) {
      const length = iv[j + 1]! - iv[j]!;
      if (work + length >= target) return iv[j]! + (target - work);
      work += length;
    }
    return iv[iv.length - 1]!; // unreachable: cum[lo+1] >= target
  }

  workingIntervals(fromMs: number, toMs: number): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    if (!(fromMs < toMs)) return out;
    this.cover(fromMs);
    this.cover(toMs);
    const last = this.dayIndex(toMs);
    for (let i = this.dayIndex(fromMs); i <= last; i++) {
      const iv = this.ivs[i]!;
      for (let j = 0; j < iv.length; j += 2) {
        const a = Math.max(iv[j]!, fromMs), b = Math.min(iv[j + 1]!, toMs);
        if (a >= b) continue;
        const prev = out[out.length - 1];
        if (prev !== undefined && prev[1] === a) prev[1] = b; // touching intervals (e.g. across midnight) merge
        else out.push([a, b]);
      }
    }
    return out;
  }

  /** Working ms from the table origin to t; t must be covered. */
  private workBefore(t: number): number {
    const i = this.dayIndex(t);
    let work = this.cum[i]!;
    const iv = this.ivs[i]!;
    for (let j = 0; j < iv.length && t > iv[j]!; j += 2) work += Math.min(t, iv[j + 1]!) - iv[j]!;
    return work;
  }

  /** Index i with starts[i] <= t < starts[i+1]; t must be covered. */
  private dayIndex(t: number): number {
    return upperBound(this.starts, t, 0, this.ivs.length) - 1;
  }

  /** Make the table hold the day containing t (an extra day on each side). */
  private cover(t: number): void {
    if (this.starts.length === 0) {
      const day = localDayNumber(t, this.timezone);
      this.firstDay = day - 1;
      this.starts = [this.dayStart(this.firstDay)];
      this.cum = [0];
      this.ivs = [];
      this.extendRight(MIN_EXTENSION_DAYS);
    }
    // grow geometrically, and to far-away data in one step
    while (t < this.starts[0]!) {
      this.extendLeft(Math.max(this.starts.length, this.firstDay - localDayNumber(t, this.timezone) + 2));
    }
    while (t >= this.starts[this.starts.length - 1]!) {
      const lastDay = this.firstDay + this.ivs.length - 1;
      this.extendRight(Math.max(this.starts.length, localDayNumber(t, this.timezone) - lastDay + 2));
    }
  }

  private extendRight(count: number): void {
    const n = Math.max(count, MIN_EXTENSION_DAYS);
    let day = this.firstDay + this.ivs.length;
    let work = this.cum[this.cum.length - 1]!;
    for (let k = 0; k < n; k++, day++) {
      const next = this.dayStart(day + 1);
      const iv = this.buildDay(day, this.starts[this.starts.length - 1]!, next);
      for (let j = 0; j < iv.length; j += 2) work += iv[j + 1]! - iv[j]!;
      this.ivs.push(iv);
      this.starts.push(next);
      this.cum.push(work);
    }
  }

  private extendLeft(count: number): void {
    const n = Math.max(count, MIN_EXTENSION_DAYS);
    const starts: number[] = [], cum: number[] = [], ivs: number[][] = [];
    let next = this.starts[0]!;
    let work = this.cum[0]!;
    for (let k = 1; k <= n; k++) {
      const day = this.firstDay - k;
      const start = this.dayStart(day);
      const iv = this.buildDay(day, start, next);
      for (let j = 0; j < iv.length; j += 2) work -= iv[j + 1]! - iv[j]!;
      starts.push(start);
      cum.push(work);
      ivs.push(iv);
      next = start;
    }
    this.firstDay -= n;
    this.starts = starts.reverse().concat(this.starts);
    this.cum = cum.reverse().concat(this.cum);
    this.ivs = ivs.reverse().concat(this.ivs);
  }

  private dayStart(day: number): number {
    return this.zone.localToUtc(day * DAY_MS);
  }

  /** Working intervals of one local day as instants, in [start, next). */
  private buildDay(day: number, start: number, next: number): number[] {
    const out: number[] = [];
    let prevEnd = start;
    for (const [a, b] of this.hoursOf(day)) {
      // SPEC 3.4: built in local time, so 08:00-18:00 stays 08:00-18:00 on a DST day.
      // A gap can map a later local time to an earlier instant: keep intervals ordered and disjoint.
      const s = Math.max(this.zone.localToUtc(day * DAY_MS + a * 60_000), prevEnd);
      const e = Math.min(b === 1440 ? next : this.zone.localToUtc(day * DAY_MS + b * 60_000), next);
      if (s >= e) continue;
      if (out.length > 0 && out[out.length - 1] === s) out[out.length - 1] = e;
      else out.push(s, e);
      prevEnd = e;
    }
    return out;
  }
}
