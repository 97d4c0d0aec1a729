/**
 * Timestamp cells as a data set writes them (SPEC 3.4, 9.1 `timestamps` and `locale`, 9.7): one
 * factory for the cell parser of every format, the expected format in words, the message for a bad
 * cell, and whether a luxon format string is usable.
 *
 * - `iso` and the epochs are the hand-written hot paths of cell-parsers.ts (no allocation).
 * - A luxon format string is read by luxon (`DateTime.fromFormatParser`, the prebuilt form of
 *   `fromFormat`). Without a zone or offset token the fields are read as a wall time *in UTC* and
 *   placed in the data set's zone by the fast path (`zoneInfo(zone).localToUtc`), so a wall time in
 *   a DST gap moves forward and one in a fold is the earlier instant, as for ISO cells (luxon's own
 *   fold choice depends on the date it runs: see luxon-dates.ts). Reading in UTC is also 2-3x
 *   cheaper than in an IANA zone, whose offsets luxon asks Intl for. luxon still costs 10-40 µs
 *   per call, and a year of tickets has hundreds of thousands of distinct minutes, but only 365
 *   dates and 1,440 minutes of the day: when the format is a date, a separator and a time of day
 *   (`dd/MMM/yy h:mm a`, `dd.MM.yyyy HH:mm:ss`), luxon reads the date part and the time part
 *   separately, each remembered per distinct text (SplitPlan); other formats remember whole cells.
 *   The caches are bounded (two generations each).
 */
import { DateTime, Info } from 'luxon';
import { parseEpochCell, parseIsoCell } from './cell-parsers.js';
import { isKnownZone, zoneInfo, type ZoneInfo } from './zone.js';
import {
  checkPatternSyntax, isKnownLocale, patternTokens, patternZoneKind, readTimestampFormat, timestampFormatName,
  type PatternToken, type TimestampFormat,
} from './timestamp-format.js';

export {
  checkPatternSyntax, isKnownLocale, readTimestampFormat, timestampFormatName, type TimestampFormat,
} from './timestamp-format.js';

/** SPEC 9.1: month and weekday names are read in en-US unless the data set says otherwise. */
export const DEFAULT_LOCALE = 'en-US';
/** Cells (or date parts) remembered per generation: two generations, so at most twice this many. */
export const DEFAULT_CELL_CACHE = 16_384;
/** Time-of-day parts remembered per generation, as a multiple of the cell cache: a day has 86,400 seconds. */
const TIME_CACHE_FACTOR = 4;

export interface CellParserOptions {
  readonly format: TimestampFormat;
  /** The data set's IANA zone: local times without an offset are read in it. */
  readonly zone: string;
  /** BCP 47 locale of month, weekday and AM/PM names in a format string; default en-US. */
  readonly locale?: string | undefined;
  /**
   * Format strings only: cells (and date parts) remembered per generation, default 16,384, time
   * parts four times as many; 0 turns the caches off (every cell is read by luxon as a whole).
   */
  readonly cacheSize?: number | undefined;
}

/**
 * The parser of one data set's timestamp cells: epoch ms, or NaN when the cell is not a timestamp
 * in `format` (describeBadCell says why). Blanks around a cell are ignored. Throws RangeError for
 * an unknown zone or a malformed locale tag such as `de_DE` (validation reports those first).
 */
export function makeCellParser(options: CellParserOptions): (text: string) => number {
  const { format, zone } = options;
  if (format === 'iso') {
    const info = zoneInfo(zone);
    return (text) => parseIsoCell(text, info);
  }
  if (format === 'epoch-s') return (text) => parseEpochCell(text, 1000);
  if (format === 'epoch-ms') return (text) => parseEpochCell(text, 1);
  const locale = options.locale ?? DEFAULT_LOCALE;
  Intl.getCanonicalLocales(locale); // a malformed tag throws here, not in luxon at some cell
  const read = patternReader(format.pattern, zone, locale);
  const size = options.cacheSize ?? DEFAULT_CELL_CACHE;
  if (size <= 0) return read;
  const whole = cached(read, size);
  const plan = splitPlan(format.pattern, locale);
  return plan === null ? whole : splitReader(plan, zoneInfo(zone), locale, size, whole);
}

