/**
 * SPEC 9.2 `outside-validity`: a row counts when every reader that placed it placed it before or
 * after its agreement's validity. Readers mark each row they place; this sink, fed last, tallies.
 */
import type { RowSink } from '../data/source.js';

export class RowPlacement implements RowSink {
  /** Rows placed outside the validity of every reader that placed them. */
  outside = 0;
  /** The first such line, or -1. */
  firstLine = -1;
  private line = -1;
  private placedInside = false;
  private placedOutside = false;

  /** A reader placed the current row at an instant inside (or outside) its agreement's validity. */
  mark(line: number, inside: boolean): void {
    if (line !== this.line) {
      this.line = line;
      this.placedInside = false;
      this.placedOutside = false;
    }
    if (inside) this.placedInside = true;
    else this.placedOutside = true;
  }

  bind(): string[] {
    return [];
  }

  add(_row: readonly string[], line: number): void {
    if (line !== this.line || this.placedInside || !this.placedOutside) return;
    this.outside++;
    if (this.firstLine < 0) this.firstLine = line;
  }
}
