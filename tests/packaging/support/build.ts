// The packaging tests package and run the built app (out/). Vitest runs test files in parallel,
// and two electron-vite builds writing out/ at once would spoil each other, so the build runs
// under a lock directory (mkdir is atomic): one file builds, the others wait and find it current.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const LOCK = path.join(ROOT, 'node_modules/.cache/marginalia-build.lock');
/** A lock older than this was left by a killed run. */
const STALE_MS = 10 * 60_000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Builds the app if out/ is missing or older than the sources (scripts/ensure-build.mjs). */
export function buildAppOnce(): void {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      const held = fs.statSync(LOCK, { throwIfNoEntry: false });
      if (!held) continue; // released just now
      if (Date.now() - held.mtimeMs > STALE_MS) fs.rmSync(LOCK, { recursive: true, force: true });
      else sleep(200);
    }
  }
  try {
    const built = spawnSync(process.execPath, ['scripts/ensure-build.mjs'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (built.status !== 0) throw new Error(`The app could not be built:\n${built.stderr}`);
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}
