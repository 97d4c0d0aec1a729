/** SPEC 3.1, 3.2 and 5: which aggregates, `good` forms and attribution mechanisms fit which measure. */
import { parseDuration } from '../../agreement/quantity.js';
import { objectivesOf, type AgreementCheck } from './context.js';
import { measureKind, parseAggregate } from '../measure.js';

export const checkAggregates: AgreementCheck = (a, _index, report) => {
  for (const { objective, path } of objectivesOf(a)) {
    const kind = measureKind(objective.measure);
    const aggregate = objective.aggregate;
    if (kind === 'uptime') {
      if (aggregate !== undefined) {
        report([...path, 'aggregate'], 'uptime-aggregate', 'an uptime objective has no `aggregate` (its value is the uptime percentage, SPEC 3.5); remove it');
      }
    } else if (aggregate === undefined) {
      report(path, 'missing-aggregate', `objective \`${objective.id}\` needs an \`aggregate\`: count, sum, mean, min, max, median, ratio or pNN`);
    } else if (parseAggregate(aggregate) === null) {
      const percentile = /^p\d/.test(aggregate);
      report(
        [...path, 'aggregate'],
        percentile ? 'invalid-percentile' : 'invalid-aggregate',
        percentile
          ? `percentile \`${aggregate}\` must lie strictly between p0 and p100 (e.g. \`p95\`, \`p99.9\`)`
          : `unknown aggregate \`${aggregate}\`; use count, sum, mean, min, max, median, ratio or pNN (e.g. \`p95\`)`,
      );
    }

    const good = objective.good;
    if (aggregate === 'ratio' && good === undefined && kind !== 'deadline') {
      report(
        [...path, 'aggregate'],
        'ratio-needs-good',
        kind === 'count'
          ? 'aggregate `ratio` needs `good: { where: { column: value } }` to say which records are good'
          : 'aggregate `ratio` needs `good` to say which records are good, e.g. `good: { within: 30m }` or `good: { max: 10 }`',
      );
    }
    if (good !== undefined && aggregate !== 'ratio') {
      report([...path, 'good'], 'good-not-allowed', '`good` is only used with `aggregate: ratio`; remove it or use ratio');
    } else if (good !== undefined) {
      if ('within' in good) {
        if (kind !== 'duration' && kind !== 'deadline') {
          report([...path, 'good', 'within'], 'good-mismatch', `\`good.within\` compares a duration, but a \`${kind}\` measure has none; use \`max\`/\`min\` for values or \`where\``);
        } else {
          const seconds = parseDuration(String(good.within));
          if (seconds === null || seconds < 0) {
            report([...path, 'good', 'within'], 'invalid-duration', `\`good.within\` \`${good.within}\` is not a duration; write e.g. \`30m\`, \`4h\` or \`1h30m\``);
          }
        }
      } else if (('max' in good || 'min' in good) && kind !== 'value') {
        const key = 'max' in good ? 'max' : 'min';
        report(
          [...path, 'good', key],
          'good-mismatch',
          kind === 'duration' || kind === 'deadline'
            ? `\`good.${key}\` is for \`value\` measures; for a ${kind} write \`good: { within: 30m }\``
            : `\`good.${key}\` is for \`value\` measures; a \`count\` measure yields 1 per record, pick good ones with \`where\``,
        );
      }
    }

    if (objective.inputs?.length && kind !== 'deadline') {
      report([...path, 'inputs'], 'inputs-not-deadline', '`inputs` shift a due instant, so they only apply to `deadline` measures (SPEC 5)');
    }
    if (objective.pause?.length && kind !== 'duration') {
      report([...path, 'pause'], 'pause-not-duration', '`pause` stops a clock, so it only applies to `duration` measures (SPEC 5)');
    }
  }
};
