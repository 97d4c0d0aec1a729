/** SPEC 9.1: `validate` checks the columns an agreement names against each data file's header line. */
import { describe, expect, it } from 'vitest';
import { loadAgreementText } from '../../../src/agreement/loader.js';
import { compileAgreements } from '../../../src/compile/index.js';
import { agreementText, at, check, loadText, objective, report, networkOla } from '../../fixtures/semantic/agreement.js';

const TICKETS = 'id,priority,opened_at,responded_at,resolved_at,due_at,done_at,cause,waiting_minutes,created';
const HEADERS = {
  '/fixtures/tickets.csv': TICKETS,
  '/fixtures/reports.csv': 'report,delivered_at',
};

describe('checkAgreements with headers: unknown columns (SPEC 9.1)', () => {
  it('finds nothing wrong when every named column exists', () => {
    expect(check(agreementText(), false, HEADERS)).toEqual([]);
  });

  it('checks nothing without a header reader (evaluate checks what it reads)', () => {
    const text = agreementText({ objectives: [objective({ measure: '{ duration: { from: openedAt, to: responded_at } }' })] });
    expect(check(text)).toEqual([]);
  });

  it('names a measure column the header lacks, at its node, with did-you-mean and the header', () => {
    const text = agreementText({ objectives: [objective({ measure: '{ duration: { from: opened, to: responded_at } }' })] });
    expect(check(text, false, HEADERS)).toEqual([
      at(
        text,
        'opened,',
        'unknown-column',
        'unknown column `opened` (did you mean `opened_at`?): the header of `fixtures/tickets.csv` has "id", "priority", "opened_at", "responded_at", "resolved_at", "due_at", "done_at", "cause", "waiting_minutes", "created"',
      ),
    ]);
  });

  it('checks where (at the key), good.where, exclude, time, value, inputs and pause columns', () => {
    const text = agreementText({
      objectives: [
        objective({
          where: '{ prio: P1, cause: [a, b] }',
          time: 'created_at',
          pause: '[{ column: waiting_mins, unit: m, party: company-x }]',
          exclude: '[{ where: { Cause: maintenance }, party: none }]',
        }),
        objective({ id: 'ok', service: null, measure: 'count', good: '{ where: { state: ok } }', time: 'created' }),
        objective({ id: 'v', service: null, measure: '{ value: size }', aggregate: 'mean', good: null, target: '"<= 10"', time: 'created' }),
        objective({
          id: 'late',
          service: null,
          measure: '{ deadline: { due: due_at, done: finished_at } }',
          good: null,
          inputs: '[{ party: company-x, due: specs_due, done: done_at }]',
        }),
      ],
    });
    const unknown = (name: string) => new RegExp(`^unknown column \`${name}\``);
    const problems = check(text, false, HEADERS);
    expect(problems).toEqual([
      at(text, 'prio:', 'unknown-column', unknown('prio')),
      at(text, 'created_at', 'unknown-column', unknown('created_at')),
      at(text, 'waiting_mins', 'unknown-column', unknown('waiting_mins')),
      at(text, 'Cause', 'unknown-column', unknown('Cause')),
      at(text, 'state:', 'unknown-column', unknown('state')),
      at(text, 'size', 'unknown-column', unknown('size')),
      at(text, 'finished_at', 'unknown-column', unknown('finished_at')),
      at(text, 'specs_due', 'unknown-column', unknown('specs_due')),
    ]);
    expect(problems[3]!.message).toMatch(/^unknown column `Cause` \(did you mean `cause`\?\)/);
  });

  it('checks report log columns against the log data set', () => {
    const text = agreementText({ reports: [report({ log: '{ source: report-log, at: sent_at, where: { reprot: monthly } }' })] });
    expect(check(text, false, HEADERS)).toEqual([
      at(text, 'sent_at', 'unknown-column', 'unknown column `sent_at`: the header of `fixtures/reports.csv` has "report", "delivered_at"'),
      at(text, 'reprot', 'unknown-column', 'unknown column `reprot` (did you mean `report`?): the header of `fixtures/reports.csv` has "report", "delivered_at"'),
    ]);
  });

  it('knows a column that a header repeats (Jira `Labels`), and lists it once', () => {
    const text = agreementText({ objectives: [objective({ where: '{ Labels: vip, Label: x }' })] });
    const problems = check(text, false, { ...HEADERS, '/fixtures/tickets.csv': `${TICKETS},Labels,Labels` });
    expect(problems).toEqual([at(text, 'Label:', 'unknown-column', /^unknown column `Label` \(did you mean `Labels`\?\)/)]);
    expect(problems[0]!.message.match(/"Labels"/g)).toHaveLength(1);
  });

  it('caps the listed header columns', () => {
    const wide = Array.from({ length: 30 }, (_, i) => `c${i}`).join(',');
    const text = agreementText({ objectives: [objective({ where: '{ zzz: 1 }' })] });
    const [p] = check(text, false, { ...HEADERS, '/fixtures/tickets.csv': `opened_at,responded_at,${wide}` });
    expect(p!.message).toMatch(/"c17" and 12 more$/);
  });

  it('hints at the delimiter when the header is one column holding semicolons', () => {
    const text = agreementText();
    const problems = check(text, false, { ...HEADERS, '/fixtures/tickets.csv': 'id;opened_at;responded_at' });
    expect(problems[0]!.message).toMatch(/the header looks semicolon-separated: set the data set's delimiter to ";"/);
  });

  it('says so when the header was not UTF-8 (U+FFFD where Windows-1252 had an umlaut)', () => {
    const text = agreementText({ objectives: [objective({ where: '{ Priorität: Hoch }' })] });
    const [p] = check(text, false, { ...HEADERS, '/fixtures/tickets.csv': 'opened_at,responded_at,Priorit\uFFFDt' });
    expect(p!.message).toMatch(/^unknown column `Priorität` \(did you mean `Priorit\uFFFDt`\?\): .*; the file is not UTF-8 \(� stands for bytes that are not\): save it as UTF-8, in Excel as "CSV UTF-8"$/);
  });
});

describe('checkAgreements with headers: the default time column (SPEC 3.4)', () => {
  it('reports a value or count objective without `time` when no timestamp, time or date column exists', () => {
    const text = agreementText({ objectives: [objective({ measure: 'count', aggregate: 'count', good: null, target: '"<= 5"' })] });
    expect(check(text, false, HEADERS)).toEqual([
      at(
        text,
        'count\n',
        'missing-time-column',
        /^objective `first-response` has no `time`, and the header of `fixtures\/tickets.csv` has no column `timestamp`, `time` or `date` to place its records in windows; set `time:` to the column that does \(e\.g\. `opened_at`\); the header has "id"/,
      ),
    ]);
    expect(check(text, false, { ...HEADERS, '/fixtures/tickets.csv': `${TICKETS},date` })).toEqual([]);
  });

  it('does not ask durations, deadlines or uptime for a default time column', () => {
    expect(check(agreementText(), false, HEADERS)).toEqual([]);
  });
});

describe('checkAgreements with headers: status histories (SPEC 5)', () => {
  const data = ['data:', '  tickets: { file: tickets.csv }', '  report-log: { file: reports.csv }', '  history: { file: history.csv }'].join('\n');
  const headers = { ...HEADERS, '/fixtures/history.csv': 'Issue key,Changed,To' };

  it('checks key, at and status against the history and join against the measured data', () => {
    const text = agreementText({
      data,
      objectives: [objective({ pause: '[{ source: history, key: Issue, join: ticket, at: Changed, status: Status, values: [Waiting], party: company-x }]' })],
    });
    expect(check(text, false, headers).map((p) => p.message.replace(/ has .*$/, ''))).toEqual([
      'unknown column `Issue` (did you mean `Issue key`?): the header of `fixtures/history.csv`',
      'unknown column `ticket`: the header of `fixtures/tickets.csv`',
      'unknown column `Status`: the header of `fixtures/history.csv`',
    ]);
  });

  it('reports the default join `id` when the measured data has none, suggesting the history key', () => {
    const text = agreementText({
      data,
      objectives: [objective({ pause: '[{ source: history, key: Issue key, at: Changed, status: To, values: [Waiting], party: company-x }]' })],
    });
    const problems = check(text, false, { ...headers, '/fixtures/tickets.csv': 'Issue key,opened_at,responded_at' });
    expect(problems).toEqual([
      at(
        text,
        '{ source: history',
        'unknown-column',
        'the status history is joined on column `id` of the measured data by default, which the header of `fixtures/tickets.csv` lacks; set `join:` to the column holding the key (the measured data has `Issue key` too: `join: Issue key`?); the header has "Issue key", "opened_at", "responded_at"',
      ),
    ]);
  });
});

describe('checkAgreements with headers: data files', () => {
  it('warns about a data file that does not exist, once, at its declaration, and checks no column of it', () => {
    const text = agreementText({ objectives: [objective({ measure: '{ duration: { from: x, to: y } }' })] });
    expect(check(text, false, { '/fixtures/reports.csv': 'report,delivered_at' })).toEqual([
      at(text, 'tickets.csv', 'data-file-missing', 'data file `fixtures/tickets.csv` does not exist, so the columns named from data set `tickets` are not checked', {
        severity: 'warning',
      }),
    ]);
  });

  it('reports a header that cannot be read at the declaration, and checks no column of it', () => {
    const text = agreementText({ objectives: [objective({ measure: '{ duration: { from: x, to: y } }' })] });
    const loaded = loadText(text);
    const { problems } = compileAgreements(loaded, {
      cwd: '/',
      readHeader: (abs) => (abs.endsWith('tickets.csv') ? { code: 'csv-no-header', message: 'the file is empty; its first line must be a header naming the columns' } : ['report', 'delivered_at']),
    });
    expect(problems).toEqual([
      at(text, 'tickets.csv', 'csv-no-header', 'data file `fixtures/tickets.csv`: the file is empty; its first line must be a header naming the columns'),
    ]);
  });

  it('reads a shared data set relative to the agreement that declares it, once, with its delimiter', () => {
    const network = networkOla({ data: '{ file: data/incidents.csv, delimiter: ";" }', objective: '{ id: restore, source: incidents, measure: { uptime: { from: start, to: end } }, target: ">= 99%", window: month }' });
    const desk = agreementText({ objectives: [objective({ source: 'network/incidents', measure: '{ duration: { from: start, to: finish } }' })] });
    const loaded = [...loadText(desk, 'agreements/desk.yaml'), ...loadText(network, 'network/network.yaml').map((a) => ({ ...a, dir: '/elsewhere/network' }))];
    const reads: string[] = [];
    const { problems } = compileAgreements(loaded, {
      cwd: '/elsewhere',
      readHeader: (abs, opts) => {
        reads.push(`${abs} ${opts?.delimiter ?? 'detect'}`);
        return abs === '/elsewhere/network/data/incidents.csv' ? ['start', 'end'] : abs === '/fixtures/reports.csv' ? ['report', 'delivered_at'] : ['opened_at', 'responded_at'];
      },
    });
    expect(reads.sort()).toEqual(['/elsewhere/network/data/incidents.csv ;', '/fixtures/reports.csv detect', '/fixtures/tickets.csv detect']);
    expect(problems).toEqual([
      at(desk, 'finish', 'unknown-column', 'unknown column `finish`: the header of `network/data/incidents.csv` has "start", "end"'),
    ]);
  });
});

describe('checkAgreements with headers: parts the schema rejected (SPEC 9.2)', () => {
  it('checks the columns of accepted objectives only, and reads no rejected data set', () => {
    const text = agreementText({
      data: ['data:', '  tickets: { file: tickets.csv }', '  report-log: { file: reports.csv, delimiter: "|" }'].join('\n'),
      objectives: [objective({ window: 'monthly', where: '{ nope: 1 }' }), objective({ id: 'b', where: '{ prio: 1 }' })],
    });
    const reads: string[] = [];
    const { problems } = compileAgreements(loadAgreementText(text, 'agreements/desk.yaml', '/fixtures').checkable, {
      cwd: '/',
      readHeader: (abs) => (reads.push(abs), TICKETS.split(',')),
    });
    expect(reads).toEqual(['/fixtures/tickets.csv']);
    expect(problems).toEqual([at(text, 'prio:', 'unknown-column', /^unknown column `prio` \(did you mean `priority`\?\)/)]);
  });
});

describe('checkAgreements with headers: the v1.1 keys and repeated headers (SPEC 9.1)', () => {
  // a Jira export: `Labels` repeated, `Issue key` the record's key
  const JIRA = {
    '/fixtures/tickets.csv': 'Issue key,Summary,Created,Resolved,Labels,Labels,Changed,To,Field',
    '/fixtures/reports.csv': 'report,delivered_at,report_date',
  };
  const data = (extra: string) => ['data:', `  tickets: { file: tickets.csv${extra} }`, '  report-log: { file: reports.csv }'].join('\n');
  const jira = (o: Parameters<typeof objective>[0], d = '') =>
    agreementText({ data: data(d), objectives: [objective({ measure: '{ duration: { from: Created, to: Resolved } }', ...o })], reports: [] });

  it('a where on a repeated column is fine (any copy matches); reading one as a timestamp is ambiguous-column', () => {
    expect(check(jira({ where: '{ Labels: vip }' }), false, JIRA)).toEqual([]);
    const text = jira({ time: 'Labels' });
    expect(check(text, false, JIRA)).toEqual([
      at(text, 'Labels', 'ambiguous-column', 'column `Labels` occurs 2 times in the header of `fixtures/tickets.csv` (columns 5, 6); a timestamp, value or key column must be one of a kind: rename the copies in the export, or read another column'),
    ]);
  });

  it("the data set's key, a pause history's where, and a report's for must name header columns", () => {
    const text = agreementText({
      data: data(', key: Issue-key'),
      objectives: [
        objective({
          measure: '{ duration: { from: Created, to: Resolved } }',
          pause: '[{ source: tickets, key: Issue key, at: Changed, status: To, values: [Waiting], where: { Fied: status }, party: company-x }]',
        }),
      ],
      reports: [report({ log: '{ source: report-log, at: delivered_at, for: report_day }' })],
    });
    expect(check(text, false, JIRA).map((p) => [p.code, p.message.slice(0, p.message.indexOf(':'))])).toEqual([
      ['unknown-column', 'unknown column `Issue-key` (did you mean `Issue key`?)'],
      ['unknown-column', 'unknown column `Fied` (did you mean `Field`?)'],
      ['unknown-column', 'unknown column `report_day` (did you mean `report_date`?)'],
    ]);
  });

  it("a pause history joins on the measured data set's declared key by default (SPEC 9.7)", () => {
    const pause = '[{ source: tickets, key: Issue key, at: Changed, status: To, values: [Waiting], party: company-x }]';
    // without a key, the default join column `id` is missing from the Jira header
    expect(check(jira({ pause }), false, JIRA).map((p) => p.code)).toEqual(['unknown-column']);
    expect(check(jira({ pause }, ', key: Issue key'), false, JIRA)).toEqual([]);
  });
});
