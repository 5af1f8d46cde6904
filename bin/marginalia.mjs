#!/usr/bin/env node
// The `marginalia` command: runs the built CLI (out/main/cli.js), building the app first when
// there is no build. The check costs one stat, because this runs before every command; the npm
// scripts that develop the app (`npm start`, `npm run serve`, `npm run bench`) rebuild when the
// sources changed, and `npm run build` does it by hand. V8's compile cache keeps the bundle's
// compiled code between runs.
import { statSync } from 'node:fs';
import module from 'node:module';

module.enableCompileCache?.();
const cli = new URL('../out/main/cli.js', import.meta.url);
try {
  statSync(cli);
} catch {
  const { ensureBuild } = await import('../scripts/ensure-build.mjs');
  ensureBuild();
}
await import(cli.href);
