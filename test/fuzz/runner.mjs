// The fuzzer's runner (issue 14): generates cases, runs each in a worker thread (main() loaded once
// per worker) with a time and memory bound, applies the oracles, minimises failures and saves them
// as reproducers. Used by run.mjs (`npm run fuzz`) and by fuzz.test.ts (a fixed seed in `npm test`).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ROOT, generateCase } from './generators.mjs';
import { checkRun, checkSame, failureClass } from './oracles.mjs';

export const DIST_MAIN = pathToFileURL(join(ROOT, 'dist', 'cli', 'main.js')).href;

export const DEFAULTS = {
  /** Bound on one run of main(), ms (a case is two runs). */
  timeMs: 10_000,
  /** Bound on the heap growth of one run, MB. */
  heapMb: 256,
  /** The worker's old-generation limit, MB: beyond it the worker dies and the case fails. */
  workerHeapMb: 1024,
};

/** One worker thread running cases one after the other; replaced when a case kills or hangs it. */
class Runner {
  constructor(mainUrl, limits) {
    this.mainUrl = mainUrl;
    this.limits = limits;
    this.worker = null;
    this.ready = null;
    this.nextId = 0;
  }

  start() {
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), {
      workerData: { mainUrl: this.mainUrl },
      resourceLimits: { maxOldGenerationSizeMb: this.limits.workerHeapMb },
      stdout: true,
      stderr: true,
    });
    this.worker = worker;
    this.ready = new Promise((resolve, reject) => {
      const onMessage = (m) => {
        if (m?.ready) {
          worker.off('message', onMessage);
          worker.off('error', reject);
          resolve();
        }
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
    return this.ready;
  }

  /** Runs a job; resolves `{ first, second }`, `{ timeout: true }`, or `{ crash: message }`. */
  async run(job) {
    if (!this.worker) await this.start();
    else await this.ready;
    const worker = this.worker;
    const id = ++this.nextId;
    const bound = this.limits.timeMs * (job.once ? 1 : 2) + 2_000;
    return new Promise((resolve) => {
      let done = false;
      const finish = (result, kill) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (kill) {
          this.worker = null;
          void worker.terminate();
        }
        resolve(result);
      };
      const onMessage = (m) => {
        if (m?.id !== id) return;
        if (m.error) finish({ crash: `the worker failed to run the case: ${m.error}` }, false);
        else finish({ first: m.first, second: m.second }, false);
      };
      const onError = (err) => finish({ crash: `${err?.code ?? ''} ${err?.message ?? err}`.trim() }, true);
      const onExit = (code) => finish({ crash: `the worker exited (code ${code}): process.exit() called, or out of memory` }, true);
      const timer = setTimeout(() => finish({ timeout: true }, true), bound);
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage({ ...job, id });
    });
  }

  async close() {
    if (this.worker) await this.worker.terminate();
    this.worker = null;
  }
}

/** Runs one case and returns its failures (empty: it passed). */
async function runCase(runner, c, ctx, once = false) {
  const job = { dir: ctx.caseDir, args: c.args, files: c.files, env: c.env, sentinels: ctx.sentinels, once };
  const result = await runner.run(job);
  if (result.timeout) {
    return [{ oracle: 'timeout', message: `no result within ${ctx.limits.timeMs * (once ? 1 : 2) + 2000} ms; worker stopped` }];
  }
  if (result.crash) return [{ oracle: 'crash', message: result.crash }];
  const input = `${c.args.join(' ')}\n${Object.values(c.files).join('\n')}`;
  const failures = checkRun(c.args, result.first, ctx.limits, input);
  if (failures.length === 0 && result.second) failures.push(...checkRun(c.args, result.second, ctx.limits, input), ...checkSame(result.first, result.second));
  return failures;
}

// ---------------------------------------------------------------------------------------------
// Minimisation: delta debugging over the flags and each file's lines, keeping the failure class.

function withoutFlag(args, i) {
  // drop args[i] and, if it is an option taking a value, the value after it
  const takesValue = args[i].startsWith('-') && i + 1 < args.length && !args[i + 1].startsWith('--');
  return [...args.slice(0, i), ...args.slice(i + (takesValue ? 2 : 1))];
}

