/** Wording about what an objective measures, for the unit and aggregate checks (SPEC 3.2, 3.3). */
import type { QuantityUnit } from '../../agreement/quantity.js';
import type { Objective } from '../../agreement/model.js';
import { measureKind } from '../measure.js';

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
