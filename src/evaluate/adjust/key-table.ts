/** A compact set of string keys numbered 0, 1, 2..., for status histories of millions of rows. */

/** A typed array 1.5 times as long, with the same contents (growth kept modest for peak memory). */
export function grow<T extends Float64Array | Int32Array | Uint16Array | Uint8Array>(a: T): T {
  const next = new (a.constructor as new (n: number) => T)(Math.ceil(a.length * 1.5));
  next.set(a);
  return next;
}

/** Two 32-bit FNV-style hashes folded into 53 bits: identifies a key without keeping its string. */
export function keyHash(s: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return (h1 >>> 0) * 2097152 + ((h2 >>> 0) & 0x1fffff);
}

/**
 * A set of string keys numbered 0, 1, 2... without keeping string objects: code units in one
 * typed array, an open-addressing table of ids, and each key's 53-bit hash for fast rejects.
 */
export class KeyTable {
  size = 0;
  private hashes = new Float64Array(1024);
  private offsets = new Int32Array(1025);
  private chars = new Uint16Array(16384);
  /** Pairs (id + 1, low 32 bits of the hash) side by side: a probe touches one cache line. 0 = empty. */
  private slots = new Int32Array(4096);
  private mask = 2047;
  /** Ids [0, placed) are in `slots`: placing waits for a hash lookup (a sorted file needs none while read). */
  private placed = 0;
  /**
   * A bit per placed key, at its hash's high 32 bits mod (4 × slot count): most absent keys (the
   * common lookup) are rejected here, in a sixteenth of the memory of `slots`, often without a cache miss.
   */
  private filter = new Int32Array(256);
  /** Whether ids are in ascending key order (keys inserted sorted, as exports often are). */
  private ascending = true;
  /** The id `lookup` found last: with `ascending`, the next key looked up usually sorts just after it. */
  private cursor = 0;

  /** False only when no key has hash `h` (no false negatives). */
  private mayHave(h: number): boolean {
    const high = h / 2097152;
    return (this.filter[(high >>> 5) & (this.filter.length - 1)]! & (1 << (high & 31))) !== 0;
  }

  /** The id of `key` (with hash `h`), or -1. */
  find(key: string, h: number): number {
    if (this.placed < this.size) this.placeAll();
    if (!this.mayHave(h)) return -1;
    const low = h | 0;
    for (let i = (h >>> 0) & this.mask; ; i = (i + 1) & this.mask) {
      const slot = this.slots[2 * i]!;
      if (slot === 0) return -1;
      if (this.slots[2 * i + 1] === low && this.hashes[slot - 1] === h && this.equals(slot - 1, key)) return slot - 1;
    }
  }

  /**
   * The id of `key`, or -1. Keys looked up in ascending order, in a table inserted in ascending
   * order, are placed by comparing with the last one found and the next: no hash, no cache miss.
   */
  lookup(key: string): number {
    if (this.ascending && this.size > 0) {
      const c = this.cursor;
      const here = this.compare(c, key);
      if (here === 0) return c;
      if (here < 0) {
        // key(c) < key: absent when nothing sorts between them.
        if (c + 1 === this.size) return -1;
        const next = this.compare(c + 1, key);
        if (next > 0) return -1;
        if (next === 0) return (this.cursor = c + 1);
      }
    }
    const id = this.find(key, keyHash(key));
    if (id >= 0) this.cursor = id;
    return id;
  }

  /** True when `key` is certainly absent because the table is ascending and it sorts after every key. */
  sortsAfterLast(key: string): boolean {
    return this.ascending && (this.size === 0 || this.compare(this.size - 1, key) < 0);
  }

  /** The only id whose key has hash `h`; -1 when none or several do. */
  findByHash(h: number): number {
    if (this.placed < this.size) this.placeAll();
    if (!this.mayHave(h)) return -1;
    let found = -1;
    for (let i = (h >>> 0) & this.mask; ; i = (i + 1) & this.mask) {
      const slot = this.slots[2 * i]!;
      if (slot === 0) return found;
      if (this.hashes[slot - 1] === h) {
        if (found >= 0) return -1;
        found = slot - 1;
      }
    }
  }

  /** Adds a key known to be absent; returns its id. */
  insert(key: string, h: number): number {
    if (this.ascending && this.size > 0 && this.compare(this.size - 1, key) >= 0) this.ascending = false;
    const id = this.size++;
    if (id === this.hashes.length) {
      this.hashes = grow(this.hashes);
      this.offsets = grow(this.offsets);
    }
    const start = this.offsets[id]!;
    while (start + key.length > this.chars.length) this.chars = grow(this.chars);
    for (let c = 0; c < key.length; c++) this.chars[start + c] = key.charCodeAt(c);
    this.offsets[id + 1] = start + key.length;
    this.hashes[id] = h;
    return id;
  }

  private equals(id: number, key: string): boolean {
    const start = this.offsets[id]!;
    if (this.offsets[id + 1]! - start !== key.length) return false;
    for (let c = 0; c < key.length; c++) if (this.chars[start + c] !== key.charCodeAt(c)) return false;
    return true;
  }

  /** Sign of key(id) against `key` by UTF-16 code units, the order of `<` on strings. */
  private compare(id: number, key: string): number {
    const start = this.offsets[id]!;
    const length = this.offsets[id + 1]! - start;
    const n = Math.min(length, key.length);
    for (let c = 0; c < n; c++) {
      const d = this.chars[start + c]! - key.charCodeAt(c);
      if (d !== 0) return d;
    }
    return length - key.length;
  }

  private place(id: number): void {
    const h = this.hashes[id]!;
    let i = (h >>> 0) & this.mask;
    while (this.slots[2 * i] !== 0) i = (i + 1) & this.mask;
    this.slots[2 * i] = id + 1;
    this.slots[2 * i + 1] = h | 0;
    const high = h / 2097152;
    this.filter[(high >>> 5) & (this.filter.length - 1)]! |= 1 << (high & 31);
  }

  /** Places the ids not yet in `slots`, first growing it (at most half full) and re-placing all if needed. */
  private placeAll(): void {
    if (this.size * 2 > this.mask + 1) {
      while (this.size * 2 > this.mask + 1) this.mask = this.mask * 2 + 1;
      this.slots = new Int32Array(2 * (this.mask + 1));
      this.filter = new Int32Array((this.mask + 1) / 8);
      this.placed = 0;
    }
    for (; this.placed < this.size; this.placed++) this.place(this.placed);
  }
}