async function minimise(runner, c, cls, ctx) {
  let best = { args: c.args.slice(), files: { ...c.files }, env: c.env };
  let tries = 0;
  const deadline = Date.now() + ctx.minimiseMs;
  // a slow case is minimised on one run per try (the second run is only for determinism), and
  // with fewer tries: each may take the whole time bound
  const slow = /^(timeout|slow|memory|crash)/.test(cls);
  const maxTries = slow ? Math.min(ctx.minimiseTries, 25) : ctx.minimiseTries;
  const stillFails = async (cand) => {
    if (tries >= maxTries || Date.now() > deadline) return false;
    tries++;
    const fs = await runCase(runner, { ...cand, env: c.env }, ctx, slow);
    return fs.some((f) => failureClass(f) === cls);
  };
  // whole files first
  for (const name of Object.keys(best.files)) {
    const files = { ...best.files };
    delete files[name];
    if (await stillFails({ args: best.args, files })) best = { ...best, files };
  }
  // flags (never the command itself, nor --as-of: without it the case depends on the clock)
  for (let i = best.args.length - 1; i >= 1; i--) {
    if (i >= best.args.length || best.args[i] === '--as-of' || best.args[i - 1] === '--as-of') continue;
    const args = withoutFlag(best.args, i);
    if (args.length < best.args.length && (await stillFails({ args, files: best.files }))) best = { ...best, args };
  }
  // lines of each file: chunks, halving (ddmin without the complement step)
  for (const name of Object.keys(best.files)) {
    let ls = best.files[name].split('\n');
    for (let size = Math.max(1, Math.floor(ls.length / 2)); size >= 1; size = Math.floor(size / 2)) {
      for (let at = 0; at < ls.length; ) {
        const cand = [...ls.slice(0, at), ...ls.slice(at + size)];
        const files = { ...best.files, [name]: cand.join('\n') };
        if (cand.length < ls.length && (await stillFails({ args: best.args, files }))) {
          ls = cand;
          best = { ...best, files };
        } else at += size;
      }
      if (size === 1) break;
    }
  }
  return { ...best, tries };
}

// ---------------------------------------------------------------------------------------------

/**
 * Runs `count` cases of seed `seed` (indexes from `start`, default 0). Options: mainUrl (default dist's main), limits, includeKnown,
 * generate (default generateCase; tests pass their own cases),
 * minimise (default true when findingsDir is given), findingsDir (save reproducers there),
 * onProgress(done, count, failures). Returns `{ cases, failures: [{ index, shape, args, failures,
 * minimal? }], classes: Map<class, [index]>, ms }`.
 */
export async function fuzz(opts) {
  const limits = { ...DEFAULTS, ...opts.limits };
  const root = mkdtempSync(join(tmpdir(), 'slacheck-fuzz-'));
  const caseDir = join(root, 'case');
  // a run may write only inside the case folder: watch its parent, the repository root, the process's cwd
  const sentinels = [...new Set([root, ROOT, process.cwd()])];
  const ctx = { caseDir, sentinels, limits, minimiseTries: opts.minimiseTries ?? 150, minimiseMs: opts.minimiseMs ?? 60_000 };
  const runner = new Runner(opts.mainUrl ?? DIST_MAIN, limits);
  const t0 = Date.now();
  const failed = [];
  const classes = new Map();
  try {
    const start = opts.start ?? 0;
    for (let index = start; index < start + opts.count; index++) {
      const c = (opts.generate ?? generateCase)(opts.seed, index, { includeKnown: opts.includeKnown !== false });
      const failures = await runCase(runner, c, ctx);
      if (failures.length > 0) {
        const entry = { index, shape: c.shape, args: c.args, failures };
        const fresh = failures.map(failureClass).filter((k) => !classes.has(k));
        for (const f of failures) {
          const k = failureClass(f);
          classes.set(k, [...(classes.get(k) ?? []), index]);
        }
        // minimise and save the first case of every class
        if (opts.findingsDir && fresh.length > 0) {
          const minimal = opts.minimise === false ? { args: c.args, files: c.files, tries: 0 } : await minimise(runner, c, fresh[0], ctx);
          entry.minimal = minimal;
          entry.saved = saveFinding(opts.findingsDir, opts.seed, index, c, minimal, failures);
        }
        failed.push(entry);
      }
      opts.onProgress?.(index + 1 - start, opts.count, failed.length);
    }
  } finally {
    await runner.close();
    rmSync(root, { recursive: true, force: true });
  }
  return { cases: opts.count, failures: failed, classes, ms: Date.now() - t0 };
}

/** Writes `<dir>/<seed>-<index>/repro.json` (args + files) and the case's files beside it. */
export function saveFinding(dir, seed, index, original, minimal, failures) {
  const out = join(dir, `${seed}-${index}`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'case'), { recursive: true });
  const repro = {
    seed,
    index,
    shape: original.shape,
    failures: failures.map((f) => ({ oracle: f.oracle, class: failureClass(f), message: f.message.slice(0, 4000) })),
    args: minimal.args,
    env: original.env ?? { NO_COLOR: '1' },
    files: minimal.files,
    original: { args: original.args },
    rerun: `cd ${join(out, 'case')} && ${Object.entries(original.env ?? { NO_COLOR: '1' }).map(([k, v]) => `${k}=${shellQuote(v)} `).join('')}node ${join(ROOT, 'bin', 'slacheck.js')} ${minimal.args.map(shellQuote).join(' ')}`,
  };
  writeFileSync(join(out, 'repro.json'), JSON.stringify(repro, null, 2) + '\n');
  for (const [rel, text] of Object.entries(minimal.files)) {
    const p = join(out, 'case', rel);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, text);
  }
  return out;
}

export function shellQuote(s) {
  return /^[\w./=:+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
