/**
 * Calendar hours (SPEC 3.4): `{ mon-fri: "08:00-12:00, 13:00-17:00", sat: "09:00-12:00" }` into
 * per-weekday minute intervals. Problems come back as data so `validate` can point at the key.
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export type ParsedHours =
  | { ok: true; days: Array<Array<[number, number]>> }
  | { ok: false; key: string; message: string };

const DAY_LIST = WEEKDAYS.join(', ');

/** Minutes of `HH:MM` (two-digit hour and minute, 00:00..24:00), or null. */
function clockMinutes(text: string): number | null {
  if (!/^\d\d:\d\d$/.test(text)) return null;
  const h = Number(text.slice(0, 2)), m = Number(text.slice(3));
  if (m > 59 || h > 24 || (h === 24 && m !== 0)) return null;
  return h * 60 + m;
}

function fmt(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The weekday indexes a key names, or an explanation. */
function keyDays(key: string): number[] | string {
  const parts = key.split('-');
  const idx = parts.map((p) => (WEEKDAYS as readonly string[]).indexOf(p));
  if (parts.length > 2 || idx.some((i) => i < 0)) {
    return `unknown day key "${key}": write one of ${DAY_LIST} or a range such as mon-fri`;
  }
  if (idx.length === 1) return [idx[0]!];
  const [a, b] = idx as [number, number];
  if (a >= b) {
    return a === b
      ? `day range "${key}" names one day: write ${parts[0]}`
      : `day range "${key}" runs backwards: ranges run forward from mon to sun (e.g. ${parts[1]}-${parts[0]}), or write separate keys`;
  }
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

export function parseIntervals(value: string): Array<[number, number]> | string {
  const items = value.split(',').map((s) => s.trim());
  const out: Array<[number, number]> = [];
  for (const item of items) {
    const halves = item.split('-').map((s) => s.trim());
    const start = halves.length === 2 ? clockMinutes(halves[0]!) : null;
    const end = halves.length === 2 ? clockMinutes(halves[1]!) : null;
    if (start === null || end === null) {
      return `"${item}" is not an interval: write HH:MM-HH:MM with 24-hour times, e.g. "08:00-18:00", several separated by commas`;
    }
    if (start === 1440) return `"${item}" starts at 24:00: 24:00 is allowed only as an end, write 00:00 on the next day`;
    if (start >= end) {
      return end < start
        ? `"${item}" crosses midnight: an interval cannot, write ${fmt(start)}-24:00 on this day and 00:00-${fmt(end)} on the next`
        : `"${item}" is empty: the start must be before the end`;
    }
    out.push([start, end]);
  }
  return out.sort((x, y) => x[0] - y[0]);
}

export function parseHours(hours: Record<string, string>): ParsedHours {
  const days: Array<Array<[number, number]>> = WEEKDAYS.map(() => []);
  const namedBy: Array<string | undefined> = [];
  for (const [key, value] of Object.entries(hours ?? {})) {
    const named = keyDays(key);
    if (typeof named === 'string') return { ok: false, key, message: named };
    if (typeof value !== 'string') {
      return { ok: false, key, message: `hours of "${key}" must be a string such as "08:00-18:00"` };
    }
    const intervals = parseIntervals(value);
    if (typeof intervals === 'string') return { ok: false, key, message: intervals };
    for (let i = 1; i < intervals.length; i++) {
      const prev = intervals[i - 1]!, cur = intervals[i]!;
      if (cur[0] < prev[1]) {
        return {
          ok: false, key,
          message: `intervals ${fmt(prev[0])}-${fmt(prev[1])} and ${fmt(cur[0])}-${fmt(cur[1])} overlap: write them as one interval or make them disjoint`,
        };
      }
    }
    for (const d of named) {
      const other = namedBy[d];
      if (other !== undefined) {
        return {
          ok: false, key,
          message: `${WEEKDAYS[d]} is already named by "${other}": each weekday may be named by one key only; split the range instead`,
        };
      }
      namedBy[d] = key;
      days[d] = intervals.map(([a, b]) => [a, b]);
    }
  }
  return { ok: true, days };
}
