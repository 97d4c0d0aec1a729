/**
 * Golden scenarios (in the manner of Spectral's test-harness): one readable file per case in
 * test/scenarios/*.scenario holding the command line, and what it prints and returns:
 *
 *   ====test====
 *   validate reports an unknown calendar with file:line:column and exits 1
 *   ====command====
 *   validate test/fixtures/scenarios/validate/unknown-calendar.yaml
 *   ====env====                      (optional: KEY=VALUE lines added to the environment)
 *   ====stdout====
 *   …exactly what goes to stdout…
 *   ====stderr====
 *   …exactly what goes to stderr…
 *   ====status====
 *   1
 *
 * The command is run in-process through `main()` of src/cli/main.ts (without the leading
 * `slacheck`), from the repository root, with the environment `{ NO_COLOR: '1' }` plus the env
 * section, and stdout/stderr that are not a TTY; stdout, stderr and the exit status must match
 * exactly. The command is split on spaces; '…' and "…" quote an argument (\" and \\ inside "…").
 * A section's text is everything between its marker line and the next one, so an output that
 * ends with a newline is stored as is; one that does not is stored under
 * `====stdout (no final newline)====` (or stderr), with a newline added that reading removes.
 * Inputs live in test/fixtures/scenarios/. Commands that read data must pass --as-of.
 *
 * Update mode: after an intended output change, or to fill in a new scenario (write only its
 * test and command sections), run
 *   UPDATE_SCENARIOS=1 npx vitest run test/e2e/scenarios.test.ts
 * which rewrites every scenario file with what the CLI prints now. Then read the diff
 * (`git diff test/scenarios`) as a user would before committing it.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, runMain } from './cli.js';

const DIR = join(ROOT, 'test/scenarios');
const FIXTURES = join(ROOT, 'test/fixtures/scenarios');
const UPDATE = process.env.UPDATE_SCENARIOS === '1';
const MARKER = /^====([a-z]+)( \(no final newline\))?====$/;
const NO_EOL = ' (no final newline)';

interface Scenario {
  test: string;
  command: string;
  env: Record<string, string>;
  stdout?: string;
  stderr?: string;
  status?: number;
}

function parse(file: string, text: string): Scenario {
  const lines = text.split('\n');
  const sections = new Map<string, string>();
  let name: string | undefined;
  let noEol = false;
  let body: string[] = [];
  const close = () => {
    if (name === undefined) return;
    if (sections.has(name)) throw new Error(`${file}: section ${name} appears twice`);
    let content = body.join('\n');
    if (noEol) {
      if (!content.endsWith('\n')) throw new Error(`${file}: ${name}${NO_EOL} must end with the newline added when writing`);
      content = content.slice(0, -1);
    }
    sections.set(name, content);
  };
  for (const [i, line] of lines.entries()) {
    const m = MARKER.exec(line);
    if (!m) {
      if (name === undefined && line.trim() !== '') throw new Error(`${file}:${i + 1}: text before the first ====section====`);
      body.push(line);
      continue;
    }
    // the newline before a marker ends the previous section's last line
    if (name !== undefined) body.push('');
    close();
    name = m[1]!;
    noEol = m[2] !== undefined;
    if (!['test', 'command', 'env', 'stdout', 'stderr', 'status'].includes(name)) throw new Error(`${file}:${i + 1}: unknown section ${name}`);
    if (noEol && name !== 'stdout' && name !== 'stderr') throw new Error(`${file}:${i + 1}: only stdout and stderr can be${NO_EOL}`);
    body = [];
  }
  close();
  const required = (s: string) => {
    const v = sections.get(s)?.trim();
    if (!v) throw new Error(`${file}: the ${s} section is missing or empty`);
    return v;
  };
  const env: Record<string, string> = {};
  for (const line of (sections.get('env') ?? '').split('\n').filter((l) => l.trim() !== '')) {
    const eq = line.indexOf('=');
    if (eq < 1) throw new Error(`${file}: env line "${line}" is not KEY=VALUE`);
    env[line.slice(0, eq)] = line.slice(eq + 1);
  }
  const status = sections.get('status')?.trim();
  if (status !== undefined && !/^\d+$/.test(status)) throw new Error(`${file}: status "${status}" is not a number`);
  return {
    test: required('test'),
    command: required('command'),
    env,
    stdout: sections.get('stdout'),
    stderr: sections.get('stderr'),
    status: status === undefined ? undefined : Number(status),
  };
}

/** Splits a command line: spaces separate, '…' and "…" quote (with \" and \\ inside "…"). */
function splitCommand(command: string): string[] {
  const args: string[] = [];
  let current: string | null = null;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (c === ' ' || c === '\t') {
      if (current !== null) args.push(current);
      current = null;
    } else if (c === "'" || c === '"') {
      const end = c === "'" ? command.indexOf("'", i + 1) : findClosingDouble(command, i + 1);
      if (end < 0) throw new Error(`unclosed ${c} in: ${command}`);
      const inner = command.slice(i + 1, end);
      current = (current ?? '') + (c === '"' ? inner.replace(/\\(["\\])/g, '$1') : inner);
      i = end;
    } else {
      current = (current ?? '') + c;
    }
  }
  if (current !== null) args.push(current);
  return args;
}

function findClosingDouble(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '"') return i;
  }
  return -1;
}

function section(name: string, text: string): string {
  for (const line of text.split('\n')) {
    if (MARKER.test(line)) throw new Error(`the ${name} has a line that looks like a section marker: ${line}`);
  }
  if (text === '' || text.endsWith('\n')) return `====${name}====\n${text}`;
  return `====${name}${NO_EOL}====\n${text}\n`;
}

function serialize(s: Scenario & { stdout: string; stderr: string; status: number }): string {
  const env = Object.entries(s.env);
  return (
    `====test====\n${s.test}\n====command====\n${s.command}\n` +
    (env.length ? `====env====\n${env.map(([k, v]) => `${k}=${v}`).join('\n')}\n` : '') +
    section('stdout', s.stdout) +
    section('stderr', s.stderr) +
    `====status====\n${s.status}\n`
  );
}

const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.scenario'))
  .sort();

describe('golden scenarios (test/scenarios/*.scenario)', () => {
  for (const file of files) {
    const path = join(DIR, file);
    const scenario = parse(file, readFileSync(path, 'utf8'));
    test(`${scenario.test} [${file}]`, async () => {
      const r = await runMain(splitCommand(scenario.command), { cwd: ROOT, env: scenario.env });
      const actual = { stdout: r.stdout, stderr: r.stderr, status: r.code ?? -1 };
      if (UPDATE) writeFileSync(path, serialize({ ...scenario, ...actual }));
      else if (scenario.stdout === undefined || scenario.stderr === undefined || scenario.status === undefined) {
        throw new Error(`${file} has no stdout, stderr or status section yet: run UPDATE_SCENARIOS=1 npx vitest run test/e2e/scenarios.test.ts`);
      }
      expect(actual).toEqual(UPDATE ? actual : { stdout: scenario.stdout, stderr: scenario.stderr, status: scenario.status });
    });
  }
});

describe('the scenario harness', () => {
  test('there are scenarios, and every fixture in test/fixtures/scenarios/ is named by one of them', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    const commands = files.map((f) => parse(f, readFileSync(join(DIR, f), 'utf8')).command).join('\n');
    const fixtures = readdirSync(FIXTURES, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(ROOT.length).replace(/^\//, '').split('\\').join('/'));
    // a fixture is used when a command names it or its folder (data files come with their agreement)
    const unused = fixtures.filter((f) => !commands.includes(f) && !commands.includes(f.replace(/\/[^/]+$/, '')) && !f.includes('/data/'));
    expect(unused).toEqual([]);
  });

  test('sections round-trip, with and without a final newline', () => {
    const s = { test: 't', command: 'validate "a b" c', env: { FORCE_COLOR: '1' }, stdout: 'x\n\ny\n', stderr: 'no newline', status: 2 };
    expect(parse('x', serialize(s))).toEqual(s);
    expect(parse('x', serialize({ ...s, env: {}, stdout: '', stderr: '' }))).toEqual({ ...s, env: {}, stdout: '', stderr: '' });
    expect(serialize(s)).toContain('====stderr (no final newline)====\nno newline\n====status====');
  });

  test('command lines split like a shell would for these simple cases', () => {
    expect(splitCommand('evaluate  examples --as-of 2026-07-01')).toEqual(['evaluate', 'examples', '--as-of', '2026-07-01']);
    expect(splitCommand(`evaluate --data 'tickets=my file.csv' --objective "a \\"b\\"" x''`)).toEqual([
      'evaluate', '--data', 'tickets=my file.csv', '--objective', 'a "b"', 'x',
    ]);
  });
});
