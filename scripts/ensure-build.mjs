#!/usr/bin/env node
// Builds the app (electron-vite build) when out/ is missing or older than the sources, so the
// CLI, `npm run serve` and the benchmark always run the code in the working tree.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outputs = [
  'out/main/cli.js',
  'out/main/index.js',
  'out/main/worker.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
];
const inputs = ['src', 'bench', 'resources', 'electron.vite.config.ts', 'package.json'];

function newestMtime(entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(full))
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

export function buildIsCurrent() {
  const built = outputs.map((o) => path.join(root, o));
  if (!built.every((file) => fs.existsSync(file))) return false;
  const oldestOutput = Math.min(...built.map((file) => fs.statSync(file).mtimeMs));
  return Math.max(...inputs.map(newestMtime)) <= oldestOutput;
}

/**
 * How to run `electron-vite build`: its JavaScript entry under this Node, with no shell. A shell
 * (once used on Windows for electron-vite.cmd) splits unquoted paths at spaces, so a project
 * under "C:\Users\Ana Maria" or Node in "C:\Program Files" could not build.
 */
export function electronViteCommand() {
  const entry = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  return { command: process.execPath, args: [entry, 'build'], entry };
}

export function ensureBuild() {
  if (buildIsCurrent()) return;
  process.stderr.write('Marginalia: building the app (first run or sources changed)…\n');
  const { command, args, entry } = electronViteCommand();
  if (!fs.existsSync(entry)) {
    process.stderr.write(
      'marginalia: the app is not built and electron-vite is missing; run `npm install` first.\n',
    );
    process.exit(1);
  }
  // Build output goes to stderr so that --json on stdout stays clean.
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 2, 2], shell: false });
  if (result.status !== 0) {
    process.stderr.write('marginalia: the build failed (see above).\n');
    process.exit(result.status ?? 1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  ensureBuild();
