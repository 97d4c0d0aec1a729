/**
 * The compiled agreement: the YAML model after validation, with every reference resolved and every
 * derived fact computed once (measure kind, unit, calendar, data set, parsed targets and credit
 * tiers, owner, dependency keys). Everything after `validate` reads only this.
 */
import type { AgreementKind, Exclusion, Fee, Input, PartyRole, Schedule, Validity, Where, WindowSpec } from '../agreement/model.js';
import type { Target } from '../agreement/quantity.js';
import type { DataSource } from '../data/source.js';
import type { WorkingCalendar } from '../time/types.js';

/** The unit of a window value: `%` (ratio, uptime, reports), `s` (durations, lateness), `count`, `number` (values). */
export type Unit = '%' | 's' | 'count' | 'number';

export type MeasureKind = 'count' | 'value' | 'duration' | 'deadline' | 'uptime';

/** SPEC 3.1: what one record yields; duration, deadline and uptime measures on their resolved calendar. */
export type CompiledMeasure =
  | { kind: 'count' }
  | { kind: 'value'; column: string }
  | { kind: 'duration'; from: string; to: string; calendar: WorkingCalendar; perRecord?: PerRecordCalendar }
  | { kind: 'deadline'; due: string; done: string; calendar: WorkingCalendar; perRecord?: PerRecordCalendar }
  | { kind: 'uptime'; from: string; to: string; calendar: WorkingCalendar };

/**
 * SPEC 9.5: a calendar per record: the value of `column` picks one (`map`), else `fallback`; a value
 * with neither is a bad cell. `calendar` of the measure is then the fallback, or the first mapped.
 */
export interface PerRecordCalendar {
  column: string;
  map: ReadonlyMap<string, WorkingCalendar>;
  fallback: WorkingCalendar | null;
}

/** SPEC 9.5: a maintenance window, compiled: its occurrences and who is charged for them. */
export interface CompiledMaintenance {
  agreement: string;
  id: string;
  /** Recurring: `every`, the weekday (0 = Monday) or day of month, and the local intervals in minutes. */
  recurring: { every: 'day' | 'week' | 'month'; on: number | null; intervals: Array<[number, number]> } | null;
  /** One-off: local date-times `YYYY-MM-DDTHH:MM`. */
  oneOff: { from: string; to: string } | null;
  zone: string;
  party: string;
  notice: { dataSet: DataSource; at: string; where: Where | undefined; minSeconds: number; min: string } | null;
}

export type AggregateKind = 'count' | 'sum' | 'mean' | 'min' | 'max' | 'percentile' | 'ratio';

/** SPEC 3.2: a window aggregate. */
export interface AggregateSpec {
  kind: AggregateKind;
  /** As written: `p95`, `median`, `ratio`. */
  text: string;
  /** Percentile q as an exact fraction num/den (`p99.9` = 999/1000, `median` = 50/100). */
  num: number;
  den: number;
}

/**
 * SPEC 3.2 `good`: `within` a duration, `on-time` (a deadline's default), `max`/`min` of a value,
 * or matching `where`. `limit` is what a value is compared with (seconds for durations).
 */
export type GoodRule =
  | { kind: 'within'; limit: number; written: string }
  | { kind: 'on-time'; limit: 0 }
  | { kind: 'max'; limit: number }
  | { kind: 'min'; limit: number }
  | { kind: 'where'; where: Where };

/** SPEC 5: stop the clock; a column of summed waiting time or a status history in another data set. */
export type CompiledPause =
  | { kind: 'column'; column: string; unit: 's' | 'm' | 'h'; unitSeconds: number; party: string }
  | {
      kind: 'status';
      source: DataSource;
      /** The `source` as written (`ticket-status` or `agreement/ticket-status`). */
      sourceRef: string;
      key: string;
      /** Column of the measured data set that holds the key. */
      join: string;
      at: string;
      status: string;
      values: string[];
      party: string;
      /** Only rows matching it are part of the history (SPEC 9.1). */
      where: Where | undefined;
    };

