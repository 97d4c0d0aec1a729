#!/usr/bin/env node
// The slacheck benchmark: how much does a full evaluation cost over just parsing the CSV?
// See test/bench/README.md. `npm run bench` builds first, then runs this.
//
//   node test/bench/run.mjs [--runs N] [--rows N]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DIR, DEFAULT_ROWS, GENERATOR_VERSION, generate } from './generate.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HERE = fileURLToPath(new URL('./', import.meta.url));
const CLI = join(ROOT, 'bin', 'slacheck.js');
const TARGETS = { evaluateOverParse: 1.3, pauseOverEvaluate: 1.15, rollingOverMonth: 1.5, overDuckDb: 1.0, peakRssMb: 150, validate200Ms: 1000, tableOverJson: 1.25 };

/** ../shared/bench (or SLACHECK_SHARED_BENCH) when DuckDB is installed and its data generated there, else null. */
const shared = (() => {
  const dir = process.env.SLACHECK_SHARED_BENCH ?? join(ROOT, '..', 'shared', 'bench');
  return existsSync(join(dir, 'node_modules', '@duckdb', 'node-api')) && existsSync(join(dir, 'data', 'tickets-1m.csv')) ? dir : null;
})();
const sharedArgs = () =>
  shared ? ['evaluate', join(shared, 'agreement.yaml'), '--as-of', '2025-01-01T00:00:00Z', '--format', 'json', '--fail-on', 'never', '--quiet'] : [];

function options(argv) {
  const opts = { runs: 3, rows: DEFAULT_ROWS };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, '');
    const value = Number(argv[++i]);
    if (!(name in opts) || !Number.isInteger(value) || value < 1) {
      console.error(`run.mjs: usage: run.mjs [--runs N] [--rows N] (got ${argv.slice(i - 1, i + 1).join(' ')})`);
      process.exit(2);
    }
    opts[name] = value;
  }
  return opts;
}

/** Generates the data unless the data folder already holds this generator's output for `rows`. */
function ensureData(rows) {
  const metaFile = join(DEFAULT_DIR, 'meta.json');
  let meta = null;
  try {
    meta = JSON.parse(readFileSync(metaFile, 'utf8'));
  } catch {
    // no data yet
  }
  const files = ['tickets.csv', 'ticket-status.csv', 'bench.yaml', 'bench-pause.yaml'];
  if (meta?.generator === GENERATOR_VERSION && meta.rows === rows && files.every((f) => existsSync(join(DEFAULT_DIR, f)))) {
    return;
  }
  console.error(`generating ${rows} tickets in ${relative(ROOT, DEFAULT_DIR)} ...`);
  generate(DEFAULT_DIR, rows);
}

/**
 * How peak memory is measured: GNU (or BusyBox) time writes `%M %U %S` to a file; where it is
 * missing or different (BSD time on macOS), the child runs under measure.mjs instead
 * (SLACHECK_BENCH_METER=node forces that).
 */
function pickMeter() {
  if (process.env.SLACHECK_BENCH_METER === 'node') return 'node';
  const probeDir = mkdtempSync(join(tmpdir(), 'slacheck-bench-'));
  const out = join(probeDir, 'probe');
  try {
    const probe = spawnSync('/usr/bin/time', ['-o', out, '-f', '%M %U %S', process.execPath, '-e', '0'], { stdio: 'ignore' });
    if (probe.status === 0 && /^\d+ [\d.]+ [\d.]+\s*$/.test(readFileSync(out, 'utf8').split('\n').filter(Boolean).at(-1))) {
      return 'time';
    }
  } catch {
    // fall through to the node wrapper
  } finally {
    rmSync(probeDir, { recursive: true, force: true });
  }
  return 'node';
}

/** Runs `node SCRIPT ARGS` once; resolves wall time, peak RSS, CPU time, exit code, output. */
function measure(meter, script, args, keepStdout) {
  const dir = mkdtempSync(join(tmpdir(), 'slacheck-bench-'));
  const out = join(dir, 'usage');
  const [command, argv] =
    meter === 'time'
      ? ['/usr/bin/time', ['-o', out, '-f', '%M %U %S', process.execPath, script, ...args]]
      : [process.execPath, [join(HERE, 'measure.mjs'), out, script, ...args]];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, argv, { cwd: ROOT, stdio: ['ignore', keepStdout ? 'pipe' : 'ignore', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      let maxRssKb = NaN;
      let cpuMs = NaN;
      try {
        const text = readFileSync(out, 'utf8');
        if (meter === 'time') {
          const [rss, user, sys] = text.split('\n').filter(Boolean).at(-1).split(' ').map(Number);
          maxRssKb = rss;
          cpuMs = (user + sys) * 1000;
        } else {
          ({ maxRssKb, cpuMs } = JSON.parse(text));
        }
      } catch {
        // the child died before writing its usage
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, wallMs, maxRssKb, cpuMs, stdout, stderr });
    });
  });
}

const seconds = (ms) => (ms / 1000).toFixed(2) + ' s';
const mb = (kb) => (Number.isFinite(kb) ? Math.round(kb / 1024) + ' MB' : 'n/a');
const thousands = (n) => Math.round(n).toLocaleString('en-US');

