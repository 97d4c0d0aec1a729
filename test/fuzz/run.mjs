#!/usr/bin/env node
// slacheck's own fuzzer (issue 14). `npm run fuzz` builds first, then runs this on dist/:
//
//   node test/fuzz/run.mjs [--seed S] [--count N] [--start I] [--time-ms MS] [--exclude-known] [--no-minimise]
//
// `--seed S --start I --count 1` runs case I of seed S alone (to re-check a finding).
//
// Without --seed a new seed is drawn (and printed). Every failure class is minimised once and
// saved as test/fuzz/findings/<seed>-<index>/repro.json (args + files, and the files under case/).
// Exit code: 0 no failure, 1 failures, 2 usage.
import { join } from 'node:path';
import { ROOT } from './generators.mjs';
import { DEFAULTS, fuzz, shellQuote } from './runner.mjs';

function usage(message) {
  process.stderr.write(`run.mjs: ${message}\nusage: run.mjs [--seed S] [--count N] [--start I] [--time-ms MS] [--exclude-known] [--no-minimise]\n`);
  process.exit(2);
}

const opts = { seed: null, count: 500, start: 0, timeMs: DEFAULTS.timeMs, includeKnown: true, minimise: true };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const int = () => {
    const v = Number(argv[++i]);
    if (!Number.isInteger(v) || v < 0) usage(`${a} needs a whole number, got ${argv[i]}`);
    return v;
  };
  if (a === '--seed') opts.seed = int();
  else if (a === '--count') opts.count = int();
  else if (a === '--start') opts.start = int();
  else if (a === '--time-ms') opts.timeMs = int();
  else if (a === '--include-known') opts.includeKnown = true; // the default since they were fixed
  else if (a === '--exclude-known') opts.includeKnown = false;
  else if (a === '--no-minimise') opts.minimise = false;
  else usage(`unknown argument ${a}`);
}
if (opts.seed === null) opts.seed = Math.floor(Math.random() * 2 ** 31);

const findingsDir = join(ROOT, 'test', 'fuzz', 'findings');
process.stderr.write(`fuzz: seed ${opts.seed}, ${opts.count} cases${opts.start > 0 ? ` from #${opts.start}` : ''}${opts.includeKnown ? '' : ', without the shapes of issue 14 (far dates, deep nesting, unclosed strings)'}\n`);
let last = 0;
const result = await fuzz({
  seed: opts.seed,
  count: opts.count,
  start: opts.start,
  includeKnown: opts.includeKnown,
  minimise: opts.minimise,
  limits: { timeMs: opts.timeMs },
  findingsDir,
  onProgress: (done, count, failed) => {
    if (Date.now() - last > 5000 || done === count) {
      last = Date.now();
      process.stderr.write(`fuzz: ${done}/${count} cases, ${failed} failed\n`);
    }
  },
});

const out = [];
out.push(`seed ${opts.seed}: ${result.cases} cases in ${(result.ms / 1000).toFixed(1)} s, ${result.failures.length} failed, ${result.classes.size} failure classes`);
for (const [cls, indexes] of result.classes) {
  const first = result.failures.find((f) => f.index === indexes[0]);
  out.push(`\n${cls}\n  cases: ${indexes.length} (first #${indexes[0]}, shape ${first.shape.join(' ')})`);
  if (first.saved) out.push(`  reproducer: ${first.saved}/repro.json\n  rerun: slacheck ${first.minimal.args.map(shellQuote).join(' ')} (in ${first.saved}/case)`);
  else out.push(`  args: ${first.args.join(' ')}`);
}
process.stdout.write(out.join('\n') + '\n');
process.exitCode = result.failures.length > 0 ? 1 : 0;
