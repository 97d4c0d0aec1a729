/**
 * Working calendars (SPEC 3.4): working time between instants, exact across DST and holidays.
 * An office calendar keeps a lazily built table of near local days (day start, working intervals
 * as instants, working ms before the day), so every query is a binary search; far instants are
 * computed arithmetically (see OfficeCalendar).
 */
import type { CalendarSpec } from '../agreement/model.js';
import { civilFromDays, DAY_MS, daysFromCivil, parseDateDays, weekdayOfDays } from './civil.js';
import { parseHours } from './hours.js';
import { Holidays } from './holidays.js';
import { lowerBound, upperBound } from './search.js';
import { zoneInfo, type ZoneInfo } from './zone.js';
import type { WorkingCalendar } from './types.js';

export { parseHours, type ParsedHours } from './hours.js';

/** The dense table covers at most this many days; instants beyond it take the arithmetic path. */
const MAX_DENSE_DAYS = 20 * 366;

/** `denseDays`: the most days the near-instant table may hold (tests set 0 to check the arithmetic path). */
export function compileCalendar(id: string, spec: CalendarSpec | null, defaultZone: string, denseDays = MAX_DENSE_DAYS): WorkingCalendar {
  if (spec === null) return new AllTheTime(id, defaultZone);
  const timezone = spec.timezone ?? defaultZone;
  const hours = parseHours(spec.hours);
  if (!hours.ok) throw new RangeError(`calendar ${id}: hours.${hours.key}: ${hours.message}`);
  return new OfficeCalendar(id, timezone, hours.days, new Holidays(spec.holidays ?? [], id), denseDays);
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
/** addWorkingSeconds gives up (Infinity) past the end of year 9999: no export reaches further. */
const LAST_DAY = daysFromCivil(10000, 1, 1);
const FIRST_DAY = daysFromCivil(0, 1, 1);

/** From this year on offsets repeat every 400 years (folded from 2500, zone.ts; local years start a day early at most). */
const PERIODIC_YEAR = 2501;

/** Per time zone: the first day of a local year -> its days touched by an offset change. */
const touchedByZone = new Map<string, Map<number, number[]>>();

function yearDays(year: number): { first: number; end: number } {
  return { first: daysFromCivil(year, 1, 1), end: daysFromCivil(year + 1, 1, 1) };
}

/** A local year's days whose working time is not the weekday's nominal one, and by how much. */
interface YearBlock {
  /** Sorted day numbers with a non-zero correction (holidays, short days, offset changes). */
  days: number[];
  /** prefix[i]: sum of the corrections of days[0..i); prefix[days.length] is the year's total. */
  prefix: number[];
}

/**
 * An office calendar answers near instants from a dense table of days (one binary search) and any
 * other instant arithmetically: whole weeks at the nominal weekly hours, corrected by the days that
 * differ (holidays, short days, days touched by an offset change), which are found per local year
 * and summed once per year. Both give the same working time to the millisecond (property-tested),
 * so working time between any two instants costs O(years between) the first time and O(log) after.
 */
class OfficeCalendar implements WorkingCalendar {
  readonly is24x7 = false;
  private readonly zone: ZoneInfo;
  private readonly hasWork: boolean;
  /** Working ms of an ordinary day per weekday (0 = Monday), and of a whole week. */
  private readonly nominal: number[];
  private readonly weekNominal: number;
  /** prefixNominal[r]: working ms of the weekdays of days 0..r-1 (day 0 is a Thursday). */
  private readonly prefixNominal: number[];

  // The dense table (near instants).
  /** Local day number of starts[0]. */
  private firstDay = 0;
  /** starts[i]: first instant of day firstDay+i; the last entry is the start of the day after the table. */
  private starts: number[] = [];
  /** cum[i]: working ms from the origin day to starts[i] (negative before it). */
  private cum: number[] = [];
  /** ivs[i]: working intervals of day firstDay+i as flat [start, end, ...] instants. */
  private ivs: number[][] = [];
  private denseHits = 0;
  private sparseHits = 0;

  // The arithmetic path (any instant).
  /** The origin: 1 January of the first year asked about; working time is counted from its start. */
  private originYear = NaN;
  private originDay = 0;
  /** Corrections of the years [originYear, y) (negative sums for earlier years), per year y. */
  private readonly yearPrefix = new Map<number, number>();
  private yearLow = 0;
  private yearHigh = 0;
  private readonly blocks = new Map<number, YearBlock>();
  /** From PERIODIC_YEAR: offset-change corrections of one 400-year period, and holiday corrections per year (prefix sums). */
  private readonly changePrefix: number[] = [];
  private readonly holidayPrefix: number[] = [0];

  constructor(
    readonly id: string,
    readonly timezone: string,
    private readonly week: Array<Array<[number, number]>>,
    private readonly holidays: Holidays,
    private readonly maxDense: number,
  ) {
    this.zone = zoneInfo(timezone);
    // a short day can add hours on an otherwise empty week
    this.hasWork = week.some((day) => day.length > 0) || holidays.hasShortHours;
    this.nominal = week.map((day) => day.reduce((sum, [a, b]) => sum + (b - a) * 60_000, 0));
    this.weekNominal = this.nominal.reduce((a, b) => a + b, 0);
    this.prefixNominal = [0];
    for (let r = 0; r < 7; r++) this.prefixNominal.push(this.prefixNominal[r]! + this.nominal[weekdayOfDays(r)]!);
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
    return (this.workBefore(toMs) - this.workBefore(fromMs)) / 1000;
  }

  addWorkingSeconds(fromMs: number, seconds: number): number {
    if (!Number.isFinite(fromMs) || Number.isNaN(seconds)) return NaN;
    if (seconds === 0) return fromMs;
    if (!this.hasWork || !Number.isFinite(seconds)) return seconds > 0 ? Infinity : -Infinity;
    // to the µs: seconds from workingSeconds (ms / 1000) must map back to the exact ms
    // (beyond 2^53 µs, about 285 years, whole ms are the finest step a double still holds)
    const micros = seconds * 1e6;
    const target = this.workBefore(fromMs) + (Math.abs(micros) < 2 ** 53 ? Math.round(micros) / 1e3 : Math.round(seconds * 1000));
    if (this.denseHolds(target)) {
      // the first day i with cum[i+1] >= target
      const day = lowerBound(this.cum, target, 1, this.ivs.length) - 1;
      return this.instantIn(this.ivs[day]!, this.cum[day]!, target);
    }
    const day = this.firstDayReaching(this.localDay(fromMs), target);
    if (day === Infinity || day === -Infinity) return day;
    return this.instantIn(this.dayIntervals(day), this.cumAtDay(day), target);
  }

  workingIntervals(fromMs: number, toMs: number): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    if (!(fromMs < toMs)) return out;
    const last = this.localDay(toMs);
    for (let d = this.localDay(fromMs); d <= last; d++) {
      const iv = this.dayIntervals(d);
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

  /** The earliest instant of a day's intervals where the working time from the origin reaches target. */
  private instantIn(iv: readonly number[], dayWork: number, target: number): number {
    let work = dayWork;
    for (let j = 0; j < iv.length; j += 2) {
      const length = iv[j + 1]! - iv[j]!;
      if (work + length >= target) return iv[j]! + (target - work);
      work += length;
    }
    return iv[iv.length - 1]!; // unreachable: the day reaches target
  }

  /** Working ms from the origin to t. */
  private workBefore(t: number): number {
    if (this.cover(t)) {
      this.denseHits++;
      const i = upperBound(this.starts, t, 0, this.ivs.length) - 1;
      return this.workInDay(this.ivs[i]!, this.cum[i]!, t);
    }
    // The table was built around an outlier (say a first row dated 9999): move it to where the data is.
    if (++this.sparseHits > 1000 && this.sparseHits > this.denseHits) {
      this.starts = [];
      this.sparseHits = this.denseHits = 0;
    }
    const day = this.localDay(t);
    return this.workInDay(this.dayIntervals(day), this.cumAtDay(day), t);
  }

  private workInDay(iv: readonly number[], dayWork: number, t: number): number {
    let work = dayWork;
    for (let j = 0; j < iv.length && t > iv[j]!; j += 2) work += Math.min(t, iv[j + 1]!) - iv[j]!;
    return work;
  }

  // ---- the dense table ----

  /** Whether the table holds (or can grow to hold) the day where target is reached: cum[0] < target <= cum[last]. */
  private denseHolds(target: number): boolean {
    if (this.cum.length === 0) return false;
    while (target > this.cum[this.cum.length - 1]! && this.ivs.length < this.maxDense) this.extendRight(this.starts.length);
    while (target <= this.cum[0]! && this.ivs.length < this.maxDense) this.extendLeft(this.starts.length);
    return this.cum[0]! < target && target <= this.cum[this.cum.length - 1]!;
  }

  /** Make the table hold the day containing t when that keeps it under MAX_DENSE_DAYS; whether it does. */
  private cover(t: number): boolean {
    if (this.maxDense === 0) return false;
    if (this.starts.length === 0) {
      const day = this.localDay(t);
      this.firstDay = day - 1;
      this.starts = [this.dayStart(this.firstDay)];
      this.cum = [this.cumAtDay(this.firstDay)];
      this.ivs = [];
      this.extendRight(MIN_EXTENSION_DAYS);
    }
    if (t >= this.starts[0]! && t < this.starts[this.starts.length - 1]!) return true;
    if (!(t >= this.starts[0]! - 400 * DAY_MS && t < this.starts[this.starts.length - 1]! + 400 * DAY_MS)) {
      // far away: take the arithmetic path unless the table could reach it
      const day = this.localDay(t);
      const span = Math.max(this.firstDay + this.ivs.length, day + 2) - Math.min(this.firstDay, day - 1);
      if (span > this.maxDense) return false;
    }
    // grow geometrically, and to far-away data in one step
    while (t < this.starts[0]!) {
      if (this.ivs.length >= this.maxDense) return false;
      this.extendLeft(Math.min(this.maxDense, Math.max(this.starts.length, this.firstDay - this.localDay(t) + 2)));
    }
    while (t >= this.starts[this.starts.length - 1]!) {
      if (this.ivs.length >= this.maxDense) return false;
      const lastDay = this.firstDay + this.ivs.length - 1;
      this.extendRight(Math.min(this.maxDense, Math.max(this.starts.length, this.localDay(t) - lastDay + 2)));
    }
    return true;
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

  // ---- the arithmetic path ----

  /** The local day number whose [start, next start) holds t. */
  private localDay(t: number): number {
    let day = Math.floor((t + this.zone.offsetAt(t)) / DAY_MS);
    while (this.dayStart(day) > t) day--;
    while (this.dayStart(day + 1) <= t) day++;
    return day;
  }

  private dayIntervals(day: number): number[] {
    return this.buildDay(day, this.dayStart(day), this.dayStart(day + 1));
  }

  /** Nominal working ms of days [0, day) (signed: negative before day 0). */
  private nominalBefore(day: number): number {
    const weeks = Math.floor(day / 7);
    return weeks * this.weekNominal + this.prefixNominal[day - weeks * 7]!;
  }

  /** Working ms from the origin to the start of a local day. */
  private cumAtDay(day: number): number {
    const { year } = civilFromDays(day);
    if (Number.isNaN(this.originYear)) {
      this.originYear = this.yearLow = this.yearHigh = year;
      this.originDay = daysFromCivil(year, 1, 1);
      this.yearPrefix.set(year, 0);
    }
    const block = this.block(year);
    const within = block.prefix[lowerBound(block.days, day)]!;
    return this.nominalBefore(day) - this.nominalBefore(this.originDay) + this.yearPrefixOf(year) + within;
  }

  /**
   * Sum of the corrections of the years [originYear, year) (negated for earlier years). From
   * PERIODIC_YEAR on, a year's correction is split in two: the offset changes' part (days touched
   * by a change, at the weekly hours), which repeats every 400 years because offsets fold (zone.ts)
   * and weekdays repeat, so it is summed per period; and the holidays' part, summed per year
   * with arithmetic only (a few day builds where a holiday meets an offset change).
   */
  private yearPrefixOf(year: number): number {
    if (year <= PERIODIC_YEAR) return this.yearPrefixUpTo(year);
    const base = this.yearPrefixUpTo(PERIODIC_YEAR);
    if (this.changePrefix.length === 0) {
      this.changePrefix.push(0);
      for (let y = PERIODIC_YEAR; y < PERIODIC_YEAR + 400; y++) {
        const { first, end } = yearDays(y);
        this.changePrefix.push(this.changePrefix[this.changePrefix.length - 1]! + this.changePart(this.touchedDays(first, end)));
      }
    }
    const periods = Math.floor((year - PERIODIC_YEAR) / 400);
    const rest = year - PERIODIC_YEAR - 400 * periods;
    const changes = periods * this.changePrefix[400]! + this.changePrefix[rest]!;
    while (this.holidayPrefix.length <= year - PERIODIC_YEAR) {
      const y = PERIODIC_YEAR + this.holidayPrefix.length - 1;
      const { first, end } = yearDays(y);
      const touched = this.touchedDays(first, end);
      this.holidayPrefix.push(this.holidayPrefix[this.holidayPrefix.length - 1]! + this.holidayPart(this.holidays.specialDaysIn(first, end), touched));
    }
    return base + changes + this.holidayPrefix[year - PERIODIC_YEAR]!;
  }

  private yearPrefixUpTo(year: number): number {
    while (this.yearHigh < year) {
      const total = this.blockTotal(this.yearHigh);
      this.yearPrefix.set(this.yearHigh + 1, this.yearPrefix.get(this.yearHigh)! + total);
      this.yearHigh++;
    }
    while (this.yearLow > year) {
      const total = this.blockTotal(this.yearLow - 1);
      this.yearPrefix.set(this.yearLow - 1, this.yearPrefix.get(this.yearLow)! - total);
      this.yearLow--;
    }
    return this.yearPrefix.get(year)!;
  }

  private blockTotal(year: number): number {
    const block = this.block(year);
    return block.prefix[block.days.length]!;
  }

  /** The days of a local year that differ from their weekday, with their corrections (cached). */
  private block(year: number): YearBlock {
    let block = this.blocks.get(year);
    if (block !== undefined) return block;
    const { first, end } = yearDays(year);
    const touched = this.touchedDays(first, end);
    const candidates = this.holidays.specialDaysIn(first, end).concat(touched);
    candidates.sort((x, y) => x - y);
    const days: number[] = [], prefix: number[] = [0];
    for (let i = 0; i < candidates.length; i++) {
      const day = candidates[i]!;
      if (i > 0 && day === candidates[i - 1]) continue;
      const correction = this.dayWork(day, this.hoursOf(day), touched) - this.nominal[weekdayOfDays(day)]!;
      if (correction === 0) continue;
      days.push(day);
      prefix.push(prefix[prefix.length - 1]! + correction);
    }
    block = { days, prefix };
    if (this.blocks.size >= 64) this.blocks.clear();
    this.blocks.set(year, block);
    return block;
  }

  /** Days of a local year touched by an offset change, with a day of margin on each side (midnight changes); shared by the zone's calendars. */
  private touchedDays(first: number, end: number): number[] {
    let perYear = touchedByZone.get(this.timezone);
    if (perYear === undefined) touchedByZone.set(this.timezone, (perYear = new Map()));
    let out = perYear.get(first);
    if (out !== undefined) return out;
    const changes = this.zone.transitions(this.dayStart(first) - 2 * DAY_MS, this.dayStart(end) + 2 * DAY_MS);
    out = [];
    for (let j = 0; j < changes.length; j += 3) {
      const t = changes[j]!;
      const a = Math.floor((t + Math.min(changes[j + 1]!, changes[j + 2]!)) / DAY_MS);
      const b = Math.floor((t + Math.max(changes[j + 1]!, changes[j + 2]!)) / DAY_MS);
      for (let d = a - 1; d <= b + 1; d++) if (d >= first && d < end && out[out.length - 1] !== d) out.push(d);
    }
    if (perYear.size >= 20_000) perYear.clear();
    perYear.set(first, out);
    return out;
  }

  /** Working ms of a day with these hours: built as instants on a touched day, else their local length. */
  private dayWork(day: number, hours: ReadonlyArray<[number, number]>, touched: readonly number[]): number {
    if (!touched.includes(day)) {
      let work = 0;
      for (const [a, b] of hours) work += (b - a) * 60_000;
      return work;
    }
    const iv = this.buildDay(day, this.dayStart(day), this.dayStart(day + 1), hours);
    let work = 0;
    for (let j = 0; j < iv.length; j += 2) work += iv[j + 1]! - iv[j]!;
    return work;
  }

  /** The offset changes' part of a year's correction: touched days at their weekday's hours. */
  private changePart(touched: readonly number[]): number {
    let sum = 0;
    for (const day of touched) {
      const wd = weekdayOfDays(day);
      sum += this.dayWork(day, this.week[wd]!, touched) - this.nominal[wd]!;
    }
    return sum;
  }

  /** The holidays' part: each special day's hours against its weekday's, both as built that day. */
  private holidayPart(special: readonly number[], touched: readonly number[]): number {
    let sum = 0;
    for (const day of special) sum += this.dayWork(day, this.hoursOf(day), touched) - this.dayWork(day, this.week[weekdayOfDays(day)]!, touched);
    return sum;
  }

  /** The first day d with cumAtDay(d + 1) >= target, searching from `day`; ±Infinity past years 0–9999. */
  private firstDayReaching(day: number, target: number): number {
    const reaches = (d: number) => this.cumAtDay(d + 1) >= target;
    let lo: number, hi: number; // invariant: !reaches(lo), reaches(hi)
    if (reaches(day)) {
      hi = day;
      for (let step = 1; ; step *= 2) {
        lo = day - step;
        if (lo < FIRST_DAY) {
          if (reaches(FIRST_DAY - 1)) return -Infinity;
          lo = FIRST_DAY - 1;
        }
        if (!reaches(lo)) break;
        hi = lo;
      }
    } else {
      lo = day;
      for (let step = 1; ; step *= 2) {
        hi = day + step;
        if (hi > LAST_DAY) {
          if (!reaches(LAST_DAY)) return Infinity;
          hi = LAST_DAY;
        }
        if (reaches(hi)) break;
        lo = hi;
      }
    }
    while (hi - lo > 1) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (reaches(mid)) hi = mid;
      else lo = mid;
    }
    return hi;
  }

  private dayStart(day: number): number {
    return this.zone.localToUtc(day * DAY_MS);
  }

  /** Working intervals of one local day as instants, in [start, next). */
  private buildDay(day: number, start: number, next: number, hours = this.hoursOf(day)): number[] {
    const out: number[] = [];
    let prevEnd = start;
    for (const [a, b] of hours) {
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
