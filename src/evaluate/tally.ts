/** Window tallies (SPEC 3.2 counts, SPEC 5 charges, examples): what each window accumulates from its records. */
import type { AggregateSpec, CompiledObjective, GoodRule, MeasureKind, Unit } from '../compile/model.js';
import type { TimeWindow } from '../time/types.js';
import { aggregateValue, keepsValues, selectedPercentile } from './aggregate.js';
import type { WindowOutcome } from './evaluator.js';
import type { Attribution, AttributionRule, ComputationStep, Evidence, Example } from './explanation.js';
import { Float64List } from './float-list.js';
import { emptyCounts, type Charge, type Counts } from './result.js';

/** One attribution entry of an objective: a pause, an input or an exclusion, in that order. */
export interface AttributionEntry {
  rule: AttributionRule;
  party: string;
  partyIndex: number;
}

export function buildEntries(obj: CompiledObjective): AttributionEntry[] {
  const parties: string[] = [];
  const indexOf = (party: string): number => {
    const i = parties.indexOf(party);
    return i >= 0 ? i : parties.push(party) - 1;
  };
  const entry = (rule: AttributionRule, party: string): AttributionEntry => ({ rule, party, partyIndex: indexOf(party) });
  return [
    ...obj.pauses.map((pause) => entry({ mechanism: 'pause', pause }, pause.party)),
    ...obj.inputs.map((input) => entry({ mechanism: 'input', input }, input.party)),
    ...obj.exclude.map((exclusion) => entry({ mechanism: 'exclude', exclusion }, exclusion.party)),
    // SPEC 9.5: maintenance windows, after the `where` exclusions
    ...obj.maintenance.map((m) => entry({ mechanism: 'maintenance', maintenance: { id: m.id, party: m.party } }, m.party)),
  ];
}

/**
 * What the record being measured charges to each attribution entry (SPEC 5: charges follow the
 * record). Cleared when a record starts; booked into the window the record lands in, or dropped.
 */
export class RecordCharges {
  private readonly seconds: Float64Array;
  private readonly hit: Uint8Array;
  private pending = false;

  constructor(nEntries: number) {
    this.seconds = new Float64Array(nEntries);
    this.hit = new Uint8Array(nEntries);
  }

  /** Charges `seconds` of the current record to entry `entry` (0 seconds still marks the record). */
  readonly add = (entry: number, seconds: number): void => {
    this.seconds[entry]! += seconds;
    this.hit[entry] = 1;
    this.pending = true;
  };

  /** Forgets the charges of the previous record (free when it charged nothing). */
  clear(): void {
    if (!this.pending) return;
    this.seconds.fill(0);
    this.hit.fill(0);
    this.pending = false;
  }

  get any(): boolean {
    return this.pending;
  }

  charged(entry: number): boolean {
    return this.hit[entry] === 1;
  }

  secondsOf(entry: number): number {
    return this.seconds[entry]!;
  }
}

const MAX_EXAMPLES = 5;
/** How many of the largest values a non-ratio window names. */
const MAX_TOP = 3;

class WindowTally {
  counts: Counts = emptyCounts();
  readonly values: Float64List | null;
  openCounted = 0;
  /** Open records that entered a non-ratio value at their value so far (SPEC 3.4 v1.1). */
  openLowerBounds = 0;
  readonly entryRecords: Float64Array;
  readonly entrySeconds: Float64Array;
  readonly partyRecords: Float64Array;
  readonly partySeconds: Float64Array;
  /** Bad and breached records first, then other notable ones (excluded, paused, shifted, open). */
  readonly bad: Example[] = [];
  readonly notes: Example[] = [];
  /** Non-ratio aggregates: the largest values with their records, largest first (explain names them). */
  readonly top: Extract<Example, { kind: 'largest' }>[] = [];
  /** SPEC 9.4 evidence: every failing record, when collected. */
  readonly evidence: Evidence[] = [];
  constructor(keepValues: boolean, nEntries: number, nParties: number) {
    this.values = keepValues ? new Float64List() : null;
    this.entryRecords = new Float64Array(nEntries);
    this.entrySeconds = new Float64Array(nEntries);
    this.partyRecords = new Float64Array(nParties);
    this.partySeconds = new Float64Array(nParties);
  }
}

