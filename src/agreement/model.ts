/**
 * The agreement language (SPEC sections 2–5) as TypeScript types. These mirror the YAML after
 * schema validation: a schema-valid document can be used as an `AgreementDoc` directly.
 */
export type AgreementKind = 'SLA' | 'OLA' | 'UC';
export type PartyRole = 'provider' | 'customer' | 'third-party';
export type FeePeriod = 'day' | 'week' | 'month' | 'quarter' | 'year';
export type WindowKind = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'validity';
/** SPEC 9.3: windows of a fixed length (`28d`, `4w`, `{ months: 3 }`) ending at every day, week or month. */
export interface RollingWindow {
  rolling: string | { months: number };
  every: 'day' | 'week' | 'month';
}
export type WindowSpec = WindowKind | RollingWindow;

export interface Party {
  name: string;
  role: PartyRole;
  contact?: string;
  responsibilities?: string[];
}

/** Local dates `YYYY-MM-DD`, both inclusive. */
export interface Validity {
  from: string;
  to: string;
}

export interface Fee {
  amount: number;
  currency: string;
  per: FeePeriod;
}

/** SPEC 9.4: how the credits of one fee period are paid out. */
export interface CreditTerms {
  /** Share of the fee, e.g. `30%`. */
  cap?: string;
  /** In the fee's currency. */
  minimum?: number;
  claim?: { within: string };
}

/** SPEC 9.4: a chronic-failure clause. */
export interface Remedy {
  id: string;
  description?: string;
  /** Objective or report ids, agreement-qualified allowed. */
  objectives: string[];
  when: { breached: number; of: number } | { average: string; of: number };
  /** A duration, e.g. `60d`. */
  notice?: string;
}

export interface CalendarSpec {
  /** IANA name; default: the agreement's timezone. */
  timezone?: string;
  /** Keys `mon`..`sun` or ranges `mon-fri`; values `"08:00-12:00, 13:00-17:00"`. */
  hours: Record<string, string>;
  /** SPEC 3.4, 9.5: whole days off, yearly dates, days relative to Easter, and short days. */
  holidays?: HolidaySpec[];
}

/**
 * A holiday (SPEC 9.5): a local date `YYYY-MM-DD` off; `{ date: MM-DD, every: year }` off every
 * year; `{ easter: N }` the day N days after Western Easter Sunday (−2 Good Friday, 1 Easter
 * Monday); `{ date: YYYY-MM-DD, hours }` a short day whose hours replace the weekly ones.
 */
export type HolidaySpec = string | { date: string; every: 'year' } | { easter: number } | { date: string; hours: string };

export interface Service {
  description?: string;
  location?: string;
  /** Calendar id. */
  hours?: string;
}

export interface DataSet {
  /** Relative to the YAML file that declares it. */
  file: string;
  timezone?: string;
  delimiter?: string;
  /** SPEC 9.1: the record's identifier column; default `id`, `key` or `ticket_id` when present. */
  key?: string;
  /** SPEC 9.1: `iso` (default), `epoch-s`, `epoch-ms`, or a luxon format string. */
  timestamps?: string;
  /** SPEC 9.1: locale of month/weekday names in a format string; default `en-US`. */
  locale?: string;
  /** SPEC 9.1: `error` (default) or `skip` rows with a bad cell. */
  invalid?: 'error' | 'skip';
}

export interface Monitoring {
  collection?: string;
  verification?: string;
  /** Party id. */
  auditor?: string;
}

export type Scalar = string | number | boolean;
/** Column -> scalar or list of scalars; compared as strings, a list means any of them. */
export type Where = Record<string, Scalar | Scalar[]>;

export interface DurationMeasure {
  duration: { from: string; to: string; calendar?: string | RecordCalendar };
}
export interface DeadlineMeasure {
  deadline: { due: string; done: string; calendar?: string | RecordCalendar };
}
export interface UptimeMeasure {
  uptime: { from: string; to: string; calendar?: string };
}
export interface ValueMeasure {
  value: string;
}
export type Measure = 'count' | ValueMeasure | DurationMeasure | DeadlineMeasure | UptimeMeasure;

/** SPEC 9.5: a calendar per record, picked by a column's value (`default` for values not mapped). */
export interface RecordCalendar {
  column: string;
  map: Record<string, string>;
  default?: string;
}

/** `count`, `sum`, `mean`, `min`, `max`, `median`, `ratio` or `pNN` (0 < NN < 100). */
export type Aggregate = string;

export type Good =
  | { within: string }
  | { max: number }
  | { min: number }
  | { where: Where };

