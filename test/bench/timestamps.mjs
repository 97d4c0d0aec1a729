#!/usr/bin/env node
// Micro-benchmark of the CSV timestamp parser (the hot path of every timed measure): 1M timestamps
// with an offset and 1M local ones read in Europe/Berlin, median of 5 rounds. Run after `npm run build`:
//   node test/bench/timestamps.mjs
import { makeTimestampParser } from '../../dist/time/instant.js';

const berlin = makeTimestampParser('Europe/Berlin');
const texts = Array.from({ length: 1000 }, (_, i) =>
  `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:15:30.250+02:00`);
const local = texts.map((t) => t.slice(0, 23));

function round(list) {
  let sum = 0;
  const t0 = performance.now();
  for (let k = 0; k < 1000; k++) for (let i = 0; i < 1000; i++) sum += berlin(list[i]);
  if (!Number.isFinite(sum)) throw new Error('unparsed timestamp');
  return performance.now() - t0;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const offset = [], zoned = [];
for (let r = 0; r < 5; r++) {
  offset.push(round(texts));
  zoned.push(round(local));
}
console.log(`1M timestamps with an offset: ${median(offset).toFixed(0)} ms; 1M local (Berlin): ${median(zoned).toFixed(0)} ms (median of 5)`);
