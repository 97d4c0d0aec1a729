/** Window tallies (SPEC 3.2 counts, SPEC 5 charges, examples): what each window accumulates from its records. */
import type { AggregateSpec, CompiledObjective, GoodRule } from '../compile/model.js';
import { describeExclusion } from './adjust/exclude.js';
import { describeInput } from './adjust/inputs.js';
import { formatDuration } from '../time/format.js';
import type { TimeWindow } from '../time/types.js';
import { aggregateValue, keepsValues } from './aggregate.js';
import type { WindowOutcome } from './evaluator.js';
import { Float64List } from './float-list.js';
import { emptyCounts, type Attribution, type Charge, type Counts } from './result.js';
import { describeWhere } from './where.js';

/** One attribution entry of an objective: a pause, an input or an exclusion, in that order. */
export interface AttributionEntry {
  mechanism: Attribution['mechanism'];
  party: string;
  partyIndex: number;
  detail: string;
}

/** `within 30m`, `on time`, `≤ 10`, `matching status = ok`. */
export function goodText(good: GoodRule): string {
  switch (good.kind) {
    case 'within':
      return `within ${good.written}`;
    case 'on-time':
      return 'on time';
    case 'max':
      return `≤ ${good.limit}`;
    case 'min':
      return `≥ ${good.limit}`;
    case 'where':
      return `matching ${describeWhere(good.where)}`;
  }
}

export function buildEntries(obj: CompiledObjective): AttributionEntry[] {
  const parties: string[] = [];
  const indexOf = (party: string): number => {
    const i = parties.indexOf(party);
    return i >= 0 ? i : parties.push(party) - 1;
  };
  const entries: AttributionEntry[] = [];
  for (const p of obj.pauses) {
    const detail = p.kind === 'status' ? `${p.status} in [${p.values.join(', ')}] (${p.sourceRef})` : `column ${p.column} (${p.unit})`;
    entries.push({ mechanism: 'pause', party: p.party, partyIndex: indexOf(p.party), detail });
  }
  for (const i of obj.inputs) entries.push({ mechanism: 'input', party: i.party, partyIndex: indexOf(i.party), detail: describeInput(i) });
  for (const e of obj.exclude) {
    entries.push({ mechanism: 'exclude', party: e.party, partyIndex: indexOf(e.party), detail: describeExclusion(e) });
  }
  return entries;
}

const MAX_EXAMPLES = 5;
/** How many of the largest values a non-ratio window names. */
const MAX_TOP = 3;

class WindowTally {
  readonly counts: Counts = emptyCounts();
  readonly values: Float64List | null;
  openCounted = 0;
  readonly entryRecords: Float64Array;
  readonly entrySeconds: Float64Array;
  readonly partyRecords: Float64Array;
  readonly partySeconds: Float64Array;
  /** Bad and breached records first, then other notable ones (excluded, paused, shifted, open). */
  readonly bad: string[] = [];
  readonly notes: string[] = [];
  /** Non-ratio aggregates: the largest values with their records, largest first (explain names them). */
  readonly topValues: number[] = [];
  readonly topTexts: string[] = [];
  constructor(keepValues: boolean, nEntries: number, nParties: number) {
    this.values = keepValues ? new Float64List() : null;
    this.entryRecords = new Float64Array(nEntries);
    this.entrySeconds = new Float64Array(nEntries);
    this.partyRecords = new Float64Array(nParties);
    this.partySeconds = new Float64Array(nParties);
  }
}

/** What the evaluator knows about its objective, for explanation lines. */
export interface TallyInfo {
  kind: 'count' | 'value' | 'duration' | 'deadline';
  agg: AggregateSpec;
  /** The good rule in words (ratio only). */
  good: string;
  calendarId: string;
  valueColumn: string | undefined;
  /** Status rows of paused keys no record joined (SPEC 5: ignored and counted). */
  unjoined: number;
  statusSources: string[];
}

