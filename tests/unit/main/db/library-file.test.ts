// What Marginalia does with a library file before anything writes to it (issue 14, points 8
// and 9): another program's database, an empty file or a damaged library is refused, untouched
// (same sha256), with a sentence saying what it is; a damaged one names the newest backup.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../../../src/main/db/open';
import { runCli } from '../../../../src/main/cli/run';
import { importSample, fileContext, tempDir, SAMPLE_TEXT } from '../../support/context';

const sha256 = (file: string): string =>
  createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

/** `library.sqlite` in a new folder, made by `make`, as another program would leave it. */
function libraryFile(make: (file: string) => void): { dir: string; file: string } {
  const dir = tempDir('library-file');
  const file = path.join(dir, 'library.sqlite');
  make(file);
  return { dir, file };
}

function refusal(dir: string): string {
  try {
    openLibrary(dir).close();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the library opened');
}

describe('a file that is not a Marginalia library', () => {
  it('another program’s SQLite database with a records table is refused untouched', () => {
    const { dir, file } = libraryFile((f) => {
      const db = new Database(f);
      db.exec(
        'CREATE TABLE records (id INTEGER PRIMARY KEY, amount REAL); CREATE TABLE ledger (x);',
      );
      db.close();
    });
    const before = sha256(file);
    expect(refusal(dir)).toBe(
      `${file} is an SQLite database of another program (tables: ledger, records), not a Marginalia library; Marginalia has not changed it.`,
    );
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['library.sqlite']);
  });

  it('a database with another application id is refused by its header alone', () => {
    const { dir, file } = libraryFile((f) => {
      const db = new Database(f);
      db.pragma('application_id = 1234');
      db.exec('CREATE TABLE records (id); CREATE TABLE schema_migrations (version);');
      db.close();
    });
    const before = sha256(file);
    expect(refusal(dir)).toMatch(/another program's SQLite database \(application id 0x4d2\)/);
    expect(sha256(file)).toBe(before);
  });

  it('a zero-byte file is refused, not silently made a new library', () => {
    const { dir, file } = libraryFile((f) => fs.writeFileSync(f, ''));
    expect(refusal(dir)).toMatch(/is empty \(0 bytes\): it is not a Marginalia library/);
    expect(fs.statSync(file).size).toBe(0);
  });

  it('a file that is not SQLite at all is refused untouched', () => {
    const { dir, file } = libraryFile((f) => fs.writeFileSync(f, 'hello, world\n'.repeat(100)));
    const before = sha256(file);
    expect(refusal(dir)).toMatch(/not an SQLite database at all/);
    expect(sha256(file)).toBe(before);
  });

  it('a data folder that is a file gets a sentence, in the CLI too', async () => {
    const dir = tempDir('data-is-file');
    const notAFolder = path.join(dir, 'lib');
    fs.writeFileSync(notAFolder, 'x');
    const run = await cli(['list', '--data-dir', notAFolder]);
    expect(run.code).toBe(1);
    expect(run.err).toBe(
      `marginalia: Cannot open the library in ${notAFolder}: ${notAFolder} is a file, not a folder: the library folder holds library.sqlite and its backups.\n`,
    );
  });

  it('a library from before migration 90 is recognised and opens', async () => {
    const dir = tempDir('legacy');
    const ctx = fileContext(dir);
    await importSample(ctx);
    ctx.db.pragma('application_id = 0');
    ctx.db.close();
    const db = openLibrary(dir);
    expect(db.prepare('SELECT count(*) AS n FROM records').get()).toEqual({ n: 1 });
    db.close();
  });
});

/** A library of a few records, closed and checkpointed, so its pages are all in the file. */
async function libraryOfRecords(count: number): Promise<string> {
  const dir = tempDir('damaged');
  const ctx = fileContext(dir);
  for (let i = 0; i < count; i++) {
    await importSample(
      ctx,
      SAMPLE_TEXT.replace(/110374/g, `5${i}`).replace(
        'Ваши телеграммы о перемирии получены.',
        `Ваши телеграммы №${i} о перемирии получены.`,
      ),
    );
  }
  ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  ctx.db.close();
  return dir;
}

function damage(file: string): void {
  const bytes = fs.readFileSync(file);
  const at = Math.floor(bytes.length / 2 / 4096) * 4096;
  // A fixed pattern stands in for random bytes, so the test does the same every run.
  for (let i = 0; i < 8192; i++) bytes[at + i] = (i * 131 + 17) & 0xff;
  fs.writeFileSync(file, bytes);
}

describe('a damaged library', () => {
  it('is caught when the damage is in the schema itself, read while connecting', async () => {
    const dir = await libraryOfRecords(2);
    const file = path.join(dir, 'library.sqlite');
    // Page 1 past its 100-byte header: the root of sqlite_schema. The header (and with it the
    // application id that says "Marginalia") stays intact.
    const bytes = fs.readFileSync(file);
    for (let i = 100; i < 4096; i++) bytes[i] = (i * 131 + 17) & 0xff;
    fs.writeFileSync(file, bytes);
    const before = sha256(file);
    expect(refusal(dir)).toMatch(
      /^This library is damaged \(SQLite found: .+\)\. Marginalia has not changed it\./,
    );
    expect(sha256(file)).toBe(before);
  });

  it('is caught on open, with the newest backup offered, and the CLI shows no stack', async () => {
    const dir = await libraryOfRecords(8);
    const backup = await cli(['backup', 'create', '--data-dir', dir]);
    expect(backup.code).toBe(0);
    const name = /Backed up as (library-manual-\S+\.sqlite)/.exec(backup.out)![1]!;
    const file = path.join(dir, 'library.sqlite');
    damage(file);
    const before = sha256(file);

    expect(refusal(dir)).toMatch(
      new RegExp(
        `^This library is damaged \\(SQLite found: .+\\)\\. Marginalia has not changed it\\. The newest backup is ${name.replace(/\./g, '\\.')} \\(.+ UTC\\); restore it with: marginalia backup restore ${name.replace(/\./g, '\\.')} --data-dir "${dir}"$`,
      ),
    );
    for (const command of [['list'], ['search', 'перемирие'], ['export', 'x']]) {
      const run = await cli([...command, '--data-dir', dir]);
      expect(run.code).toBe(1);
      expect(run.err).toMatch(
        /^marginalia: Cannot open the library in .+: This library is damaged/,
      );
      expect(run.err).not.toMatch(/SqliteError|\n {4}at /);
    }
    expect(sha256(file)).toBe(before);

    const restore = await cli(['backup', 'restore', name, '--data-dir', dir]);
    expect(restore.err).toBe('');
    expect(restore.code).toBe(0);
    const list = await cli(['list', '--data-dir', dir]);
    expect(list.code).toBe(0);
    expect(list.out.trim().split('\n')).toHaveLength(8);
    // The damaged file is kept, as a backup of its own.
    const backups = await cli(['backup', 'list', '--data-dir', dir, '--json']);
    expect(
      JSON.parse(backups.out)
        .backups.map((b: { kind: string }) => b.kind)
        .sort(),
    ).toEqual(['before-restore', 'manual']);
  });
});