/**
 * `read` remembering its answers for up to 2 × `size` distinct texts: two generations, a full
 * young one becomes the old one, and texts found in the old one move back.
 */
function cached(read: (text: string) => number, size: number): (text: string) => number {
  let young = new Map<string, number>();
  let old = new Map<string, number>();
  return (text) => {
    let ms = young.get(text);
    if (ms !== undefined) return ms;
    ms = old.get(text) ?? read(text);
    if (young.size >= size) {
      old = young;
      young = new Map();
    }
    young.set(text, ms);
    return ms;
  };
}

/**
 * A format string that is a date, a literal separator and a time of day, read in two parts. The
 * cell splits at the `before + 1`-th occurrence of the separator's first character, which is
 * neither a letter nor a digit and occurs in none of the locale's month and weekday names: the date
 * fields cannot contain it, so the date part of a matching cell holds exactly the `before` of its
 * literals. The parts then match where the whole cell matches, and both readings give the same
 * fields. The one luxon rule that relates date and time fields (24:00 rolls over to the next day,
 * whose weekday a `EEE` must then name) is left to the whole reading.
 */
export interface SplitPlan {
  readonly datePattern: string;
  /** The time fields after a fixed date, so that 24:00 reads as 86,400,000 ms into the day. */
  readonly timePattern: string;
  readonly separator: string;
  readonly before: number;
}

const DATE_FIELDS = new Set(['y', 'yy', 'yyyy', 'yyyyyy', 'M', 'MM', 'MMM', 'MMMM', 'L', 'LL', 'LLL', 'LLLL', 'd', 'dd', 'E', 'EEE', 'EEEE', 'c', 'ccc', 'cccc']);
const NAME_FIELDS = new Set(['MMM', 'MMMM', 'LLL', 'LLLL', 'EEE', 'EEEE', 'ccc', 'cccc']);
const TIME_FIELDS = new Set(['H', 'HH', 'h', 'hh', 'm', 'mm', 's', 'ss', 'S', 'SSS', 'u', 'uu', 'uuu', 'a']);
const TIME_PREFIX = "yyyy-MM-dd'T'";
const TIME_PREFIX_TEXT = '2000-01-01T';
const TIME_PREFIX_MS = Date.UTC(2000, 0, 1);
const DAY_MS = 86_400_000;

/** Tokens written back as a format string (literal text quoted). */
function tokensToPattern(tokens: readonly PatternToken[]): string {
  return tokens.map((t) => (t.literal ? `'${t.val}'` : t.val)).join('');
}

