/**
 * `slacheck diff` (SPEC 9.6): agreements now against BASE, matched by id, compared as the YAML
 * says them — objectives, reports, parties, calendars, credits, fee, validity — each change
 * classified from the customer's side. Pure: both sides come loaded.
 */
import { ownValue, type CalendarSpec, type LoadedAgreement, type NodePath, type Objective, type Report, type Validity } from '../agreement/index.js';
import { problem, type Problem } from '../problem.js';
import { canonical, classifyCredits, classifyGood, classifyHours, classifyQuantity, classifyTarget, sameValue } from './classify.js';
import { holidayChanges } from './holidays.js';
import type { AgreementChange, ChangeKind, Classification } from './model.js';

export interface AgreementDiff {
  changes: AgreementChange[];
  /** Agreements present on both sides. */
  compared: number;
  /** An agreement id twice on one side: nothing can be matched by it. */
  problems: Problem[];
}

/** Compares `after` (now) with `before` (BASE); changes ordered by agreement id, then as the file reads. */
export function diffAgreements(before: readonly LoadedAgreement[], after: readonly LoadedAgreement[]): AgreementDiff {
  const problems: Problem[] = [];
  const b = byId(before, problems), a = byId(after, problems);
  const ids = [...new Set([...b.keys(), ...a.keys()])].sort();
  const changes: AgreementChange[] = [];
  let compared = 0;
  for (const id of ids) {
    const old = b.get(id), now = a.get(id);
    if (old && now) {
      compared++;
      changes.push(...compareAgreement(old, now));
    } else if (now) {
      changes.push(change(id, '', 'added', 'tightened', null, now.doc.title, now.file, now.locate(['id']).line));
    } else if (old) {
      changes.push(change(id, '', 'removed', 'loosened', old.doc.title, null, old.file, old.locate(['id']).line));
    }
  }
  return { changes, compared, problems };
}

function byId(list: readonly LoadedAgreement[], problems: Problem[]): Map<string, LoadedAgreement> {
  const out = new Map<string, LoadedAgreement>();
  for (const la of list) {
    const first = out.get(la.doc.id);
    if (first) {
      const pos = la.locate(['id']);
      problems.push(problem(la.file, pos.line, pos.column, 'duplicate-id', `agreement id "${la.doc.id}" is also declared in ${first.file}; diff matches agreements by id`));
    } else out.set(la.doc.id, la);
  }
  return out;
}

function change(agreement: string, path: string, kind: ChangeKind, classification: Classification, before: unknown, after: unknown, file: string, line: number): AgreementChange {
  return { agreement, path, kind, classification, before: before ?? null, after: after ?? null, file, line };
}

/** Collects the changes of one agreement, locating each in the new version. */
class Changes {
  readonly list: AgreementChange[] = [];
  constructor(private readonly now: LoadedAgreement) {}

  /** `at` is where to point in the new version (for something removed: a parent that is still there). */
  add(path: string, classification: Classification | null, before: unknown, after: unknown, at: NodePath): void {
    if (classification === null) return;
    const kind: ChangeKind = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
    this.list.push(change(this.now.doc.id, path, kind, classification, before, after, this.now.file, this.now.locate(at).line));
  }

  /** A value whose change is neither stricter nor looser. */
  plain(path: string, before: unknown, after: unknown, at: NodePath): void {
    if (!sameValue(before, after)) this.add(path, 'changed', before, after, after === undefined ? at.slice(0, -1) : at);
  }
}

