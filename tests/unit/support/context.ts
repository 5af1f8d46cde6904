import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, openLibrary } from '../../../src/main/db/open';
import type { LibraryDatabase } from '../../../src/main/db/statements';
import { createContext, type AppContext } from '../../../src/main/services/context';
import { headlessHost, type Host } from '../../../src/main/services/host';
import { importItem } from '../../../src/main/services/library/import-item';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const SAMPLE_PATH = path.join(ROOT, 'resources/sample/wilson-center-110374.txt');
export const SAMPLE_TEXT = fs.readFileSync(SAMPLE_PATH, 'utf8');

/**
 * A service context for tests, with the raw connection beside it so that a test can look at (or
 * damage) what was stored. Services never see `db`.
 */
export type TestContext = AppContext & { db: LibraryDatabase };

/** A fresh in-memory library with the real schema. */
export function memoryContext(host: Host = headlessHost): TestContext {
  const db = openDatabase(':memory:');
  let clock = Date.UTC(2026, 10, 27, 12, 0, 0);
  const ctx = createContext({ db, dataDir: '/nonexistent', version: '0.0.0-test', host });
  // A deterministic clock: each call moves one second on.
  return { ...ctx, db, now: () => (clock += 1000) };
}

/** The library in `dir` (created if needed), as the app opens it. Close it with `ctx.db.close()`. */
export function fileContext(dir: string, host: Host = headlessHost): TestContext {
  const db = openLibrary(dir);
  return { ...createContext({ db, dataDir: dir, version: '0.0.0-test', host }), db };
}

/** Imports a record file's text through the import pipeline and returns the record's id. */
export async function importSample(
  ctx: AppContext,
  text = SAMPLE_TEXT,
  name = 'sample.txt',
): Promise<string> {
  const outcome = await importItem(
    ctx,
    { kind: 'record', file: { name, base64: Buffer.from(text).toString('base64') } },
    'skip',
  );
  if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome));
  return outcome.record.id;
}

export function tempDir(prefix = 'unit'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `marginalia-${prefix}-`));
}