async function main() {
  const { runs, rows } = options(process.argv.slice(2));
  ensureData(rows);
  const tickets = join(DEFAULT_DIR, 'tickets.csv');
  const meter = pickMeter();
  const cliReady = existsSync(CLI);
  const evaluate = (yaml) => [
    'evaluate', relative(ROOT, join(DEFAULT_DIR, yaml)), '--as-of', '2027-01-01', '--format', 'json', '--fail-on', 'never',
  ];
  writeFileSync(join(DEFAULT_DIR, 'bench-status.yaml'), statusOnlyAgreement());
  writeFileSync(join(DEFAULT_DIR, 'bench-rolling.yaml'), rollingAgreement());
  const validateDir = writeValidateSet();
  const cases = [
    { key: 'a', label: 'csv-parse alone', script: join(HERE, 'csv-parse-only.mjs'), args: [tickets], keepStdout: true },
    { key: 'b', label: 'evaluate bench.yaml', script: CLI, args: evaluate('bench.yaml'), skip: !cliReady },
    { key: 'c', label: 'evaluate bench-pause.yaml', script: CLI, args: evaluate('bench-pause.yaml'), skip: !cliReady },
    // (d) reads only the status history (one count objective): what reading that second file costs
    { key: 'd', label: 'evaluate bench-status.yaml', script: CLI, args: evaluate('bench-status.yaml'), skip: !cliReady },
    // (r) bench.yaml on rolling 28-day windows every day: 365 overlapping windows per objective
    { key: 'r', label: 'evaluate bench-rolling.yaml', script: CLI, args: evaluate('bench-rolling.yaml'), skip: !cliReady },
    // (t) the same as (r) as the terminal table: 8 objectives × 365 daily windows = 2,920 rows (issue 14:
    // cli-table3 took 2.5 s for 2,189 rows, growing quadratically; our renderer is linear)
    { key: 't', label: 'table of bench-rolling.yaml', script: CLI, args: [...evaluate('bench-rolling.yaml').slice(0, -4), '--format', 'table', '--fail-on', 'never'], skip: !cliReady },
    // (x, y) ../shared/bench, when installed (`npm ci` and `npm run gen` there; SLACHECK_SHARED_BENCH
    // points elsewhere): slacheck on its agreement and 1M tickets against DuckDB's equivalent SQL
    { key: 'x', label: 'evaluate shared agreement', script: CLI, args: sharedArgs(), skip: !cliReady || !shared },
    { key: 'y', label: 'DuckDB, equivalent SQL', script: shared ? join(shared, 'eval-duckdb-office.mjs') : '', args: shared ? [join(shared, 'data', 'tickets-1m.csv')] : [], skip: !shared },
    { key: 'v', label: 'validate 200 agreements', script: CLI, args: ['validate', validateDir], skip: !cliReady },
  ];
  const size = statSync(tickets).size;
  console.log(`slacheck benchmark: ${thousands(rows)} tickets (${(size / 1048576).toFixed(1)} MB), best of ${runs}, peak RSS via ${meter === 'time' ? '/usr/bin/time' : 'measure.mjs'}`);

  const best = {};
  const failures = [];
  for (let run = 0; run < runs; run++) {
    // Interleaved, so a burst of load on a shared machine hits every case alike.
    for (const c of cases) {
      if (c.skip || c.failed) continue;
      const result = await measure(meter, c.script, c.args, c.keepStdout);
      if (result.code !== 0) {
        c.failed = true;
        failures.push(`(${c.key}) ${c.label} exited with ${result.code}:\n${result.stderr.trim().split('\n').slice(-15).join('\n')}`);
        continue;
      }
      if (c.key === 'a' && Number(result.stdout.trim()) !== rows) {
        failures.push(`(a) counted ${result.stdout.trim()} rows, expected ${rows}`);
      }
      const prev = best[c.key];
      best[c.key] = {
        wallMs: Math.min(prev?.wallMs ?? Infinity, result.wallMs),
        cpuMs: Math.min(prev?.cpuMs ?? Infinity, result.cpuMs),
        maxRssKb: Math.max(prev?.maxRssKb ?? 0, result.maxRssKb),
      };
    }
  }

  for (const c of cases) {
    const b = best[c.key];
    const name = `(${c.key}) ${c.label}`.padEnd(30);
    if (!b) {
      console.log(`${name} ${c.skip ? 'skipped: bin/slacheck.js does not exist (run npm run build)' : 'failed'}`);
      continue;
    }
    console.log(
      `${name} ${seconds(b.wallMs).padStart(9)}  ${thousands((rows * 1000) / b.wallMs).padStart(9)} tickets/s` +
        `  cpu ${seconds(b.cpuMs).padStart(8)}  peak RSS ${mb(b.maxRssKb).padStart(7)}`,
    );
  }

  const verdicts = [];
  const ratio = (label, num, den, limit) => {
    if (!num || !den) return verdicts.push({ text: `${label}: n/a`, ok: false });
    const wall = num.wallMs / den.wallMs;
    const cpu = num.cpuMs / den.cpuMs;
    verdicts.push({
      text: `${label} ${wall.toFixed(2)} (target <= ${limit.toFixed(2)}; cpu time ratio ${cpu.toFixed(2)})`,
      ok: wall <= limit,
    });
  };
  ratio('b/a evaluation over parsing ', best.b, best.a, TARGETS.evaluateOverParse);
  ratio('c/b attribution overhead    ', best.c, best.b, TARGETS.pauseOverEvaluate);
  ratio('r/b rolling 28d over month   ', best.r, best.b, TARGETS.rollingOverMonth);
  ratio('t/r table over JSON          ', best.t, best.r, TARGETS.tableOverJson);
  if (shared) ratio('x/y slacheck over DuckDB     ', best.x, best.y, TARGETS.overDuckDb);
  else console.log('     (x/y against DuckDB skipped: ../shared/bench is not installed; see test/bench/README.md)');
  if (best.b && best.c && best.d) {
    // c = b + reading the status history (d, minus d's own start-up and tiny count work) + pause work
    const work = (best.c.wallMs - best.b.wallMs - best.d.wallMs) / best.b.wallMs;
    console.log(`     of which reading ticket-status.csv (d) ${(best.d.wallMs / best.b.wallMs).toFixed(2)} of b; pause work (c - b - d)/b ${work.toFixed(2)}`);
  }
  if (best.v) {
    verdicts.push({
      text: `(v) validate 200 agreement files ${Math.round(best.v.wallMs)} ms including start-up (target < ${TARGETS.validate200Ms} ms)`,
      ok: best.v.wallMs < TARGETS.validate200Ms,
    });
  }
  for (const key of ['b', 'c']) {
    const rss = best[key]?.maxRssKb;
    verdicts.push({
      text: `(${key}) peak RSS ${mb(rss)} (target < ${TARGETS.peakRssMb} MB)`,
      ok: Number.isFinite(rss) && rss / 1024 < TARGETS.peakRssMb,
    });
  }
  console.log('');
  for (const v of verdicts) console.log(`${v.ok ? 'ok  ' : 'MISS'} ${v.text}`);
  for (const f of failures) console.log(`\nFAILED ${f}`);
  process.exitCode = failures.length > 0 || verdicts.some((v) => !v.ok) ? 1 : 0;
}

