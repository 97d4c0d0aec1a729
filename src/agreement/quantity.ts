/**
 * Quantities as written in agreements (SPEC 3.3): durations `1h30m`, percentages `99.5%`,
 * plain numbers, and targets `>= 95%`. Durations are in seconds of counted time.
 */
export type Operator = '>=' | '>' | '<=' | '<' | '==';
export type QuantityUnit = '%' | 'duration' | 'plain';

export interface Quantity {
  /** Seconds for durations, 0–100 for percentages, the number itself otherwise. */
  value: number;
  unit: QuantityUnit;
}

export interface Target extends Quantity {
  op: Operator;
  /** The target as written, trimmed. */
  text: string;
}

const DURATION_UNIT_SECONDS: Record<string, number> = {
  ms: 0.001,
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
  w: 604800,
};

const NUMBER = '(?:\\d+(?:\\.\\d+)?|\\.\\d+)';
const DURATION_PART = new RegExp(`(${NUMBER})(ms|s|m|h|d|w)`, 'y');
const PLAIN = new RegExp(`^-?${NUMBER}$`);

/** Parses `1h30m`, `30m`, `-1h`, `500ms`, `1.5h` into seconds; null when it is not a duration. */
export function parseDuration(text: string): number | null {
  let s = text.trim();
  let sign = 1;
  if (s.startsWith('-')) {
    sign = -1;
    s = s.slice(1);
  }
  if (s === '') return null;
  let total = 0;
  let pos = 0;
  while (pos < s.length) {
    DURATION_PART.lastIndex = pos;
    const m = DURATION_PART.exec(s);
    if (!m) return null;
    total += Number(m[1]) * DURATION_UNIT_SECONDS[m[2]!]!;
    pos = DURATION_PART.lastIndex;
  }
  return sign * total;
}

/** True when a duration text uses `d` or `w` (SPEC 3.3 warns about them on working calendars). */
export function usesDayUnits(text: string): boolean {
  return /\d(d|w)(?![a-z])/.test(text.replace(/ms/g, ''));
}

/** Parses `95%`, `4h`, `12`, `-1.5` (or a YAML number) into a quantity; null when malformed. */
export function parseQuantity(input: string | number): Quantity | null {
  if (typeof input === 'number') return Number.isFinite(input) ? { value: input, unit: 'plain' } : null;
  const s = input.trim();
  if (s.endsWith('%')) {
    const n = s.slice(0, -1).trim();
    return PLAIN.test(n) ? { value: Number(n), unit: '%' } : null;
  }
  if (PLAIN.test(s)) return { value: Number(s), unit: 'plain' };
  const d = parseDuration(s);
  return d === null ? null : { value: d, unit: 'duration' };
}

const TARGET = /^\s*(>=|<=|==|>|<)\s*(.+?)\s*$/;

/** Parses a target or warning string such as `>= 99.95%` or `<= -1h`; null when malformed. */
export function parseTarget(text: string): Target | null {
  if (typeof text !== 'string') return null;
  const m = TARGET.exec(text);
  if (!m) return null;
  const q = parseQuantity(m[2]!);
  if (!q) return null;
  return { op: m[1] as Operator, value: q.value, unit: q.unit, text: text.trim() };
}

/** Whether `value` satisfies `op threshold`. */
export function compare(value: number, op: Operator, threshold: number): boolean {
  switch (op) {
    case '>=':
      return value >= threshold;
    case '>':
      return value > threshold;
    case '<=':
      return value <= threshold;
    case '<':
      return value < threshold;
    case '==':
      return value === threshold;
  }
}
