/** What an objective measures (SPEC 3.1, 3.2): measure kind, its calendar, and the unit of its window value. */
import type { QuantityUnit } from '../quantity.js';
import { RESERVED_CALENDAR, type AgreementDoc, type Measure, type Objective } from '../model.js';

export type MeasureKind = 'count' | 'value' | 'duration' | 'deadline' | 'uptime';

export function measureKind(measure: Measure): MeasureKind | null {
  if (measure === 'count') return 'count';
  if (typeof measure !== 'object' || measure === null) return null;
  for (const kind of ['value', 'duration', 'deadline', 'uptime'] as const) if (kind in measure) return kind;
  return null;
}

/** The calendar a measure names explicitly, with its path suffix under `measure`. */
export function measureCalendar(measure: Measure): { calendar: string; suffix: string[] } | null {
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

/** SPEC 3.1: the measure's calendar, else the service's hours, else `24x7`. */
export function effectiveCalendar(doc: AgreementDoc, objective: Objective): string {
  const explicit = measureCalendar(objective.measure);
  if (explicit) return explicit.calendar;
  const hours = objective.service !== undefined ? doc.services?.[objective.service]?.hours : undefined;
  return hours ?? RESERVED_CALENDAR;
}

const PERCENTILE = /^p(\d+(?:\.\d+)?)$/;
const SIMPLE_AGGREGATES = new Set(['count', 'sum', 'mean', 'min', 'max', 'median', 'ratio']);

/** SPEC 3.2: `count`, `sum`, `mean`, `min`, `max`, `median`, `ratio`, or `pNN` with 0 < NN < 100. */
export function isKnownAggregate(aggregate: string): boolean {
  if (SIMPLE_AGGREGATES.has(aggregate)) return true;
  const m = PERCENTILE.exec(aggregate);
  return m !== null && Number(m[1]) > 0 && Number(m[1]) < 100;
}

/** SPEC 3.3: the unit of an objective's window value; null when the aggregate is unknown or missing. */
export function valueUnit(objective: Objective): QuantityUnit | null {
  const kind = measureKind(objective.measure);
  if (kind === 'uptime') return '%';
  const aggregate = objective.aggregate;
  if (aggregate === undefined || kind === null || !isKnownAggregate(aggregate)) return null;
  if (aggregate === 'ratio') return '%';
  if (aggregate === 'count') return 'plain';
  return kind === 'duration' || kind === 'deadline' ? 'duration' : 'plain';
}

/** Why the value has its unit, for messages: "aggregate `mean` of a duration measure". */
export function unitSource(objective: Objective): string {
  const kind = measureKind(objective.measure);
  if (kind === 'uptime') return 'an uptime objective';
  const aggregate = objective.aggregate ?? '';
  if (aggregate === 'ratio' || aggregate === 'count') return `aggregate \`${aggregate}\``;
  return `aggregate \`${aggregate}\` of a \`${kind}\` measure`;
}

export function describeUnit(unit: QuantityUnit): string {
  switch (unit) {
    case '%':
      return 'a percentage (e.g. `95%`)';
    case 'duration':
      return 'a duration (e.g. `30m`, `4h`, `1h30m`)';
    case 'plain':
      return 'a plain number (e.g. `10`)';
  }
}
