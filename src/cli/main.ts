/** slacheck's command line: commander wiring only; each command's module is loaded when it runs. */
import { Command, CommanderError, Option } from 'commander';
import { EXIT_USAGE, ExitError, type Io } from './io.js';

export const VERSION = '0.1.0';

const collect = (value: string, previous: string[] = []) => [...previous, value];

function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('slacheck')
    .description('Service level agreements as code: validate SLA/OLA/UC files, evaluate them against CSV exports, attribute breaches.')
    .version(VERSION)
    .option('--debug', 'show stack traces for internal errors')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Examples:
  slacheck validate examples
  slacheck evaluate examples --as-of 2026-07-01
  slacheck explain service-desk/p1-resolution examples --window 2026-03 --as-of 2026-07-01
  slacheck credits examples --as-of 2026-07-01
  slacheck graph examples --format mermaid
  slacheck diff main agreements --format markdown

Exit codes: 0 ok, 1 a target breached (evaluate), an invalid file (validate) or a promise loosened (diff), 2 usage or input error.`,
    );

  program
    .command('validate')
    .description('check agreement files against the schema and the semantic rules')
    .argument('[paths...]', 'agreement files or directories (default: .)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'github', 'markdown']).default('text'))
    .option('--strict', 'treat every warning (documentation gaps, day units on working calendars, …) as an error')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--color', 'force colour').option('--no-color', 'never colour')
    .addHelpText('after', '\nExamples:\n  slacheck validate examples\n  slacheck validate agreements/ --format github --strict')
    .action(async (paths: string[], opts) => setExit(await (await import('./commands/validate.js')).runValidate(paths, opts, io)));

  program
    .command('evaluate')
    .description('evaluate every objective per window against its target and attribute breaches')
    .argument('[paths...]', 'agreement files or directories (default: .)')
    .option('-d, --data <ID=FILE>', 'read data set ID from FILE (repeatable; ID or agreement/ID)', collect, [])
    .option('--as-of <instant>', 'evaluate the world as of this instant (default: now; ISO 8601; a bare date is local midnight in each agreement\'s timezone)')
    .option('--from <date>', 'only windows overlapping this local date or later')
    .option('--to <date>', 'only windows overlapping this local date or earlier')
    .option('-w, --window <label>', 'only this window, e.g. 2026-03, 2026-W11, 2026-Q1')
    .option('--objective <id>', 'only this objective or report (repeatable; ID or agreement/ID)', collect, [])
    .option('--owner <party>', 'only objectives owned by this party (also narrows --fail-on)')
    .option('-f, --format <format>', 'table | json | markdown | junit | github | html (repeatable, paired with --output)', collect, [])
    .option('-o, --output <file>', 'write the i-th --format to this file (repeatable)', collect, [])
    .option('--fail-on <levels>', 'exit 1 when something reaches one of these levels: a comma-separated list of breached, at-risk, no-data, warning, remedy; or never', 'breached')
    .option('--latest', 'only the latest complete window of each objective (its partial one when it has none), for every format and the exit code')
    .option('--scorecard', 'table: add a per-party scorecard')
    .option('--wide', 'table: every column at full width, whatever the terminal width')
    .option('--columns <list>', 'table: exactly these columns, comma-separated (agreement, objective, owner, window, value, target, status, counts, attributed-to, credit, budget, trend)')
    .option('-q, --quiet', 'no progress on stderr')
    .option('--color', 'force colour').option('--no-color', 'never colour')
    .addHelpText(
      'after',
      '\nExamples:\n  slacheck evaluate examples --as-of 2026-07-01\n  slacheck evaluate . --window 2026-03 --format json\n  slacheck evaluate agreements --format junit --output slacheck.xml --format table\n  slacheck evaluate examples --as-of 2026-07-01 --format html --output report.html\n  slacheck evaluate . --data tickets=exports/tickets-2026.csv --fail-on breached,no-data',
    )
    .action(async (paths: string[], opts) => setExit(await (await import('./commands/evaluate.js')).runEvaluate(paths, opts, io)));

  program
    .command('explain')
    .description('show how an objective\'s value came about, who was charged, and the dependency chain')
    .argument('<objective>', 'objective or report id (ID or agreement/ID)')
    .argument('[paths...]', 'agreement files or directories (default: .)')
    .option('-w, --window <label>', 'only this window')
    .option('--as-of <instant>', 'evaluate as of this instant (default: now)')
    .option('-d, --data <ID=FILE>', 'read data set ID from FILE (repeatable)', collect, [])
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('-q, --quiet', 'no progress on stderr')
    .option('--color', 'force colour').option('--no-color', 'never colour')
    .addHelpText('after', '\nExamples:\n  slacheck explain p1-resolution examples/service-desk --window 2026-03 --as-of 2026-07-01')
    .action(async (objective: string, paths: string[], opts) => setExit(await (await import('./commands/explain.js')).runExplain(objective, paths, opts, io)));

  program
    .command('credits')
    .description('print the credit statement per agreement and fee period: items, sum, cap, issued amount, claim-by date (SPEC 9.4)')
    .argument('[paths...]', 'agreement files or directories (default: .)')
    .option('-p, --period <label>', 'only this fee period, e.g. 2026-03 or 2026-Q1')
    .option('--as-of <instant>', 'evaluate as of this instant (default: now; a bare date is local midnight in each agreement\'s timezone)')
    .option('-d, --data <ID=FILE>', 'read data set ID from FILE (repeatable; ID or agreement/ID)', collect, [])
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'markdown', 'csv']).default('table'))
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('--evidence', 'add the records behind each credited breach (key, times, value, charged parties)')
    .option('-q, --quiet', 'no progress on stderr')
    .addHelpText(
      'after',
      '\nExamples:\n  slacheck credits examples --as-of 2026-07-01\n  slacheck credits examples/contracts --period 2026-03 --as-of 2026-07-01 --evidence\n  slacheck credits . --format csv --output credits.csv\n\nExit codes: 0 the statement was printed (whatever it owes), 2 usage or input error.',
    )
    .action(async (paths: string[], opts) => setExit(await (await import('./commands/credits.js')).runCredits(paths, opts, io)));

  program
    .command('graph')
    .description('draw agreements, objectives and dependsOn edges as Mermaid or Graphviz dot')
    .argument('[paths...]', 'agreement files or directories (default: .)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['mermaid', 'dot']).default('mermaid'))
    .option('--evaluate', 'colour objectives by their latest complete status (reads the data)')
    .option('--as-of <instant>', 'with --evaluate: evaluate as of this instant')
    .option('-d, --data <ID=FILE>', 'with --evaluate: read data set ID from FILE (repeatable)', collect, [])
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .addHelpText('after', '\nExamples:\n  slacheck graph examples > agreements.mmd\n  slacheck graph examples --format dot --evaluate --as-of 2026-07-01 | dot -Tsvg > graph.svg')
    .action(async (paths: string[], opts) => setExit(await (await import('./commands/graph.js')).runGraph(paths, opts, io)));

  program
    .command('diff')
    .description('compare agreements with BASE (a path or a git revision): what was tightened, loosened or changed for the customer (SPEC 9.6)')
    .argument('<base>', 'a file or folder with the earlier agreements, or a git revision (main, HEAD~1, v1.2)')
    .argument('[paths...]', 'agreement files or directories now (default: .); with a revision, the same paths are read from it')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
    .addOption(new Option('--fail-on <level>', 'exit 1 when a change is loosened, when anything changed, or never').choices(['loosened', 'changed', 'never']).default('loosened'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--color', 'force colour').option('--no-color', 'never colour')
    .addHelpText(
      'after',
      '\nExamples:\n  slacheck diff main agreements\n  slacheck diff HEAD~1 --format json\n  slacheck diff origin/main agreements --format markdown --output diff.md --fail-on never\n  slacheck diff old/service-desk.yaml agreements/service-desk.yaml\n\nExit codes: 0 nothing at the --fail-on level, 1 something loosened (or changed, with --fail-on changed), 2 usage error, unknown revision or invalid agreement.',
    )
    .action(async (base: string, paths: string[], opts) => setExit(await (await import('./commands/diff.js')).runDiff(base, paths, opts, io)));

  program
    .command('init')
    .description('write a starter agreement with sample data (never overwrites)')
    .argument('[dir]', 'target directory', '.')
    .addHelpText('after', '\nExamples:\n  slacheck init my-sla && slacheck evaluate my-sla')
    .action(async (dir: string) => setExit(await (await import('./commands/init.js')).runInit(dir, io)));

  program
    .command('schema')
    .description('print the JSON Schema of agreement files')
    .action(async () => setExit(await (await import('./commands/schema.js')).runSchema(io)));

  // Every command's --output: an empty value (an unset CI variable) or a folder is a usage error,
  // never a report silently on stdout or a file named like the folder (issue 14).
  program.hook('preAction', (_, command) => {
    const output: unknown = command.opts().output;
    for (const file of Array.isArray(output) ? output : output === undefined ? [] : [output]) {
      if (typeof file !== 'string') continue;
      if (file.trim() === '') throw new ExitError(EXIT_USAGE, '--output is empty: give a file name (is a variable unset?)');
      if (/[\\/]$/.test(file)) throw new ExitError(EXIT_USAGE, `--output ${file} names a folder: give a file name, e.g. --output ${file}report`);
    }
  });
  return program;
}

/** Runs slacheck with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => (exitCode = code));
  const debug = argv.includes('--debug');
  program.exitOverride();
  program.configureOutput({
    writeOut: (s) => io.stdout.write(s),
    writeErr: (s) => io.stderr.write(s),
  });
  for (const sub of program.commands) {
    sub.exitOverride();
    sub.configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version end with 0; commander's own usage errors are our usage exit, 2
      // (`commander.help` is help shown because no command was given: a usage error)
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0;
      return err.code === 'commander.help' && err.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (err instanceof ExitError) {
      if (err.message) io.stderr.write(`slacheck: ${err.message}\n`);
      return err.exitCode;
    }
    const e = err as Error;
    io.stderr.write(debug ? `${e.stack ?? e}\n` : `slacheck: internal error: ${e?.message ?? e} (run with --debug for details)\n`);
    return EXIT_USAGE;
  }
}