/** The SplitPlan of a format string, or null when it must be read whole (exported for tests). */
export function splitPlan(pattern: string, locale: string): SplitPlan | null {
  const tokens = patternTokens(pattern);
  const field = (t: PatternToken) => !t.literal && /^[A-Za-z]/.test(t.val);
  if (tokens.some((t) => (field(t) && !DATE_FIELDS.has(t.val) && !TIME_FIELDS.has(t.val)) || (t.literal && t.val.includes("'")))) return null;
  const lastDate = tokens.findLastIndex((t) => field(t) && DATE_FIELDS.has(t.val));
  const firstTime = tokens.findIndex((t) => field(t) && TIME_FIELDS.has(t.val));
  if (lastDate < 0 || firstTime < 0 || tokens.findLastIndex((t) => field(t) && TIME_FIELDS.has(t.val)) < lastDate) return null;
  if (tokens.slice(0, lastDate).some((t) => field(t) && TIME_FIELDS.has(t.val))) return null;
  const between = tokens.slice(lastDate + 1, firstTime);
  if (between.length === 0 || between.some(field)) return null;
  const separator = between.map((t) => t.val).join('');
  const first = separator.charAt(0);
  if (/[\p{L}\p{N}]/u.test(first)) return null;
  const dateTokens = tokens.slice(0, lastDate + 1);
  if (dateTokens.some((t) => NAME_FIELDS.has(t.val) && !t.literal)) {
    // luxon reads names with optional dots and a space or no-break space alike
    const risky = first === ' ' || first === '\u00a0' ? [' ', '\u00a0'] : [first];
    const names = (['short', 'long'] as const).flatMap((length) => [
      ...Info.months(length, { locale }), ...Info.monthsFormat(length, { locale }),
      ...Info.weekdays(length, { locale }), ...Info.weekdaysFormat(length, { locale }),
    ]);
    if (names.some((name) => risky.some((c) => name.includes(c)))) return null;
  }
  const datePattern = tokensToPattern(dateTokens);
  const timeTokens = tokens.slice(firstTime);
  const timePattern = tokensToPattern(timeTokens);
  // the parts must split as the whole did
  if (JSON.stringify(patternTokens(datePattern)) !== JSON.stringify(dateTokens)) return null;
  if (JSON.stringify(patternTokens(timePattern)) !== JSON.stringify(timeTokens)) return null;
  const before = dateTokens.filter((t) => !field(t)).map((t) => t.val).join('').split(first).length - 1;
  return { datePattern, timePattern: TIME_PREFIX + timePattern, separator, before };
}

function splitReader(
  plan: SplitPlan, info: ZoneInfo, locale: string, size: number, whole: (text: string) => number,
): (text: string) => number {
  const { separator, before } = plan;
  const first = separator.charAt(0);
  const opts = { zone: 'utc', locale };
  const dateParser = DateTime.buildFormatParser(plan.datePattern, { locale });
  const timeParser = DateTime.buildFormatParser(plan.timePattern, { locale });
  // the wall-clock start of the date (ms since 1970-01-01T00:00 local), and ms into the day
  const dayStart = cached((text) => {
    const dt = DateTime.fromFormatParser(text, dateParser, opts);
    return dt.isValid ? dt.toMillis() : NaN;
  }, size);
  const timeOfDay = cached((text) => {
    try {
      const dt = DateTime.fromFormatParser(TIME_PREFIX_TEXT + text, timeParser, opts);
      return dt.isValid ? dt.toMillis() - TIME_PREFIX_MS : NaN;
    } catch {
      return NaN; // luxon throws for `a` with a 24-hour hour, which validation rules out
    }
  }, size * TIME_CACHE_FACTOR);
  return (raw) => {
    const text = trimmed(raw);
    let at = -1;
    for (let k = 0; k <= before; k++) {
      at = text.indexOf(first, at + 1);
      if (at < 0) return whole(text);
    }
    if (!text.startsWith(separator, at)) return whole(text);
    const time = timeOfDay(text.slice(at + separator.length));
    const local = dayStart(text.slice(0, at)) + time;
    // a part that does not read: luxon on the whole cell decides (it cannot read it either); so
    // does 24:00, the next day's midnight, which luxon checks against a weekday of the date part
    return Number.isNaN(local) || time >= DAY_MS ? whole(text) : info.localToUtc(local);
  };
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10;
}

function trimmed(text: string): string {
  const n = text.length;
  return n > 0 && (isBlank(text.charCodeAt(0)) || isBlank(text.charCodeAt(n - 1))) ? text.trim() : text;
}

/** The tokens luxon parses with: localized macros (`D`, `t`, ...) expanded in `locale`. */
function expandedTokens(pattern: string, locale: string): PatternToken[] {
  return DateTime.fromFormatExplain('', pattern, { locale }).tokens;
}

