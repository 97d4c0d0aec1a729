// The fuzzer's case generators (issue 14): seeded, so a (seed, index) pair always yields the same
// case. A case is `{ args, files, shape }`: the argv given to main() and the files (path relative to
// the case folder → text) written into a fresh folder that becomes io.cwd. `shape` names what the
// generator did, to make a report readable.
//
// Plain ESM so that `npm run fuzz` runs on the built dist without a TypeScript loader; the types
// for the tests are in generators.d.mts.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../prng.mjs';

export { mulberry32 };

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));


/** The random source of one case: derived from the run's seed and the case's index only. */
export function caseRandom(seed, index) {
  // splitmix-like mixing so that neighbouring indexes give unrelated streams
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  const next = mulberry32(h ^ (h >>> 16));
  const r = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (xs) => xs[Math.floor(next() * xs.length)],
  };
  return r;
}

// ---------------------------------------------------------------------------------------------
// The corpus: every folder of examples/ that holds agreement files, with all files below it.

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

let corpusCache = null;
/** `[{ name, files: { rel: text } }]`, one entry per examples folder that directly holds a .yaml. */
export function corpus() {
  if (corpusCache) return corpusCache;
  const examples = join(ROOT, 'examples');
  const all = walk(examples).filter((p) => /\.(ya?ml|csv)$/.test(p));
  const dirs = [...new Set(all.filter((p) => /\.ya?ml$/.test(p)).map((p) => p.slice(0, p.lastIndexOf('/'))))].sort();
  corpusCache = dirs.map((dir) => {
    const files = {};
    for (const p of all) if (p.startsWith(dir + '/')) files[relative(dir, p)] = readFileSync(p, 'utf8');
    return { name: relative(examples, dir), files };
  });
  return corpusCache;
}

// ---------------------------------------------------------------------------------------------
// Hostile values.

/** Far dates (issue 14: once seconds and gigabytes per case); left out with includeKnown false. */
const FAR_DATES = ['9999-12-31', '9999-12-31T17:00:00', '+275760-09-13', '0001-01-01T00:00:00Z'];

const HOSTILE_SCALARS = [
  '', '""', "''", '~', 'null', 'true', 'false', '0', '-0', '-1', '1.5', '-999999', '99999999999999999999',
  '1e308', '-1e308', '1e-320', '.nan', '.inf', '-.inf', 'NaN', '0x1F', '__proto__', 'constructor', 'prototype',
  'hasOwnProperty', 'toString', '"ü日本🙂"', '"\\u0000"', '"a\\tb"', '"\\n"', '[]', '{}', '[1, 2]', '{ a: 1 }',
  '*undefined-alias', '&anchor x', '!!binary aGVsbG8=', '!!timestamp 2026-01-01', '"<= 0s"', '">= 100%"',
  '">= 0%"', '"< -5%"', '"<= 1e400h"', '"<= 4h"', '"99.9%"', '1h', '0s', '-4h', '1000000000d', 'P1D', 'month',
  'week', 'day', 'quarter', 'year', 'rolling', '24x7', 'office', 'Mars/Olympus', 'UTC', 'Europe/Berlin',
  '2026-02-30', '2026-13-01', '2026-01-01', '2025-12-31T23:59:59Z', '1970-01-01', '"2026-03-29T02:30:00"',
  'p0', 'p100', 'p101', 'ratio', 'count', 'sum', 'max', 'mean', 'A'.repeat(300), '"\\uD800"', 'yes', 'no',
];

