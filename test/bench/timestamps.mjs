#!/usr/bin/env node
// Micro-benchmarks of the CSV timestamp parsers (no data needed). Run after `npm run build`:
//
//   node test/bench/timestamps.mjs               ISO cells: v1's parser (v1-timestamps.mjs) against
//                                                makeCellParser({ format: 'iso' }) (and v1 again, for
//                                                the noise), in rotation round by round, in N child
//                                                processes
//   node test/bench/timestamps.mjs --patterns    luxon format strings: 1M cells of a year of tickets,
//                                                with the cell cache and without
//   --runs N        child processes for the ISO figures (default 5, 6 rounds of each parser each)
//   --uncached N    cells per uncached pattern run (default 100,000, reported per 1M; luxon takes
//                   tens of µs per cell, so 1,000,000 takes minutes)
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mulberry32 as prng } from '../prng.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pad2 = (n) => String(n).padStart(2, '0');

if (args[0] === '--child') await isoChild(Number(args[1]));
else if (args.includes('--patterns')) await patterns();
else isoParent();

// ---- ISO: 1M cells per figure, 1000 distinct texts read 1000 times, median of 5 rounds

function isoTexts() {
  const offset = Array.from({ length: 1000 }, (_, i) =>
    `2026-${pad2((i % 12) + 1)}-${pad2((i % 28) + 1)}T${pad2(i % 24)}:15:30.250+02:00`);
  // flat strings, as a CSV reader decodes them from a buffer (a template literal or a slice is a
  // rope or a view, whose characters cost an indirection each)
  const flat = (list) => list.map((t) => Buffer.from(t, 'latin1').toString('latin1'));
  return {
    offset: flat(offset), // 2026-01-01T00:15:30.250+02:00
    local: flat(offset.map((t) => t.slice(0, 23))), // 2026-01-01T00:15:30.250, read in Berlin
    spaced: flat(offset.map((t) => `${t.slice(0, 10)} ${t.slice(11, 23)} +0200`)), // 2026-01-01 00:15:30.250 +0200
    utc: flat(offset.map((t) => `${t.slice(0, 10)} ${t.slice(11, 19)} UTC`)), // 2026-01-01 00:15:30 UTC
  };
}

/**
 * One child process reads every set with each parser, round by round in rotation (v1, iso, again;
 * iso, again, v1; ...), so all see the same load; `again` is v1 once more, to show the noise
 * between identical parsers. Each parser gets its own copy of the loop (new Function), so no call
 * site is shared. Times are CPU time of the process (user + system), not wall time.
 */
async function isoChild(rounds) {
  const { parseTimestampV1 } = await import('./v1-timestamps.mjs');
  const { zoneInfo } = await import('../../dist/time/zone.js');
  const { makeCellParser } = await import('../../dist/time/timestamps.js');
  const berlin = zoneInfo('Europe/Berlin');
  const parsers = {
    v1: (text) => parseTimestampV1(text, berlin),
    iso: makeCellParser({ format: 'iso', zone: 'Europe/Berlin' }),
    again: (text) => parseTimestampV1(text, berlin), // v1 once more: the noise between identical parsers
  };
  const loop = () => new Function('parse', 'list', `
    let sum = 0;
    const t0 = process.cpuUsage();
    for (let k = 0; k < 1000; k++) for (let i = 0; i < 1000; i++) sum += parse(list[i]);
    if (!Number.isFinite(sum)) throw new Error('unparsed timestamp');
    const { user, system } = process.cpuUsage(t0);
    return (user + system) / 1000;`);
  const loops = { v1: loop(), iso: loop(), again: loop() };
  const texts = isoTexts();
  const times = { v1: {}, iso: {}, again: {} };
  for (const set of Object.keys(texts)) {
    const names = set === 'offset' || set === 'local' ? ['v1', 'iso', 'again'] : ['iso'];
    for (const name of names) times[name][set] = [];
    for (let r = 0; r < rounds; r++) {
      for (const name of names.map((_, j) => names[(j + r) % names.length])) times[name][set].push(loops[name](parsers[name], texts[set]));
    }
  }
  console.log(JSON.stringify(times));
}

function isoParent() {
  const runs = option('--runs', 5);
  const rounds = 6;
  const self = fileURLToPath(import.meta.url);
  const all = { v1: {}, iso: {}, again: {} };
  for (let r = 0; r < runs; r++) {
    const times = JSON.parse(execFileSync(process.execPath, [self, '--child', String(rounds)], { encoding: 'utf8' }));
    for (const name of ['v1', 'iso', 'again']) for (const [set, xs] of Object.entries(times[name])) (all[name][set] ??= []).push(...xs);
  }
  const cell = (name, set) => {
    const xs = all[name][set];
    return (xs ? `${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)})` : '-').padEnd(26);
  };
  console.log(`ISO cells read in Europe/Berlin: CPU ms per 1M cells, median (and min) of ${runs} processes x ${rounds} rounds, the parsers in rotation`);
  console.log(`${''.padEnd(50)}${'v1 parser'.padEnd(26)}${'makeCellParser iso'.padEnd(26)}v1 again (the noise)`);
  for (const [set, label] of [
    ['offset', 'with an offset     2026-01-01T00:15:30.250+02:00'],
    ['local', 'local              2026-01-01T00:15:30.250'],
    ['spaced', 'space, offset      2026-01-01 00:15:30.250 +0200'],
    ['utc', 'UTC                2026-01-01 00:15:30 UTC'],
  ]) console.log(`${label.padEnd(50)}${cell('v1', set)}${cell('iso', set)}${cell('again', set)}`);
}

