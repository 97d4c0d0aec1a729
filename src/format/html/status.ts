/** A status as the HTML report shows it: its symbol and its word, coloured as well but never by colour alone. */
import type { Status } from '../../evaluate/result.js';
import { STATUS_SYMBOL } from '../status-style.js';

/** `<span class="status breached">✕ breached</span>`, or `✕ 3 breached` with a count. */
export function statusBadge(status: Status, count?: string): string {
  if (count === undefined) return `<span class="status ${status}">${STATUS_SYMBOL[status]} ${status}</span>`;
  return `<span class="status ${status}">${STATUS_SYMBOL[status]} ${count} ${status}</span>`;
}
