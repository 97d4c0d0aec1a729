/**
 * Explanations in words: the evaluation stage records what happened as data (see
 * `src/evaluate/explanation.ts`); every format that shows an explanation renders it here.
 */
import { NO_PARTY, type Schedule, type ScheduleRoll, type Where } from '../agreement/model.js';
import type { Operator, Target } from '../agreement/quantity.js';
import type { GoodRule } from '../compile/model.js';
import { scalarText } from '../evaluate/where.js';
import type { AttributionRule, ChainNote, ComputationStep, DeliverySearch, Example, RecordRef, Verdict } from '../evaluate/explanation.js';
import type { Evaluated } from '../evaluate/result.js';
import { formatDuration, formatLocalWithOffset } from '../time/format.js';
import { formatCredit, formatNumber, formatValueAgainst, MAX_DECIMALS, resultThresholds, verdictThresholds } from './values.js';

/**
 * What the words for one result's explanation need besides the explanation's data (SPEC 9.2): the
 * thresholds its values are shown against (target, warning, credit tiers), so the computation and
 * the examples print the value as the verdict does, and the agreement's timezone for instants that
 * do not carry one.
 */
export interface Wording {
  thresholds: readonly number[];
  zone: string;
}

export function wordingOf(e: Pick<Evaluated, 'target' | 'explanation' | 'zone'>): Wording {
  return { thresholds: resultThresholds(e), zone: e.zone };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** At most `max` items joined, then "and N more". */
function listSome(items: readonly string[], max: number): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

/** `cause in [a, b]` / `priority = P1`. */
export function describeWhere(where: Where): string {
  return Object.entries(where)
    .map(([k, v]) => (Array.isArray(v) ? `${k} in [${v.map(scalarText).join(', ')}]` : `${k} = ${scalarText(v)}`))
    .join(' and ');
}

/** `within 30m`, `on time`, `≤ 10`, `matching status = ok`. */
export function describeGood(good: GoodRule): string {
  switch (good.kind) {
    case 'within':
      return `within ${good.written}`;
    case 'on-time':
      return 'on time';
    case 'max':
      return `≤ ${formatNumber(good.limit, MAX_DECIMALS)}`;
    case 'min':
      return `≥ ${formatNumber(good.limit, MAX_DECIMALS)}`;
    case 'where':
      return `matching ${describeWhere(good.where)}`;
  }
}

/** "daily" and "by 10:00, office workdays" (", rolled to the next office workday" with `roll`). */
export function describeSchedule(schedule: Schedule): { noun: string; when: string } {
  const roll = schedule.roll === undefined ? '' : `, ${rollText(schedule.roll)} ${schedule.calendar ?? '24x7'} workday`;
  switch (schedule.every) {
    case 'day':
      return { noun: 'daily', when: `by ${schedule.by}${roll}` };
    case 'workday':
      return { noun: 'daily', when: `by ${schedule.by}, ${schedule.calendar ?? '24x7'} workdays${roll}` };
    case 'week':
      return { noun: 'weekly', when: `by ${schedule.on ?? 'mon'} ${schedule.by}${roll}` };
    case 'month':
      return { noun: 'monthly', when: `by day ${schedule.on ?? 1}, ${schedule.by}${roll}` };
  }
}

function rollText(roll: ScheduleRoll): string {
  return roll === 'next-workday' ? 'rolled to the next' : 'rolled to the previous';
}

/** Where a missed occurrence's delivery was looked for. */
function searchedText(s: DeliverySearch, zone: string): string {
  if (s.by === 'for') return `no delivery logged for it in ${s.column}`;
  const until = `${s.untilAsOf ? 'as-of' : 'the next due'} ${formatLocalWithOffset(s.until, zone)}`;
  return s.after === null ? `no unused delivery up to ${until}` : `no unused delivery after the previous due ${formatLocalWithOffset(s.after, zone)} up to ${until}`;
}

/** `status in [Waiting for customer] (ticket-status)`, `column waiting_minutes (m)`, `input specs_due → specs_received`. */
export function describeAttribution(rule: AttributionRule): string {
  switch (rule.mechanism) {
    case 'pause': {
      const p = rule.pause;
      if (p.kind !== 'status') return `column ${p.column} (${p.unit})`;
      // SPEC 9.1: a history filtered by `where` is only those rows (a changelog's status rows)
      return `${p.status} in [${p.values.join(', ')}] (${p.sourceRef}${p.where ? `, rows where ${describeWhere(p.where)}` : ''})`;
    }
    case 'input':
      return `input ${rule.input.due} → ${rule.input.done}`;
    case 'exclude':
      return describeWhere(rule.exclusion.where);
    case 'maintenance':
      return `maintenance ${rule.maintenance.id}`;
  }
}

/** `charged to company-x`, or `charged to no party` for the reserved `none` (SPEC 5). */
function chargedTo(party: string): string {
  return party === NO_PARTY ? 'charged to no party' : `charged to ${party}`;
}

/** `id 42 (line 12)`, or `line 12` when the record has no id. */
function recordName(record: RecordRef): string {
  return record.id !== null ? `id ${record.id} (line ${record.line})` : `line ${record.line}`;
}

/** The limit a record's value is judged good against, if it has one. */
function goodLimits(good: GoodRule): number[] {
  return good.kind === 'where' ? [] : [good.limit];
}

/**
 * A value of a measure as an example shows it: durations, lateness (`2h late`, `30m early`), values;
 * kept on the right side of `thresholds` as the window value is.
 */
function measured(measure: Example & { kind: 'largest' | 'not-good' }, thresholds: readonly number[], earlyToo: boolean): string {
  if (measure.measure === 'duration') return formatValueAgainst(measure.value, 's', thresholds);
  if (measure.measure === 'deadline') {
    if (measure.value > 0) return `${formatValueAgainst(measure.value, 's', thresholds)} late`;
    return earlyToo ? `${formatValueAgainst(-measure.value, 's', thresholds.map((t) => -t))} early` : 'on time';
  }
  return formatValueAgainst(measure.value, 'number', thresholds);
}

function span(start: number, end: number | null, zone: string): string {
  return `${formatLocalWithOffset(start, zone)} – ${end === null ? 'open at as-of' : formatLocalWithOffset(end, zone)}`;
}

/**
 * An example in words: the largest values against the window's thresholds, instants in the example's
 * zone (downtime spans, which have none, in the agreement's), with the offset.
 */
export function exampleText(ex: Example, wording: Wording): string {
  switch (ex.kind) {
    case 'not-good':
      return `${recordName(ex.record)}: ${measured(ex, goodLimits(ex.good), false)}, not ${describeGood(ex.good)}`;
    case 'largest':
      return `largest: ${recordName(ex.record)}: ${measured(ex, wording.thresholds, true)}`;
    case 'paused':
      return `${recordName(ex.record)}: clock paused ${formatDuration(ex.seconds)}`;
    case 'open-breached':
      return `${recordName(ex.record)}: open since ${formatLocalWithOffset(ex.since, ex.zone)}, breached ${ex.within} target at ${formatLocalWithOffset(ex.breachAt, ex.zone)}`;
    case 'open':
      return `${recordName(ex.record)}: open since ${formatLocalWithOffset(ex.since, ex.zone)}, ${formatDuration(ex.elapsed)} elapsed, not counted`;
    case 'open-lower-bound': {
      const what = ex.measure === 'deadline' ? `due ${formatLocalWithOffset(ex.since, ex.zone)}, at least ${formatDuration(ex.value)} late` : `open since ${formatLocalWithOffset(ex.since, ex.zone)}, at least ${formatDuration(ex.value)}`;
      return `${recordName(ex.record)}: ${what} at as-of (over the ${ex.limit} target since ${formatLocalWithOffset(ex.breachAt, ex.zone)}), counted as a lower bound`;
    }
    case 'open-late':
      return `${recordName(ex.record)}: not done, due ${formatLocalWithOffset(ex.due, ex.zone)}, ${formatDuration(ex.lateness)} late at as-of`;
    case 'open-not-due': {
      const onWhom = ex.waitingOn.length ? `, waiting on ${ex.waitingOn.join(', ')} (input not delivered)` : '';
      return `${recordName(ex.record)}: not done, due ${formatLocalWithOffset(ex.due, ex.zone)}${onWhom}, not counted`;
    }
    case 'shifted':
      return `${recordName(ex.record)}: due ${formatLocalWithOffset(ex.due, ex.zone)} shifted ${formatDuration(ex.shift)} by late inputs to ${formatLocalWithOffset(ex.shifted, ex.zone)}`;
    case 'excluded':
      return `${recordName(ex.record)}: excluded (${describeWhere(ex.where)}), ${chargedTo(ex.party)}`;
    case 'downtime':
      return `${recordName(ex.record)}: down ${span(ex.start, ex.end, wording.zone)}, spans ${formatDuration(ex.seconds)} of service time in this window (before merging and exclusions)`;
    case 'downtime-excluded':
      return `${recordName(ex.record)}: excluded (${describeWhere(ex.where)}, ${chargedTo(ex.party)}), ${span(ex.start, ex.end, wording.zone)}`;
    case 'downtime-maintenance':
      return `${recordName(ex.record)}: excluded (inside maintenance ${ex.maintenance}, ${chargedTo(ex.party)}), ${span(ex.start, ex.end, wording.zone)}`;
    case 'delivery-late': {
      const delay = formatDuration((ex.deliveredAt - ex.due) / 1000);
      const row = ex.forColumn === null ? `line ${ex.line}` : `line ${ex.line}, ${ex.forColumn} ${ex.date}`;
      return `${ex.date}: delivered ${formatLocalWithOffset(ex.deliveredAt, ex.zone)} (${row}), ${delay} after the due time ${formatLocalWithOffset(ex.due, ex.zone)} (${ex.zone})`;
    }
    case 'delivery-missed':
      return `${ex.date}: missed (due ${formatLocalWithOffset(ex.due, ex.zone)} ${ex.zone}; ${searchedText(ex.searched, ex.zone)})`;
  }
}

const MEASURED_NOUN = { count: 'records', value: 'values', duration: 'durations', deadline: 'lateness values', uptime: 'records' } as const;
/** Issue 14: "max of 1 value", not "max of 1 values". */
const MEASURED_NOUN_ONE = { count: 'record', value: 'value', duration: 'duration', deadline: 'lateness value', uptime: 'record' } as const;

/** A computation step in words; the value it arrives at is shown against `wording`'s thresholds. */
export function computationText(step: ComputationStep, wording: Wording): string {
  const onCalendar = (calendar: string | null) => (calendar === null ? '' : ` on calendar ${calendar}`);
  switch (step.kind) {
    case 'ratio':
      return `ratio: ${step.good} of ${step.counted} ${describeGood(step.rule)}${onCalendar(step.calendar)}`;
    case 'count':
      return `count: ${plural(step.counted, 'record')}`;
    case 'aggregate': {
      const one = step.counted === 1;
      const noun = step.measure === 'value' ? `${one ? 'value' : 'values'} of ${step.column}` : (one ? MEASURED_NOUN_ONE : MEASURED_NOUN)[step.measure];
      return `${step.aggregate} of ${step.counted} ${noun}${onCalendar(step.calendar)}: ${step.value === null ? 'no data' : formatValueAgainst(step.value, step.unit, wording.thresholds)}`;
    }
    case 'open-counted':
      return `${plural(step.records, 'open record')} that can no longer be good counted as bad (in counted, not in open)`;
    case 'open-lower-bound':
      return `${plural(step.records, 'open record')} past the target counted at ${step.records === 1 ? 'its' : 'their'} value so far (a lower bound: the value is at least this)`;
    case 'invalid':
      return `${plural(step.records, 'record')} left out for a bad cell (invalid: skip)`;
    case 'open-not-counted':
      return `${plural(step.records, 'open record')} not counted`;
    case 'excluded':
      return `${plural(step.records, 'record')} excluded`;
    case 'skipped':
      return `${plural(step.records, 'record')} skipped (empty ${step.column ?? 'start'} cell)`;
    case 'unjoined-status-rows':
      return `${plural(step.rows, 'status row')} in ${step.files.join(', ')} for keys no measured record has: ignored`;
    case 'no-service-time':
      return `no service time in this window (calendar ${step.calendar})`;
    case 'downtime': {
      const incidents = step.outages < step.incidents ? `${plural(step.incidents, 'incident')} merged into ${step.outages}` : plural(step.incidents, 'incident');
      return `downtime ${formatDuration(step.downtime)} of ${formatDuration(step.service)} service time (calendar ${step.calendar}), ${incidents}`;
    }
    case 'uptime-formula':
      // the formula shows its operands in plain seconds, as a reader would retype them, and its
      // result with at least 4 decimals (more when the target needs them)
      return `uptime = 100 × (1 − ${step.downtime}s ÷ ${step.service}s) = ${formatValueAgainst(step.value, '%', wording.thresholds, 4)}`;
    case 'downtime-excluded':
      // the time removed is every excluded interval's (exclusions and maintenance), not only these records'
      return `${plural(step.records, 'record')} excluded; ${formatDuration(step.removed)} of excluded time (exclusions and maintenance) removed from downtime and service time`;
    case 'partial':
      return `partial window: ${step.what === 'service time' ? 'service time counted' : 'occurrences due'} up to ${formatLocalWithOffset(step.asOf, wording.zone)}`;
    case 'deliveries': {
      const { noun, when } = describeSchedule(step.schedule);
      const how = step.matchedBy === null ? when : `${when}; matched by ${step.matchedBy}`;
      return step.due === 0 ? `no ${noun} deliveries due in this window (${how})` : `${step.onTime} of ${step.due} ${noun} deliveries on time (${how})`;
    }
    case 'late-deliveries':
      return `late: ${listSome(
        step.deliveries.map((d) => `${d.date} (${formatDuration(d.delay)} late)`),
        10,
      )}`;
    case 'missed-deliveries':
      return `missed: ${listSome(step.dates, 10)}`;
    case 'rolled':
      return `${rollText(step.roll)} workday: ${listSome(
        step.occurrences.map((o) => `${o.from.join(', ')} → ${o.date}`),
        10,
      )}`;
    case 'unmatched-deliveries': {
      const values = step.values.map((v) => (v === '' ? '(empty)' : v));
      return `${plural(step.rows, 'logged delivery', 'logged deliveries')} naming no occurrence in ${step.column}, ignored: ${listSome(values, 10)}`;
    }
    case 'maintenance': {
      // SPEC 9.5: each occurrence used or refused, and why
      const used = step.occurrences.filter((o) => o.used).length;
      const each = step.occurrences.map((o) => {
        const span = `${formatLocalWithOffset(o.start, step.zone)} → ${formatLocalWithOffset(o.end, step.zone)}`;
        const notice = o.announcedAt === null ? '' : ` (announced ${formatLocalWithOffset(o.announcedAt, step.zone)})`;
        switch (o.why) {
          case 'no-notice-needed':
            return `${span} excluded`;
          case 'announced':
            return `${span} excluded, announced at least ${o.min} before${notice}`;
          case 'not-announced':
            return `${span} not excluded: not announced`;
          case 'too-late':
            return `${span} not excluded: announced less than ${o.min} before${notice}`;
        }
      });
      return `maintenance ${step.id}: ${used} of ${plural(step.occurrences.length, 'occurrence')} excluded: ${each.join('; ')}`;
    }
  }
}

const SYMBOL: Record<Operator, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '==': '=' };
const NEGATED: Record<Operator, string> = { '>=': '<', '>': '≤', '<=': '>', '<': '≥', '==': '≠' };
/** How a value that meets the target misses the warning, in words. */
const MISSED_WARNING: Record<Operator, string> = {
  '>=': 'below',
  '>': 'not above',
  '<=': 'above',
  '<': 'not below',
  '==': 'not equal to',
};

