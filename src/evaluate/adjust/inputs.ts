/**
 * Inputs of a deadline (SPEC 5): what the owner needs from another party first. A late input
 * shifts the owner's due instant forward by its lateness in working time, charged to its party.
 */
import type { Input } from '../../agreement/model.js';
import type { WorkingCalendar } from '../../time/types.js';
import { singleColumn } from '../where.js';

/** Reads the timestamp in column `col` of `row`: epoch ms, NaN for an empty cell; throws for a bad cell. */
export type InstantReader = (row: readonly string[], col: number) => number;

export interface CompiledInputs {
  /** Column names the header lacks. */
  missing: string[];
  /** Positions of the due and done columns (for listing every bad cell of a row). */
  columns: number[];
  readonly size: number;
  /**
   * Writes each input's lateness in working seconds into `out[i]` (0 when on time or without a
   * due) and returns the sum over late inputs: how far the deliverable's due instant moves.
   * `doneMs` is the deliverable's done instant, NaN while it is open.
   */
  lateness(row: readonly string[], doneMs: number, asOfMs: number, calendar: WorkingCalendar, out: Float64Array): number;
  /** Parties whose input is due but not delivered at as-of (the deliverable waits on them). */
  waitingOn(row: readonly string[], asOfMs: number): string[];
}

export function compileInputs(inputs: readonly Input[] | undefined, header: readonly string[], read: InstantReader): CompiledInputs {
  const list = inputs ?? [];
  const missing: string[] = [];
  const dueCols: number[] = [];
  const doneCols: number[] = [];
  for (const input of list) {
    for (const name of [input.due, input.done]) if (!header.includes(name) && !missing.includes(name)) missing.push(name);
    dueCols.push(singleColumn(header, input.due));
    doneCols.push(singleColumn(header, input.done));
  }
  const n = list.length;
  return {
    missing,
    columns: [...dueCols, ...doneCols].filter((c) => c >= 0),
    size: n,
    lateness(row, doneMs, asOfMs, calendar, out) {
      let sum = 0;
      for (let i = 0; i < n; i++) {
        out[i] = 0;
        const due = read(row, dueCols[i]!);
        if (Number.isNaN(due)) continue;
        let arrived = read(row, doneCols[i]!);
        // SPEC 5: not delivered yet -> counts as arriving with the deliverable, or at as-of while it is open.
        if (Number.isNaN(arrived) || arrived > asOfMs) arrived = Number.isNaN(doneMs) ? asOfMs : doneMs;
        const late = calendar.workingSeconds(due, arrived);
        if (late > 0) {
          out[i] = late;
          sum += late;
        }
      }
      return sum;
    },
    waitingOn(row, asOfMs) {
      const parties: string[] = [];
      for (let i = 0; i < n; i++) {
        if (Number.isNaN(read(row, dueCols[i]!))) continue;
        const arrived = read(row, doneCols[i]!);
        if ((Number.isNaN(arrived) || arrived > asOfMs) && !parties.includes(list[i]!.party)) parties.push(list[i]!.party);
      }
      return parties;
    },
  };
}