/** bench.yaml with every objective on rolling 28-day windows ending each day (SPEC 9.3). */
function rollingAgreement() {
  const text = readFileSync(join(DEFAULT_DIR, 'bench.yaml'), 'utf8');
  if (!/^id: bench$/m.test(text) || !/window: month/.test(text)) throw new Error('run.mjs: bench.yaml changed; adjust rollingAgreement');
  return text
    .replace(/^# Generated .*$/m, '# Written by test/bench/run.mjs from bench.yaml: rolling 28-day windows every day.')
    .replace(/^id: bench$/m, 'id: bench-rolling')
    .replace(/window: month/g, 'window: { rolling: 28d, every: day }');
}

/** An agreement that only counts status rows: the cost of reading ticket-status.csv on its own. */
function statusOnlyAgreement() {
  return `# Written by test/bench/run.mjs: reads only the status history.
apiVersion: slacheck/v1
kind: SLA
id: bench-status
title: Benchmark status history read
parties:
  it-ops: { name: IT Operations, role: provider, contact: servicedesk@example.com }
  customer-co: { name: Customer Co, role: customer, contact: cio@example.com }
validity: { from: 2026-01-01, to: 2026-12-31 }
timezone: Europe/Berlin
data:
  ticket-status: { file: ticket-status.csv }
monitoring: { collection: Generated benchmark data, verification: monthly, auditor: customer-co }
objectives:
  - id: status-changes
    source: ticket-status
    measure: count
    aggregate: count
    time: changed_at
    target: ">= 0"
    window: month
`;
}

/**
 * 200 copies of the bundled service-desk SLA (148 lines each) under distinct ids, each one's
 * p1-resolution depending on the next one's p1-first-response (so references are resolved across
 * files, without a cycle). This is the timing that test/unit/agreement/load-perf.test.ts does not assert.
 */
function writeValidateSet() {
  const dir = join(DEFAULT_DIR, 'validate-200');
  const source = readFileSync(join(ROOT, 'examples', 'service-desk', 'service-desk-sla.yaml'), 'utf8')
    .replace(/file: data\//g, `file: ${join(ROOT, 'examples', 'service-desk', 'data')}/`);
  if (!/^ *dependsOn: \[network-ola\/restore-time\]$/m.test(source)) throw new Error('run.mjs: the service-desk example changed; adjust writeValidateSet');
  if (!existsSync(dir)) mkdirSync(dir);
  for (let i = 0; i < 200; i++) {
    const text = source
      .replace(/^id: .*$/m, `id: agreement-${i}`)
      .replace(/^( *)dependsOn: \[network-ola\/restore-time\]$/m, `$1dependsOn: [agreement-${(i + 1) % 200}/p1-first-response]`);
    writeFileSync(join(dir, `agreement-${i}.yaml`), text);
  }
  return relative(ROOT, dir);
}

await main();
