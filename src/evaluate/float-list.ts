/** A growable list of numbers in one typed array: exact percentiles and intervals without per-value objects. */

/** An append-only list of numbers in a typed array that doubles when full. */
export class Float64List {
  data: Float64Array;
  length = 0;
  constructor(capacity = 16) {
    this.data = new Float64Array(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  /** A view of the filled part (shares memory). */
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}