/**
 * Per-window accumulators plus a per-record charge scratch: charges of the record being measured
 * are collected with `charge` and land in a window with `commit` (SPEC 5: charges follow the record).
 */
export class Tallies {
  private readonly tallies: WindowTally[] = [];
  private readonly entries: readonly AttributionEntry[];
  private readonly excludeOffset: number;
  private readonly isRatio: boolean;
  /** Name the largest values (not for ratio, where bad records are named, nor for plain counts). */
  private readonly tracksTop: boolean;
  private readonly nParties: number;
  private readonly scratchSeconds: Float64Array;
  private readonly scratchHit: Uint8Array;
  private readonly partyHit: Uint8Array;
  private pending = false;

  constructor(nWindows: number, entries: readonly AttributionEntry[], agg: AggregateSpec) {
    this.entries = entries;
    this.excludeOffset = entries.findIndex((e) => e.mechanism === 'exclude');
    this.isRatio = agg.kind === 'ratio';
    this.tracksTop = agg.kind !== 'ratio' && agg.kind !== 'count';
    this.nParties = entries.reduce((n, e) => Math.max(n, e.partyIndex + 1), 0);
    for (let w = 0; w < nWindows; w++) this.tallies.push(new WindowTally(keepsValues(agg), entries.length, this.nParties));
    this.scratchSeconds = new Float64Array(entries.length);
    this.scratchHit = new Uint8Array(entries.length);
    this.partyHit = new Uint8Array(this.nParties);
  }

  /** Records a charge of the current record to attribution entry `entry`. */
  readonly charge = (entry: number, seconds: number): void => {
    this.scratchSeconds[entry]! += seconds;
    this.scratchHit[entry] = 1;
    this.pending = true;
  };

  /** Books the current record's charges in window `w` (a party counts once per record). */
  commit(w: number): void {
    if (!this.pending) return;
    const t = this.tallies[w]!;
    this.partyHit.fill(0);
    for (let e = 0; e < this.entries.length; e++) {
      if (this.scratchHit[e] === 0) continue;
      const s = this.scratchSeconds[e]!;
      const p = this.entries[e]!.partyIndex;
      t.entryRecords[e]!++;
      t.entrySeconds[e]! += s;
      if (this.partyHit[p] === 0) {
        this.partyHit[p] = 1;
        t.partyRecords[p]!++;
      }
      t.partySeconds[p]! += s;
    }
    this.discard();
  }

