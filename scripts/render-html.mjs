#!/usr/bin/env node
/**
 * Renders an `evaluate --format html` report to a PNG with headless Chromium, to review the page
 * (and for the README's screenshot). Not part of `npm test`: Chromium is optional.
 *
 *   node scripts/render-html.mjs [REPORT.html] [OUT.png] [--width 1000] [--height 1700]
 *
 * Without REPORT, it writes one from the built CLI (`npm run build` first):
 * `evaluate examples/service-desk --as-of 2026-07-01 --format html`. OUT defaults to
 * docs/html-report.png. Chromium is /usr/bin/chromium (Debian's `chromium` package) or $CHROMIUM;
 * when there is none, it says how to install it and exits 0.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [, value] = args.splice(i, 2);
  return Number(value);
};
const width = option('--width', 1000);
const height = option('--height', 1700);
const [reportArg, outArg] = args;

const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.log(`render-html: ${chromium} not found, nothing rendered.`);
  console.log('Install headless Chromium to render reports: apt-get install chromium (Debian/Ubuntu), or set CHROMIUM=/path/to/chrome.');
  process.exit(0);
}

const tmp = mkdtempSync(join(tmpdir(), 'slacheck-render-'));
try {
  const report = reportArg ? resolve(reportArg) : join(tmp, 'report.html');
  if (!reportArg) {
    const bin = join(ROOT, 'bin', 'slacheck.js');
    if (!existsSync(join(ROOT, 'dist'))) throw new Error('dist/ is missing: run `npm run build` first (or `npm run report:png`)');
    execFileSync(process.execPath, [bin, 'evaluate', 'examples/service-desk', '--as-of', '2026-07-01', '--fail-on', 'never', '--format', 'html', '--output', report], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  }
  const out = resolve(outArg ?? join(ROOT, 'docs', 'html-report.png'));
  const flags = [
    '--headless',
    '--disable-gpu',
    '--hide-scrollbars',
    '--no-first-run',
    '--disable-extensions',
    '--disable-background-networking',
    `--user-data-dir=${join(tmp, 'profile')}`,
    `--window-size=${width},${height}`,
    `--screenshot=${out}`,
    pathToFileURL(report).href,
  ];
  // Chromium refuses to run as root inside its sandbox (containers, CI)
  if (process.getuid?.() === 0) flags.unshift('--no-sandbox');
  const run = spawnSync(chromium, flags, { encoding: 'utf8' });
  if (run.status !== 0 || !existsSync(out)) {
    process.stderr.write(run.stderr);
    throw new Error(`chromium exited with ${run.status}`);
  }
  console.log(`render-html: ${report} → ${out} (${width}×${height}, ${Math.round(statSync(out).size / 1024)} KB)`);
} catch (err) {
  console.error(`render-html: ${err instanceof Error ? err.message : err}`);
  process.exitCode = 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
