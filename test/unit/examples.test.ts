/**
 * The bundled examples and the `init` starter: the CSV generator is deterministic and matches the
 * committed data of the first three scenarios (but for the hand-written files in HAND_WRITTEN), the
 * recipes of examples/real-exports/ and the data of examples/contracts/ are small hand-written
 * exports, and every agreement loads and validates (strict) without a single problem.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { loadAgreements, loadAgreementText } from '../../src/agreement/loader.js';
import { compileAgreements, strictProblems } from '../../src/compile/index.js';
import { readHeader } from '../../src/data/header.js';
import { INIT_FILES } from '../../src/cli/init-template.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXAMPLES = join(ROOT, 'examples');
const GENERATOR = join(ROOT, 'scripts', 'generate-examples.mjs');
/** The recipes: exports as the tools write them, by hand, not generated (examples/real-exports/README.md). */
const RECIPES = 'real-exports/';
const RECIPE_FOLDERS = ['german-excel', 'jira-service-management', 'pagerduty', 'servicenow', 'zendesk'];
/** The contracts scenario (SPEC 9.4): its CSV files are written by hand too, not generated. */
const CONTRACTS = 'contracts/';
/** Hand-written files among the generated scenarios' data (examples/README.md says what each shows). */
const HAND_WRITTEN = [
  // NetCo's notice log for internet-uc's weekly maintenance window (SPEC 9.5): one notice per Sunday, one of them late
  'service-desk/data/maintenance-announcements.csv',
];
/** The schema modeline of an agreement file `path` (relative to examples/): `../` once per folder level. */
const modeline = (path: string) => `# yaml-language-server: $schema=${'../'.repeat(path.split('/').length)}schemas/agreement.schema.json\n`;

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'slacheck-examples-'));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** Relative paths (forward slashes) of every file below `dir` whose name matches. */
function filesBelow(dir: string, match: RegExp): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (match.test(name)) out.push(relative(dir, full).split('\\').join('/'));
    }
  };
  walk(dir);
  return out;
}

function generate(): string {
  const out = tempDir();
  execFileSync(process.execPath, [GENERATOR, '--out', out], { stdio: 'pipe' });
  return out;
}

