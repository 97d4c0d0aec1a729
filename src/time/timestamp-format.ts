/**
 * How a data set writes its timestamp cells (SPEC 9.1 `timestamps`, `locale`), without luxon: the
 * format type, reading the YAML value, the locale check and the syntax of a luxon format string.
 * `slacheck validate` may import this module directly (it must not load luxon); the round trip
 * through luxon and the cell parsers live in timestamps.ts.
 */

/** `iso` (default), `epoch-s`, `epoch-ms`, or a luxon `DateTime.fromFormat` token string. */
export type TimestampFormat = 'iso' | 'epoch-s' | 'epoch-ms' | { readonly pattern: string };

/** The format a data set's `timestamps` value names; absent means `iso`. */
export function readTimestampFormat(text: string | undefined): TimestampFormat {
  if (text === undefined || text === 'iso' || text === 'epoch-s' || text === 'epoch-ms') return text ?? 'iso';
  return { pattern: text };
}

/** The `timestamps` value of a format, as written in YAML. */
export function timestampFormatName(format: TimestampFormat): string {
  return typeof format === 'string' ? format : format.pattern;
}

/**
 * A BCP 47 tag (`en-US`, `de-DE`, `de`) whose dates this Node's Intl can write. Not `de_DE`
 * (not a tag), not a tag Intl falls back from (`xx-XX`).
 */
export function isKnownLocale(locale: string): boolean {
  if (typeof locale !== 'string' || locale === '') return false;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length === 1;
  } catch {
    return false;
  }
}

/** One token of a luxon format string: a field (`yyyy`, `MMM`, `a`) or literal text. */
export interface PatternToken {
  readonly literal: boolean;
  readonly val: string;
}

/**
 * luxon's own split of a format string (`Formatter.parseFormat`, luxon 3.7): runs of one character
 * are a token; text in single quotes is literal (`''` is a quote); white space is literal. Any other
 * run is a token for luxon even when it is no field (`/`, `.`, `:` are then written as they are).
 */
export function patternTokens(fmt: string): PatternToken[] {
  let current: string | null = null;
  let currentFull = '';
  let bracketed = false;
  const splits: PatternToken[] = [];
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt.charAt(i);
    if (c === "'") {
      if (currentFull.length > 0 || bracketed) {
        splits.push({ literal: bracketed || /^\s+$/.test(currentFull), val: currentFull === '' ? "'" : currentFull });
      }
      current = null;
      currentFull = '';
      bracketed = !bracketed;
    } else if (bracketed) {
      currentFull += c;
    } else if (c === current) {
      currentFull += c;
    } else {
      if (currentFull.length > 0) splits.push({ literal: /^\s+$/.test(currentFull), val: currentFull });
      currentFull = c;
      current = c;
    }
  }
  if (currentFull.length > 0) splits.push({ literal: bracketed || /^\s+$/.test(currentFull), val: currentFull });
  return splits;
}

/** Tokens luxon 3.7 both writes (toFormat) and reads (fromFormat). */
const FIELD_TOKENS = new Set([
  'G', 'GG', 'y', 'yy', 'yyyy', 'yyyyyy', 'kk', 'kkkk',
  'M', 'MM', 'MMM', 'MMMM', 'L', 'LL', 'LLL', 'LLLL', 'q', 'qq', 'W', 'WW',
  'd', 'dd', 'o', 'ooo', 'E', 'EEE', 'EEEE', 'c', 'ccc', 'cccc',
  'H', 'HH', 'h', 'hh', 'a', 'm', 'mm', 's', 'ss', 'S', 'SSS', 'u', 'uu', 'uuu',
  'Z', 'ZZ', 'ZZZ', 'z',
]);
/** luxon's localized macro tokens: expanded per locale (whether luxon reads them back depends on the locale). */
const MACRO_DATE_TOKENS = new Set(['D', 'DD', 'DDD', 'DDDD', 'f', 'ff', 'fff', 'ffff', 'F', 'FF', 'FFF', 'FFFF']);
const MACRO_TIME_TOKENS = new Set(['t', 'tt', 'ttt', 'tttt', 'T', 'TT', 'TTT', 'TTTT']);
/** Tokens luxon writes but cannot read. */
const WRITE_ONLY_TOKENS = new Set([
  'ZZZZ', 'ZZZZZ', 'MMMMM', 'LLLLL', 'EEEEE', 'ccccc', 'GGGGG', 'n', 'nn', 'ii', 'iiii', 'X', 'x', 'w',
]);
/** Tokens luxon reads but cannot write (no example, no round trip). */
const READ_ONLY_TOKENS = new Set(['yyyyy']);
/** The field a token's letter writes (for "twice" checks). */
const FIELD_OF: Readonly<Record<string, string>> = {
  G: 'era', y: 'year', k: 'week year', M: 'month', L: 'month', q: 'quarter', W: 'week', d: 'day', o: 'day of the year',
  E: 'weekday', c: 'weekday', H: 'hour', h: 'hour', a: 'AM/PM', m: 'minutes', s: 'seconds', S: 'fraction of a second',
  u: 'fraction of a second', Z: 'offset', z: 'zone',
};
const OFFSET_TOKENS = new Set(['Z', 'ZZ', 'ZZZ']);