/** A cell parser for a luxon format string, without a cache. */
function patternReader(pattern: string, zone: string, locale: string): (text: string) => number {
  const info = zoneInfo(zone);
  const parser = DateTime.buildFormatParser(pattern, { locale });
  const kind = patternZoneKind(expandedTokens(pattern, locale));
  const opts = { zone: 'utc', locale, setZone: kind === 'named' };
  return (text) => {
    let dt: DateTime;
    try {
      dt = DateTime.fromFormatParser(trimmed(text), parser, opts);
    } catch {
      return NaN; // luxon throws for `a` with a 24-hour hour, which validation rules out
    }
    if (!dt.isValid) return NaN;
    // an offset in the cell: the instant is exact
    if (kind === 'offset') return dt.toMillis();
    // the wall time as if in UTC (where no local time is ambiguous), placed by the SPEC 3.4 rule
    const wall = dt.toMillis() + dt.offset * 60_000;
    if (kind === 'none') return info.localToUtc(wall);
    const named = dt.zoneName;
    return named !== null && isKnownZone(named) ? zoneInfo(named).localToUtc(wall) : NaN;
  };
}

/** The wall time examples are rendered from: SPEC 9.1's `05/Jan/26 10:00 AM`. */
const EXAMPLE = { year: 2026, month: 1, day: 5, hour: 10, minute: 0, second: 0, millisecond: 0 };
const ISO_EXAMPLES = '2026-03-05, 2026-03-05T09:00 or 2026-03-05T09:00:00+01:00';
const EPOCH_S_EXAMPLE = String(Date.UTC(2026, 0, 5, 10) / 1000);

/** Messages never throw: an unknown zone or locale (which validation reports) is replaced by UTC or en-US. */
function usableZone(zone: string): string {
  return isKnownZone(zone) ? zone : 'UTC';
}
function usableLocale(locale: string): string {
  return isKnownLocale(locale) ? locale : DEFAULT_LOCALE;
}

function renderExample(pattern: string, zone: string, locale: string): string {
  return DateTime.fromObject(EXAMPLE, { zone: usableZone(zone), locale: usableLocale(locale) }).toFormat(pattern);
}

/**
 * The expected format in words with an example, for messages: `dd/MMM/yy h:mm a, e.g. 05/Jan/26
 * 10:00 AM` (the example is 2026-01-05 10:00 in `zone`, written by luxon in `locale`); for `iso`
 * and the epochs a fixed text.
 */
export function describeTimestampFormat(format: TimestampFormat, zone: string, locale: string = DEFAULT_LOCALE): string {
  switch (format) {
    case 'iso': return `ISO 8601, e.g. ${ISO_EXAMPLES}`;
    case 'epoch-s': return `seconds since 1970-01-01T00:00:00Z, e.g. ${EPOCH_S_EXAMPLE}`;
    case 'epoch-ms': return `milliseconds since 1970-01-01T00:00:00Z, e.g. ${EPOCH_S_EXAMPLE}000`;
    default: return `${format.pattern}, e.g. ${renderExample(format.pattern, zone, locale)}`;
  }
}

/** The extended ISO grammar (cell-parsers.ts) by shape only: a cell of this shape that does not parse has an impossible field. */
const ISO_SHAPE = /^\s*\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?: ?(?:[Zz]|UTC|[+-]\d{2}(?::?\d{2})?))?)?\s*$/;
const NOT_REAL = 'is not a real date and time (check the day of the month, the hour and the minutes)';

/**
 * Forms of real exports, tried in order on a cell that does not match its data set's format, to
 * suggest a `timestamps` value. Slashes with AM/PM are read as US (month first); zero-padded
 * slashes with a 24-hour clock as day first.
 */
const KNOWN_FORMS = [
  'dd/MMM/yy h:mm a', 'd/MMM/yy h:mm a', // Jira
  'dd.MM.yyyy HH:mm', 'dd.MM.yyyy HH:mm:ss', 'dd.MM.yyyy', 'd.M.yyyy H:mm', 'd.M.yyyy H:mm:ss', 'd.M.yyyy', 'dd.MM.yy HH:mm', 'dd.MM.yy',
  'M/d/yyyy h:mm a', 'M/d/yyyy h:mm:ss a', 'M/d/yy h:mm a',
  'dd/MM/yyyy HH:mm', 'dd/MM/yyyy HH:mm:ss', 'dd/MM/yyyy',
  'M/d/yyyy H:mm', 'M/d/yyyy H:mm:ss', 'M/d/yyyy', 'M/d/yy H:mm', 'M/d/yy',
  'yyyy/MM/dd HH:mm', 'yyyy/MM/dd HH:mm:ss', 'yyyy/MM/dd',
  'dd-MM-yyyy HH:mm', 'dd-MM-yyyy HH:mm:ss', 'dd-MM-yyyy',
  'MMM d, yyyy h:mm a', 'MMM d, yyyy h:mm:ss a', 'MMM d, yyyy',
  'd MMM yyyy HH:mm', 'd MMM yyyy HH:mm:ss', 'd MMM yyyy',
  'EEE, d MMM yyyy HH:mm:ss ZZZ', // RFC 2822
];