/** What the evaluator knows about its objective, for the computation steps. */
export interface TallyInfo {
  measure: MeasureKind;
  agg: AggregateSpec;
  good: GoodRule | null;
  /** The measure's calendar for durations and deadlines, else null. */
  calendar: string | null;
  valueColumn: string | null;
  unit: Unit;
  /** Status rows of paused keys no record joined (SPEC 5: ignored and counted). */
  unjoined: number;
  statusSources: string[];
}

/** Per-window accumulators: counts, kept values, booked charges and examples. */
export class Tallies {
  private readonly tallies: WindowTally[] = [];
  private readonly entries: readonly AttributionEntry[];
  private readonly isRatio: boolean;
  /** Name the largest values (not for ratio, where bad records are named, nor for plain counts). */
  private readonly tracksTop: boolean;
  private readonly nParties: number;
  private readonly partyHit: Uint8Array;
  /** The evidence of the record being measured, waiting for its charges (`book`). */
  private pendingEvidence: Evidence | null = null;

  /** Whether the run collects evidence (SPEC 9.4): outcomes then carry it. */
  private readonly collects: boolean;

  constructor(nWindows: number, entries: readonly AttributionEntry[], agg: AggregateSpec, collectsEvidence = false) {
    this.entries = entries;
    this.collects = collectsEvidence;
    this.isRatio = agg.kind === 'ratio';
    this.tracksTop = agg.kind !== 'ratio' && agg.kind !== 'count';
    this.nParties = entries.reduce((n, e) => Math.max(n, e.partyIndex + 1), 0);
    for (let w = 0; w < nWindows; w++) this.tallies.push(new WindowTally(keepsValues(agg), entries.length, this.nParties));
    this.partyHit = new Uint8Array(this.nParties);
  }

  /** Books the record's charges in window `w` (a party counts once per record) and clears them. */
  book(w: number, charges: RecordCharges): void {
    const evidence = this.pendingEvidence;
    this.pendingEvidence = null;
    if (!charges.any) return;
    const t = this.tallies[w]!;
    this.partyHit.fill(0);
    for (let e = 0; e < this.entries.length; e++) {
      if (!charges.charged(e)) continue;
      const s = charges.secondsOf(e);
      const p = this.entries[e]!.partyIndex;
      t.entryRecords[e]!++;
      t.entrySeconds[e]! += s;
      if (this.partyHit[p] === 0) {
        this.partyHit[p] = 1;
        t.partyRecords[p]!++;
      }
      t.partySeconds[p]! += s;
      if (evidence) {
        const party = this.entries[e]!.party;
        const known = evidence.charged.find((c) => c.party === party);
        if (known) known.seconds += s;
        else evidence.charged.push({ party, seconds: s });
      }
    }
    charges.clear();
  }

  /** A counted record; returns true when it is not good and its window still wants an example (ratio). */
  count(w: number, value: number, good: boolean): boolean {
    const t = this.tallies[w]!;
    t.counts.records++;
    t.counts.counted++;
    t.values?.push(value);
    if (!this.isRatio) return false;
    if (good) t.counts.good++;
    return !good && t.bad.length < MAX_EXAMPLES;
  }

  /** SPEC 3.4: an open record that can no longer be good, counted as bad; true when an example is wanted. */
  countOpenBad(w: number): boolean {
    const t = this.tallies[w]!;
    t.counts.records++;
    t.counts.counted++;
    t.openCounted++;
    return t.bad.length < MAX_EXAMPLES;
  }

  /**
   * SPEC 3.4 (v1.1): an open record already failing a `<=`/`<` target enters a non-ratio value at
   * its value so far, a lower bound of its final value; true when an example is wanted.
   */
  countOpenLowerBound(w: number, value: number): boolean {
    const t = this.tallies[w]!;
    t.counts.records++;
    t.counts.counted++;
    t.openLowerBounds++;
    t.values?.push(value);
    return t.bad.length < MAX_EXAMPLES;
  }

