/**
 * SPEC 9.1: the columns an agreement names, checked against the header line of each data file
 * that exists (`validate` only; `evaluate` checks the header it reads). The header reader is
 * given (`CompileOptions.readHeader`), so this stays free of I/O and tests pass headers from memory.
 *
 * Each declared data set's file is read once, relative to the YAML that declares it (a shared
 * data set `agreement/data` resolves to the declaring agreement). A missing file is a warning
 * `data-file-missing` at the data set's `file`; each named column the header lacks is an error
 * `unknown-column` at the YAML node that names it.
 */
import path from 'node:path';
import type { LoadedAgreement, NodePath, Objective, Report, Where } from '../../agreement/model.js';
import type { ReadHeader } from '../../data/header.js';
import { problem, type Problem, type ProblemCode, type Severity } from '../../problem.js';
import { measureKind } from '../measure.js';
import { resolveDataSet, type AgreementIndex } from '../resolve.js';
import { acceptedEntries, isAccepted, itemsOf } from './context.js';
import { closestName } from '../../agreement/suggest.js';
import { displayPath } from '../../agreement/files.js';
import { ownValue } from '../../agreement/mapping.js';

export interface HeaderAccess {
  /** Where display paths are relative to. */
  cwd: string;
  readHeader: ReadHeader;
}

/** A data file's header as the checks see it. */
interface Header {
  /** Display path of the file. */
  file: string;
  /** Every name in the header; a repeated one (Jira's `Labels`) is known once it occurs. */
  names: ReadonlySet<string>;
  /** Distinct names in header order, for suggestions and the listing. */
  list: readonly string[];
  /** Names the header repeats, with their 1-based positions (SPEC 9.1 `ambiguous-column`). */
  repeated: ReadonlyMap<string, number[]>;
}

/** SPEC 3.4: without `time`, a value or count record is placed by the first of these that exists. */
export const DEFAULT_TIME_COLUMNS = ['timestamp', 'time', 'date'] as const;

/** Listing a very wide header (Jira exports have hundreds of columns) helps nobody. */
const MAX_LISTED = 20;


function listing(header: Header): string {
  const shown = header.list.slice(0, MAX_LISTED).map((name) => JSON.stringify(name));
  const more = header.list.length - shown.length;
  return `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

/**
 * A one-column header holding `;` or tabs most likely has another delimiter than the one used; a
 * header with U+FFFD was not UTF-8 (German Excel's "CSV (Trennzeichen-getrennt)" writes
 * Windows-1252: `Priorität` reads as `Priorit�t`).
 */
function delimiterHint(header: Header): string {
  if (header.list.some((name) => name.includes('\uFFFD'))) {
    return '; the file is not UTF-8 (� stands for bytes that are not): save it as UTF-8, in Excel as "CSV UTF-8"';
  }
  const only = header.list.length === 1 ? header.list[0]! : '';
  if (!/[;\t]/.test(only)) return '';
  const semicolon = only.includes(';');
  return `; the header looks ${semicolon ? 'semicolon' : 'tab'}-separated: set the data set's delimiter to "${semicolon ? ';' : '\\t'}" or remove it to detect it`;
}