// zone + locale -> the parsers of KNOWN_FORMS, built when a first bad cell needs them
const knownFormParsers = new Map<string, Array<[string, (text: string) => number]>>();

/** The `timestamps` value that reads `text`, if it is ISO 8601, an epoch number or a known export form. */
function guessFormat(text: string, zone: string, locale: string): TimestampFormat | null {
  const cell = text.trim();
  const epoch = /^-?(\d+)(?:\.\d+)?$/.exec(cell);
  if (epoch) {
    const digits = epoch[1]!.length;
    return digits >= 9 && digits <= 11 ? 'epoch-s' : digits >= 12 && digits <= 14 ? 'epoch-ms' : null;
  }
  if (!Number.isNaN(parseIsoCell(cell, zoneInfo('UTC')))) return 'iso';
  const z = usableZone(zone), loc = usableLocale(locale);
  const key = `${z}\n${loc}`;
  let parsers = knownFormParsers.get(key);
  if (parsers === undefined) {
    parsers = KNOWN_FORMS.map((pattern) => [pattern, makeCellParser({ format: { pattern }, zone: z, locale: loc, cacheSize: 0 })]);
    knownFormParsers.set(key, parsers);
  }
  const found = parsers.find(([, parse]) => !Number.isNaN(parse(cell)));
  return found ? { pattern: found[0] } : null;
}

/** A `timestamps` value as written in YAML: `iso`, `epoch-s`, or a quoted format string. */
function yamlValue(format: TimestampFormat): string {
  return typeof format === 'string' ? format : JSON.stringify(format.pattern);
}

function sameFormat(a: TimestampFormat, b: TimestampFormat): boolean {
  return timestampFormatName(a) === timestampFormatName(b);
}

/**
 * The message for a cell that `makeCellParser` read as NaN (SPEC 9.1: the cell and the expected
 * format with an example; the caller adds file, line and column).
 * - `iso`: v1's two wordings, `"…" is not a real date and time (check …)` for a well-formed cell
 *   with an impossible field, else `"…" is not an ISO 8601 timestamp (e.g. …)`; when the cell is a
 *   known non-ISO form or an epoch number, the example gives way to the `timestamps` value that
 *   reads it: `"02.03.2026 10:00" is not an ISO 8601 timestamp; if the export writes dates this
 *   way, set the data set's \`timestamps: "dd.MM.yyyy HH:mm"\``.
 * - a format string: `"…" does not match the data set's timestamps format: expected dd.MM.yyyy
 *   HH:mm, e.g. 05.01.2026 10:00`, or `"…" is not a real date and time (…); expected …` when it
 *   matches with an impossible field.
 * - epochs: `"…" is not an epoch-s timestamp: expected seconds since 1970-01-01T00:00:00Z, e.g. …`.
 * Both add the `timestamps` hint when the cell is written in another known form.
 */
