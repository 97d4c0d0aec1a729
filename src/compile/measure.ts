/**
 * What an objective measures (SPEC 3.1–3.3), derived in one place: the measure kind, the calendar
 * it counts on, the aggregate, the `good` rule and the unit of the window value.
 */
import type { QuantityUnit } from '../agreement/quantity.js';
import { ownValue } from '../agreement/mapping.js';
import { parseDuration } from '../agreement/quantity.js';
import { RESERVED_CALENDAR, type AgreementDoc, type Good, type Measure, type Objective, type RecordCalendar } from '../agreement/model.js';
import type { AggregateKind, AggregateSpec, GoodRule, MeasureKind, Unit } from './model.js';

export function measureKind(measure: Measure): MeasureKind | null {
  if (measure === 'count') return 'count';
  if (typeof measure !== 'object' || measure === null) return null;
  for (const kind of ['value', 'duration', 'deadline', 'uptime'] as const) if (kind in measure) return kind;
  return null;
}

/** The calendar a measure names explicitly, with its path suffix under `measure`. */
export function measureCalendar(measure: Measure): { calendar: string | RecordCalendar; suffix: string[] } | null {
  if (typeof measure !== 'object' || measure === null) return null;
  if ('duration' in measure && measure.duration.calendar !== undefined) {
    return { calendar: measure.duration.calendar, suffix: ['duration', 'calendar'] };
  }
  if ('deadline' in measure && measure.deadline.calendar !== undefined) {
    return { calendar: measure.deadline.calendar, suffix: ['deadline', 'calendar'] };
  }
  if ('uptime' in measure && measure.uptime.calendar !== undefined) {
    return { calendar: measure.uptime.calendar, suffix: ['uptime', 'calendar'] };
  }
  return null;
}

/** The calendar ids a measure's calendar names: itself, or a per-record calendar's map values and default (SPEC 9.5). */
export function calendarIds(calendar: string | RecordCalendar): string[] {
  if (typeof calendar === 'string') return [calendar];
  return [...new Set([...Object.values(calendar.map), ...(calendar.default !== undefined ? [calendar.default] : [])])];
}

/** SPEC 3.1: the measure's calendar, else the service's hours, else `24x7`. */
export function effectiveCalendar(doc: AgreementDoc, objective: Objective): string | RecordCalendar {
  const explicit = measureCalendar(objective.measure);
  if (explicit) return explicit.calendar;
  const hours = objective.service !== undefined ? ownValue(doc.services, objective.service)?.hours : undefined;
  return hours ?? RESERVED_CALENDAR;
}

const SIMPLE_AGGREGATES: Readonly<Record<string, AggregateKind>> = {
  count: 'count',
  sum: 'sum',
  mean: 'mean',
  min: 'min',
  max: 'max',
  ratio: 'ratio',
};

/** SPEC 3.2: `count`, `sum`, `mean`, `min`, `max`, `median`, `ratio`, `pNN` (0 < NN < 100, decimals); null otherwise. */
export function parseAggregate(text: string): AggregateSpec | null {
  if (typeof text !== 'string') return null;
  const simple = Object.hasOwn(SIMPLE_AGGREGATES, text) ? SIMPLE_AGGREGATES[text] : undefined;
  if (simple) return { kind: simple, text, num: 0, den: 1 };
  if (text === 'median') return { kind: 'percentile', text, num: 50, den: 100 };
  const m = /^p(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return null;
  const decimals = m[2] ?? '';
  // Exact fraction: p99.9 = 999 / 1000, so h = (n-1)·q is computed without binary rounding.
  const num = Number(m[1]! + decimals);
  const den = 100 * 10 ** decimals.length;
  if (num <= 0 || num >= den) return null;
  return { kind: 'percentile', text, num, den };
}

/** SPEC 3.3: the unit of an objective's window value; null when the aggregate is unknown or missing. */
export function objectiveUnit(objective: Objective): Unit | null {
  const kind = measureKind(objective.measure);
  if (kind === 'uptime') return '%';
  const aggregate = objective.aggregate === undefined ? null : parseAggregate(objective.aggregate);
  if (aggregate === null || kind === null) return null;
  if (aggregate.kind === 'ratio') return '%';
  if (aggregate.kind === 'count' || kind === 'count') return 'count';
  return kind === 'value' ? 'number' : 's';
}

/** The quantity unit a target, warning or credit threshold must be written in for a value unit. */
export function quantityUnitOf(unit: Unit): QuantityUnit {
  return unit === '%' ? '%' : unit === 's' ? 'duration' : 'plain';
}

/** SPEC 3.2: per-record success; deadlines default to "on time" (lateness ≤ 0); null without a good rule. */
export function goodRule(good: Good | undefined, kind: MeasureKind): GoodRule | null {
  if (!good) return kind === 'deadline' ? { kind: 'on-time', limit: 0 } : null;
  if ('within' in good) {
    const seconds = parseDuration(String(good.within));
    return seconds === null ? null : { kind: 'within', limit: seconds, written: String(good.within) };
  }
  if ('max' in good) return { kind: 'max', limit: good.max };
  if ('min' in good) return { kind: 'min', limit: good.min };
  return { kind: 'where', where: good.where };
}
