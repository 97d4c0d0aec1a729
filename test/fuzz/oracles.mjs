// The fuzzer's oracles (issue 14): what every run of main() must satisfy, whatever its input.
// Each returns a list of failures `{ oracle, message }`; `message`'s first line names the failure
// class (used to group findings), later lines carry detail.

/** A V8 stack frame line, as printed by `err.stack`. */
const STACK_LINE = /^\s+at (?:.+ \()?(?:file:|node:|\/|[A-Za-z]:\\|<anonymous>).*:\d+(?::\d+)?\)?$/m;

/** The first line of `s` with digits, paths and quoted bits blurred, to group similar failures. */
export function blur(s) {
  return String(s)
    .split('\n')[0]
    .replace(/(["'`]).*?\1/g, '$1…$1')
    .replace(/\/[^\s:)]+/g, '/…')
    .replace(/\d+/g, 'N')
    .slice(0, 160);
}

/** The format whose output lands on stdout, or that is written to a file, per command. */
export function jsonTargets(args) {
  const formats = [];
  const outputs = [];
  for (let k = 1; k < args.length; k++) {
    if (args[k] === '--format' || args[k] === '-f') formats.push(args[++k]);
    else if (args[k] === '--output' || args[k] === '-o') outputs.push(args[++k]);
  }
  const targets = [];
  if (args[0] === 'evaluate') {
    // the i-th --format goes to the i-th --output; a single format without --output to stdout
    formats.forEach((f, i) => {
      if (f !== 'json') return;
      if (outputs[i] !== undefined) targets.push(outputs[i]);
      else if (formats.length === 1 && outputs.length === 0) targets.push('-');
    });
  } else if (formats.at(-1) === 'json') {
    targets.push(outputs.at(-1) ?? '-');
  }
  return targets.filter((t) => t !== '/dev/null');
}

/** Text that only a bug prints (a value that slipped through unformatted), unless the input has it. */
const GARBAGE = ['[object Object]', 'Invalid DateTime', 'Invalid Date', '[native code]'];

/**
 * Oracles on one run `{ code, stdout, stderr, thrown, directWrites, ms, heapGrowthMb, outside,
 * devices, written }`; `input` is the case's text (files and args), for the garbage check.
 */
export function checkRun(args, run, limits, input = '') {
  const failures = [];
  const fail = (oracle, message) => failures.push({ oracle, message });
  const debug = args.includes('--debug');
  if (run.thrown !== null) fail('escaped-exception', `main() rejected: ${run.thrown}`);
  if (run.code !== null && ![0, 1, 2].includes(run.code)) fail('exit-code', `exit code ${run.code} not in {0, 1, 2}`);
  if (run.thrown === null && run.code === null) fail('exit-code', 'main() returned no exit code');
  if (!debug) {
    for (const [name, text] of [['stderr', run.stderr], ['stdout', run.stdout]]) {
      const m = STACK_LINE.exec(text);
      if (m) fail('stack-trace', `stack trace on ${name} without --debug: ${text.slice(Math.max(0, m.index - 300), m.index).split('\n').filter(Boolean).at(-1) ?? ''}\n${text.slice(0, 2000)}`);
    }
    if (/internal error/.test(run.stderr)) fail('internal-error', `${/slacheck: internal error.*/.exec(run.stderr)?.[0] ?? run.stderr.slice(0, 300)}`);
  }
  for (const g of GARBAGE) {
    if (input.includes(g)) continue;
    const where = [['stdout', run.stdout], ['stderr', run.stderr], ...Object.entries(run.written)].find(([, t]) => t.includes(g));
    if (!where) continue;
    fail('garbage', `${JSON.stringify(g)} in ${where[0] === 'stdout' || where[0] === 'stderr' ? where[0] : 'a written file'}\n${where[1].slice(Math.max(0, where[1].indexOf(g) - 300), where[1].indexOf(g) + 100)}`);
    break; // one is enough ('Invalid DateTime' holds 'Invalid Date')
  }
  if (run.directWrites.length > 0) fail('process-write', `wrote to the real process streams, not io: ${run.directWrites[0].slice(0, 200)}`);
  // --help prints help (exit 0) and nothing else
  const help = args.some((a) => a === '--help' || a === '-h' || a === '--version' || a === '-V');
  if ((run.code === 0 || run.code === 1) && !help) {
    for (const target of jsonTargets(args)) {
      const text = target === '-' ? run.stdout : run.written[normalise(target)];
      if (text === undefined) {
        const files = Object.keys(run.written);
        fail('json', `--format json: no output at ${target}\nexit ${run.code}; files written: ${files.length > 0 ? files.join(', ') : 'none'}`);
        continue;
      }
      try {
        JSON.parse(text);
      } catch (err) {
        fail('json', `--format json: not parseable (${err.message}) at ${target}\n${text.slice(0, 500)}`);
      }
    }
  }
  if (run.ms > limits.timeMs) fail('slow', `one run took ${Math.round(run.ms)} ms (bound ${limits.timeMs} ms)`);
  if (run.heapGrowthMb > limits.heapMb) fail('memory', `heap grew by ${Math.round(run.heapGrowthMb)} MB in one run (bound ${limits.heapMb} MB)`);
  for (const o of run.outside) fail('outside-write', `a file appeared or vanished outside the case folder: ${o}`);
  for (const d of run.devices) fail('device', `device file changed: ${d}`);
  return failures;
}

function normalise(p) {
  return p.replace(/^\.\//, '');
}

/** The determinism oracle: a second run of the same case gives the same output, code and files. */
export function checkSame(first, second) {
  const diffs = [];
  if (first.code !== second.code) diffs.push(`exit code ${first.code} then ${second.code}`);
  if (first.stdout !== second.stdout) diffs.push(`stdout differs at ${firstDiff(first.stdout, second.stdout)}`);
  if (first.stderr !== second.stderr) diffs.push(`stderr differs at ${firstDiff(first.stderr, second.stderr)}`);
  const names = new Set([...Object.keys(first.written), ...Object.keys(second.written)]);
  for (const n of names) if (first.written[n] !== second.written[n]) diffs.push(`file ${n} differs`);
  return diffs.length === 0 ? [] : [{ oracle: 'nondeterministic', message: `a second run differs: ${diffs.join('; ')}` }];
}

function firstDiff(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `char ${i}: ${JSON.stringify(a.slice(i, i + 40))} vs ${JSON.stringify(b.slice(i, i + 40))}`;
}

/** The class of a failure: oracle plus the blurred first line (what groups findings). */
export function failureClass(f) {
  return `${f.oracle}: ${blur(f.message)}`;
}
