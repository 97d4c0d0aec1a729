/**
 * SPEC 9.3 window specs as written (`month`, `{ rolling: 28d, every: day }`, or a list): their keys
 * and lengths. luxon-free, so `validate` can use it without loading luxon.
 */
import type { RollingWindow, WindowSpec } from '../agreement/model.js';

/** SPEC 9.3: `window` as a list of window specs (one kind is a list of one). */
export function specsOf(window: WindowSpec | readonly WindowSpec[]): WindowSpec[] {
  return Array.isArray(window) ? [...window] : [window as WindowSpec];
}

/** SPEC 9.3: the key of a window kind: `month`, or `rolling 28d every day` for a rolling window. */
export function windowKey(spec: WindowSpec): string {
  if (typeof spec === 'string') return spec;
  const length = typeof spec.rolling === 'string' ? spec.rolling.trim() : `${spec.rolling.months} month${spec.rolling.months === 1 ? '' : 's'}`;
  return `rolling ${length} every ${spec.every}`;
}

/** A rolling length as local days (`28d`, `4w`) or calendar months; null when it is neither. */
export function rollingLength(spec: RollingWindow): { days: number } | { months: number } | null {
  if (typeof spec.rolling !== 'string') return Number.isInteger(spec.rolling.months) && spec.rolling.months > 0 ? { months: spec.rolling.months } : null;
  const m = /^\s*([1-9][0-9]*)\s*([dw])\s*$/.exec(spec.rolling);
  if (!m) return null;
  return { days: Number(m[1]) * (m[2] === 'w' ? 7 : 1) };
}

