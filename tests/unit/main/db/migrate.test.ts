import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase, openLibrary } from '../../../../src/main/db/open';
import { DatabaseFromFutureError, migrate, schemaVersion } from '../../../../src/main/db/migrate';
import { MIGRATIONS } from '../../../../src/main/db/migrations';
import { tempDir } from '../../support/context';

describe('library database', () => {
  it('creates the schema and records every migration', () => {
    const db = openDatabase(':memory:');
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
    const applied = db
      .prepare('SELECT version, name FROM schema_migrations ORDER BY version')
      .all();
    expect(applied).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .all()
      .map((r) => (r as { name: string }).name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'records',
        'passages',
        'alignment_groups',
        'alignment_members',
        'annotations',
        'annotation_targets',
        'categories',
      ]),
    );
  });

  it('opens a library file in WAL mode with foreign keys on', () => {
    const dir = tempDir('db');
    const db = openLibrary(path.join(dir, 'nested', 'library'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() =>
      db
        .prepare(
          "INSERT INTO passages (record_id, side, ordinal, text) VALUES ('missing', 'original', 0, 'x')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('is idempotent: opening again applies nothing', () => {
    const db = openDatabase(':memory:');
    expect(migrate(db)).toEqual([]);
  });

  it('refuses a library written by a newer Marginalia', () => {
    const dir = tempDir('db');
    const file = path.join(dir, 'future.sqlite');
    const raw = new Database(file);
    raw.pragma('user_version = 99999');
    raw.close();
    expect(() => openDatabase(file)).toThrow(DatabaseFromFutureError);
  });

  it('rolls back every pending migration when one fails', () => {
    const db = new Database(':memory:');
    const broken = [
      ...MIGRATIONS,
      {
        version: 99990,
        name: 'broken',
        up: (d: Database.Database) => d.exec('CREATE TABLE oops (x); SELECT * FROM nowhere'),
      },
    ];
    expect(() => migrate(db, broken)).toThrow(/no such table/);
    expect(schemaVersion(db)).toBe(0);
    expect(
      db.prepare("SELECT name FROM sqlite_schema WHERE name = 'records'").get(),
    ).toBeUndefined();
  });

  it('refuses migrations listed out of order', () => {
    const db = new Database(':memory:');
    const noop = () => undefined;
    expect(() =>
      migrate(db, [
        { version: 20, name: 'b', up: noop },
        { version: 10, name: 'a', up: noop },
      ]),
    ).toThrow(/out of order/);
  });
});
