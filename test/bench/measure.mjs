#!/usr/bin/env node
// Runs a Node script in this process and, on exit, writes its peak RSS and CPU time as JSON to
// OUT_FILE. run.mjs uses it where no GNU-style /usr/bin/time is available (macOS, slim images).
//
//   node test/bench/measure.mjs OUT_FILE SCRIPT [ARGS...]
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [outFile, script, ...args] = process.argv.slice(2);
if (!outFile || !script) {
  console.error('usage: measure.mjs OUT_FILE SCRIPT [ARGS...]');
  process.exit(2);
}
const scriptPath = resolve(script);
// The script sees the command line it would see if started directly.
process.argv = [process.argv[0], scriptPath, ...args];
process.on('exit', () => {
  const usage = process.resourceUsage();
  writeFileSync(
    outFile,
    JSON.stringify({ maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }),
  );
});
await import(pathToFileURL(scriptPath).href);