function compareAgreement(old: LoadedAgreement, now: LoadedAgreement): AgreementChange[] {
  const b = old.doc, a = now.doc;
  const c = new Changes(now);
  c.plain('kind', b.kind, a.kind, ['kind']);
  c.plain('timezone', b.timezone, a.timezone, ['timezone']);
  // validity: a shorter promise is looser (local dates compare as text)
  c.add('validity/from', a.validity.from === b.validity.from ? null : a.validity.from > b.validity.from ? 'loosened' : 'tightened', b.validity.from, a.validity.from, ['validity', 'from']);
  c.add('validity/to', a.validity.to === b.validity.to ? null : a.validity.to < b.validity.to ? 'loosened' : 'tightened', b.validity.to, a.validity.to, ['validity', 'to']);
  c.plain('fee', b.fee, a.fee, ['fee']);
  const bt = b.creditTerms ?? {}, at = a.creditTerms ?? {};
  const termsAt = (key: string): NodePath => (a.creditTerms ? ['creditTerms', key] : []);
  // a cap or a claim period limits credits: removing one is tightened, adding one loosened
  c.add('creditTerms/cap', classifyQuantity(bt.cap, at.cap, 'tightened', 'tightened'), bt.cap, at.cap, termsAt('cap'));
  c.add('creditTerms/minimum', classifyQuantity(bt.minimum, at.minimum, 'loosened', 'tightened'), bt.minimum, at.minimum, termsAt('minimum'));
  c.add('creditTerms/claim/within', classifyQuantity(bt.claim?.within, at.claim?.within, 'tightened', 'tightened'), bt.claim?.within, at.claim?.within, termsAt('claim'));
  byKey(b.parties, a.parties, (id, bp, ap) => {
    if (!bp || !ap) c.add(`parties/${id}`, 'changed', bp, ap, ap ? ['parties', id] : ['parties']);
    else c.plain(`parties/${id}/role`, bp.role, ap.role, ['parties', id, 'role']);
  });
  byKey(b.calendars, a.calendars, (id, bc, ac) => compareCalendar(c, id, bc, ac, old, now));
  byKey(b.services, a.services, (id, bs, as) => {
    if (!bs || !as) c.add(`services/${id}`, 'changed', bs, as, as ? ['services', id] : ['services']);
    else c.plain(`services/${id}/hours`, bs.hours, as.hours, ['services', id, 'hours']);
  });
  byList(b.maintenance, a.maintenance, (id, bm, am, i) => c.plain(`maintenance/${id}`, bm, am, am ? ['maintenance', i] : ['maintenance']));
  byList(b.objectives, a.objectives, (id, bo, ao, i) => compareItem(c, 'objectives', id, bo, ao, i));
  byList(b.reports, a.reports, (id, br, ar, i) => compareItem(c, 'reports', id, br, ar, i));
  // a remedy is the customer's right: adding one is tightened, removing it loosened
  byList(b.remedies, a.remedies, (id, br, ar, i) => {
    if (!br || !ar) c.add(`remedies/${id}`, ar ? 'tightened' : 'loosened', br, ar, ar ? ['remedies', i] : ['remedies']);
    else for (const key of keysOf(br, ar)) if (key !== 'description') c.plain(`remedies/${id}/${key}`, at_(br, key), at_(ar, key), ['remedies', i, key]);
  });
  return c.list;
}

function compareCalendar(c: Changes, id: string, b: CalendarSpec | undefined, a: CalendarSpec | undefined, old: LoadedAgreement, now: LoadedAgreement): void {
  if (!b || !a) return c.add(`calendars/${id}`, 'changed', b, a, a ? ['calendars', id] : ['calendars']);
  c.plain(`calendars/${id}/timezone`, b.timezone, a.timezone, ['calendars', id, 'timezone']);
  c.add(`calendars/${id}/hours`, classifyHours(b.hours, a.hours), b.hours, a.hours, ['calendars', id, 'hours']);
  compareHolidays(c, id, b, a, old.doc.validity, now.doc.validity);
}

/** SPEC 9.5: holidays by the days they make: a day off added is loosened, a short day compared by its hours. */
function compareHolidays(c: Changes, id: string, b: CalendarSpec, a: CalendarSpec, bValidity: Validity, aValidity: Validity): void {
  if (sameValue(b.holidays ?? [], a.holidays ?? [])) return;
  const days = holidayChanges({ hours: b.hours, holidays: b.holidays ?? [], validity: bValidity }, { hours: a.hours, holidays: a.holidays ?? [], validity: aValidity });
  if (days === null) return c.plain(`calendars/${id}/holidays`, b.holidays, a.holidays, ['calendars', id, 'holidays']);
  for (const d of days) {
    c.add(`calendars/${id}/holidays/${d.date}`, d.classification, d.before, d.after, d.afterIndex >= 0 ? ['calendars', id, 'holidays', d.afterIndex] : ['calendars', id, 'holidays']);
  }
}

type Item = Objective | Report;

