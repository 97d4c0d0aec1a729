/**
 * The README's examples run: every ```console block whose first line is `$ slacheck …` is run
 * in-process through slacheck's `main()` and must print exactly what the README shows. A
 * `<!-- cwd: DIR -->` line just before a block runs it in DIR (relative to the repository root).
 *
 * Update mode: after an intended output change, `UPDATE_README=1 npx vitest run test/e2e/readme.test.ts`
 * rewrites each block's output with what slacheck prints now; read the diff before committing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, runMain } from './cli.js';

interface Example {
  command: string;
  expected: string;
  cwd: string;
}

/** `COLUMNS=80 slacheck …`: the leading `NAME=value` words set the environment of the run (as in a shell). */
function envOf(command: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const word of command.split(/\s+/)) {
    const m = /^([A-Z_][A-Z0-9_]*)=(\S*)$/.exec(word);
    if (!m) break;
    env[m[1]!] = m[2]!;
  }
  return env;
}

function examples(): Example[] {
  const text = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const found: Example[] = [];
  const block = /(?:<!-- cwd: (\S+) -->\n)?```console\n\$ ((?:[A-Z_][A-Z0-9_]*=\S* )*slacheck [^\n]*)\n([\s\S]*?)```/g;
  for (let m = block.exec(text); m; m = block.exec(text)) {
    found.push({ cwd: join(ROOT, m[1] ?? '.'), command: m[2]!, expected: m[3]! });
  }
  return found;
}

/** Splits a shell-like command line (no quoting needed in our examples), after `slacheck`. */
const argv = (command: string) => {
  const words = command.split(/\s+/);
  return words.slice(words.indexOf('slacheck') + 1);
};

const UPDATE = process.env.UPDATE_README === '1';

describe('README examples print what the README shows', () => {
  const list = examples();
  test.runIf(UPDATE)('update mode: rewrite every block with what slacheck prints now', async () => {
    let text = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const e of list) {
      const r = await runMain(argv(e.command), { cwd: e.cwd, env: envOf(e.command) });
      text = text.replace(`$ ${e.command}\n${e.expected}\`\`\``, `$ ${e.command}\n${r.stdout}\`\`\``);
    }
    writeFileSync(join(ROOT, 'README.md'), text);
  });
  test('the README has runnable examples', () => expect(list.length).toBeGreaterThanOrEqual(4));
  test.skipIf(UPDATE).each(list.map((e) => [e.command, e] as const))('%s', async (_command, e) => {
    const r = await runMain(argv(e.command), { cwd: e.cwd, env: envOf(e.command) });
    // stderr may only carry the one-line reason of an exit 1 (breached windows), never an error
    expect(r.stderr).toMatch(/^(|slacheck: \d+ complete windows? at --fail-on \w[\w-]*: .*\n)$/);
    expect(r.stdout).toBe(e.expected);
  });
});
