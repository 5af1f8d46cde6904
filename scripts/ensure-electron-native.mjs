#!/usr/bin/env node
// `npm start` runs Electron, whose native-module ABI differs from Node's. This builds an Electron
// copy of better-sqlite3 once, beside the Node copy that the CLI and tests keep using, and the
// app loads it through better-sqlite3's `nativeBinding` option (src/main/electron/native-binding.ts).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const modules = path.join(root, 'node_modules');
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

function fail(message) {
  process.stderr.write(`marginalia: ${message}\n`);
  process.exit(1);
}

const electronDir = path.join(modules, 'electron');
if (!fs.existsSync(path.join(electronDir, 'package.json')))
  fail('Electron is not installed; run `npm install`.');
if (!fs.existsSync(path.join(electronDir, 'path.txt'))) {
  fail(
    'the Electron binary is missing (installed with ELECTRON_SKIP_BINARY_DOWNLOAD?). ' +
      'Fetch it with `node node_modules/electron/install.js`, or use the browser mode: `npm run serve`.',
  );
}

const electronVersion = readJson(path.join(electronDir, 'package.json')).version;
const sqliteDir = path.join(modules, 'better-sqlite3');
const wanted = {
  electron: electronVersion,
  betterSqlite3: readJson(path.join(sqliteDir, 'package.json')).version,
  platform: process.platform,
  arch: process.arch,
};
const cacheDir = path.join(modules, '.cache', 'marginalia-electron');
const target = path.join(cacheDir, 'better_sqlite3.node');
const stampFile = path.join(cacheDir, 'stamp.json');
if (fs.existsSync(target) && fs.existsSync(stampFile)) {
  if (JSON.stringify(readJson(stampFile)) === JSON.stringify(wanted)) process.exit(0);
}

process.stderr.write(
  `Marginalia: building the SQLite addon for Electron ${electronVersion} (once)…\n`,
);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-electron-native-'));
const copy = path.join(work, 'better-sqlite3');
fs.cpSync(sqliteDir, copy, {
  recursive: true,
  filter: (source) => !source.split(path.sep).includes('build'),
});

const run = (command, args) =>
  spawnSync(command, args, {
    cwd: copy,
    stdio: ['ignore', 2, 2],
    shell: process.platform === 'win32',
  }).status === 0;

// A prebuilt binary for this Electron is quickest; compiling from source is the fallback.
const prebuild = path.join(modules, 'prebuild-install', 'bin.js');
let built =
  fs.existsSync(prebuild) &&
  run(process.execPath, [
    prebuild,
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--arch=${process.arch}`,
    `--platform=${process.platform}`,
  ]);
if (!built) {
  const nodeGyp =
    process.env.npm_config_node_gyp ??
    [path.join(modules, 'node-gyp', 'bin', 'node-gyp.js')].find((f) => fs.existsSync(f));
  const args = [
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${electronVersion}`,
    '--dist-url=https://electronjs.org/headers',
  ];
  built = nodeGyp
    ? run(process.execPath, [nodeGyp, ...args])
    : run('npx', ['--yes', 'node-gyp', ...args]);
}
const output = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
if (!built || !fs.existsSync(output)) {
  fail(
    'could not build better-sqlite3 for Electron (see above). The browser mode still works: `npm run serve`.',
  );
}
fs.mkdirSync(cacheDir, { recursive: true });
fs.copyFileSync(output, target);
fs.writeFileSync(stampFile, JSON.stringify(wanted));
fs.rmSync(work, { recursive: true, force: true });
