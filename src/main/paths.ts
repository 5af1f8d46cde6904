// Where the app's files are (renderer, preload, resources, package.json) and where a library lives
// by default.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project (or packaged app) root: the nearest folder above this module that holds
 * package.json. Bundling moves this code between out/main and out/main/chunks, so no fixed
 * number of `..` would do.
 */
function findAppRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(start, '../..');
  }
}

export const APP_ROOT = findAppRoot(path.dirname(fileURLToPath(import.meta.url)));
export const RENDERER_DIR = path.join(APP_ROOT, 'out/renderer');
export const PRELOAD_FILE = path.join(APP_ROOT, 'out/preload/index.cjs');

export const PRODUCT_NAME = 'Marginalia';

/** Bundled resources (the sample record); inside a packaged app they sit in app.asar too. */
export const RESOURCES_DIR = path.join(APP_ROOT, 'resources');

/** The app's version, from its package.json. */
export function appVersion(): string {
  try {
    return (
      JSON.parse(fs.readFileSync(path.join(APP_ROOT, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  } catch {
    return '0.0.0';
  }
}

/**
 * The desktop app's library folder, the same place Electron's app.getPath('userData') gives,
 * so the CLI works on the app's library when no --data-dir is given.
 */
export function defaultDataDir(): string {
  const home = os.homedir();
  switch (process.platform) {
    case 'win32':
      return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
    default:
      return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
  }
}
