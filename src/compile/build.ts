/**
 * Builds the compiled model from agreements that passed every check: references resolved, facts
 * derived once. Validation has ruled out every error here, so nothing in this file reports one.
 */
import path from 'node:path';
import { RESERVED_CALENDAR, type AgreementDoc, type Dependency, type Exclusion, type LoadedAgreement, type Maintenance, type Objective, type Report } from '../agreement/model.js';
import { displayPath } from '../agreement/files.js';
import { ownValue } from '../agreement/mapping.js';
import { parseDuration, parseQuantity, parseTarget, type Target } from '../agreement/quantity.js';
import type { DataSource } from '../data/source.js';
import { compileCalendar } from '../time/calendar.js';
import { parseIntervals } from '../time/hours.js';
import { specsOf, windowKey } from '../time/window-specs.js';
import type { WorkingCalendar } from '../time/types.js';
import { effectiveCalendar, goodRule, measureKind, objectiveUnit, parseAggregate } from './measure.js';
import type {
  CompiledAgreement,
  CompiledCreditTerms,
  CompiledMaintenance,
  CompiledMeasure,
  CompiledObjective,
  CompiledPause,
  CompiledReport,
  CompiledRemedy,
  CreditTiers,
  DependencyRef,
} from './model.js';
import { dependencyTarget, resolveCalendar, resolveDataSet, resolveDependency, type AgreementIndex } from './resolve.js';

/** SPEC 5: the unit of a pause column in seconds. */
const PAUSE_UNIT_SECONDS = { s: 1, m: 60, h: 3600 } as const;

export interface BuildOptions {
  /** Where display paths are relative to. */
  cwd: string;
  /** Data set key (`agreement-id/data-id`) -> absolute path replacing the declared file. */
  dataFiles: ReadonlyMap<string, string>;
}


/** Compiled agreements in load order; `index` resolves cross-agreement references. */
export function buildAgreements(loaded: readonly LoadedAgreement[], index: AgreementIndex, opts: BuildOptions): CompiledAgreement[] {
  const sources = new Map<string, DataSource>();
  // SPEC 2: a shared data set keeps its declaring agreement's settings (file path, timezone).
  const dataSource = (from: LoadedAgreement, ref: string): DataSource => {
    const r = resolveDataSet(ref, from, index);
    if (!r.ok) throw new Error(`unresolved data set ${ref}: ${r.message}`);
    const key = `${r.agreement.doc.id}/${r.id}`;
    let source = sources.get(key);
    if (!source) {
      const declared = ownValue(r.agreement.doc.data, r.id)!;
      const override = opts.dataFiles.get(key);
      const absPath = override ?? path.resolve(r.agreement.dir, declared.file);
      source = {
        key,
        file: displayPath(absPath, opts.cwd),
        absPath,
        timezone: declared.timezone ?? r.agreement.doc.timezone ?? 'UTC',
        ...(declared.delimiter !== undefined ? { delimiter: declared.delimiter } : {}),
        ...(override !== undefined ? { overridden: true } : {}),
        ...(declared.timestamps !== undefined && declared.timestamps !== 'iso' ? { timestamps: declared.timestamps } : {}),
        ...(declared.locale !== undefined ? { locale: declared.locale } : {}),
        ...(declared.key !== undefined ? { keyColumn: declared.key } : {}),
        ...(declared.invalid === 'skip' ? { skipInvalid: true } : {}),
      };
      sources.set(key, source);
    }
    return source;
  };
  // One calendar object per declaring agreement and id: its working-time table is built once and
  // shared by every measure, also across agreements (SPEC 9.5 `agreement-id/calendar-id`).
  const calendars = new Map<string, WorkingCalendar>();
  const calendarOf = (from: LoadedAgreement, ref: string): WorkingCalendar => {
    const zone = from.doc.timezone ?? 'UTC';
    if (ref === RESERVED_CALENDAR) {
      const key = `${from.doc.id}/${ref}`;
      let cal = calendars.get(key);
      if (!cal) calendars.set(key, (cal = compileCalendar(ref, null, zone)));
      return cal;
    }
    const r = resolveCalendar(ref, from, index);
    if (!r.ok) throw new Error(`calendar ${ref} was not resolved by validation`);
    const key = `${r.agreement.doc.id}/${r.id}`;
    let cal = calendars.get(key);
    if (!cal) {
      // a shared calendar without its own timezone keeps the declaring agreement's (SPEC 9.7)
      const name = r.agreement === from ? r.id : key;
      calendars.set(key, (cal = compileCalendar(name, ownValue(r.agreement.doc.calendars, r.id)!, r.agreement.doc.timezone ?? 'UTC')));
    }
    return cal;
  };
  return loaded.map((a) => buildAgreement(a, index, (ref) => dataSource(a, ref), (ref) => calendarOf(a, ref)));
}

