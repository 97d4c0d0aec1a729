/**
 * The status summary every evaluation format prints in the same words, complete windows apart
 * from partial ones (SPEC 6: only complete windows fail a run; a partial window's status is so far):
 * `7 complete windows: 2 met, 1 at-risk, 2 breached, 1 excused, 1 no-data · 1 partial window so far: 1 breached`.
 */
import { STATUSES, summarize, type Status } from '../evaluate/result.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export interface SummaryParts {
  /** `7 complete windows` */
  completeHead: string;
  /** Every status of the complete windows, zeros included: `2 met, 1 at-risk, …`. */
  complete: string;
  /** `1 partial window so far`, or null without partial windows. */
  partialHead: string | null;
  /** The statuses the partial windows have (zeros left out): `1 breached`. */
  partial: string;
}

/** `mark(status, text)` decorates each count (colour in a terminal, a symbol in Markdown). */
export function summaryParts(
  rows: readonly { status: Status; window: { partial: boolean } }[],
  mark: (status: Status, text: string) => string = (_s, text) => text,
): SummaryParts {
  const complete = rows.filter((r) => !r.window.partial);
  const partial = rows.filter((r) => r.window.partial);
  const c = summarize(complete);
  const p = summarize(partial);
  return {
    completeHead: plural(complete.length, 'complete window'),
    complete: STATUSES.map((s) => mark(s, `${c[s]} ${s}`)).join(', '),
    partialHead: partial.length > 0 ? `${plural(partial.length, 'partial window')} so far` : null,
    partial: STATUSES.filter((s) => p[s] > 0)
      .map((s) => mark(s, `${p[s]} ${s}`))
      .join(', '),
  };
}

/** The summary as one line of plain words (table footer, JUnit, GitHub). */
export function summaryText(
  rows: readonly { status: Status; window: { partial: boolean } }[],
  mark?: (status: Status, text: string) => string,
): string {
  const s = summaryParts(rows, mark);
  const head = `${s.completeHead}: ${s.complete}`;
  return s.partialHead ? `${head} · ${s.partialHead}: ${s.partial}` : head;
}
