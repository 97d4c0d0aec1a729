/** Plain-text lines describing one result, shared by the JUnit and GitHub formats. */
import type { Evaluated } from '../evaluate/result.js';
import { formatLocalWithOffset } from '../time/format.js';
import { statusReason } from './explanation.js';
import { chargedEntries, formatCharge, formatCredit, formatResultValue } from './values.js';
import { windowLabel } from './view.js';

/** `service-desk/p1-first-response 2026-03: 91.2% (target >= 95%), breached`. */
export function headline(e: Evaluated): string {
  return (
    `${e.agreement}/${e.objective} ${windowLabel(e)}: ${formatResultValue(e)} ` +
    `(target ${e.target}), ${e.status}`
  );
}

/** `root cause network-ola/restore-time 2026-03 (owner network-team)`. */
export function rootCauseLine(e: Evaluated): string | null {
  const rc = e.rootCause;
  return rc ? `root cause ${rc.agreement}/${rc.objective} ${rc.window} (owner ${rc.owner})` : null;
}

/** Everything a CI reader needs to act on a result, one fact per line. */
export function detailLines(e: Evaluated): string[] {
  const c = e.counts;
  const lines = [
    headline(e),
    `owner: ${e.owner}`,
    `window: ${e.window.label} [${formatLocalWithOffset(e.startMs, e.zone)}, ${formatLocalWithOffset(e.endMs, e.zone)})` +
      (e.window.partial ? ' partial (contains as-of)' : ''),
    `counts: ${c.records} records, ${c.counted} counted, ${c.good} good, ${c.open} open, ${c.excluded} excluded, ${c.skipped} skipped` +
      (c.invalid ? `, ${c.invalid} invalid` : ''),
  ];
  const charged = chargedEntries(e.charged).map(([party, charge]) => formatCharge(party, charge));
  if (charged.length > 0) lines.push(`charged: ${charged.join(', ')}`);
  const root = rootCauseLine(e);
  if (root) lines.push(`${root}; path ${e.rootCause!.path.join(' -> ')}`);
  if (e.credit) lines.push(`credit: ${formatCredit(e.credit)}`);
  lines.push(`why: ${statusReason(e)}`);
  lines.push(`source: ${e.source.file}:${e.source.line}:${e.source.column}`);
  return lines;
}