/** SPEC 5: pause column form. */
export interface PauseColumn {
  column: string;
  unit: 's' | 'm' | 'h';
  party: string;
}
/** SPEC 5: status-history form. */
export interface PauseStatus {
  source: string;
  key: string;
  join?: string;
  at: string;
  status: string;
  values: string[];
  party: string;
  /** SPEC 9.1: only rows matching it are part of the history. */
  where?: Where;
}
export type Pause = PauseColumn | PauseStatus;

export interface Input {
  party: string;
  due: string;
  done: string;
}

export interface Exclusion {
  where: Where;
  /** Party id or `none`. */
  party: string;
}

/** SPEC 9.5: an exclusion of the occurrences of maintenance windows. */
export interface MaintenanceExclusion {
  maintenance: string[];
}

/** SPEC 9.5: scheduled maintenance, recurring (`every`, `on`, `hours`) or one-off (`from`, `to`). */
export interface Maintenance {
  id: string;
  description?: string;
  every?: 'day' | 'week' | 'month';
  on?: string | number;
  hours?: string;
  from?: string;
  to?: string;
  timezone?: string;
  party: string;
  notice?: { source: string; at: string; where?: Where; min: string };
}

export type Dependency = string | { objective: string; excuses?: boolean };

/** Values written like targets: `95%`, `4h`, `5%` (YAML may also give plain numbers). */
export interface CreditTier {
  below?: string | number;
  above?: string | number;
  credit: string | number;
}

export interface Objective {
  id: string;
  service?: string;
  owner?: string;
  description?: string;
  source: string;
  where?: Where;
  measure: Measure;
  aggregate?: Aggregate;
  good?: Good;
  target: string;
  warning?: string;
  /** SPEC 9.3: one window kind, a rolling window, or a list of them. */
  window: WindowSpec | WindowSpec[];
  time?: string;
  pause?: Pause[];
  inputs?: Input[];
  exclude?: Array<Exclusion | MaintenanceExclusion>;
  dependsOn?: Dependency[];
  credits?: CreditTier[];
}

export type ScheduleEvery = 'day' | 'workday' | 'week' | 'month';
/** SPEC 9.5: where a due date without working time in the schedule's calendar moves to. */
export type ScheduleRoll = 'next-workday' | 'previous-workday';
export interface Schedule {
  every: ScheduleEvery;
  /** Local time `HH:MM`. */
  by: string;
  calendar?: string;
  /** `mon`..`sun` for week, 1..28 for month. */
  on?: string | number;
  /** Needs `calendar`. */
  roll?: ScheduleRoll;
}

export interface ReportLog {
  source: string;
  at: string;
  where?: Where;
  /** SPEC 4: a column naming the occurrence a delivery is for (its local due date). */
  for?: string;
}

export interface Report {
  id: string;
  owner?: string;
  service?: string;
  description?: string;
  contents?: string[];
  format?: string;
  channel?: string;
  to?: string[];
  schedule: Schedule;
  log: ReportLog;
  target: string;
  warning?: string;
  window: WindowSpec | WindowSpec[];
  dependsOn?: Dependency[];
  credits?: CreditTier[];
}

export interface AgreementDoc {
  apiVersion: 'slacheck/v1';
  kind: AgreementKind;
  id: string;
  title: string;
  description?: string;
  parties: Record<string, Party>;
  validity: Validity;
  timezone?: string;
  fee?: Fee;
  creditTerms?: CreditTerms;
  calendars?: Record<string, CalendarSpec>;
  services?: Record<string, Service>;
  data?: Record<string, DataSet>;
  monitoring?: Monitoring;
  objectives?: Objective[];
  reports?: Report[];
  remedies?: Remedy[];
  maintenance?: Maintenance[];
}

/** A position in a source file, 1-based. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** A path into a YAML document: keys and array indexes, as in ajv's instancePath. */
export type NodePath = ReadonlyArray<string | number>;

export interface LoadedAgreement {
  doc: AgreementDoc;
  /** Display path of the file (relative to cwd, forward slashes). */
  file: string;
  /** Absolute directory of the file: data set paths resolve against it. */
  dir: string;
  /** Position of the node at `path` (or of its nearest existing ancestor). */
  locate(path: NodePath): SourcePosition;
  /** Position of the key naming the last segment of `path` (a `where` column); `locate` when absent. */
  locateKey?(path: NodePath): SourcePosition;
  /**
   * Set when the JSON Schema rejected parts of the document (see `rejected.ts`): `doc` is then the
   * document as written, valid only outside these parts. Such an agreement is checked, never compiled.
   */
  rejected?: readonly NodePath[];
}

export const RESERVED_CALENDAR = '24x7';
export const NO_PARTY = 'none';
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** Objectives then reports, in file order: they share one namespace (SPEC 2) and one result order (SPEC 8). */
export function itemsOf(doc: AgreementDoc): Array<Objective | Report> {
  return [...(doc.objectives ?? []), ...(doc.reports ?? [])];
}