  /** Drops the current record's charges (it landed in no window). */
  discard(): void {
    if (!this.pending) return;
    this.scratchSeconds.fill(0);
    this.scratchHit.fill(0);
    this.pending = false;
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

  /** SPEC 3.4: an open record that is not counted; true when an example is wanted. */
  open(w: number): boolean {
    const t = this.tallies[w]!;
    t.counts.records++;
    t.counts.open++;
    return t.notes.length < MAX_EXAMPLES;
  }

  /**
   * Excluded by entry `exclusion` (SPEC 5: only the exclusion's charge), or skipped when it is -1.
   * Returns the exclusion entry when the window still wants an example naming it.
   */
  setAside(w: number, exclusion: number): AttributionEntry | null {
    const t = this.tallies[w]!;
    t.counts.records++;
    this.discard();
    if (exclusion < 0) {
      t.counts.skipped++;
      return null;
    }
    t.counts.excluded++;
    const entry = this.excludeOffset + exclusion;
    this.charge(entry, 0);
    this.commit(w);
    return t.notes.length < MAX_EXAMPLES ? this.entries[entry]! : null;
  }

  /** Non-ratio aggregates: whether `value` is among the window's largest so far (cheap: one comparison). */
  wantsTop(w: number, value: number): boolean {
    if (!this.tracksTop) return false;
    const top = this.tallies[w]!.topValues;
    return top.length < MAX_TOP || value > top[top.length - 1]!;
  }

  /** Keeps `text` as one of the window's largest values (call after `wantsTop`). */
  addTop(w: number, value: number, text: string): void {
    const t = this.tallies[w]!;
    let i = t.topValues.length;
    while (i > 0 && t.topValues[i - 1]! < value) i--;
    t.topValues.splice(i, 0, value);
    t.topTexts.splice(i, 0, text);
    if (t.topValues.length > MAX_TOP) {
      t.topValues.pop();
      t.topTexts.pop();
    }
  }

  /** Whether window `w` still wants a note (paused, shifted, open records). */
  wantsNote(w: number): boolean {
    return this.tallies[w]!.notes.length < MAX_EXAMPLES;
  }

  addBad(w: number, text: string): void {
    const t = this.tallies[w]!;
    if (t.bad.length < MAX_EXAMPLES) t.bad.push(text);
  }

  addNote(w: number, text: string): void {
    const t = this.tallies[w]!;
    if (t.notes.length < MAX_EXAMPLES) t.notes.push(text);
  }

  outcomes(windows: readonly TimeWindow[], info: TallyInfo): WindowOutcome[] {
    return windows.map((window, w) => {
      const t = this.tallies[w]!;
      const c = t.counts;
      const value = aggregateValue(info.agg, t.values?.view() ?? new Float64Array(0), c.counted, c.good);
      const charged: Record<string, Charge> = {};
      const parties = new Map<string, number>();
      for (const e of this.entries) parties.set(e.party, e.partyIndex);
      for (const party of [...parties.keys()].sort()) {
        const p = parties.get(party)!;
        if (t.partyRecords[p]! > 0 || t.partySeconds[p]! > 0) charged[party] = { records: t.partyRecords[p]!, seconds: t.partySeconds[p]! };
      }
      const attributions: Attribution[] = [];
      this.entries.forEach((e, i) => {
        if (t.entryRecords[i]! > 0) {
          attributions.push({ mechanism: e.mechanism, party: e.party, records: t.entryRecords[i]!, seconds: t.entrySeconds[i]!, detail: e.detail });
        }
      });
      return {
        window,
        value,
        counts: { ...c, good: this.isRatio ? c.good : 0 },
        charged,
        computation: computationLines(info, t, value),
        attributions,
        examples: [...t.bad, ...t.topTexts.map((text) => `largest: ${text}`), ...t.notes].slice(0, MAX_EXAMPLES),
      };
    });
  }
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function computationLines(info: TallyInfo, t: WindowTally, value: number | null): string[] {
  const c = t.counts;
  const timed = info.kind === 'duration' || info.kind === 'deadline';
  const noun = info.kind === 'duration' ? 'durations' : info.kind === 'deadline' ? 'lateness values' : info.kind === 'value' ? `values of ${info.valueColumn}` : 'records';
  const onCalendar = timed ? ` on calendar ${info.calendarId}` : '';
  const shown = (v: number): string => (timed ? formatDuration(v) : String(Math.round(v * 10000) / 10000));
  const lines: string[] = [];
  if (info.agg.kind === 'ratio') lines.push(`ratio: ${c.good} of ${c.counted} ${info.good}${onCalendar}`);
  else if (info.agg.kind === 'count') lines.push(`count: ${plural(c.counted, 'record')}`);
  else lines.push(`${info.agg.text} of ${c.counted} ${noun}${onCalendar}: ${value === null ? 'no data' : shown(value)}`);
  if (t.openCounted > 0) lines.push(`${plural(t.openCounted, 'open record')} that can no longer be good counted as bad (in counted, not in open)`);
  if (c.open > 0) lines.push(`${plural(c.open, 'open record')} not counted`);
  if (c.excluded > 0) lines.push(`${plural(c.excluded, 'record')} excluded`);
  if (c.skipped > 0) lines.push(`${plural(c.skipped, 'record')} skipped (empty ${info.kind === 'value' ? info.valueColumn : 'start'} cell)`);
  if (info.unjoined > 0) lines.push(`${plural(info.unjoined, 'status row')} in ${[...new Set(info.statusSources)].join(', ')} for keys no measured record has: ignored`);
  return lines;
}
