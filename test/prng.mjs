/**
 * mulberry32: a small, fast 32-bit PRNG, identical on every platform — the same seed gives the same
 * benchmark data and the same fuzz cases everywhere. Good enough for test data, not for secrets.
 */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