/** SPEC 6: credit tiers for the target's direction, parsed; `below` for `>=`/`>` targets, `above` for `<=`/`<`. */
export interface CreditTiers {
  direction: 'below' | 'above';
  tiers: { threshold: number; percent: number }[];
}

export interface DependencyRef {
  /** `agreement-id/item-id`. */
  key: string;
  excuses: boolean;
}

interface ItemBase {
  /** The agreement id. */
  agreement: string;
  id: string;
  /** `agreement-id/item-id`. */
  key: string;
  /** Party id: explicit, else the agreement's provider. */
  owner: string;
  target: Target;
  warning: Target | null;
  /** The key of the first window kind (`month`, `rolling 28d every day`): credits apply to it only (SPEC 9.3). */
  window: string;
  /** Every window kind, in the order written (SPEC 9.3: `window` may be a list). */
  windows: WindowSpec[];
  unit: Unit;
  credits: CreditTiers | null;
  dependsOn: DependencyRef[];
  /** Where the item is declared, for people-facing output. */
  position: { file: string; line: number; column: number };
}

export interface CompiledObjective extends ItemBase {
  itemKind: 'objective';
  dataSet: DataSource;
  where: Where | undefined;
  measure: CompiledMeasure;
  /** null for uptime (its value is the uptime percentage, SPEC 3.5). */
  aggregate: AggregateSpec | null;
  /** null when not a ratio. */
  good: GoodRule | null;
  /** The `time` column as written (SPEC 3.4), if any. */
  time: string | undefined;
  pauses: CompiledPause[];
  inputs: Input[];
  /** `where` exclusions, in file order. */
  exclude: Exclusion[];
  /** SPEC 9.5: the maintenance windows whose occurrences are excluded, in file order. */
  maintenance: CompiledMaintenance[];
}

export interface CompiledReport extends ItemBase {
  itemKind: 'report';
  schedule: Schedule;
  /** The schedule's calendar (its timezone sets the due instants, and `workday`/`roll` its working days), or null. */
  scheduleCalendar: WorkingCalendar | null;
  /** `for`: the column naming the occurrence a delivery is for (SPEC 4), or null: matched by time. */
  log: { dataSet: DataSource; at: string; where: Where | undefined; for: string | null };
  /** The agreement's validity: occurrences are those due in it (SPEC 9.7). */
  validity: Validity;
}

export type CompiledItem = CompiledObjective | CompiledReport;

/** SPEC 9.4: credit terms, parsed. */
export interface CompiledCreditTerms {
  /** Percent of the fee (0–100+); null: no cap. */
  cap: number | null;
  /** Amounts of a fee period under this are not issued; 0 when not set. */
  minimum: number;
  /** `claim.within` as written and in seconds; null when not set. */
  claimWithin: { text: string; seconds: number } | null;
}

/** SPEC 9.4: a remedy with its objectives resolved to `agreement/item` keys. */
export interface CompiledRemedy {
  agreement: string;
  id: string;
  description: string | null;
  /** `agreement-id/item-id` keys; they share one window kind (validated). */
  objectives: string[];
  /** The key of the objectives' first window kind. */
  window: string;
  when: { kind: 'breached'; breached: number; of: number } | { kind: 'average'; target: Target; of: number };
  /** `notice` as written and in seconds; null when not set. */
  notice: { text: string; seconds: number } | null;
  position: { file: string; line: number; column: number };
}

export interface CompiledParty {
  id: string;
  name: string;
  role: PartyRole;
}

export interface CompiledAgreement {
  id: string;
  kind: AgreementKind;
  title: string;
  /** Display path of the YAML file. */
  file: string;
  /** IANA timezone windows align to (default UTC). */
  zone: string;
  validity: Validity;
  fee: Fee | null;
  /** SPEC 9.4; null without `creditTerms`. */
  creditTerms: CompiledCreditTerms | null;
  /** SPEC 9.4, in declaration order. */
  remedies: CompiledRemedy[];
  /** In declaration order. */
  parties: CompiledParty[];
  /** Ids of parties with role `customer`. */
  customers: ReadonlySet<string>;
  /** Objectives then reports, in declaration order (SPEC 8 result order). */
  items: CompiledItem[];
}
