/**
 * A box-drawn text table in cli-table3's compact look (one rule under the header, none between
 * rows), rendered in time linear in the cells: column widths are measured once, each cell is
 * wrapped once. Cells may hold several lines, ANSI colour codes and wide characters (emoji, CJK).
 */

/** ANSI escape sequences (CSI, e.g. colours; OSC, e.g. hyperlinks): no width on screen. */
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** Zero-width: combining marks, variation selectors, joiners, soft hyphen. */
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200b-\u200f\u2060\ufe00-\ufe0f\u00ad]$/u;
/** Two columns: East Asian wide and fullwidth ranges, and emoji drawn as pictures. */
const WIDE = /^\p{Emoji_Presentation}$/u;

/** Columns one code point takes in a terminal (0, 1 or 2). */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (cp < 0x300) return 1;
  if (ZERO_WIDTH.test(ch)) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd) ||
    WIDE.test(ch)
  ) {
    return 2;
  }
  return 1;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Columns a line takes on screen: ANSI codes count 0, wide characters 2. */
export function displayWidth(text: string): number {
  // most cells are printable ASCII: one column per character
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let width = 0;
  const plain = /[\u001b]/.test(text) ? stripAnsi(text) : text;
  for (const ch of plain) width += charWidth(ch);
  return width;
}

/** A line split into visible characters and the ANSI codes between them (kept, width 0). */
function tokens(line: string): { text: string; width: number }[] {
  const out: { text: string; width: number }[] = [];
  let last = 0;
  for (const m of line.matchAll(ANSI)) {
    for (const ch of line.slice(last, m.index)) out.push({ text: ch, width: charWidth(ch) });
    out.push({ text: m[0], width: 0 });
    last = m.index! + m[0].length;
  }
  for (const ch of line.slice(last)) out.push({ text: ch, width: charWidth(ch) });
  return out;
}

/**
 * One line wrapped to `width` columns: after a space, hyphen or slash where it can (ids such as
 * `checkout-platform` break as `checkout-` / `platform`; `spaces`: after a space only), inside a
 * word where it must. ANSI codes
 * travel with the characters they precede.
 */
export function wrapLine(line: string, width: number, breaks: 'ids' | 'spaces' = 'ids'): string[] {
  if (width < 1 || displayWidth(line) <= width) return [line];
  const out: string[] = [];
  let current = '';
  let currentWidth = 0;
  // each piece keeps the space (and for ids the hyphen or slash) it ends with; prose breaks at spaces only
  const words = line.split(breaks === 'ids' ? /(?<=[ /-])/ : /(?<= )/);
  for (const word of words) {
    const bare = word.endsWith(' ') ? word.slice(0, -1) : word;
    const w = displayWidth(bare);
    if (currentWidth > 0 && currentWidth + w > width) {
      out.push(current.trimEnd());
      current = '';
      currentWidth = 0;
    }
    if (w > width) {
      // a word wider than the column: break it by characters
      for (const t of tokens(word)) {
        if (currentWidth + t.width > width && currentWidth > 0) {
          out.push(current);
          current = '';
          currentWidth = 0;
        }
        current += t.text;
        currentWidth += t.width;
      }
      continue;
    }
    current += word;
    currentWidth += displayWidth(word);
  }
  if (current.trimEnd() !== '' || out.length === 0) out.push(current.trimEnd());
  return out;
}

export type Align = 'left' | 'right';

export interface GridColumn {
  head: string;
  align?: Align;
  /** Wrap cells to this many columns (default: the widest cell). */
  width?: number;
}

/** The widest line of a cell (cells may hold several lines). */
export function cellWidth(cell: string): number {
  let widest = 0;
  for (const line of cell.split('\n')) widest = Math.max(widest, displayWidth(line));
  return widest;
}

/** Columns a table with these inner column widths takes: 1 space each side of a cell, and the rules. */
export function gridWidth(widths: readonly number[]): number {
  return widths.reduce((sum, w) => sum + w + 3, 1);
}

/** The natural inner width of each column: its widest cell or header line. */
export function naturalWidths(heads: readonly string[], rows: readonly (readonly string[])[]): number[] {
  const widths = heads.map(cellWidth);
  for (const row of rows) {
    for (let i = 0; i < widths.length; i++) {
      const w = cellWidth(row[i] ?? '');
      if (w > widths[i]!) widths[i] = w;
    }
  }
  return widths;
}

function pad(text: string, width: number, align: Align): string {
  const gap = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? gap + text : text + gap;
}

/** The table as text without a final newline, each row as tall as its tallest wrapped cell. */
export function renderGrid(columns: readonly GridColumn[], rows: readonly (readonly string[])[]): string {
  const natural = naturalWidths(
    columns.map((c) => c.head),
    rows,
  );
  const widths = columns.map((c, i) => (c.width !== undefined ? Math.max(1, Math.min(c.width, natural[i]!)) : natural[i]!));
  const rule = (left: string, mid: string, right: string) => left + widths.map((w) => '─'.repeat(w + 2)).join(mid) + right;
  const out: string[] = [rule('┌', '┬', '┐')];
  const emit = (cells: readonly string[], aligns: readonly Align[]) => {
    const wrapped = widths.map((w, i) => (cells[i] ?? '').split('\n').flatMap((line) => wrapLine(line, w)));
    const height = Math.max(...wrapped.map((lines) => lines.length));
    for (let l = 0; l < height; l++) {
      out.push(`│ ${wrapped.map((lines, i) => pad(lines[l] ?? '', widths[i]!, aligns[i]!)).join(' │ ')} │`);
    }
  };
  const aligns = columns.map((c) => c.align ?? 'left');
  emit(
    columns.map((c) => c.head),
    aligns,
  );
  out.push(rule('├', '┼', '┤'));
  for (const row of rows) emit(row, aligns);
  out.push(rule('└', '┴', '┘'));
  return out.join('\n');
}