const HOSTILE_CELLS = [
  '', ' ', '""', '"', '"a""b"', 'NaN', '-1', '0', '1e308', '99999999999999999999', 'ü日本🙂', '\u0000',
  '2026-02-30T10:00:00', '2026-13-01', 'yesterday', '2026-03-29T02:30:00', '2026-10-25T02:30:00',
  '2026-01-01T00:00:00Z', '2026-01-01T00:00:00+14:00', '2026-01-01T00:00:00-12:00', '01.02.2026 10:00',
  '1/2/2026 10:00 AM', '2026-01-01', '12:00', '__proto__', 'constructor', '=cmd|"/c calc"!A1', 'null',
  '1970-01-01T00:00:00Z', '2026-06-31T00:00:00', '1900-01-01T00:00:00', '2100-01-01T00:00:00', '2026-03-15T10:00:00.123456',
  '2026-03-15 10:00', '2026-03-15T10:00:00+25:00', '2026-W11', '15.03.2026', '46096.5', 'P1,P2', '"quoted ""inner"" value"',
];

const KEY_NAMES = ['__proto__', 'constructor', 'toString', 'id', 'objectives', 'data', 'x-unknown', 'dependsOn', 'calendar'];

// ---------------------------------------------------------------------------------------------
// Mutations of agreement (YAML) text.

function lines(text) {
  return text.split('\n');
}

