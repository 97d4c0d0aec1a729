/**
 * `HH:MM` report times (SPEC 4). Its own file so `validate` can check `by` without loading the
 * schedule code (and luxon with it).
 */

/** Minutes from midnight of `HH:MM` (00:00..23:59), or null. */
export function parseClock(text: string): number | null {
  if (typeof text !== 'string' || !/^\d\d:\d\d$/.test(text)) return null;
  const h = Number(text.slice(0, 2)), m = Number(text.slice(3));
  return h < 24 && m < 60 ? h * 60 + m : null;
}
