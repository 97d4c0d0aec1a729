import { marked, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import {
  formatProblemsGithub,
  formatProblemsJson,
  formatProblemsMarkdown,
  formatProblemsText,
} from '../../../src/format/problems.js';
import type { Problem } from '../../../src/problem.js';

const PROBLEMS: Problem[] = [
  { file: 'b.yaml', line: 3, column: 7, severity: 'warning', code: 'doc-party-contact', message: 'party x has no contact' },
  { file: 'a.yaml', line: 12, column: 5, severity: 'error', code: 'unknown-calendar', message: 'unknown calendar "x"' },
  { file: 'a.yaml', line: 0, column: 0, severity: 'error', code: 'no-agreement', message: 'holds no agreement' },
];

describe('formatProblemsText', () => {
  it('aligns columns, sorts by file and line, and summarizes', () => {
    expect(formatProblemsText(PROBLEMS, ['a.yaml', 'b.yaml', 'c.yaml'], { color: false })).toBe(
      [
        'a.yaml       error    no-agreement       holds no agreement',
        'a.yaml:12:5  error    unknown-calendar   unknown calendar "x"',
        'b.yaml:3:7   warning  doc-party-contact  party x has no contact',
        '',
        '✖ 3 problems (2 errors, 1 warning) in 2 files',
        '',
      ].join('\n'),
    );
  });
  it('says valid when there are no problems, and ⚠ for warnings only', () => {
    expect(formatProblemsText([], ['a', 'b', 'c', 'd', 'e'], { color: false })).toBe('✔ 5 files valid, no problems\n');
    const out = formatProblemsText([PROBLEMS[0]!], ['b.yaml'], { color: false });
    expect(out.endsWith('⚠ 1 problem (0 errors, 1 warning) in 1 file\n')).toBe(true);
  });
  it('colours only when asked', () => {
    expect(formatProblemsText(PROBLEMS, ['a.yaml'], { color: false })).not.toContain('\u001b[');
    expect(formatProblemsText(PROBLEMS, ['a.yaml'], { color: true })).toContain('\u001b[31merror');
  });
});

describe('formatProblemsJson', () => {
  it('is valid: false with an error, with the SPEC 6 fields in order', () => {
    const out = formatProblemsJson(PROBLEMS, ['a.yaml', 'b.yaml']);
    expect(out.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(out);
    expect(parsed.valid).toBe(false);
    expect(parsed.files).toEqual(['a.yaml', 'b.yaml']);
    expect(Object.keys(parsed.problems[0])).toEqual(['file', 'line', 'column', 'severity', 'code', 'message']);
    expect(parsed.problems.map((p: Problem) => p.code)).toEqual(['no-agreement', 'unknown-calendar', 'doc-party-contact']);
  });
  it('is valid: true with warnings only', () => {
    expect(JSON.parse(formatProblemsJson([PROBLEMS[0]!], ['b.yaml'])).valid).toBe(true);
    expect(formatProblemsJson([], [])).toBe('{\n  "valid": true,\n  "files": [],\n  "problems": []\n}\n');
  });
});

describe('formatProblemsGithub', () => {
  it('writes one workflow command per problem', () => {
    expect(formatProblemsGithub(PROBLEMS)).toBe(
      '::error file=a.yaml,title=no-agreement::holds no agreement\n' +
        '::error file=a.yaml,line=12,col=5,title=unknown-calendar::unknown calendar "x"\n' +
        '::warning file=b.yaml,line=3,col=7,title=doc-party-contact::party x has no contact\n',
    );
  });
  it('escapes data and properties as @actions/core does', () => {
    const p: Problem = {
      file: 'dir,1/50%:x.yaml', line: 1, column: 2, severity: 'error', code: 'schema-c:1',
      message: '100% sure:\r\nline, two',
    };
    // data: % → %25, \r → %0D, \n → %0A; properties additionally : → %3A and , → %2C
    expect(formatProblemsGithub([p])).toBe(
      '::error file=dir%2C1/50%25%3Ax.yaml,line=1,col=2,title=schema-c%3A1::100%25 sure:%0D%0Aline, two\n',
    );
  });
});

describe('formatProblemsMarkdown', () => {
  it('renders a table whose cells survive pipes and newlines', () => {
    const nasty: Problem = { file: 'x.yaml', line: 1, column: 1, severity: 'error', code: 'schema-b|d', message: 'a | b\nc' };
    const md = formatProblemsMarkdown([nasty, PROBLEMS[0]!], ['x.yaml', 'b.yaml']);
    const table = marked.lexer(md).find((t) => t.type === 'table') as Tokens.Table;
    expect(table.header.map((h) => h.text)).toEqual(['Location', 'Severity', 'Code', 'Message']);
    expect(table.rows).toHaveLength(2);
    expect(table.rows[1]![0]!.text).toBe('x.yaml:1:1');
    expect(table.rows[1]![3]!.text).toBe('a | b c');
    expect(table.rows[1]![2]!.text).toBe('`schema-b|d`');
    expect(md).toContain('❌ 2 problems (1 error, 1 warning) in 2 files (2 files checked)');
  });
  it('says valid without problems', () => {
    expect(formatProblemsMarkdown([], ['a.yaml'])).toBe('## slacheck validate\n\n✅ 1 file valid, no problems\n');
  });
});