  /** SPEC 9.1: a record left out for a bad cell (`invalid: skip`). */
  invalid(w: number): void {
    const t = this.tallies[w]!;
    t.counts.records++;
    t.counts.invalid++;
  }

  /** SPEC 3.4: an open record that is not counted; true when an example is wanted. */
  open(w: number): boolean {
    const t = this.tallies[w]!;
    t.counts.records++;
    t.counts.open++;
    return t.notes.length < MAX_EXAMPLES;
  }

  /** Excluded (SPEC 5: it carries only the exclusion's charge) or skipped; true when an example is wanted. */
  setAside(w: number, excluded: boolean): boolean {
    const t = this.tallies[w]!;
    t.counts.records++;
    if (excluded) t.counts.excluded++;
    else t.counts.skipped++;
    return excluded && t.notes.length < MAX_EXAMPLES;
  }

  /** Non-ratio aggregates: whether `value` is among the window's largest so far (cheap: one comparison). */
  wantsTop(w: number, value: number): boolean {
    if (!this.tracksTop) return false;
    const top = this.tallies[w]!.top;
    return top.length < MAX_TOP || value > top[top.length - 1]!.value;
  }

  /** Keeps `example` as one of the window's largest values (call after `wantsTop`). */
  addTop(w: number, example: Extract<Example, { kind: 'largest' }>): void {
    const top = this.tallies[w]!.top;
    let i = top.length;
    while (i > 0 && top[i - 1]!.value < example.value) i--;
    top.splice(i, 0, example);
    if (top.length > MAX_TOP) top.pop();
  }

  /** Whether window `w` still wants a note (paused, shifted, open records). */
  wantsNote(w: number): boolean {
    return this.tallies[w]!.notes.length < MAX_EXAMPLES;
  }

  /**
   * SPEC 9.4: keeps a failing record as evidence of window `w` (only when the run collects
   * evidence); the record's charges join it when it is booked.
   */
  addEvidence(w: number, evidence: Evidence): void {
    this.tallies[w]!.evidence.push(evidence);
    this.pendingEvidence = evidence;
  }

  addBad(w: number, example: Example): void {
    const t = this.tallies[w]!;
    if (t.bad.length < MAX_EXAMPLES) t.bad.push(example);
  }

  addNote(w: number, example: Example): void {
    const t = this.tallies[w]!;
    if (t.notes.length < MAX_EXAMPLES) t.notes.push(example);
  }

  /**
   * SPEC 9.3: the tally of output window [from, to) of slots (local days) when windows overlap: the
   * slots' counts, values, charges and examples together. A record lies in one slot, so each window
   * sums its slots instead of seeing each record again.
   */
  private merged(from: number, to: number): WindowTally {
    if (to - from === 1) return this.tallies[from]!;
    const first = this.tallies[from];
    const m = new WindowTally(first?.values !== null && first !== undefined, this.entries.length, this.nParties);
    let n = 0;
    for (let i = from; i < to; i++) n += this.tallies[i]!.values?.length ?? 0;
    if (m.values && n > 0) m.values.data = new Float64Array(n);
    for (let i = from; i < to; i++) {
      const t = this.tallies[i]!;
      const c = t.counts;
      const mc = m.counts;
      mc.records += c.records;
      mc.counted += c.counted;
      mc.good += c.good;
      mc.open += c.open;
      mc.excluded += c.excluded;
      mc.skipped += c.skipped;
      mc.invalid += c.invalid;
      m.openCounted += t.openCounted;
      m.openLowerBounds += t.openLowerBounds;
      if (m.values && t.values) {
        m.values.data.set(t.values.view(), m.values.length);
        m.values.length += t.values.length;
      }
      for (let e = 0; e < t.entryRecords.length; e++) {
        m.entryRecords[e]! += t.entryRecords[e]!;
        m.entrySeconds[e]! += t.entrySeconds[e]!;
      }
      for (let p = 0; p < t.partyRecords.length; p++) {
        m.partyRecords[p]! += t.partyRecords[p]!;
        m.partySeconds[p]! += t.partySeconds[p]!;
      }
      for (const x of t.bad) if (m.bad.length < MAX_EXAMPLES) m.bad.push(x);
      for (const x of t.notes) if (m.notes.length < MAX_EXAMPLES) m.notes.push(x);
      for (const x of t.top) m.top.push(x);
      for (const x of t.evidence) m.evidence.push(x);
    }
    m.top.sort((a, b) => b.value - a.value);
    m.top.length = Math.min(m.top.length, MAX_TOP);
    return m;
  }