function buildAgreement(
  a: LoadedAgreement,
  index: AgreementIndex,
  dataSource: (ref: string) => DataSource,
  calendar: (ref: string) => WorkingCalendar,
): CompiledAgreement {
  const doc = a.doc;
  const zone = doc.timezone ?? 'UTC';
  // SPEC 9.5: maintenance windows, compiled once per agreement
  const maintenanceById = new Map<string, CompiledMaintenance>();
  const maintenanceOf = (id: string): CompiledMaintenance => {
    let m = maintenanceById.get(id);
    if (!m) maintenanceById.set(id, (m = compiledMaintenance(doc.maintenance!.find((x) => x.id === id)!, doc, zone, dataSource)));
    return m;
  };
  const parties = Object.entries(doc.parties).map(([id, p]) => ({ id, name: p.name, role: p.role }));
  const provider = parties.find((p) => p.role === 'provider')?.id ?? 'unknown';
  const base = (item: Objective | Report, path: (string | number)[]) => {
    const target = parseTarget(item.target)!;
    const pos = a.locate(path);
    return {
      agreement: doc.id,
      id: item.id,
      key: `${doc.id}/${item.id}`,
      owner: item.owner ?? provider,
      target,
      warning: item.warning === undefined ? null : parseTarget(item.warning)!,
      window: windowKey(specsOf(item.window)[0]!),
      windows: specsOf(item.window),
      credits: creditTiers(item, target),
      dependsOn: (item.dependsOn ?? []).map((dep) => dependencyRef(dep, a, index)),
      position: { file: a.file, line: pos.line, column: pos.column },
    };
  };
  const objectives = (doc.objectives ?? []).map((o, i): CompiledObjective => {
    const measure = compiledMeasure(o, doc, calendar);
    const aggregate = o.aggregate === undefined ? null : parseAggregate(o.aggregate);
    return {
      ...base(o, ['objectives', i]),
      itemKind: 'objective',
      unit: objectiveUnit(o)!,
      dataSet: dataSource(o.source),
      where: o.where,
      measure,
      aggregate,
      good: aggregate?.kind === 'ratio' ? goodRule(o.good, measure.kind) : null,
      time: o.time,
      pauses: measure.kind === 'duration' ? (o.pause ?? []).map((p) => compiledPause(p, dataSource, dataSource(o.source))) : [],
      inputs: measure.kind === 'deadline' ? (o.inputs ?? []) : [],
      exclude: (o.exclude ?? []).filter((x): x is Exclusion => 'where' in x),
      maintenance: (o.exclude ?? []).flatMap((x) => ('maintenance' in x ? x.maintenance.map((id) => maintenanceOf(id)) : [])),
    };
  });
  const reports = (doc.reports ?? []).map(
    (r, i): CompiledReport => ({
      ...base(r, ['reports', i]),
      itemKind: 'report',
      unit: '%',
      schedule: r.schedule,
      scheduleCalendar: r.schedule.calendar === undefined ? null : calendar(r.schedule.calendar),
      log: { dataSet: dataSource(r.log.source), at: r.log.at, where: r.log.where, for: r.log.for ?? null },
      validity: doc.validity,
    }),
  );
  return {
    id: doc.id,
    kind: doc.kind,
    title: doc.title,
    file: a.file,
    zone,
    validity: doc.validity,
    fee: doc.fee ?? null,
    creditTerms: compiledCreditTerms(doc),
    remedies: (doc.remedies ?? []).map((r, i): CompiledRemedy => {
      const objectives = r.objectives.map((ref) => dependencyRef(ref, a, index).key);
      const pos = a.locate(['remedies', i]);
      return {
        agreement: doc.id,
        id: r.id,
        description: r.description ?? null,
        objectives,
        window: windowKindOf(objectives[0]!, a, index), // the schema asks for at least one
        when: 'breached' in r.when ? { kind: 'breached', breached: r.when.breached, of: r.when.of } : { kind: 'average', target: parseTarget(r.when.average)!, of: r.when.of },
        notice: r.notice === undefined ? null : { text: r.notice, seconds: parseDuration(r.notice)! },
        position: { file: a.file, line: pos.line, column: pos.column },
      };
    }),
    parties,
    customers: new Set(parties.filter((p) => p.role === 'customer').map((p) => p.id)),
    items: [...objectives, ...reports],
  };
}

/** SPEC 9.4: credit terms parsed; validation has ruled out a bad cap or duration. */
function compiledCreditTerms(doc: AgreementDoc): CompiledCreditTerms | null {
  const t = doc.creditTerms;
  if (!t) return null;
  return {
    cap: t.cap === undefined ? null : parseQuantity(t.cap)!.value,
    minimum: t.minimum ?? 0,
    claimWithin: t.claim === undefined ? null : { text: t.claim.within, seconds: parseDuration(t.claim.within)! },
  };
}