describe('scripts/generate-examples.mjs', () => {
  const first = generate();
  const second = generate();
  const generated = filesBelow(first, /\.csv$/);

  test('writes the CSV files of all three scenarios', () => {
    expect(generated).toEqual([
      'change-requests/data/change-requests.csv',
      'revenue-chain/data/leads.csv',
      'revenue-chain/data/new-customers.csv',
      'revenue-chain/data/report-log.csv',
      'service-desk/data/info-requests.csv',
      'service-desk/data/internet-outages.csv',
      'service-desk/data/network-incidents.csv',
      'service-desk/data/report-log.csv',
      'service-desk/data/ticket-status.csv',
      'service-desk/data/tickets.csv',
    ]);
  });

  test('is deterministic: two runs give byte-identical files', () => {
    expect(filesBelow(second, /\.csv$/)).toEqual(generated);
    for (const path of generated) {
      expect(readFileSync(join(second, path)).equals(readFileSync(join(first, path))), path).toBe(true);
    }
  });

  test('matches the committed examples/ data, and examples/ holds no other CSV but the hand-written ones', () => {
    const committed = filesBelow(EXAMPLES, /\.csv$/).filter((p) => !p.startsWith(RECIPES) && !p.startsWith(CONTRACTS));
    for (const path of HAND_WRITTEN) {
      expect(committed, `${path} is listed as hand-written`).toContain(path);
      expect(generated, `${path} is generated: drop it from HAND_WRITTEN`).not.toContain(path);
    }
    expect(committed.filter((p) => !HAND_WRITTEN.includes(p))).toEqual(generated);
    for (const path of generated) {
      expect(readFileSync(join(EXAMPLES, path), 'utf8'), `${path} is stale: run node scripts/generate-examples.mjs`).toBe(
        readFileSync(join(first, path), 'utf8'),
      );
    }
  });

  test('the data is small and covers January to June 2026 only', () => {
    for (const path of generated) {
      const text = readFileSync(join(first, path), 'utf8');
      const lines = text.trimEnd().split('\n');
      expect(lines.length, path).toBeLessThanOrEqual(400);
      const years = new Set([...text.matchAll(/\b(20\d\d)-(\d\d)-\d\d/g)].map((m) => `${m[1]}-${m[2]}`));
      for (const ym of years) expect(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'], `${path}: ${ym}`).toContain(ym);
    }
  });
});

describe('hand-written data of the generated scenarios', () => {
  test('small, and dated December 2025 (notices ahead of the first week) to June 2026', () => {
    for (const path of HAND_WRITTEN) {
      const text = readFileSync(join(EXAMPLES, path), 'utf8');
      expect(text.trimEnd().split('\n').length, path).toBeLessThanOrEqual(100);
      const months = new Set([...text.matchAll(/\b(20\d\d)-(\d\d)-\d\d/g)].map((m) => `${m[1]}-${m[2]}`));
      for (const ym of months) expect(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'], `${path}: ${ym}`).toContain(ym);
    }
  });
});

describe('examples/real-exports/ (hand-written exports)', () => {
  const recipeFiles = filesBelow(join(EXAMPLES, RECIPES), /\.(csv|ya?ml)$/);

  test('one folder per tool, each with one agreement and its CSV exports', () => {
    const folders = [...new Set(recipeFiles.map((p) => p.split('/')[0]!))];
    expect(folders).toEqual(RECIPE_FOLDERS);
    for (const folder of folders) {
      const files = recipeFiles.filter((p) => p.startsWith(`${folder}/`));
      expect(files.filter((p) => /\.ya?ml$/.test(p)), folder).toHaveLength(1);
      expect(files.filter((p) => p.endsWith('.csv')).length, folder).toBeGreaterThanOrEqual(1);
    }
  });

  test('each export is small: 10 to 40 data rows', () => {
    for (const path of recipeFiles.filter((p) => p.endsWith('.csv'))) {
      // records, not lines: a quoted cell may hold a line break
      let quotes = 0;
      let records = -1; // the header
      for (const line of readFileSync(join(EXAMPLES, RECIPES, path), 'utf8').trimEnd().split(/\r?\n/)) {
        quotes += (line.match(/"/g) ?? []).length;
        if (quotes % 2 === 0) records++;
      }
      expect(records, path).toBeGreaterThanOrEqual(10);
      expect(records, path).toBeLessThanOrEqual(40);
    }
  });
});

describe('examples/contracts/ (hand-written exports)', () => {
  test('two agreements and four CSV files of January to June 2026', () => {
    expect(filesBelow(join(EXAMPLES, CONTRACTS), /\.(csv|ya?ml)$/)).toEqual([
      'data/itsm-tickets.csv',
      'data/outages.csv',
      'data/status-incidents.csv',
      'data/support-cases.csv',
      'outsourcing-sla.yaml',
      'public-cloud-sla.yaml',
    ]);
    for (const path of filesBelow(join(EXAMPLES, CONTRACTS), /\.csv$/)) {
      const text = readFileSync(join(EXAMPLES, CONTRACTS, path), 'utf8');
      expect(text.trimEnd().split('\n').length, path).toBeLessThanOrEqual(100);
      const months = new Set([...text.matchAll(/\b(20\d\d)-(\d\d)-\d\d/g)].map((m) => `${m[1]}-${m[2]}`));
      for (const ym of months) expect(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'], `${path}: ${ym}`).toContain(ym);
    }
  });
});

describe('examples/', () => {
  const yamlFiles = filesBelow(EXAMPLES, /\.ya?ml$/);

  test('every agreement file starts with the schema modeline', () => {
    expect(yamlFiles.length).toBe(8 + RECIPE_FOLDERS.length);
    for (const path of yamlFiles) expect(readFileSync(join(EXAMPLES, path), 'utf8').startsWith(modeline(path)), path).toBe(true);
  });

  test('all agreements load and pass the strict semantic checks without a problem', async () => {
    const loaded = await loadAgreements([EXAMPLES], { cwd: ROOT });
    expect(loaded.unreadable).toEqual([]);
    expect(loaded.problems).toEqual([]);
    expect(loaded.files).toEqual(yamlFiles.map((p) => `examples/${p}`));
    expect(loaded.agreements.map((a) => `${a.doc.kind} ${a.doc.id}`).sort()).toEqual([
      'OLA marketing-sales-ola',
      'OLA network-ola',
      'OLA sales-service-ola',
      'SLA app-maintenance',
      'SLA checkout-platform',
      'SLA it-outsourcing',
      'SLA jsm-service-desk',
      'SLA public-cloud',
      'SLA service-desk',
      'SLA servicenow-incidents',
      'SLA stadtwerke-it',
      'SLA zendesk-support',
      'UC internet-uc',
    ]);
    // as `validate --strict` checks them: the columns named against each data file's header too
    expect(strictProblems(compileAgreements(loaded.agreements, { cwd: ROOT, readHeader }).problems)).toEqual([]);
  });

  test('each scenario folder is self-contained (its dependencies resolve without the others)', async () => {
    for (const folder of ['service-desk', 'change-requests', 'revenue-chain', 'contracts', ...RECIPE_FOLDERS.map((f) => RECIPES + f)]) {
      const loaded = await loadAgreements([join(EXAMPLES, folder)], { cwd: ROOT });
      expect(loaded.problems, folder).toEqual([]);
      expect(strictProblems(compileAgreements(loaded.agreements, { cwd: ROOT, readHeader }).problems), folder).toEqual([]);
    }
  });

  test('validity is 2026 and every agreement names its monitoring and contacts', async () => {
    const loaded = await loadAgreements([EXAMPLES], { cwd: ROOT });
    for (const { doc } of loaded.agreements) {
      expect(doc.validity, doc.id).toEqual({ from: '2026-01-01', to: '2026-12-31' });
      expect(doc.monitoring?.auditor, doc.id).toBeTruthy();
      for (const [id, party] of Object.entries(doc.parties)) expect(party.contact, `${doc.id} ${id}`).toBeTruthy();
    }
  });
});

describe('init template', () => {
  test('writes the agreement, two data files and SLACHECK.md', () => {
    expect(INIT_FILES.map((f) => f.path)).toEqual(['agreement.yaml', 'data/tickets.csv', 'data/report-log.csv', 'SLACHECK.md']);
    const agreement = INIT_FILES[0]!.content;
    expect(agreement.startsWith('# yaml-language-server: $schema=./agreement.schema.json\n')).toBe(true);
    expect(agreement).toContain('agreement.schema.json\n# (written by `slacheck init`');
    // a dozen tickets plus the header
    expect(INIT_FILES[1]!.content.trimEnd().split('\n')).toHaveLength(13);
    for (const f of INIT_FILES) expect(f.content.endsWith('\n'), f.path).toBe(true);
  });

  test('the starter agreement is valid, strict documentation checks included', () => {
    const { agreements, problems } = loadAgreementText(INIT_FILES[0]!.content, 'agreement.yaml', '/starter');
    expect(problems).toEqual([]);
    expect(agreements).toHaveLength(1);
    const doc = agreements[0]!.doc;
    expect(doc.objectives?.[0]).toMatchObject({ aggregate: 'ratio', warning: '>= 95%' });
    expect(doc.reports).toHaveLength(1);
    // the columns it names are those of the data files `init` writes next to it
    const headerOf = (abs: string) => INIT_FILES.find((f) => `/starter/${f.path}` === abs)?.content.split('\n')[0]!.split(',') ?? null;
    expect(strictProblems(compileAgreements(agreements, { cwd: ROOT, readHeader: headerOf }).problems)).toEqual([]);
  });

  test('the written files load from disk with their data sets in place', async () => {
    const dir = tempDir();
    for (const f of INIT_FILES) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.content);
    }
    const loaded = await loadAgreements([dir], { cwd: dir });
    expect(loaded.problems).toEqual([]);
    expect(loaded.files).toEqual(['agreement.yaml']);
    const data = loaded.agreements[0]!.doc.data ?? {};
    for (const ds of Object.values(data)) expect(statSync(join(dir, ds.file)).isFile(), ds.file).toBe(true);
  });
});
