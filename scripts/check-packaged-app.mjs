#!/usr/bin/env node
// The release workflow's first-start check of a packaged Marginalia, on a machine that has never
// run it: started with no library, the app must create one in the OS's user-data folder and put
// the bundled sample in it — which also shows that the fused binary loads its app.asar, the
// unpacked SQLite addon and the sample from beside the asar. The library is then read with the
// CLI and no --data-dir, so the app and the CLI must agree on the folder.
//
//   node scripts/check-packaged-app.mjs PACKAGED-EXECUTABLE [--timeout-seconds N]
//
// Needs Node 24 (it imports the CLI's own folder function from src/main/paths.ts) and a built
// out/ (the CLI).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from '../src/main/paths.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE_RECORD_ID = '110374';

let app = null;

function fail(message, output = '') {
  app?.kill();
  process.stderr.write(
    `check-packaged-app: ${message}\n${output ? `--- app output ---\n${output}\n` : ''}`,
  );
  process.exit(1);
}

const args = process.argv.slice(2);
const timeoutFlag = args.indexOf('--timeout-seconds');
const timeoutMs = (timeoutFlag >= 0 ? Number(args.splice(timeoutFlag, 2)[1]) : 120) * 1000;
const [executable] = args;
if (!executable || !fs.existsSync(executable)) {
  fail(
    `usage: node scripts/check-packaged-app.mjs PACKAGED-EXECUTABLE (got ${executable ?? 'nothing'})`,
  );
}

const dataDir = defaultDataDir();
const library = path.join(dataDir, 'library.sqlite');
if (fs.existsSync(library)) fail(`${library} already exists: this is not a first start.`);

/** The records the CLI finds in its default library (no --data-dir). */
function cliRecordIds() {
  const run = spawnSync(
    process.execPath,
    [path.join(root, 'bin/marginalia.mjs'), 'list', '--json'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) return [];
  return JSON.parse(run.stdout).records.map((record) => record.recordId);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// CI=1: a start-up failure is printed, not shown in a dialog that would wait for a click.
app = spawn(path.resolve(executable), [], {
  env: { ...process.env, CI: '1' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let output = '';
app.stdout.on('data', (chunk) => (output += chunk));
app.stderr.on('data', (chunk) => (output += chunk));
let exited = null;
app.on('exit', (code, signal) => (exited = signal ?? code));
app.on('error', (error) => fail(`could not start ${executable}: ${error.message}`));

const deadline = Date.now() + timeoutMs;
let found = [];
try {
  while (Date.now() < deadline) {
    if (exited !== null) fail(`the app exited (${exited}) before its library was ready.`, output);
    // Only once the app has made the library may the CLI open it (it would create one itself).
    if (fs.existsSync(library)) {
      found = cliRecordIds();
      if (found.includes(SAMPLE_RECORD_ID)) break;
    }
    await sleep(500);
  }
} finally {
  app.kill();
}
if (!fs.existsSync(library)) {
  fail(`no library appeared in ${dataDir} within ${timeoutMs / 1000} s.`, output);
}
if (!found.includes(SAMPLE_RECORD_ID)) {
  fail(
    `the CLI's default library (${dataDir}) does not hold the sample record; it holds [${found.join(', ')}].`,
    output,
  );
}
console.log(
  `First start created ${library} with the sample record; the CLI reads the same library.`,
);