export function checkDataColumns(agreements: readonly LoadedAgreement[], index: AgreementIndex, access: HeaderAccess): Problem[] {
  const problems: Problem[] = [];
  const at = (a: LoadedAgreement, p: NodePath, code: ProblemCode, message: string, severity: Severity = 'error', key = false) => {
    const pos = key && a.locateKey ? a.locateKey(p) : a.locate(p);
    problems.push(problem(a.file, pos.line, pos.column, code, message, severity));
  };

  // Every accepted data set declaration, read once per file and delimiter.
  const read = new Map<string, ReturnType<ReadHeader>>();
  const headers = new Map<LoadedAgreement, Map<string, Header>>();
  for (const a of agreements) {
    const own = new Map<string, Header>();
    headers.set(a, own);
    for (const [id, declared] of acceptedEntries(a, 'data')) {
      const abs = path.resolve(a.dir, declared.file);
      const file = displayPath(abs, access.cwd);
      const cacheKey = `${declared.delimiter ?? ''}\u0000${abs}`;
      if (!read.has(cacheKey)) read.set(cacheKey, access.readHeader(abs, declared.delimiter === undefined ? {} : { delimiter: declared.delimiter }));
      const result = read.get(cacheKey)!;
      if (result === null) {
        at(a, ['data', id, 'file'], 'data-file-missing', `data file \`${file}\` does not exist, so the columns named from data set \`${id}\` are not checked`, 'warning');
      } else if (!Array.isArray(result)) {
        at(a, ['data', id, 'file'], result.code, `data file \`${file}\`: ${result.message}`);
      } else {
        const positions = new Map<string, number[]>();
        result.forEach((name, i) => positions.set(name, [...(positions.get(name) ?? []), i + 1]));
        own.set(id, { file, names: new Set(result), list: [...new Set(result)], repeated: new Map([...positions].filter(([, at]) => at.length > 1)) });
      }
    }
  }

  for (const a of agreements) {
    /** The header of the data set `ref` names, when it resolves to a file that was read. */
    const headerOf = (ref: string): Header | undefined => {
      const r = resolveDataSet(ref, a, index);
      return r.ok ? headers.get(r.agreement)?.get(r.id) : undefined;
    };
    /** The `key` column the data set `ref` declares. */
    const keyOf = (ref: string): string | undefined => {
      const r = resolveDataSet(ref, a, index);
      return r.ok ? ownValue(r.agreement.doc.data, r.id)?.key : undefined;
    };
    const unknown = (header: Header, name: string) =>
      `unknown column \`${name}\`${suggestColumn(name, header.list)}: the header of \`${header.file}\` has ${listing(header)}${delimiterHint(header)}`;
    /** A column read as one value (a timestamp, a number, a key): it must exist, once (SPEC 9.1). */
    const column = (header: Header | undefined, name: string, p: NodePath) => {
      if (header && !header.names.has(name)) at(a, p, 'unknown-column', unknown(header, name));
      const copies = header?.repeated.get(name);
      if (header && copies) {
        at(a, p, 'ambiguous-column', `column \`${name}\` occurs ${copies.length} times in the header of \`${header.file}\` (columns ${copies.join(', ')}); a timestamp, value or key column must be one of a kind: rename the copies in the export, or read another column`);
      }
    };
    const where = (header: Header | undefined, filter: Where | undefined, p: NodePath) => {
      if (!header) return;
      for (const name of Object.keys(filter ?? {})) {
        if (!header.names.has(name)) at(a, [...p, name], 'unknown-column', unknown(header, name), 'error', true);
      }
    };

    for (const [id, declared] of acceptedEntries(a, 'data')) {
      if (declared.key !== undefined) column(headers.get(a)?.get(id), declared.key, ['data', id, 'key']);
    }
    // SPEC 9.5: a maintenance window's notice log
    if (Array.isArray(a.doc.maintenance) && isAccepted(a, ['maintenance'])) {
      a.doc.maintenance.forEach((m, k) => {
        if (!m.notice || !isAccepted(a, ['maintenance', k])) return;
        const header = headerOf(m.notice.source);
        column(header, m.notice.at, ['maintenance', k, 'notice', 'at']);
        where(header, m.notice.where, ['maintenance', k, 'notice', 'where']);
      });
    }
    for (const { kind, item, path: p } of itemsOf(a)) {
      if (kind === 'report') {
        const log = (item as Report).log;
        const header = headerOf(log.source);
        column(header, log.at, [...p, 'log', 'at']);
        if (log.for !== undefined) column(header, log.for, [...p, 'log', 'for']);
        where(header, log.where, [...p, 'log', 'where']);
        continue;
      }
      const o = item as Objective;
      const header = headerOf(o.source);
      where(header, o.where, [...p, 'where']);
      checkMeasure(o, header, p, column);
      if (o.good && 'where' in o.good) where(header, o.good.where, [...p, 'good', 'where']);
      if (o.time !== undefined) column(header, o.time, [...p, 'time']);
      else if (header && (measureKind(o.measure) === 'value' || measureKind(o.measure) === 'count')) {
        if (!DEFAULT_TIME_COLUMNS.some((c) => header.names.has(c))) {
          at(
            a,
            [...p, 'measure'],
            'missing-time-column',
            `objective \`${o.id}\` has no \`time\`, and the header of \`${header.file}\` has no column \`timestamp\`, \`time\` or \`date\` to place its records in windows; ` +
              `set \`time:\` to the column that does${suggestTime(header)}; the header has ${listing(header)}${delimiterHint(header)}`,
          );
        }
      }
      (o.pause ?? []).forEach((pause, k) => {
        const entry = [...p, 'pause', k];
        if (!('source' in pause)) return column(header, pause.column, [...entry, 'column']);
        const history = headerOf(pause.source);
        column(history, pause.key, [...entry, 'key']);
        column(history, pause.at, [...entry, 'at']);
        column(history, pause.status, [...entry, 'status']);
        where(history, pause.where, [...entry, 'where']);
        // SPEC 9.7: the join defaults to the measured data set's declared `key`, else `id`
        const declaredKey = keyOf(o.source);
        if (pause.join !== undefined) column(header, pause.join, [...entry, 'join']);
        else if (declaredKey !== undefined) return;
        else if (header && !header.names.has('id')) {
          // SPEC 5: the measured data set's `id` holds the key unless `join` names another column.
          const same = header.names.has(pause.key) ? ` (the measured data has \`${pause.key}\` too: \`join: ${pause.key}\`?)` : suggestColumn('id', header.list);
          at(
            a,
            entry,
            'unknown-column',
            `the status history is joined on column \`id\` of the measured data by default, which the header of \`${header.file}\` lacks; ` +
              `set \`join:\` to the column holding the key${same}; the header has ${listing(header)}${delimiterHint(header)}`,
          );
        }
      });
      (o.inputs ?? []).forEach((input, k) => {
        column(header, input.due, [...p, 'inputs', k, 'due']);
        column(header, input.done, [...p, 'inputs', k, 'done']);
      });
      (o.exclude ?? []).forEach((exclusion, k) => {
        if ('where' in exclusion) where(header, exclusion.where, [...p, 'exclude', k, 'where']);
      });
    }
  }
  return problems;
}