/** The window kind of the objective or report `key` (`agreement/item`), read from its agreement. */
function windowKindOf(key: string, from: LoadedAgreement, index: AgreementIndex): CompiledRemedy['window'] {
  const [agreementId, id] = key.split('/') as [string, string];
  const doc = agreementId === from.doc.id ? from.doc : index.byId.get(agreementId)!.doc;
  const item = [...(doc.objectives ?? []), ...(doc.reports ?? [])].find((x) => x.id === id)!;
  return windowKey(specsOf(item.window)[0]!);
}

function compiledMeasure(o: Objective, doc: AgreementDoc, calendar: (id: string) => WorkingCalendar): CompiledMeasure {
  const m = o.measure;
  const kind = measureKind(m);
  if (m === 'count' || kind === 'count') return { kind: 'count' };
  if ('value' in m) return { kind: 'value', column: m.value };
  const effective = effectiveCalendar(doc, o);
  if (typeof effective === 'object' && ('duration' in m || 'deadline' in m)) {
    // SPEC 9.5: one compiled calendar per id, shared by every record that picks it
    const map = new Map(Object.entries(effective.map).map(([value, id]) => [value, calendar(id)]));
    const fallback = effective.default === undefined ? null : calendar(effective.default);
    const perRecord = { column: effective.column, map, fallback };
    const cal = fallback ?? [...map.values()][0]!;
    if ('duration' in m) return { kind: 'duration', from: m.duration.from, to: m.duration.to, calendar: cal, perRecord };
    return { kind: 'deadline', due: m.deadline.due, done: m.deadline.done, calendar: cal, perRecord };
  }
  const cal = calendar(typeof effective === 'string' ? effective : RESERVED_CALENDAR);
  if ('duration' in m) return { kind: 'duration', from: m.duration.from, to: m.duration.to, calendar: cal };
  if ('deadline' in m) return { kind: 'deadline', due: m.deadline.due, done: m.deadline.done, calendar: cal };
  return { kind: 'uptime', from: m.uptime.from, to: m.uptime.to, calendar: cal };
}

const WEEKDAY_INDEX: Readonly<Record<string, number>> = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 };

function compiledMaintenance(m: Maintenance, doc: AgreementDoc, zone: string, dataSource: (ref: string) => DataSource): CompiledMaintenance {
  const intervals = m.hours === undefined ? [] : parseIntervals(m.hours);
  return {
    agreement: doc.id,
    id: m.id,
    recurring:
      m.every === undefined
        ? null
        : {
            every: m.every,
            on: m.on === undefined ? null : typeof m.on === 'number' ? m.on : (ownValue(WEEKDAY_INDEX, m.on) ?? Number(m.on)),
            intervals: typeof intervals === 'string' ? [] : intervals,
          },
    oneOff: m.every === undefined && m.from !== undefined && m.to !== undefined ? { from: m.from, to: m.to } : null,
    zone: m.timezone ?? zone,
    party: m.party,
    notice: m.notice
      ? { dataSet: dataSource(m.notice.source), at: m.notice.at, where: m.notice.where, minSeconds: parseDuration(m.notice.min)!, min: m.notice.min }
      : null,
  };
}

function compiledPause(p: NonNullable<Objective['pause']>[number], dataSource: (ref: string) => DataSource, measured: DataSource): CompiledPause {
  if (!('source' in p)) return { kind: 'column', column: p.column, unit: p.unit, unitSeconds: PAUSE_UNIT_SECONDS[p.unit], party: p.party };
  return {
    kind: 'status',
    source: dataSource(p.source),
    sourceRef: p.source,
    key: p.key,
    // SPEC 9.7: the join defaults to the measured data set's declared `key`, else `id`
    join: p.join ?? measured.keyColumn ?? 'id',
    where: p.where,
    at: p.at,
    status: p.status,
    values: p.values.map(String),
    party: p.party,
  };
}

function dependencyRef(dep: Dependency, from: LoadedAgreement, index: AgreementIndex): DependencyRef {
  const r = resolveDependency(dependencyTarget(dep).ref, from, index);
  if (!r.ok) throw new Error(`unresolved dependency: ${r.message}`);
  return { key: `${r.agreement.doc.id}/${r.id}`, excuses: typeof dep !== 'string' && dep.excuses === true };
}

/** SPEC 6: `>=`/`>` targets take `below` tiers, `<=`/`<` take `above`; validation rejects the rest. */
function creditTiers(item: Objective | Report, target: Target): CreditTiers | null {
  if (!item.credits?.length) return null;
  const direction = target.op === '>=' || target.op === '>' ? 'below' : 'above';
  const tiers = item.credits.flatMap((tier) => {
    const raw = tier[direction];
    const threshold = raw === undefined ? null : parseQuantity(raw);
    const percent = parseQuantity(tier.credit);
    return threshold && percent ? [{ threshold: threshold.value, percent: percent.value }] : [];
  });
  return { direction, tiers };
}
