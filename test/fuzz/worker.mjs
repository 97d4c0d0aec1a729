// The fuzzer's worker thread: loads main() once, then runs cases sent by run.mjs/runner.mjs, each
// twice in the same (fresh) case folder. Running in a worker lets the runner stop a case that takes
// too long (even one stuck in synchronous code) and bound its memory (resourceLimits).
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

const { main } = await import(workerData.mainUrl);

// main() must reach the process only through io: catch writes to the real streams
const directWrites = [];
for (const stream of [process.stdout, process.stderr]) {
  stream.write = (chunk) => {
    directWrites.push(String(chunk));
    return true;
  };
}
for (const name of ['log', 'error', 'warn', 'info', 'debug']) console[name] = (...xs) => directWrites.push(xs.join(' '));

const DEVICES = ['/dev/null', '/dev/zero'];

function deviceState() {
  return DEVICES.map((d) => {
    try {
      const s = lstatSync(d);
      return `${d}:${s.isCharacterDevice() ? 'char' : s.isFile() ? 'file' : 'other'}:${s.rdev}`;
    } catch {
      return `${d}:missing`;
    }
  });
}

function listing(dir) {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** Every file below `dir` (relative path → text, cut at 1 MB). */
function files(dir, base = dir, out = {}) {
  for (const name of listing(dir)) {
    const p = join(dir, name);
    let s;
    try {
      s = lstatSync(p);
    } catch {
      continue;
    }
    if (s.isDirectory()) files(p, base, out);
    else if (s.isFile()) out[relative(base, p)] = readFileSync(p, 'utf8').slice(0, 1 << 20);
    else out[relative(base, p)] = `<${s.isSymbolicLink() ? 'symlink' : 'special'}>`;
  }
  return out;
}

async function writeCase(dir, caseFiles) {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const [rel, text] of Object.entries(caseFiles)) {
    const p = join(dir, rel);
    await mkdir(dirname(p), { recursive: true });
    await writeFile(p, text);
  }
}

async function runOnce(job) {
  const { dir, args, files: caseFiles, sentinels } = job;
  await writeCase(dir, caseFiles);
  const before = sentinels.map((s) => listing(s).join('\n'));
  const devBefore = deviceState();
  directWrites.length = 0;
  let stdout = '';
  let stderr = '';
  let code = null;
  let thrown = null;
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  try {
    code = await main(args, {
      cwd: dir,
      env: job.env ?? { NO_COLOR: '1' },
      stdout: { write: (s) => (stdout += s), isTTY: false },
      stderr: { write: (s) => (stderr += s), isTTY: false },
    });
  } catch (err) {
    thrown = String(err?.stack ?? err);
  }
  const ms = performance.now() - t0;
  const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / (1 << 20);
  const outside = [];
  sentinels.forEach((s, i) => {
    const after = listing(s).join('\n');
    if (after !== before[i]) {
      const b = new Set(before[i].split('\n'));
      const a = new Set(after.split('\n'));
      const changed = [...[...a].filter((x) => !b.has(x)).map((x) => `+${join(s, x)}`), ...[...b].filter((x) => !a.has(x)).map((x) => `-${join(s, x)}`)];
      outside.push(changed.join(', '));
    }
  });
  const devAfter = deviceState();
  const devices = devAfter.filter((d, i) => d !== devBefore[i]);
  const all = files(dir);
  const written = {};
  for (const [rel, text] of Object.entries(all)) if (caseFiles[rel] !== text) written[rel] = text;
  try {
    if (!statSync(dir).isDirectory()) outside.push(`${dir} is no longer a folder`);
  } catch {
    outside.push(`${dir} vanished`);
  }
  return { code, stdout, stderr, thrown, directWrites: directWrites.slice(), ms, heapGrowthMb, outside, devices, written };
}

parentPort.on('message', async (job) => {
  try {
    const first = await runOnce(job);
    const second = job.once ? null : await runOnce(job);
    await rm(job.dir, { recursive: true, force: true });
    parentPort.postMessage({ id: job.id, first, second });
  } catch (err) {
    parentPort.postMessage({ id: job.id, error: String(err?.stack ?? err) });
  }
});
parentPort.postMessage({ ready: true });
