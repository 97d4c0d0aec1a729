/** Shared time types. Implementations live beside this file; luxon is used only inside src/time/. */

/** A reporting window: half-open [start, end) in epoch milliseconds (SPEC 3.4). */
export interface TimeWindow {
  /** The window kind's key: `month`, or `rolling 28d every day` (SPEC 9.3). */
  kind: string;
  /** `2026-03-15`, `2026-W11`, `2026-03`, `2026-Q1`, `2026`, `validity`, or `2026-02-16/2026-03-15` (rolling). */
  label: string;
  /** Clipped to validity. */
  start: number;
  /** Clipped to validity; for a partial window the natural (clipped-to-validity) end, not as-of. */
  end: number;
  /** The window contains as-of. */
  partial: boolean;
}

/** Working time of a calendar (SPEC 3.4): exact across DST changes and holidays. */
export interface WorkingCalendar {
  readonly id: string;
  readonly timezone: string;
  readonly is24x7: boolean;
  /** Signed working seconds between two instants: negative when `toMs < fromMs`. */
  workingSeconds(fromMs: number, toMs: number): number;
  /**
   * The earliest instant t >= fromMs with workingSeconds(fromMs, t) === seconds (seconds >= 0).
   * For seconds === 0 returns fromMs.
   */
  addWorkingSeconds(fromMs: number, seconds: number): number;
  /** The working intervals [start, end) intersecting [fromMs, toMs), clipped to it, in order. */
  workingIntervals(fromMs: number, toMs: number): Array<[number, number]>;
  /** Whether the local date `YYYY-MM-DD` (calendar's timezone) has any working time. */
  isWorkday(localDate: string): boolean;
}

/** A report schedule occurrence (SPEC 4), after `roll` (SPEC 9.5). */
export interface Occurrence {
  /** Due instant, epoch ms: `by` on `date`. */
  due: number;
  /** Local date of the (rolled) due day `YYYY-MM-DD`. */
  date: string;
  /**
   * The schedule's own due dates this occurrence stands for, in order: `[date]`, or with `roll`
   * the dates that rolled onto `date` (and `date` itself when it is one).
   */
  scheduled: string[];
}
