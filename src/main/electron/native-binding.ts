// Where the Electron build of better-sqlite3 lives, since the Node build cannot load in Electron.
import fs from 'node:fs';
import path from 'node:path';
import { APP_ROOT } from '../paths';

/**
 * better-sqlite3 compiled for Node cannot load in Electron (different ABI). `npm start` builds an
 * Electron copy once (scripts/ensure-electron-native.mjs) and leaves it here; the CLI and tests
 * keep using the Node build.
 */
export function electronNativeBinding(): string | undefined {
  const file = path.join(APP_ROOT, 'node_modules/.cache/marginalia-electron/better_sqlite3.node');
  return fs.existsSync(file) ? file : undefined;
}
