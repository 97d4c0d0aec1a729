/**
 * How one value compares with its earlier version from the customer's side (SPEC 9.6): a promise
 * that is harder for the provider to keep is `tightened`, easier `loosened`, anything else `changed`.
 * Each function returns null when the two versions mean the same.
 */
import { parseDuration, parseQuantity, parseTarget, type CreditTier, type Good, type Operator } from '../agreement/index.js';
import { parseHours } from '../time/hours.js';
import type { Classification } from './model.js';

type Verdict = Classification | null;

/** `a` against `b` where a larger number is the stricter promise. */
function larger(before: number, after: number): Verdict {
  return after > before ? 'tightened' : after < before ? 'loosened' : null;
}

const direction = (op: Operator) => (op === '>=' || op === '>' ? 'up' : op === '<=' || op === '<' ? 'down' : 'equal');

/** SPEC 3.3: a higher `>=` target or a lower `<=` target is tightened; `>` is stricter than `>=` at the same number. */
export function classifyTarget(before: string, after: string): Verdict {
  const b = parseTarget(before), a = parseTarget(after);
  if (!b || !a) return before === after ? null : 'changed';
  if (b.unit !== a.unit || direction(b.op) !== direction(a.op) || direction(a.op) === 'equal') {
    return b.op === a.op && b.unit === a.unit && b.value === a.value ? null : 'changed';
  }
  const up = direction(a.op) === 'up';
  const byNumber = up ? larger(b.value, a.value) : larger(a.value, b.value);
  if (byNumber) return byNumber;
  if (a.op === b.op) return null;
  // same number, strict against non-strict: `> 99%` promises more than `>= 99%`, `< 4h` more than `<= 4h`
  return a.op === '>' || a.op === '<' ? 'tightened' : 'loosened';
}

/** `good`: a longer `within`, a higher `max`, a lower `min` lets more records be good: loosened. */
export function classifyGood(before: Good | undefined, after: Good | undefined): Verdict {
  if (sameValue(before, after)) return null;
  if (!before || !after) return 'changed';
  if ('within' in before && 'within' in after) {
    const b = parseDuration(before.within), a = parseDuration(after.within);
    return b === null || a === null ? 'changed' : larger(a, b);
  }
  if ('max' in before && 'max' in after) return larger(after.max, before.max);
  if ('min' in before && 'min' in after) return larger(before.min, after.min);
  return 'changed';
}

/**
 * Credit tiers (SPEC 6): compares the credit each version pays for every value. Tiers `below` pay
 * the tier with the lowest `below` the value is under; tiers `above` the one with the highest
 * `above` the value exceeds. More credit for some value and less for none: tightened.
 */
export function classifyCredits(before: readonly CreditTier[] | undefined, after: readonly CreditTier[] | undefined): Verdict {
  const b = creditFunction(before ?? []), a = creditFunction(after ?? []);
  if (!b || !a) return sameValue(before, after) ? null : 'changed';
  if (b.tiers.length === 0 && a.tiers.length === 0) return null;
  if (b.tiers.length === 0) return 'tightened';
  if (a.tiers.length === 0) return 'loosened';
  if (b.side !== a.side || b.unit !== a.unit) return 'changed';
  const points = [...b.tiers, ...a.tiers].map((t) => t.threshold);
  // the credit is constant between thresholds: test each threshold and one point beyond the last
  points.push(a.side === 'below' ? Math.min(...points) - 1 : Math.max(...points) + 1);
  let more = false, less = false;
  for (const v of points) {
    const d = creditAt(a, v) - creditAt(b, v);
    if (d > 0) more = true;
    if (d < 0) less = true;
  }
  return more && less ? 'changed' : more ? 'tightened' : less ? 'loosened' : null;
}

interface CreditFunction {
  side: 'below' | 'above';
  unit: string;
  tiers: Array<{ threshold: number; credit: number }>;
}

function creditFunction(tiers: readonly CreditTier[]): CreditFunction | null {
  const side = tiers.length && tiers.every((t) => t.below !== undefined) ? 'below' : 'above';
  const out: CreditFunction = { side, unit: '', tiers: [] };
  for (const t of tiers) {
    const threshold = parseQuantity((side === 'below' ? t.below : t.above) ?? NaN);
    const credit = parseQuantity(t.credit);
    if (!threshold || !credit || (out.tiers.length && threshold.unit !== out.unit)) return null;
    out.unit = threshold.unit;
    out.tiers.push({ threshold: threshold.value, credit: credit.value });
  }
  return out;
}

function creditAt(f: CreditFunction, value: number): number {
  let best: { threshold: number; credit: number } | undefined;
  for (const t of f.tiers) {
    if (f.side === 'below' ? value < t.threshold && (!best || t.threshold < best.threshold) : value > t.threshold && (!best || t.threshold > best.threshold)) best = t;
  }
  return best?.credit ?? 0;
}

/**
 * Calendar hours: more working time is tightened — the service is available (or the clock of a
 * resolution time runs) longer; less is loosened; hours moved to other times are `changed`.
 */
export function classifyHours(before: Record<string, string>, after: Record<string, string>): Verdict {
  const b = parseHours(before), a = parseHours(after);
  if (!b.ok || !a.ok) return sameValue(before, after) ? null : 'changed';
  return classifyIntervals(b.days.flatMap((day, d) => day.map(([x, y]): [number, number] => [d * 1440 + x, d * 1440 + y])), a.days.flatMap((day, d) => day.map(([x, y]): [number, number] => [d * 1440 + x, d * 1440 + y])));
}

/** Working time as disjoint intervals: a superset is tightened, a subset loosened, the same null. */
export function classifyIntervals(before: ReadonlyArray<[number, number]>, after: ReadonlyArray<[number, number]>): Verdict {
  const beforeMinutes = total(before), afterMinutes = total(after), common = overlap(before, after);
  if (common === beforeMinutes && common === afterMinutes) return null;
  if (common === beforeMinutes) return 'tightened';
  if (common === afterMinutes) return 'loosened';
  return 'changed';
}

const total = (intervals: ReadonlyArray<[number, number]>) => intervals.reduce((s, [a, b]) => s + b - a, 0);

function overlap(x: ReadonlyArray<[number, number]>, y: ReadonlyArray<[number, number]>): number {
  let sum = 0;
  for (const [a, b] of x) for (const [c, d] of y) sum += Math.max(0, Math.min(b, d) - Math.max(a, c));
  return sum;
}

/** A quantity where larger is stricter (`larger`) or looser (`smaller`), e.g. a credit cap or a claim period. */
export function classifyQuantity(before: string | number | undefined, after: string | number | undefined, largerIs: 'tightened' | 'loosened', absent: 'tightened' | 'loosened'): Verdict {
  if (sameValue(before, after)) return null;
  // an absent limit is the extreme: no cap is an unlimited cap
  if (before === undefined) return absent === 'tightened' ? 'loosened' : 'tightened';
  if (after === undefined) return absent;
  const b = parseQuantity(before), a = parseQuantity(after);
  if (!b || !a || b.unit !== a.unit) return 'changed';
  const v = larger(b.value, a.value);
  return v === null ? null : v === 'tightened' ? largerIs : largerIs === 'tightened' ? 'loosened' : 'tightened';
}

/** Deep equality of YAML values (maps compared regardless of key order). */
export function sameValue(x: unknown, y: unknown): boolean {
  return canonical(x) === canonical(y);
}

/** A stable text for a YAML value: map keys sorted. */
export function canonical(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