  /**
   * One outcome per window; with `ranges` (overlapping windows, SPEC 9.3) window w is slots
   * [ranges[2w], ranges[2w + 1]) merged, else window w is slot w.
   */
  outcomes(windows: readonly TimeWindow[], info: TallyInfo, ranges: Int32Array | null = null): WindowOutcome[] {
    return windows.map((window, w) => {
      const t = ranges ? this.merged(ranges[2 * w]!, ranges[2 * w + 1]!) : this.tallies[w]!;
      const c = t.counts;
      const values = t.values?.view() ?? new Float64Array(0);
      // a merged window's values are a fresh copy: select the order statistics instead of sorting
      const value = ranges && info.agg.kind === 'percentile' ? selectedPercentile(info.agg, values) : aggregateValue(info.agg, values, c.counted, c.good);
      const parties = new Map<string, number>();
      for (const e of this.entries) parties.set(e.party, e.partyIndex);
      // built from entries, never `charged[party] = …`: a party id is the user's (issue 14)
      const charged: Record<string, Charge> = Object.fromEntries(
        [...parties]
          .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
          .filter(([, p]) => t.partyRecords[p]! > 0 || t.partySeconds[p]! > 0)
          .map(([party, p]) => [party, { records: t.partyRecords[p]!, seconds: t.partySeconds[p]! }]),
      );
      const attributions: Attribution[] = [];
      this.entries.forEach((e, i) => {
        if (t.entryRecords[i]! > 0) {
          attributions.push({ mechanism: e.rule.mechanism, party: e.party, records: t.entryRecords[i]!, seconds: t.entrySeconds[i]!, rule: e.rule });
        }
      });
      return {
        window,
        value,
        lowerBound: t.openLowerBounds > 0 && value !== null,
        counts: { ...c, good: this.isRatio ? c.good : 0 },
        charged,
        computation: computationSteps(info, t, value),
        attributions,
        examples: [...t.bad, ...t.top, ...t.notes].slice(0, MAX_EXAMPLES),
        ...(this.collects ? { evidence: t.evidence } : {}),
      };
    });
  }
}

function computationSteps(info: TallyInfo, t: WindowTally, value: number | null): ComputationStep[] {
  const c = t.counts;
  const steps: ComputationStep[] = [];
  if (info.agg.kind === 'ratio') steps.push({ kind: 'ratio', good: c.good, counted: c.counted, rule: info.good!, calendar: info.calendar });
  else if (info.agg.kind === 'count') steps.push({ kind: 'count', counted: c.counted });
  else {
    steps.push({
      kind: 'aggregate',
      aggregate: info.agg.text,
      counted: c.counted,
      measure: info.measure,
      column: info.valueColumn,
      calendar: info.calendar,
      value,
      unit: info.unit,
    });
  }
  if (t.openCounted > 0) steps.push({ kind: 'open-counted', records: t.openCounted });
  if (t.openLowerBounds > 0) steps.push({ kind: 'open-lower-bound', records: t.openLowerBounds });
  if (c.open > 0) steps.push({ kind: 'open-not-counted', records: c.open });
  if (c.excluded > 0) steps.push({ kind: 'excluded', records: c.excluded });
  if (c.skipped > 0) steps.push({ kind: 'skipped', records: c.skipped, column: info.measure === 'value' ? info.valueColumn : null });
  if (c.invalid > 0) steps.push({ kind: 'invalid', records: c.invalid });
  if (info.unjoined > 0) steps.push({ kind: 'unjoined-status-rows', rows: info.unjoined, files: [...new Set(info.statusSources)] });
  return steps;
}