function checkMeasure(o: Objective, header: Header | undefined, p: NodePath, column: (h: Header | undefined, name: string, p: NodePath) => void): void {
  const m = o.measure;
  if (typeof m !== 'object' || m === null) return;
  const at = [...p, 'measure'];
  if ('value' in m) column(header, m.value, [...at, 'value']);
  else if ('duration' in m) {
    column(header, m.duration.from, [...at, 'duration', 'from']);
    column(header, m.duration.to, [...at, 'duration', 'to']);
    if (typeof m.duration.calendar === 'object') column(header, m.duration.calendar.column, [...at, 'duration', 'calendar', 'column']);
  } else if ('deadline' in m) {
    column(header, m.deadline.due, [...at, 'deadline', 'due']);
    column(header, m.deadline.done, [...at, 'deadline', 'done']);
    if (typeof m.deadline.calendar === 'object') column(header, m.deadline.calendar.column, [...at, 'deadline', 'calendar', 'column']);
  } else if ('uptime' in m) {
    column(header, m.uptime.from, [...at, 'uptime', 'from']);
    column(header, m.uptime.to, [...at, 'uptime', 'to']);
  }
}

/** Column names compared loosely: case, spaces, `_`, `-` and `.` aside (`Issue key` is `issue_key`). */
function loose(name: string): string {
  return name.toLowerCase().replace(/[\s_.-]+/g, '');
}

/**
 * ` (did you mean \`Created\`?)` for the column `name` most likely meant: the same name written
 * differently, a close edit, or a longer name that starts with it (`opened` -> `opened_at`).
 */
export function suggestColumn(name: string, columns: readonly string[]): string {
  const wanted = loose(name);
  const guess =
    columns.find((c) => loose(c) === wanted) ??
    closestName(name, columns, Math.max(1, Math.floor(name.length / 3))) ??
    (wanted.length >= 3 ? columns.filter((c) => loose(c).startsWith(wanted) || wanted.startsWith(loose(c)) && loose(c).length >= 3).sort((a, b) => a.length - b.length)[0] : undefined);
  return guess === undefined || guess === name ? '' : ` (did you mean \`${guess}\`?)`;
}

/** ` (e.g. \`Created\`)` when a column's name says it holds a time. */
function suggestTime(header: Header): string {
  const guess = header.list.find((name) => /(^|[^a-z])(date|time|created|opened|at)([^a-z]|$)|_at$|At$|datum|zeit/i.test(name));
  return guess === undefined ? '' : ` (e.g. \`${guess}\`)`;
}