/** One mutation of YAML text; returns [newText, description]. */
function mutateYaml(r, text, opts) {
  const ls = lines(text);
  const kind = r.pick(['same-key', 'same-key', 'same-key', 'swap', 'swap', 'swap', 'swap', 'delete', 'duplicate', 'flip', 'key', 'indent', 'alias', 'swap-line', 'truncate', 'document']);
  const i = r.int(0, Math.max(0, ls.length - 1));
  switch (kind) {
    case 'same-key': {
      // a `key: value` line gets the value the same key has elsewhere in the examples: plausible
      // on its own, so the case gets past the schema into the semantic checks and the engine
      const candidates = ls.map((l, n) => [l, n, KEY_VALUE.exec(l)]).filter(([, , m]) => m && (valuesByKey().get(m[2])?.length ?? 0) > 1);
      if (candidates.length === 0) return [text, 'same-key(none)'];
      const [l, n, m] = r.pick(candidates);
      const v = r.pick(valuesByKey().get(m[2]));
      ls[n] = l.slice(0, m[1].length) + v;
      return [ls.join('\n'), `same-key:${n + 1}=${v.slice(0, 30)}`];
    }
    case 'swap': {
      // a `key: value` line gets a hostile value
      const candidates = ls.map((l, n) => [l, n]).filter(([l]) => /^\s*(- )?[\w-]+:\s*\S/.test(l) && !/^\s*#/.test(l));
      if (candidates.length === 0) return [text, 'swap(none)'];
      const [l, n] = r.pick(candidates);
      const pool = opts.includeKnown && r.chance(0.1) ? FAR_DATES : HOSTILE_SCALARS;
      const v = r.pick(pool);
      ls[n] = l.replace(/^(\s*(?:- )?[\w-]+:\s*).*$/, (_, k) => k + v);
      return [ls.join('\n'), `swap:${n + 1}=${v.slice(0, 20)}`];
    }
    case 'delete': {
      const n = r.int(1, 3);
      ls.splice(i, n);
      return [ls.join('\n'), `delete:${i + 1}x${n}`];
    }
    case 'duplicate': {
      ls.splice(i, 0, ...ls.slice(i, i + r.int(1, 4)));
      return [ls.join('\n'), `duplicate:${i + 1}`];
    }
    case 'flip': {
      return flipChars(r, text, 'yaml');
    }
    case 'key': {
      // a key renamed to a hostile one
      const candidates = ls.map((l, n) => [l, n]).filter(([l]) => /^\s*(- )?[\w-]+:/.test(l));
      if (candidates.length === 0) return [text, 'key(none)'];
      const [l, n] = r.pick(candidates);
      const k = r.pick(KEY_NAMES);
      ls[n] = l.replace(/^(\s*(?:- )?)[\w-]+:/, `$1${k}:`);
      return [ls.join('\n'), `key:${n + 1}=${k}`];
    }
    case 'indent': {
      ls[i] = r.chance(0.5) ? '  ' + ls[i] : ls[i].replace(/^ {1,2}/, '');
      return [ls.join('\n'), `indent:${i + 1}`];
    }
    case 'alias': {
      // an anchor on one mapping value and an alias to it elsewhere (merge keys included)
      const candidates = ls.map((l, n) => [l, n]).filter(([l]) => /^\s*(- )?[\w-]+:\s*\S/.test(l));
      if (candidates.length < 2) return [text, 'alias(none)'];
      const [a, na] = r.pick(candidates);
      const [b, nb] = r.pick(candidates);
      ls[na] = a.replace(/^(\s*(?:- )?[\w-]+:\s*)/, '$1&fz ');
      ls[nb] = r.chance(0.3) ? b.replace(/^(\s*(?:- )?)[\w-]+:.*$/, '$1<<: *fz') : b.replace(/^(\s*(?:- )?[\w-]+:\s*).*$/, '$1*fz');
      return [ls.join('\n'), `alias:${na + 1}->${nb + 1}`];
    }
    case 'swap-line': {
      const j = r.int(0, Math.max(0, ls.length - 1));
      [ls[i], ls[j]] = [ls[j], ls[i]];
      return [ls.join('\n'), `swap-line:${i + 1},${j + 1}`];
    }
    case 'document': {
      // a second YAML document: a slice of this file, or an empty one
      const from = r.int(0, ls.length - 1);
      const extra = r.chance(0.3) ? '' : ls.slice(from, from + r.int(1, 30)).join('\n');
      return [`${text}\n---\n${extra}`, `document:${from + 1}`];
    }
    case 'truncate':
    default: {
      const at = r.int(0, text.length);
      return [text.slice(0, at), `truncate:${at}`];
    }
  }
}

/** `  key: value` (also `  - key: value`): [whole, prefix up to the value, key, value]. */
const KEY_VALUE = /^(\s*(?:- )?([\w-]+):\s+)(\S.*)$/;

let valuesCache = null;
/** Every value each key has in the examples' agreements (comments and block scalars left out). */
function valuesByKey() {
  if (valuesCache) return valuesCache;
  valuesCache = new Map();
  for (const ex of corpus()) {
    for (const [name, text] of Object.entries(ex.files)) {
      if (!/\.ya?ml$/.test(name)) continue;
      for (const l of text.split('\n')) {
        const m = KEY_VALUE.exec(l);
        if (!m || /^[>|]/.test(m[3]) || /^#/.test(m[3])) continue;
        const v = m[3].replace(/\s+#.*$/, '');
        const vs = valuesCache.get(m[2]) ?? [];
        if (!vs.includes(v)) vs.push(v);
        valuesCache.set(m[2], vs);
      }
    }
  }
  return valuesCache;
}

const FLIP_CHARS = ['\u0000', '\t', '\r', '\n', ':', '-', '[', ']', '{', '}', '"', "'", '#', '&', '*', '!', '|', '>', '%', '@', '`', ',', '?', 'é', '\uFEFF', '\uD83D', 'x', '9', ' '];

function flipChars(r, text, what) {
  if (text.length === 0) return [text, `flip-${what}(empty)`];
  const n = r.int(1, 4);
  const chars = text.split('');
  const at = [];
  for (let k = 0; k < n; k++) {
    const p = r.int(0, chars.length - 1);
    chars[p] = r.pick(FLIP_CHARS);
    at.push(p);
  }
  return [chars.join(''), `flip-${what}:${at.join(',')}`];
}

// ---------------------------------------------------------------------------------------------
// Mutations of CSV exports.

function splitCsvLine(l, delim) {
  return l.split(delim);
}

function mutateCsv(r, text, opts) {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const ls = text.split(eol);
  const kind = r.pick(['cell', 'cell', 'cell', 'cell', 'bom', 'crlf', 'delimiter', 'quote', 'unbalanced', 'delete-row', 'dup-row', 'extra-col', 'drop-col', 'header', 'flip', 'empty', 'blank-lines']);
  const body = ls.length > 1 ? r.int(1, ls.length - 1) : 0;
  switch (kind) {
    case 'cell': {
      const cells = splitCsvLine(ls[body] ?? '', ',');
      const c = r.int(0, Math.max(0, cells.length - 1));
      const pool = opts.includeKnown && r.chance(0.15) ? FAR_DATES : HOSTILE_CELLS;
      const v = r.pick(pool);
      cells[c] = v.includes(',') ? `"${v}"` : v;
      ls[body] = cells.join(',');
      return [ls.join(eol), `cell:${body + 1}:${c + 1}=${JSON.stringify(v).slice(0, 24)}`];
    }
    case 'bom':
      return ['\uFEFF' + text, 'bom'];
    case 'crlf':
      return [eol === '\n' ? text.replace(/\n/g, '\r\n') : text.replace(/\r\n/g, '\n'), 'crlf'];
    case 'delimiter': {
      const d = r.pick([';', '\t', '|']);
      return [text.replace(/,/g, d), `delimiter:${JSON.stringify(d)}`];
    }
    case 'quote': {
      ls[body] = splitCsvLine(ls[body] ?? '', ',').map((c) => `"${c.replace(/"/g, '""')}"`).join(',');
      return [ls.join(eol), `quote:${body + 1}`];
    }
    case 'unbalanced': {
      ls[body] = '"' + (ls[body] ?? '');
      return [ls.join(eol), `unbalanced:${body + 1}`];
    }
    case 'delete-row':
      ls.splice(body, 1);
      return [ls.join(eol), `delete-row:${body + 1}`];
    case 'dup-row':
      ls.splice(body, 0, ls[body] ?? '');
      return [ls.join(eol), `dup-row:${body + 1}`];
    case 'extra-col':
      ls[body] = (ls[body] ?? '') + ',extra';
      return [ls.join(eol), `extra-col:${body + 1}`];
    case 'drop-col': {
      ls[body] = splitCsvLine(ls[body] ?? '', ',').slice(0, -1).join(',');
      return [ls.join(eol), `drop-col:${body + 1}`];
    }
    case 'header': {
      const cells = splitCsvLine(ls[0] ?? '', ',');
      const c = r.int(0, Math.max(0, cells.length - 1));
      cells[c] = r.pick(['', cells[(c + 1) % cells.length] ?? 'dup', '__proto__', 'constructor', ' id ', 'ÜBER']);
      ls[0] = cells.join(',');
      return [ls.join(eol), `header:${c + 1}=${cells[c]}`];
    }
    case 'flip':
      return flipChars(r, text, 'csv');
    case 'empty':
      return [r.chance(0.5) ? '' : (ls[0] ?? ''), 'empty'];
    case 'blank-lines':
    default:
      ls.splice(body, 0, '', '');
      return [ls.join(eol), `blank-lines:${body + 1}`];
  }
}

// ---------------------------------------------------------------------------------------------
// Random valid-looking agreements, written from scratch with a small CSV.

function pad(n) {
  return String(n).padStart(2, '0');
}

function randomInstant(r, year = 2026) {
  return `${year}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}T${pad(r.int(0, 23))}:${pad(r.pick([0, 15, 30, 59]))}:00`;
}

function addHours(iso, h) {
  const d = new Date(iso + 'Z');
  d.setTime(d.getTime() + h * 3600_000);
  return d.toISOString().slice(0, 19);
}

export function randomAgreement(r) {
  const id = r.pick(['fz', 'acme-sla', 'x', 'a-b-c', 'ola-1']);
  const kind = r.pick(['SLA', 'OLA', 'UC']);
  const tz = r.pick(['Europe/Berlin', 'UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'Australia/Lord_Howe']);
  const rows = r.int(0, 25);
  const csv = ['id,priority,opened_at,resolved_at,value'];
  for (let k = 0; k < rows; k++) {
    const open = randomInstant(r);
    const closed = r.chance(0.1) ? '' : addHours(open, r.int(0, 200) / 4);
    csv.push(`T-${k},${r.pick(['P1', 'P2', 'P3'])},${open},${closed},${r.int(-5, 500)}`);
  }
  const measure = r.pick([
    '{ duration: { from: opened_at, to: resolved_at } }',
    '{ duration: { from: opened_at, to: resolved_at, calendar: office } }',
    '{ uptime: { from: opened_at, to: resolved_at } }',
    '{ deadline: { due: resolved_at, done: opened_at } }',
    '{ value: value }',
    'count',
  ]);
  const isUptime = measure.includes('uptime');
  const isDuration = measure.includes('duration') || measure.includes('deadline');
  const aggregate = isUptime
    ? null
    : isDuration
      ? r.pick(['p90', 'p50', 'max', 'mean', ...(measure.includes('duration') ? ['ratio'] : [])])
      : measure === 'count'
        ? r.pick(['count', 'sum'])
        : r.pick(['sum', 'max', 'mean', 'ratio', 'p95']);
  const target =
    isUptime || aggregate === 'ratio'
      ? r.pick(['">= 99.9%"', '">= 90%"', '"< 50%"'])
      : isDuration
        ? r.pick(['"<= 4h"', '"<= 30m"', '"< 2d"'])
        : r.pick(['">= 5"', '"<= 100"', '"> 0"']);
  const good = aggregate === 'ratio' ? (isDuration ? '\n    good: { within: 4h }' : '\n    good: { max: 300 }') : '';
  const window = r.pick(['month', 'quarter', 'week', 'day', 'year', '{ rolling: 28d, every: day }', '{ rolling: 4w, every: week }', '{ rolling: { months: 3 }, every: month }']);
  const calendars = measure.includes('office')
    ? `calendars:\n  office:\n    timezone: ${tz}\n    hours: { mon-fri: "08:00-17:00" }\n    holidays: [2026-01-01, 2026-12-25]\n`
    : '';
  const where = r.chance(0.4) ? `\n    where: { priority: ${r.pick(['P1', '[P1, P2]', 'P9'])} }` : '';
  const second = r.chance(0.5)
    ? `\n  - id: second\n    description: a second objective\n    source: tickets\n    measure: count\n    aggregate: count\n    target: ">= 1"\n    window: month\n    time: opened_at`
    : '';
  const depends = second && r.chance(0.5) ? '\n    dependsOn: [second]' : '';
  const yaml = `apiVersion: slacheck/v1
kind: ${kind}
id: ${id}
title: A generated agreement
parties:
  provider-co:
    name: Provider
    role: provider
  customer-co:
    name: Customer
    role: customer
validity: { from: 2026-01-01, to: 2026-12-31 }
timezone: ${tz}
${r.chance(0.3) ? 'fee: { amount: 1000, currency: EUR, per: month }\n' : ''}${calendars}services:
  svc:
    description: A service
    hours: 24x7
data:
  tickets:
    file: tickets.csv
objectives:
  - id: main
    service: svc
    description: the main objective
    source: tickets${where}
    measure: ${measure}${aggregate ? `\n    aggregate: ${aggregate}` : ''}${good}
    target: ${target}
    window: ${window}
    time: opened_at${depends}${second}
`;
  return { [`${id}.yaml`]: yaml, 'tickets.csv': csv.join('\n') + '\n' };
}

// ---------------------------------------------------------------------------------------------
// Flags.

// flag values: [usual, hostile]; a hostile one is drawn now and then (see `value`)
const AS_OF = [
  ['2026-07-01', '2026-03-15T12:00:00Z', '2026-12-31T23:59:59+14:00', '2026-01-01', '2025-06-01', '2027-01-01', '2026-04-01T00:00:00Z', '2026-10-25T02:30:00'],
  ['2026-03-29T02:30', '2026-02-30', 'now', 'yesterday', '', '2026-07-01T00:00:00.123456789Z', '1970-01-01T00:00:00Z', '2026-07-01T25:00:00'],
];
const WINDOWS = [
  ['2026-03', '2026-W11', '2026-Q1', '2026', '2026-03-15', '2026-01', '2026-Q2', 'validity', '2026-02-16/2026-03-15'],
  ['2026-13', '2026-W53', '2026-Q5', 'latest', '', 'rolling', '2026-02-29', '2026-03-15/2026-02-16', '__proto__'],
];
const DATES = [['2026-01-01', '2026-03-31', '2026-06-30', '2025-12-31', '2026-02-01'], ['2026-02-30', 'x', '', '2026-07-01T10:00:00Z']];
const FAIL_ON = [
  ['breached', 'never', 'at-risk', 'no-data', 'warning', 'remedy', 'breached,no-data', 'at-risk,warning,remedy'],
  ['bogus', '', 'breached,never', 'breached,,'],
];
const FORMATS = {
  validate: [['text', 'json', 'github', 'markdown'], ['bogus', '']],
  evaluate: [['table', 'json', 'json', 'markdown', 'junit', 'github'], ['bogus', '']],
  explain: [['text', 'json'], ['table']],
  credits: [['table', 'json', 'markdown', 'csv'], ['text']],
  graph: [['mermaid', 'dot'], ['svg']],
};

/** Usually a usual value, with probability `hostile` one of the odd ones. */
function value(r, [usual, odd], hostile = 0.08) {
  return r.chance(hostile) ? r.pick(odd) : r.pick(usual);
}

function objectiveIds(files) {
  const ids = new Set();
  let agreement = null;
  for (const [name, text] of Object.entries(files)) {
    if (!/\.ya?ml$/.test(name)) continue;
    agreement = /^id:\s*(\S+)/m.exec(text)?.[1] ?? agreement;
    for (const m of text.matchAll(/^\s*- id:\s*(\S+)/gm)) {
      ids.add(m[1]);
      if (agreement) ids.add(`${agreement}/${m[1]}`);
    }
  }
  return [...ids];
}

function dataIds(files) {
  const ids = new Set();
  for (const [name, text] of Object.entries(files)) {
    if (!/\.ya?ml$/.test(name)) continue;
    const block = /^data:\n((?:[ \t].*\n?)*)/m.exec(text)?.[1] ?? '';
    for (const m of block.matchAll(/^ {2}([\w-]+):/gm)) ids.add(m[1]);
  }
  return [...ids];
}

function partyIds(files) {
  const ids = new Set();
  for (const [name, text] of Object.entries(files)) {
    if (!/\.ya?ml$/.test(name)) continue;
    const block = /^parties:\n((?:[ \t].*\n?)*)/m.exec(text)?.[1] ?? '';
    for (const m of block.matchAll(/^ {2}([\w-]+):/gm)) ids.add(m[1]);
  }
  return [...ids];
}

function outputPath(r, ext, files) {
  if (r.chance(0.9)) return r.pick([`out/report.${ext}`, `report.${ext}`, `deep/er/x.${ext}`, `./r.${ext}`, '/dev/null']);
  // odd targets, all inside the case folder: a folder, an input file, below a file
  const names = Object.keys(files);
  return r.pick(['.', 'out/', r.pick(names) ?? 'x', `${r.pick(names) ?? 'x'}/r.${ext}`, '']);
}

function dataFlags(r, files) {
  const out = [];
  const csvs = Object.keys(files).filter((f) => f.endsWith('.csv'));
  const ids = dataIds(files);
  const n = r.chance(0.25) ? r.int(1, 2) : 0;
  for (let k = 0; k < n; k++) {
    const id = ids.length > 0 && r.chance(0.9) ? r.pick(ids) : r.pick(['nope', '', '__proto__', 'a/b/c']);
    const file = csvs.length > 0 && r.chance(0.9) ? r.pick(csvs) : r.pick(['missing.csv', '', 'out', '/dev/null']);
    out.push('--data', r.chance(0.97) ? `${id}=${file}` : id);
  }
  return out;
}

function asOf(r) {
  return ['--as-of', value(r, AS_OF)];
}

function paths(r, files) {
  const yamls = Object.keys(files).filter((f) => /\.ya?ml$/.test(f));
  const roll = r.next();
  if (roll < 0.6 || yamls.length === 0) return ['.'];
  if (roll < 0.85) return [r.pick(yamls)];
  if (roll < 0.96) return yamls.slice();
  return [r.pick(['missing.yaml', 'data', '', '.', Object.keys(files)[0] ?? 'x'])];
}

function randomFlags(r, files) {
  const command = r.pick(['validate', 'evaluate', 'evaluate', 'evaluate', 'explain', 'credits', 'graph']);
  const args = [command];
  const ids = objectiveIds(files);
  if (command === 'explain') args.push(ids.length > 0 && r.chance(0.95) ? r.pick(ids) : r.pick(['nope', '', '__proto__', 'a/b']));
  args.push(...paths(r, files));
  switch (command) {
    case 'validate':
      if (r.chance(0.6)) args.push('--format', value(r, FORMATS.validate));
      if (r.chance(0.3)) args.push('--strict');
      if (r.chance(0.2)) args.push('--output', outputPath(r, 'txt', files));
      break;
    case 'evaluate': {
      args.push(...asOf(r));
      if (r.chance(0.25)) args.push('--window', value(r, WINDOWS));
      if (r.chance(0.15)) args.push('--from', value(r, DATES));
      if (r.chance(0.15)) args.push('--to', value(r, DATES));
      if (r.chance(0.15)) args.push('--objective', ids.length > 0 && r.chance(0.9) ? r.pick(ids) : 'nope');
      if (r.chance(0.1)) args.push('--owner', r.chance(0.9) && partyIds(files).length > 0 ? r.pick(partyIds(files)) : 'nobody');
      // several formats: all but (at most) one go to an --output
      const nf = r.chance(0.7) ? (r.chance(0.8) ? 1 : r.int(2, 3)) : 0;
      const formats = [];
      for (let k = 0; k < nf; k++) formats.push(value(r, FORMATS.evaluate, 0.04));
      for (const f of formats) args.push('--format', f);
      const no = nf > 1 ? (r.chance(0.9) ? nf - 1 : r.int(0, nf)) : nf === 1 && r.chance(0.3) ? 1 : 0;
      for (let k = 0; k < no; k++) args.push('--output', outputPath(r, formats[k] ?? 'txt', files));
      if (r.chance(0.5)) args.push('--fail-on', value(r, FAIL_ON));
      if (r.chance(0.2)) args.push('--latest');
      if (r.chance(0.15)) args.push('--scorecard');
      if (r.chance(0.3)) args.push('--quiet');
      args.push(...dataFlags(r, files));
      break;
    }
    case 'explain':
      args.push(...asOf(r));
      if (r.chance(0.4)) args.push('--window', value(r, WINDOWS));
      if (r.chance(0.5)) args.push('--format', r.chance(0.5) ? 'json' : value(r, FORMATS.explain, 0.04));
      if (r.chance(0.15)) args.push('--output', outputPath(r, 'txt', files));
      if (r.chance(0.3)) args.push('--quiet');
      args.push(...dataFlags(r, files));
      break;
    case 'credits':
      args.push(...asOf(r));
      if (r.chance(0.3)) args.push('--period', value(r, WINDOWS));
      if (r.chance(0.6)) args.push('--format', r.chance(0.3) ? 'json' : value(r, FORMATS.credits, 0.04));
      if (r.chance(0.15)) args.push('--output', outputPath(r, 'txt', files));
      if (r.chance(0.3)) args.push('--evidence');
      if (r.chance(0.3)) args.push('--quiet');
      args.push(...dataFlags(r, files));
      break;
    case 'graph':
    default:
      if (r.chance(0.6)) args.push('--format', value(r, FORMATS.graph, 0.04));
      if (r.chance(0.5)) args.push('--evaluate', ...asOf(r), ...dataFlags(r, files));
      if (r.chance(0.15)) args.push('--output', outputPath(r, 'mmd', files));
      break;
  }
  // now and then a flag that does not exist, colour, or --debug (which allows stack traces)
  if (r.chance(0.03)) args.push(r.pick(['--bogus', '--help', '-x', '--format']));
  if (r.chance(0.05) && command !== 'credits' && command !== 'graph') args.push(r.pick(['--color', '--no-color']));
  if (r.chance(0.03)) args.push('--debug');
  return args;
}

/** A YAML document nested 1000 deep (issue 14: once "Maximum call stack size exceeded"). */
function deepNesting(r) {
  const n = r.int(500, 2000);
  return `apiVersion: slacheck/v1\nkind: SLA\nid: deep\nx: ${'['.repeat(n)}\n`;
}

// ---------------------------------------------------------------------------------------------

/**
 * The case with index `index` of the run seeded `seed`. `opts.includeKnown` also generates the
 * shapes of issue 14's findings (far dates, deep YAML nesting, many unclosed strings); the runner
 * asks for them unless told not to. (The fourth, huge tables, needs data sets far larger than these cases ever have.)
 */
export function generateCase(seed, index, opts = {}) {
  const r = caseRandom(seed, index);
  const shape = [];
  let files;
  const roll = r.next();
  if (roll < 0.62) {
    const example = r.pick(corpus());
    files = { ...example.files };
    shape.push(`example:${example.name}`);
  } else if (roll < 0.7) {
    // two examples side by side (the second in a subfolder): ids and references across folders
    const [a, b] = [r.pick(corpus()), r.pick(corpus())];
    files = { ...a.files };
    for (const [rel, text] of Object.entries(b.files)) files[`other/${rel}`] = text;
    shape.push(`examples:${a.name}+${b.name}`);
  } else {
    files = randomAgreement(r);
    shape.push('generated');
  }
  if (opts.includeKnown && r.chance(0.02)) {
    files['deep.yaml'] = deepNesting(r);
    shape.push('deep-nesting');
  }
  if (opts.includeKnown && r.chance(0.01)) {
    // many unclosed strings (issue 14: once quadratic error reporting)
    files['unclosed.yaml'] = `apiVersion: slacheck/v1\n${Array.from({ length: r.int(500, 3000) }, (_, k) => `k${k}: "unclosed`).join('\n')}\n`;
    shape.push('unclosed-strings');
  }
  const roll2 = r.next();
  const mutations = roll2 < 0.2 ? 0 : roll2 < 0.7 ? 1 : r.int(2, 3);
  for (let k = 0; k < mutations; k++) {
    const names = Object.keys(files);
    const name = r.pick(names);
    const [text, what] = /\.ya?ml$/.test(name) ? mutateYaml(r, files[name], opts) : mutateCsv(r, files[name], opts);
    files[name] = text;
    shape.push(`${name}:${what}`);
  }
  const args = randomFlags(r, files);
  if (opts.includeKnown && r.chance(0.02) && args[0] !== 'validate' && args[0] !== 'graph') {
    args.push('--as-of', '9999-12-31');
    shape.push('far-as-of');
  }
  const env = r.chance(0.9) ? { NO_COLOR: '1' } : r.pick([{}, { FORCE_COLOR: '1' }, { FORCE_COLOR: '0' }, { NO_COLOR: '', FORCE_COLOR: '3' }, { NO_COLOR: '1', TZ: 'Pacific/Kiritimati' }]);
  return { args, files, shape, env };
}
