/**
 * How a window's value, status and charges came about, as data: the evaluation stage records
 * facts (numbers, instants, rules), and only `src/format/` turns them into words.
 */
import type { Exclusion, Input, Schedule, ScheduleRoll, Where } from '../agreement/model.js';
import type { Target } from '../agreement/quantity.js';
import type { CompiledPause, CreditTiers, GoodRule, MeasureKind, Unit } from '../compile/model.js';
import type { Status } from './result.js';

/** A CSV record named in an explanation: its line, and its `id` cell when the data set has one. */
export interface RecordRef {
  line: number;
  id: string | null;
}

/** Instants are epoch ms; `zone` is the agreement's (or the schedule's) timezone for showing them. */
export type Example =
  /** A counted record that is not good (ratio), with its value in the measure's unit. */
  | { kind: 'not-good'; record: RecordRef; measure: MeasureKind; value: number; good: GoodRule }
  /** One of the largest values of a non-ratio window. */
  | { kind: 'largest'; record: RecordRef; measure: MeasureKind; value: number }
  | { kind: 'paused'; record: RecordRef; seconds: number }
  /** An open duration counted bad at the instant it used up `within`. */
  | { kind: 'open-breached'; record: RecordRef; since: number; within: string; breachAt: number; zone: string }
  /** An open duration not counted (it can still be good). */
  | { kind: 'open'; record: RecordRef; since: number; elapsed: number; zone: string }
  /** SPEC 3.4 (v1.1): an open record counted at its value so far, which already fails the target (`limit` as written). */
  | { kind: 'open-lower-bound'; record: RecordRef; measure: MeasureKind; since: number; value: number; limit: string; breachAt: number; zone: string }
  /** An open deadline already late at as-of, counted bad. */
  | { kind: 'open-late'; record: RecordRef; due: number; lateness: number; zone: string }
  /** An open deadline not counted; `waitingOn` names the parties whose input is not delivered. */
  | { kind: 'open-not-due'; record: RecordRef; due: number; waitingOn: string[]; zone: string }
  | { kind: 'shifted'; record: RecordRef; due: number; shift: number; shifted: number; zone: string }
  | { kind: 'excluded'; record: RecordRef; where: Where; party: string }
  /** An uptime incident: `end` null while open at as-of; `seconds` of service time it spans in the window. */
  | { kind: 'downtime'; record: RecordRef; start: number; end: number | null; seconds: number }
  | { kind: 'downtime-excluded'; record: RecordRef; start: number; end: number | null; where: Where; party: string }
  /** SPEC 9.5: an incident lying wholly inside a used occurrence of a maintenance window. */
  | { kind: 'downtime-maintenance'; record: RecordRef; start: number; end: number | null; maintenance: string; party: string }
  /**
   * A late occurrence (its local due date) and the delivery matched to it (SPEC 4): the log line,
   * and the `for` column when that column named the occurrence (null: matched by time).
   */
  | { kind: 'delivery-late'; date: string; deliveredAt: number; due: number; zone: string; line: number; forColumn: string | null }
  /** A missed occurrence and where a delivery for it was looked for. */
  | { kind: 'delivery-missed'; date: string; due: number; zone: string; searched: DeliverySearch };

/**
 * Where matching looked for a delivery (SPEC 4 v1.1): by time, an unused delivery after the
 * previous due (null: no previous occurrence) up to the next due, or up to as-of when that comes
 * first; or, with `log.for`, the rows naming the occurrence in that column.
 */
export type DeliverySearch =
  | { by: 'time'; after: number | null; until: number; untilAsOf: boolean }
  | { by: 'for'; column: string };

/**
 * SPEC 9.4 `credits --evidence`: one record behind a breached window — a record that is not good
 * (ratio) or whose value fails the target (other aggregates), an incident's downtime, a late or
 * missed delivery — with what it charged to other parties. Collected only when asked for.
 */
export interface Evidence {
  /** The CSV line (the delivery log's for a late delivery; null for a missed one). */
  line: number | null;
  /** The record's key cell (the data set's `key`/`id`), or the occurrence's date for reports. */
  key: string | null;
  /** Created / due / placed-at instant, epoch ms. */
  start: number | null;
  /** Resolved / done / delivered, epoch ms; null while open (or missed). */
  end: number | null;
  /** In the measure's unit (seconds for durations, lateness and downtime); null for a missed delivery. */
  value: number | null;
  open: boolean;
  /** Working seconds (or 0) the record charged to each party other than the owner, by party id. */
  charged: { party: string; seconds: number }[];
}

