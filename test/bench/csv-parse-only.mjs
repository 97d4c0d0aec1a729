#!/usr/bin/env node
// Baseline (a) of the benchmark: csv-parse alone streaming a file as arrays, counting records
// on 'data' events. Prints the number of data rows (the header not counted).
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

const file = process.argv[2];
if (!file) {
  console.error('usage: csv-parse-only.mjs FILE');
  process.exit(2);
}
let records = 0;
await new Promise((resolve, reject) => {
  const parser = createReadStream(file).pipe(parse());
  parser.on('data', () => records++);
  parser.on('end', resolve);
  parser.on('error', reject);
});
console.log(records - 1);
