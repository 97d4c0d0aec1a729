/**
 * The time module's public surface. Per-row work (timestamps, local days, working time) is the
 * cached fast path; window and schedule boundaries and human-readable local times use luxon.
 */
export { compileCalendar } from './calendar.js';
export { parseClock } from './clock.js';
export { formatDuration, formatDurationExact, formatLocalWithOffset } from './format.js';
export { parseHours, parseIntervals, WEEKDAYS, type ParsedHours } from './hours.js';
// luxon-free (validate uses them)
export { formatDays, parseDateDays, weekdayOfDays } from './civil.js';
export { easterSunday, Holidays, yearlyDate } from './holidays.js';
export { maintenanceOccurrences, type MaintenanceOccurrence, type MaintenanceSchedule } from './maintenance.js';
export {
  describeBadTimestamp,
  formatInstant,
  isValidDate,
  isValidZone,
  lastDateInTime,
  localDayStart,
  makeTimestampParser,
} from './instant.js';
export * from './intervals.js';
export { occurrences } from './schedule.js';
export { lowerBound, upperBound, upperBoundBy } from './search.js';
// luxon-free (validate may import it directly); timestamps.ts loads luxon
export {
  checkPatternSyntax,
  isKnownLocale,
  readTimestampFormat,
  timestampFormatName,
  type TimestampFormat,
} from './timestamp-format.js';
export {
  DEFAULT_LOCALE,
  describeBadCell,
  describeTimestampFormat,
  makeCellParser,
  validateTimestampFormat,
  type CellParserOptions,
  type TimestampFormatCheck,
} from './timestamps.js';
export type { Occurrence, TimeWindow, WorkingCalendar } from './types.js';
export { buildItemWindows, buildRollingWindows, buildWindows, WindowIndex, windowOverlapEnough, windowsOverlap } from './windows.js';
// luxon-free (validate uses it)
export { rollingLength, specsOf, windowKey } from './window-specs.js';
