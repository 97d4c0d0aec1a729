/**
 * Delimiter detection from the header line (SPEC 2: `,`, `;` or tab, detected when not given).
 * Works on raw bytes: every character that matters is ASCII, so UTF-8 needs no decoding.
 */

export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const CODES = DELIMITERS.map((d) => d.charCodeAt(0));

/**
 * The delimiter that occurs most often outside quotes on the first non-blank line of `head`
 * (ties go to the earlier of `,` `;` tab; none at all: `,`, a single-column file).
 * Returns null when `head` does not yet hold the whole line and more bytes may follow (`complete` false).
 */
export function detectDelimiter(head: Uint8Array, complete: boolean): Delimiter | null {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === LF || head[i] === CR)) i++;
  const counts = [0, 0, 0];
  let quoting = false;
  let lineEnded = false;
  for (; i < head.length; i++) {
    const c = head[i];
    if (c === QUOTE) quoting = !quoting; // `""` inside quotes toggles twice: still quoting
    else if (quoting) continue;
    else if (c === LF || c === CR) {
      lineEnded = true;
      break;
    } else if (c === CODES[0]) counts[0]++;
    else if (c === CODES[1]) counts[1]++;
    else if (c === CODES[2]) counts[2]++;
  }
  if (!lineEnded && !complete) return null;
  let best = 0;
  for (let d = 1; d < counts.length; d++) if (counts[d] > counts[best]) best = d;
  return DELIMITERS[best];
}

/** A delimiter as written in a data set (`,` `;` or a tab, also spelled `tab` or `\t`), or null if unsupported. */
export function normalizeDelimiter(written: string): Delimiter | null {
  if (written === 'tab' || written === '\\t') return '\t';
  return (DELIMITERS as readonly string[]).includes(written) ? (written as Delimiter) : null;
}