function compareItem(c: Changes, section: 'objectives' | 'reports', id: string, b: Item | undefined, a: Item | undefined, i: number): void {
  const path = `${section}/${id}`;
  // an objective or report is a promise: adding one is tightened, removing it loosened
  if (!b || !a) return c.add(path, a ? 'tightened' : 'loosened', b, a, a ? [section, i] : [section]);
  const at = (key: string): NodePath => [section, i, key];
  for (const key of keysOf(b, a)) {
    const bv = at_(b, key), av = at_(a, key);
    if (key === 'id' || key === 'description' || sameValue(bv, av)) continue;
    switch (key) {
      case 'target':
        c.add(`${path}/target`, classifyTarget(String(bv), String(av)), bv, av, at(key));
        break;
      case 'good':
        c.add(`${path}/good`, classifyGood(bv as Objective['good'], av as Objective['good']), bv, av, av === undefined ? [section, i] : at(key));
        break;
      case 'credits':
        c.add(`${path}/credits`, classifyCredits(bv as Item['credits'], av as Item['credits']), bv, av, av === undefined ? [section, i] : at(key));
        break;
      case 'exclude':
      case 'pause':
      case 'inputs':
        // more exclusions, pauses or inputs take more away from the provider's count
        c.add(`${path}/${key}`, growth(bv, av), bv, av, av === undefined ? [section, i] : at(key));
        break;
      case 'schedule':
        compareSchedule(c, `${path}/schedule`, bv as Report['schedule'], av as Report['schedule'], at(key));
        break;
      default:
        // warning (an early alarm, not a promise), window, measure, aggregate, where, owner, …
        c.plain(`${path}/${key}`, bv, av, at(key));
    }
  }
}

/** A list that only grew is loosened, one that only shrank tightened (as multisets of entries); anything else changed. */
function growth(before: unknown, after: unknown): Classification {
  const b = ((before as unknown[] | undefined) ?? []).map(canonical), a = ((after as unknown[] | undefined) ?? []).map(canonical);
  const contains = (big: string[], small: string[]) => {
    const rest = [...big];
    return small.every((x) => {
      const k = rest.indexOf(x);
      if (k >= 0) rest.splice(k, 1);
      return k >= 0;
    });
  };
  // the same entries in another order take the same away, but charge overlaps to another party (SPEC 5)
  if (a.length === b.length) return 'changed';
  return contains(a, b) ? 'loosened' : contains(b, a) ? 'tightened' : 'changed';
}

function compareSchedule(c: Changes, path: string, b: Report['schedule'], a: Report['schedule'], at: NodePath): void {
  for (const key of keysOf(b, a)) {
    const bv = at_(b, key), av = at_(a, key);
    if (sameValue(bv, av)) continue;
    // a later `by` gives the provider more time: loosened (HH:MM compares as text)
    if (key === 'by') c.add(`${path}/by`, String(av) > String(bv) ? 'loosened' : 'tightened', bv, av, [...at, 'by']);
    else c.plain(`${path}/${key}`, bv, av, [...at, key]);
  }
}

/** Own entries only: a key one side lacks (`constructor`, say) must read as absent, not as Object.prototype's (issue 14). */
const at_ = (o: object, key: string): unknown => ownValue(o as Record<string, unknown>, key);

function keysOf(b: object, a: object): string[] {
  return [...new Set([...Object.keys(b), ...Object.keys(a)])];
}

/** Each id of two maps: the new version's order, then ids only BASE has. */
function byKey<T>(b: Record<string, T> | undefined, a: Record<string, T> | undefined, visit: (id: string, b: T | undefined, a: T | undefined) => void): void {
  for (const id of keysOf(b ?? {}, a ?? {})) visit(id, ownValue(b, id), ownValue(a, id));
}

/** Each id of two lists of `{ id }`: the new version's order (with its index), then ids only BASE has (index -1). */
function byList<T extends { id: string }>(b: readonly T[] | undefined, a: readonly T[] | undefined, visit: (id: string, b: T | undefined, a: T | undefined, index: number) => void): void {
  const old = new Map((b ?? []).map((x) => [x.id, x]));
  (a ?? []).forEach((x, i) => visit(x.id, old.get(x.id), x, i));
  const now = new Set((a ?? []).map((x) => x.id));
  for (const x of b ?? []) if (!now.has(x.id)) visit(x.id, x, undefined, -1);
}

