/** SPEC 9.2 warnings in words: for stderr, the JSON `warnings` and every human format. */
import type { RunWarning } from '../evaluate/warnings.js';

function quoteList(values: readonly string[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function warningMessage(w: RunWarning): string {
  const who = w.objective === null ? '' : `${w.agreement}/${w.objective}: `;
  switch (w.code) {
    case 'where-matched-nothing':
      return `${who}where ${w.column} = ${JSON.stringify(w.value)} matches no row of ${w.dataFile}` +
        (w.seen.length ? `; ${w.column} has ${quoteList(w.seen)}${w.seen.length === 5 ? ', …' : ''} (values compare exactly, case included)` : `; ${w.column} is empty in every row`);
    case 'data-empty':
      return 'the data file has a header but no rows: every objective reading it has no data';
    case 'outside-validity':
      return `${plural(w.rows, 'row')} ${w.rows === 1 ? 'lies' : 'lie'} outside the validity of every agreement reading ${w.rows === 1 ? 'it' : 'them'} (the first at line ${w.line}): counted nowhere`;
    case 'all-no-data':
      return `${who}no data in any of its ${plural(w.windows, 'window')}: check its where, its data set and the validity`;
    case 'pause-exceeds-duration':
      return `${who}the pause column ${w.column} exceeds the duration it is subtracted from on ${w.records} of ${plural(w.of, 'record')}: the wrong column or unit?`;
    case 'delivery-unmatched':
      return `${who}${plural(w.rows, 'logged delivery', 'logged deliveries')} in ${w.file} name no occurrence in ${w.column} (${quoteList(w.values)}): ignored`;
    case 'invalid-rows':
      return `${plural(w.rows, 'row')} left out for a bad cell (invalid: skip), at line${w.lines.length === 1 ? '' : 's'} ${w.lines.join(', ')}${w.rows > w.lines.length ? ', …' : ''}`;
  }
}

/** The SPEC 9.2 JSON shape: `{ code, message, agreement, objective, file, line }`. */
export function warningJson(w: RunWarning): { code: string; message: string; agreement: string; objective: string | null; file: string; line: number | null } {
  return { code: w.code, message: warningMessage(w), agreement: w.agreement, objective: w.objective, file: w.file, line: w.line };
}

/** `slacheck: warning: file:line: message`, one line each. */
export function formatWarningsText(warnings: readonly RunWarning[]): string {
  return warnings.map((w) => `slacheck: warning: ${w.line !== null ? `${w.file}:${w.line}` : w.file}: ${warningMessage(w)} [${w.code}]\n`).join('');
}