/** One step of how the value was computed. */
export type ComputationStep =
  /** Ratio: good of counted, by the `good` rule, on the measure's calendar (null: not timed). */
  | { kind: 'ratio'; good: number; counted: number; rule: GoodRule; calendar: string | null }
  | { kind: 'count'; counted: number }
  /** Any other aggregate of the counted values. */
  | { kind: 'aggregate'; aggregate: string; counted: number; measure: MeasureKind; column: string | null; calendar: string | null; value: number | null; unit: Unit }
  | { kind: 'open-counted'; records: number }
  /** SPEC 3.4 (v1.1): open records in a non-ratio value at their value so far. */
  | { kind: 'open-lower-bound'; records: number }
  /** SPEC 9.1: records left out for a bad cell. */
  | { kind: 'invalid'; records: number }
  | { kind: 'open-not-counted'; records: number }
  | { kind: 'excluded'; records: number }
  /** Records set aside for an empty cell: the value column, or null for an empty start. */
  | { kind: 'skipped'; records: number; column: string | null }
  | { kind: 'unjoined-status-rows'; rows: number; files: string[] }
  | { kind: 'no-service-time'; calendar: string }
  | { kind: 'downtime'; downtime: number; service: number; calendar: string; incidents: number; outages: number }
  | { kind: 'uptime-formula'; downtime: number; service: number; value: number }
  | { kind: 'downtime-excluded'; records: number; removed: number }
  /** A partial window: `what` counted up to as-of. */
  | { kind: 'partial'; what: 'service time' | 'occurrences'; asOf: number }
  /** On-time occurrences of those due; `matchedBy` is the `log.for` column, null when matched by time. */
  | { kind: 'deliveries'; onTime: number; due: number; schedule: Schedule; matchedBy: string | null }
  | { kind: 'late-deliveries'; deliveries: { date: string; delay: number }[] }
  | { kind: 'missed-deliveries'; dates: string[] }
  /** SPEC 9.5: occurrences whose due date rolled; `from` the schedule's own due dates each stands for. */
  | { kind: 'rolled'; roll: ScheduleRoll; occurrences: { date: string; from: string[] }[] }
  /**
   * SPEC 9.7 `delivery-unmatched`: log rows whose `for` value names no occurrence, ignored. Placed
   * in the window holding the named date (the first or last window for one outside them all).
   */
  | { kind: 'unmatched-deliveries'; column: string; rows: number; values: string[] }
  /**
   * SPEC 9.5: the occurrences of a maintenance window in this window, each used (excluded) or
   * refused: not announced, or announced too late (`announced`: the latest notice before it).
   */
  | { kind: 'maintenance'; id: string; zone: string; occurrences: MaintenanceUse[] };

export interface MaintenanceUse {
  start: number;
  end: number;
  used: boolean;
  /** `no notice needed`, `announced`, `not announced`, `announced too late`. */
  why: 'no-notice-needed' | 'announced' | 'not-announced' | 'too-late';
  /** The notice that announced it, or the latest one before it when too late; null otherwise. */
  announcedAt: number | null;
  min: string | null;
}

/** What a record-level mechanism took away from the owner (SPEC 5). */
export type AttributionRule =
  | { mechanism: 'pause'; pause: CompiledPause }
  | { mechanism: 'input'; input: Input }
  | { mechanism: 'exclude'; exclusion: Exclusion }
  /** SPEC 9.5: the occurrences of a maintenance window. */
  | { mechanism: 'maintenance'; maintenance: { id: string; party: string } };

/** Per-mechanism breakdown of what was taken away from the owner in a window. */
export interface Attribution {
  mechanism: AttributionRule['mechanism'];
  party: string;
  records: number;
  seconds: number;
  rule: AttributionRule;
}

/**
 * Why a status is what it is: the value against the target (and warning), or no data. The credit
 * tiers are the other thresholds the value is judged against (SPEC 6), so every format can show the
 * value on the right side of each of them (SPEC 9.2).
 */
export type Verdict =
  | { status: 'no-data' }
  | { status: 'met' | 'at-risk' | 'breached'; value: number; unit: Unit; target: Target; warning: Target | null; credits: CreditTiers | null };

/** Why a dependency link was or was not followed. */
export type ChainNote =
  | { kind: 'root-cause' }
  /** The dependency's own breach was attributed further, along `path` (dependency first). */
  | { kind: 'attributed'; path: string[] }
  | { kind: 'no-breach'; seen: { label: string; status: Status }[] }
  | { kind: 'not-evaluated' };

export interface ChainLink {
  objective: string;
  window: string | null;
  status: Status | null;
  note: ChainNote;
}

/** How a breach explained by a dependency was judged (SPEC 5). */
export type Excuse = { by: 'customer' } | { by: 'flag'; dependency: string } | null;

export interface Explanation {
  computation: ComputationStep[];
  attributions: Attribution[];
  /** A few concrete records or occurrences worth naming. */
  examples: Example[];
  /** Every record behind the value's failure, when the run collected evidence (SPEC 9.4). */
  evidence?: Evidence[];
  verdict: Verdict;
  /** Set by dependency attribution when a root cause was found: whether and why it excuses. */
  excuse: Excuse;
  /** Dependency links walked, in order (filled by the attribution stage). */
  chain: ChainLink[];
}
