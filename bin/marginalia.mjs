#!/usr/bin/env node
// The `marginalia` command: builds the app if needed, then runs the CLI.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBuild } from '../scripts/ensure-build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
ensureBuild();
await import(pathToFileURL(path.join(root, 'out/main/cli.js')).href);