/** Whether tokens name the zone (`z`) or the offset (`Z`, `ZZ`, `ZZZ`): a wall time is then not read in the data set's zone. */
export function patternZoneKind(tokens: readonly PatternToken[]): 'offset' | 'named' | 'none' {
  if (tokens.some((t) => !t.literal && OFFSET_TOKENS.has(t.val))) return 'offset';
  return tokens.some((t) => !t.literal && t.val === 'z') ? 'named' : 'none';
}

const isLetterRun = (t: PatternToken) => !t.literal && /^[A-Za-z]/.test(t.val);

/**
 * Why a luxon format string cannot be a `timestamps` format, from its tokens alone, or null:
 * unknown or write-only tokens, no full date (year, month and day; or year and day of the year; or
 * week-year, week and weekday), a field twice (`dd.MM.yyyy um HH:mm`: `u` and `m` are fields), a
 * 12-hour `h` without `a`, `a` with a 24-hour `H`. Whether luxon
 * reads back what it writes (locale-dependent) is `validateTimestampFormat`'s round trip.
 */
export function checkPatternSyntax(pattern: string): string | null {
  if (typeof pattern !== 'string' || pattern.trim() === '') {
    return 'timestamps is empty: write iso, epoch-s, epoch-ms or a luxon format such as "dd.MM.yyyy HH:mm"';
  }
  const shown = JSON.stringify(pattern);
  const tokens = patternTokens(pattern);
  for (const t of tokens.filter(isLetterRun)) {
    if (FIELD_TOKENS.has(t.val) || MACRO_DATE_TOKENS.has(t.val) || MACRO_TIME_TOKENS.has(t.val)) continue;
    if (WRITE_ONLY_TOKENS.has(t.val)) {
      return `${shown} has the token "${t.val}", which luxon can write but not read; use the tokens of luxon's fromFormat (yyyy, yy, MM, MMM, dd, HH, h, mm, ss, a, ZZ, ...)`;
    }
    if (READ_ONLY_TOKENS.has(t.val)) {
      return `${shown} has the token "${t.val}", which luxon can read but not write (so no example can be shown); use yyyy or yyyyyy`;
    }
    return `${shown} has the unknown token "${t.val}"; use the tokens of luxon's fromFormat (yyyy, yy, MM, MMM, dd, HH, h, mm, ss, a, ZZ, ...) and put other text in single quotes, as in "dd.MM.yyyy 'um' HH:mm"`;
  }
  const has = (...vals: string[]) => tokens.some((t) => !t.literal && vals.includes(t.val));
  const year = has('y', 'yy', 'yyyy', 'yyyyyy', 'kk', 'kkkk');
  const month = has('M', 'MM', 'MMM', 'MMMM', 'L', 'LL', 'LLL', 'LLLL');
  const day = has('d', 'dd');
  const ordinal = has('o', 'ooo');
  const weekDate = has('W', 'WW') && has('E', 'EEE', 'EEEE', 'c', 'ccc', 'cccc');
  const macroDate = tokens.some((t) => !t.literal && MACRO_DATE_TOKENS.has(t.val));
  if (!macroDate && !(year && ((month && day) || ordinal || weekDate))) {
    const missing = [year ? '' : 'year (yyyy or yy)', month || ordinal || weekDate ? '' : 'month (MM, M or MMM)', day || ordinal || weekDate ? '' : 'day (dd or d)']
      .filter((m) => m !== '');
    const list = missing.length === 1 ? missing[0]! : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)!}`;
    return `${shown} has no ${list}: a timestamps format needs a full date, as in "dd.MM.yyyy HH:mm"`;
  }
  const seen = new Map<string, string>();
  for (const t of tokens.filter((x) => isLetterRun(x) && FIELD_TOKENS.has(x.val))) {
    const field = FIELD_OF[t.val[0]!]!;
    const before = seen.get(field);
    if (before !== undefined) {
      return `${shown} has the ${field} twice ("${before}" and "${t.val}"); put literal text in single quotes, as in "dd.MM.yyyy 'um' HH:mm"`;
    }
    seen.set(field, t.val);
  }
  const h12 = has('h', 'hh');
  const h24 = has('H', 'HH');
  const meridiem = has('a');
  if (meridiem && h24) return `${shown} has a 24-hour hour (H or HH) and AM/PM (a): use h with a, or HH without a`;
  if (h12 && !meridiem) return `${shown} has a 12-hour hour (h or hh) without AM/PM (a): use HH for a 24-hour clock, or add a`;
  return null;
}
