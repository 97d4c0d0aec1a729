/**
 * `slacheck validate` as a user runs it (SPEC 6, 7): stdout and exit code together.
 * Fixtures in test/fixtures/e2e/validate/; lines and columns below were read off the fixtures
 * (1-based; the column of a key or value node is where its first character is).
 */
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { ROOT, runMain } from './cli.js';

const DIR = 'test/fixtures/e2e/validate';

// the messages as the checks word them; each is also asserted through the text and github formats
const UNKNOWN_KEY =
  'unknown key `treshold` in objectives[0]; allowed keys: id, service, owner, description, source, where, measure, ' +
  'aggregate, good, target, warning, window, time, pause, inputs, exclude, dependsOn, credits';
const UNKNOWN_PARTY = 'unknown party `nobody` in owner; parties are: ops, acme';
const YAML_SYNTAX = 'YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]';
const NO_MONITORING =
  'no `monitoring` section; document how the numbers are collected (`collection`), how often checked (`verification`) and who audits (`auditor`)';
const NO_CONTACT = 'party `acme` has no `contact`; add who to call or write to';

describe('validate examples', () => {
  test('the shipped examples are valid: exit 0 and the summary line only', async () => {
    const r = await runMain(['validate', 'examples']);
    expect(r.stdout).toBe('✔ 13 files valid, no problems\n');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('validate --format text', () => {
  test('schema error: an unknown key is reported at the key (line 19 `    treshold: 5`, column 5)', async () => {
    const r = await runMain(['validate', `${DIR}/schema-error.yaml`]);
    expect(r.stdout).toBe(
      `${DIR}/schema-error.yaml:19:5  error  schema-additional-property  ${UNKNOWN_KEY}\n\n` +
        '✖ 1 problem (1 error, 0 warnings) in 1 file\n',
    );
    expect(r.code).toBe(1);
  });

  test('semantic error: an unknown owner is reported at its value (line 14 `    owner: nobody`, column 12)', async () => {
    const r = await runMain(['validate', `${DIR}/unknown-party.yaml`]);
    expect(r.stdout).toBe(
      `${DIR}/unknown-party.yaml:14:12  error  unknown-party  ${UNKNOWN_PARTY}\n\n` +
        '✖ 1 problem (1 error, 0 warnings) in 1 file\n',
    );
    expect(r.code).toBe(1);
  });

  test('YAML syntax error: reported at the unclosed `[` (line 4 `title: [unclosed`, column 8)', async () => {
    const r = await runMain(['validate', `${DIR}/syntax-error.yaml`]);
    expect(r.stdout).toBe(
      `${DIR}/syntax-error.yaml:4:8  error  yaml-syntax  ${YAML_SYNTAX}\n\n` + '✖ 1 problem (1 error, 0 warnings) in 1 file\n',
    );
    expect(r.code).toBe(1);
  });

  test('documentation gaps only: warnings, aligned columns, exit 0', async () => {
    const r = await runMain(['validate', `${DIR}/doc-warnings.yaml`]);
    // the missing monitoring section concerns the document (1:1); the party `acme` value `{` is at 7:9
    expect(r.stdout).toBe(
      `${DIR}/doc-warnings.yaml:1:1  warning  doc-monitoring-missing  ${NO_MONITORING}\n` +
        `${DIR}/doc-warnings.yaml:7:9  warning  doc-party-contact       ${NO_CONTACT}\n\n` +
        '⚠ 2 problems (0 errors, 2 warnings) in 1 file\n',
    );
    expect(r.code).toBe(0);
  });

  test('--strict turns the documentation warnings into errors: exit 1', async () => {
    const r = await runMain(['validate', `${DIR}/doc-warnings.yaml`, '--strict']);
    expect(r.stdout).toBe(
      `${DIR}/doc-warnings.yaml:1:1  error  doc-monitoring-missing  ${NO_MONITORING}\n` +
        `${DIR}/doc-warnings.yaml:7:9  error  doc-party-contact       ${NO_CONTACT}\n\n` +
        '✖ 2 problems (2 errors, 0 warnings) in 1 file\n',
    );
    expect(r.code).toBe(1);
  });

  test('a fully documented, valid file: exit 0, no problems', async () => {
    const r = await runMain(['validate', `${DIR}/valid.yaml`]);
    expect(r.stdout).toBe('✔ 1 file valid, no problems\n');
    expect(r.code).toBe(0);
  });
});

describe('validate --format json', () => {
  test('the whole folder: SPEC 6 shape, problems sorted by file, line, column', async () => {
    const r = await runMain(['validate', DIR, '--format', 'json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as unknown;
    expect(json).toEqual({
      valid: false,
      files: ['doc-warnings.yaml', 'schema-error.yaml', 'syntax-error.yaml', 'unknown-party.yaml', 'valid.yaml'].map((f) => `${DIR}/${f}`),
      problems: [
        { file: `${DIR}/doc-warnings.yaml`, line: 1, column: 1, severity: 'warning', code: 'doc-monitoring-missing', message: NO_MONITORING },
        { file: `${DIR}/doc-warnings.yaml`, line: 7, column: 9, severity: 'warning', code: 'doc-party-contact', message: NO_CONTACT },
        { file: `${DIR}/schema-error.yaml`, line: 19, column: 5, severity: 'error', code: 'schema-additional-property', message: UNKNOWN_KEY },
        { file: `${DIR}/syntax-error.yaml`, line: 4, column: 8, severity: 'error', code: 'yaml-syntax', message: YAML_SYNTAX },
        { file: `${DIR}/unknown-party.yaml`, line: 14, column: 12, severity: 'error', code: 'unknown-party', message: UNKNOWN_PARTY },
      ],
    });
    // key order of each problem is the documented one
    expect(Object.keys((json as { problems: object[] }).problems[0]!)).toEqual(['file', 'line', 'column', 'severity', 'code', 'message']);
  });

  test('warnings only: valid is true and the exit code 0', async () => {
    const r = await runMain(['validate', `${DIR}/doc-warnings.yaml`, '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { valid: boolean; problems: { severity: string }[] };
    expect(json.valid).toBe(true);
    expect(json.problems.map((p) => p.severity)).toEqual(['warning', 'warning']);
  });

  test('paths are relative to the working directory', async () => {
    const r = await runMain(['validate', 'unknown-party.yaml', '--format', 'json'], { cwd: join(ROOT, DIR) });
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { files: string[]; problems: { file: string }[] };
    expect(json.files).toEqual(['unknown-party.yaml']);
    expect(json.problems.map((p) => p.file)).toEqual(['unknown-party.yaml']);
  });
});

describe('validate --format github', () => {
  test('one workflow command per problem, with file, line and col', async () => {
    const r = await runMain(['validate', DIR, '--format', 'github']);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      `::warning file=${DIR}/doc-warnings.yaml,line=1,col=1,title=doc-monitoring-missing::${NO_MONITORING}`,
      `::warning file=${DIR}/doc-warnings.yaml,line=7,col=9,title=doc-party-contact::${NO_CONTACT}`,
      `::error file=${DIR}/schema-error.yaml,line=19,col=5,title=schema-additional-property::${UNKNOWN_KEY}`,
      `::error file=${DIR}/syntax-error.yaml,line=4,col=8,title=yaml-syntax::${YAML_SYNTAX}`,
      `::error file=${DIR}/unknown-party.yaml,line=14,col=12,title=unknown-party::${UNKNOWN_PARTY}`,
      '',
    ]);
  });
});

describe('validate usage errors: exit 2', () => {
  test('a path that does not exist', async () => {
    const r = await runMain(['validate', 'test/fixtures/e2e/no-such-dir']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('test/fixtures/e2e/no-such-dir');
    expect(r.stdout).toContain('path-not-found');
  });

  test('an unknown option', async () => {
    const r = await runMain(['validate', DIR, '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--bogus'");
    expect(r.stdout).toBe('');
  });

  test('a format that does not exist', async () => {
    const r = await runMain(['validate', DIR, '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("argument 'xml' is invalid");
    expect(r.stdout).toBe('');
  });
});
