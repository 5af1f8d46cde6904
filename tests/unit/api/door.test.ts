// The library as the app and `serve` hold it (issue 14, backups and recovery): a backup made from
// the app and put back, the library reopened behind the same door; a library too damaged to open
// still shows its backups and is restored from them; and damage that only the full integrity
// check sees is found in the background and turns the door to the damaged state.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryDoor } from '../../../src/main/api/door';
import { headlessHost } from '../../../src/main/services/host';
import type { AppContext } from '../../../src/main/services/context';
import { fileContext, importSample, SAMPLE_TEXT, tempDir } from '../support/context';

const doors: LibraryDoor[] = [];
afterEach(() => {
  for (const door of doors.splice(0)) door.close();
});

async function openDoor(dataDir: string, backgroundCheck = false): Promise<LibraryDoor> {
  const door = await LibraryDoor.open(
    { dataDir, version: '0.0.0-test', host: headlessHost },
    { backgroundCheck, backgroundCheckDelayMs: 0 },
  );
  doors.push(door);
  return door;
}

async function call<T = unknown>(door: LibraryDoor, method: string, input: unknown = {}) {
  const result = await door.dispatch(method, input);
  return result as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
}

async function value<T>(door: LibraryDoor, method: string, input: unknown = {}): Promise<T> {
  const result = await call<T>(door, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

/** A library of `count` records, closed and checkpointed, so all its pages are in the file. */
async function libraryOfRecords(count: number): Promise<string> {
  const dir = tempDir('door');
  const ctx = fileContext(dir);
  for (let i = 0; i < count; i++) {
    await importSample(
      ctx,
      SAMPLE_TEXT.replace(/110374/g, `7${i}`).replace(
        'Ваши телеграммы о перемирии получены.',
        `Ваши телеграммы №${i} о перемирии получены.`,
      ),
    );
  }
  ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  ctx.db.close();
  return dir;
}

const fileOf = (dir: string): string => path.join(dir, 'library.sqlite');

/** Bytes in the middle of the file overwritten: damage `quick_check` sees on open. */
function damagePages(dir: string): void {
  const bytes = fs.readFileSync(fileOf(dir));
  const at = Math.floor(bytes.length / 2 / 4096) * 4096;
  for (let i = 0; i < 8192; i++) bytes[at + i] = (i * 131 + 17) & 0xff;
  fs.writeFileSync(fileOf(dir), bytes);
}

/**
 * One character of one index entry changed: every page stays well formed, so `quick_check`
 * passes, but the index no longer matches its table, which only `integrity_check` finds.
 */
function damageIndexQuietly(dir: string): void {
  const db = new Database(fileOf(dir), { readonly: true });
  const hash = db.prepare('SELECT content_hash FROM records LIMIT 1').pluck().get() as string;
  const page = db
    .prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'records_by_content_hash'")
    .pluck()
    .get() as number;
  const size = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const bytes = fs.readFileSync(fileOf(dir));
  const start = (page - 1) * size;
  const at = bytes.subarray(start, start + size).indexOf(Buffer.from(hash));
  expect(at).toBeGreaterThan(0);
  bytes[start + at + hash.length - 1]! ^= 1;
  fs.writeFileSync(fileOf(dir), bytes);
}

describe('backups from the app', () => {
  it('a backup made now is put back, the library reopened behind the same door', async () => {
    const dir = await libraryOfRecords(1);
    const door = await openDoor(dir);
    const seen: (AppContext | null)[] = [];
    door.onChange((ctx) => seen.push(ctx));

    const backup = await value<{ name: string; kind: string }>(door, 'backups.create');
    expect(backup.kind).toBe('manual');
    const [record] = await value<{ id: string }[]>(door, 'records.list');
    await importSample(door.context()!, SAMPLE_TEXT.replace(/110374/g, '999'), 'second.txt');
    expect(await value<unknown[]>(door, 'records.list')).toHaveLength(2);

    const restored = await value<{ restored: { name: string }; keptAs: { kind: string } }>(
      door,
      'backups.restore',
      { name: backup.name },
    );
    expect(restored.restored.name).toBe(backup.name);
    expect(restored.keptAs.kind).toBe('before-restore');
    // The library as it was at the backup: one record, read through the reopened library.
    expect((await value<{ id: string }[]>(door, 'records.list')).map((r) => r.id)).toEqual([
      record!.id,
    ]);
    expect(seen.map((ctx) => (ctx ? 'opened' : 'closed'))).toEqual(['closed', 'opened']);
    const kinds = (await value<{ kind: string }[]>(door, 'backups.list')).map((b) => b.kind);
    expect(kinds.sort()).toEqual(['before-restore', 'manual']);
  });

  it('refuses a backup that does not exist, and the library stays open as it was', async () => {
    const dir = await libraryOfRecords(1);
    const door = await openDoor(dir);
    const missing = await call(door, 'backups.restore', { name: 'library-manual-x.sqlite' });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'bad_file', message: expect.stringMatching(/^There is no backup called/) },
    });
    const traversal = await call(door, 'backups.restore', { name: '../library.sqlite' });
    expect(traversal).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await value<unknown[]>(door, 'records.list')).toHaveLength(1);
  });
});

describe('a damaged library behind the door', () => {
  it('says what is wrong, lists its backups, and is restored from one', async () => {
    const dir = await libraryOfRecords(6);
    const healthy = await openDoor(dir);
    const { name } = await value<{ name: string }>(healthy, 'backups.create');
    healthy.close();
    damagePages(dir);

    const door = await openDoor(dir);
    expect(door.context()).toBeNull();
    const info = await value<{ libraryProblem: string; libraryPath: string }>(door, 'app.info');
    expect(info.libraryProblem).toMatch(/^This library is damaged \(SQLite found: .+\)/);
    expect(info).toMatchObject({ libraryPath: fileOf(dir), version: '0.0.0-test' });
    expect(await call(door, 'records.list')).toEqual({
      ok: false,
      error: { code: 'library_damaged', message: info.libraryProblem },
    });
    expect(await call(door, 'backups.create')).toMatchObject({
      ok: false,
      error: { code: 'library_damaged' },
    });
    expect((await value<{ name: string }[]>(door, 'backups.list')).map((b) => b.name)).toEqual([
      name,
    ]);

    await value(door, 'backups.restore', { name });
    expect((await value<{ libraryProblem: null }>(door, 'app.info')).libraryProblem).toBeNull();
    expect(await value<unknown[]>(door, 'records.list')).toHaveLength(6);
  });
});

describe('the background integrity check', () => {
  it('finds damage quick_check misses, and the library is then treated as damaged', async () => {
    const dir = await libraryOfRecords(2);
    damageIndexQuietly(dir);
    const door = await openDoor(dir, true);
    // quick_check passed: the library opened.
    expect(door.context()).not.toBeNull();
    await door.checking;
    expect(door.context()).toBeNull();
    expect(door.libraryProblem()).toMatch(
      /^This library is damaged \(SQLite found: row \d+ missing from index records_by_content_hash\)/,
    );
    expect(await call(door, 'records.list')).toMatchObject({
      ok: false,
      error: { code: 'library_damaged' },
    });
  });

  it('leaves a sound library open', async () => {
    const door = await openDoor(await libraryOfRecords(1), true);
    await door.checking;
    expect(door.libraryProblem()).toBeNull();
    expect(await value<unknown[]>(door, 'records.list')).toHaveLength(1);
  });
});