// ---- luxon format strings over a year of tickets


/**
 * 1M ticket instants of 2026, in time order, to the second, busy in office hours (weekdays
 * 08-18 weigh 1, 06-21 0.3, nights 0.05, weekends 0.1; by UTC hour, which is close enough), and
 * the same tickets' resolution instants (log-normal, median about 5 h), not in time order.
 */
function tickets(n) {
  const HOUR = 3_600_000;
  const start = Date.UTC(2026, 0, 1), hours = 365 * 24;
  const cumulative = new Float64Array(hours + 1);
  for (let h = 0; h < hours; h++) {
    const d = new Date(start + h * HOUR);
    const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
    const hour = d.getUTCHours();
    cumulative[h + 1] = cumulative[h] + (weekend ? 0.1 : hour >= 8 && hour < 18 ? 1 : hour >= 6 && hour < 21 ? 0.3 : 0.05);
  }
  const random = prng(42);
  const opened = new Float64Array(n), resolved = new Float64Array(n);
  let h = 0;
  for (let i = 0; i < n; i++) {
    const target = ((i + random()) / n) * cumulative[hours];
    while (cumulative[h + 1] <= target) h++;
    const within = (target - cumulative[h]) / (cumulative[h + 1] - cumulative[h]);
    opened[i] = start + h * HOUR + Math.floor((within * HOUR) / 1000) * 1000;
    const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    resolved[i] = opened[i] + Math.floor(Math.exp(Math.log(5 * HOUR) + 1.2 * normal) / 1000) * 1000;
  }
  return { opened, resolved };
}

async function patterns() {
  const { DateTime } = await import('luxon');
  const { makeCellParser } = await import('../../dist/time/timestamps.js');
  const n = 1_000_000;
  const uncachedCells = option('--uncached', 100_000);
  const { opened, resolved } = tickets(n);
  // luxon writes the cells; a cache keyed by instant keeps that minutes, not hours
  const write = (instants, pattern, zone) => {
    const fmt = new Map();
    return Array.from(instants, (ms) => {
      const key = Math.floor(ms / 60_000);
      let prefix = fmt.get(key);
      if (prefix === undefined) fmt.set(key, (prefix = DateTime.fromMillis(key * 60_000, { zone }).toFormat(pattern.replace(':ss', ''))));
      return pattern.includes(':ss') ? `${prefix}:${pad2(new Date(ms).getUTCSeconds())}` : prefix;
    });
  };
  const cases = [
    ['Jira, opened (in time order)', 'dd/MMM/yy h:mm a', 'America/New_York', opened],
    ['Jira, resolved (not in order)', 'dd/MMM/yy h:mm a', 'America/New_York', resolved],
    ['German Excel with seconds', 'dd.MM.yyyy HH:mm:ss', 'Europe/Berlin', opened],
    ['German Excel, date only', 'dd.MM.yyyy', 'Europe/Berlin', opened],
  ];
  console.log(`luxon format strings: ms per 1M cells of a year of tickets (${n.toLocaleString('en-US')} cells; uncached measured on ${uncachedCells.toLocaleString('en-US')} and scaled)`);
  console.log(`${'case'.padEnd(32)}${'format'.padEnd(22)}${'distinct'.padStart(10)}${'cached'.padStart(12)}${'uncached'.padStart(12)}`);
  for (const [label, pattern, zone, instants] of cases) {
    const cells = write(instants, pattern, zone);
    const distinct = new Set(cells).size;
    const time = (parse, list) => {
      let sum = 0;
      const t0 = performance.now();
      for (let i = 0; i < list.length; i++) sum += parse(list[i]);
      if (!Number.isFinite(sum)) throw new Error(`unparsed cell in ${label}`);
      return performance.now() - t0;
    };
    const cached = time(makeCellParser({ format: { pattern }, zone }), cells);
    const sample = cells.slice(0, uncachedCells);
    const uncached = (time(makeCellParser({ format: { pattern }, zone, cacheSize: 0 }), sample) * n) / sample.length;
    console.log(`${label.padEnd(32)}${pattern.padEnd(22)}${distinct.toLocaleString('en-US').padStart(10)}${`${cached.toFixed(0)} ms`.padStart(12)}${`${uncached.toFixed(0)} ms`.padStart(12)}`);
  }
}