/** The threshold of a target as the user wrote it: `>= 95%` -> `95%`. */
function thresholdText(t: Target): string {
  return t.text.slice(t.text.indexOf(t.op) + t.op.length).trim();
}

/** `94.12% < 95% (target)`, `98% ≥ 95% (target) and ≥ 97% (warning)`, `96.5% ≥ 95% (target) but below the 97% warning`. */
export function verdictText(v: Verdict, lowerBound = false): string {
  if (v.status === 'no-data') return 'no counted records in the window';
  // SPEC 3.4 (v1.1): a value open records entered at their value so far is a lower bound
  const shown = `${lowerBound ? '≥ ' : ''}${formatValueAgainst(v.value, v.unit, verdictThresholds(v))}`;
  const t = thresholdText(v.target);
  if (v.status === 'breached') return `${shown} ${NEGATED[v.target.op]} ${t} (target)`;
  const met = `${shown} ${SYMBOL[v.target.op]} ${t} (target)`;
  if (!v.warning) return met;
  const w = thresholdText(v.warning);
  return v.status === 'at-risk' ? `${met} but ${MISSED_WARNING[v.warning.op]} the ${w} warning` : `${met} and ${SYMBOL[v.warning.op]} ${w} (warning)`;
}

/** Why the status is what it is: the verdict, then the root cause and whether it excuses, then the credit. */
export function statusReason(e: Evaluated): string {
  let text = verdictText(e.explanation.verdict, e.lowerBound);
  const rc = e.rootCause;
  if (rc) {
    const cause = `root cause ${rc.agreement}/${rc.objective} ${rc.window} (owner ${rc.owner})`;
    const excuse = e.explanation.excuse;
    if (excuse === null) text += `; ${cause} does not excuse ${e.owner}`;
    else if (excuse.by === 'customer') text += `; excused: ${cause}, a customer of ${e.agreement}`;
    else text += `; excused: ${cause}, and the dependency on ${excuse.dependency} is marked excuses: true`;
  }
  if (e.credit) text += `; service credit ${formatCredit(e.credit)}`;
  return text;
}

export function chainNoteText(note: ChainNote): string {
  switch (note.kind) {
    case 'root-cause':
      return 'root cause';
    case 'attributed':
      return `itself attributed to ${note.path.join(' → ')}`;
    case 'no-breach':
      return `no breached overlapping window (${note.seen.map((s) => `${s.label} ${s.status}`).join(', ')})`;
    case 'not-evaluated':
      return 'no overlapping window evaluated';
  }
}