export function describeBadCell(text: string, format: TimestampFormat, zone: string, locale: string = DEFAULT_LOCALE): string {
  const cell = `"${text}"`;
  if (format === 'iso' && ISO_SHAPE.test(text)) return `${cell} ${NOT_REAL}`;
  const guess = guessFormat(text, zone, locale);
  const hint = guess !== null && !sameFormat(guess, format)
    ? `if the export writes dates this way, set the data set's \`timestamps: ${yamlValue(guess)}\``
    : null;
  if (format === 'iso') {
    return hint !== null ? `${cell} is not an ISO 8601 timestamp; ${hint}` : `${cell} is not an ISO 8601 timestamp (e.g. ${ISO_EXAMPLES})`;
  }
  const expected = `expected ${describeTimestampFormat(format, zone, locale)}`;
  let message: string;
  if (typeof format === 'string') {
    message = `${cell} is not an ${format} timestamp: ${expected}`;
  } else {
    const reason = patternMismatch(text, format.pattern, usableLocale(locale));
    message = reason === 'impossible' ? `${cell} ${NOT_REAL}; ${expected}`
      : reason === 'weekday' ? `${cell} is not a real date: its weekday is not that date's; ${expected}`
        : `${cell} does not match the data set's timestamps format: ${expected}`;
  }
  return hint !== null ? `${message}; ${hint}` : message;
}

/** Why luxon does not read `text` in `pattern`: no match, an impossible field, or a weekday that is not the date's. */
function patternMismatch(text: string, pattern: string, locale: string): 'no-match' | 'impossible' | 'weekday' {
  try {
    const dt = DateTime.fromFormat(trimmed(text), pattern, { zone: 'utc', locale });
    if (dt.isValid || dt.invalidReason === 'unparsable' || dt.invalidReason === 'unsupported zone') return 'no-match';
    return dt.invalidReason === 'mismatched weekday' ? 'weekday' : 'impossible';
  } catch {
    return 'no-match';
  }
}

export type TimestampFormatCheck =
  | { readonly ok: true; readonly format: TimestampFormat }
  | { readonly ok: false; readonly message: string };

/** Wall times a format string must write and read back: SPEC 9.1's example, an afternoon with two-digit fields, the last ms of 1999. */
const ROUND_TRIP = [
  EXAMPLE,
  { year: 2026, month: 11, day: 23, hour: 15, minute: 45, second: 30, millisecond: 250 },
  { year: 1999, month: 12, day: 31, hour: 23, minute: 59, second: 59, millisecond: 999 },
];

/**
 * Whether a data set's `timestamps` value is usable (for `validate`): `iso`, `epoch-s`,
 * `epoch-ms`, or a luxon format string that passes checkPatternSyntax (known tokens, a full date,
 * `h` with `a`) and that luxon reads back as it writes it, in `locale` and `zone`, for three wall
 * times (a locale's month names or digits may not read back: `MMM` in ja-JP, anything in ar-EG).
 * Check the locale with isKnownLocale first.
 */
export function validateTimestampFormat(text: string, locale: string = DEFAULT_LOCALE, zone = 'UTC'): TimestampFormatCheck {
  const format = readTimestampFormat(text);
  if (typeof format === 'string') return { ok: true, format };
  const syntax = checkPatternSyntax(format.pattern);
  if (syntax !== null) return { ok: false, message: syntax };
  const z = usableZone(zone);
  const shown = JSON.stringify(format.pattern);
  try {
    const parse = makeCellParser({ format, zone: z, locale, cacheSize: 0 });
    for (const wall of ROUND_TRIP) {
      const written = DateTime.fromObject(wall, { zone: z, locale }).toFormat(format.pattern);
      const ms = parse(written);
      const back = Number.isNaN(ms) ? null : DateTime.fromMillis(ms, { zone: z, locale }).toFormat(format.pattern);
      if (back !== written) {
        const when = DateTime.fromObject(wall, { zone: 'utc' }).toFormat('yyyy-MM-dd HH:mm:ss.SSS');
        const read = back === null ? 'does not read it back' : `reads it back as "${back}"`;
        return { ok: false, message: `luxon cannot read ${shown} in locale ${locale}: it writes ${when} as "${written}" but ${read}` };
      }
    }
  } catch (error) {
    return { ok: false, message: `luxon cannot read ${shown} in locale ${locale}: ${(error as Error).message}` };
  }
  return { ok: true, format };
}
