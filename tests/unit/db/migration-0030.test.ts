// Migration 30 (import provenance) on a library that already holds a record.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../src/main/db/migrate';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { registerSearchFunctions } from '../../../src/main/db/search-functions';

function libraryAt(version: number): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  registerSearchFunctions(db);
  migrate(db, MIGRATIONS, version);
  return db;
}

describe('migration 30: where records came from', () => {
  it('adds an empty history to a library with records, and keeps the records', () => {
    const db = libraryAt(20);
    db.prepare(
      `INSERT INTO records (id, title, original_lang, translation_lang, content_hash, created_at, updated_at)
       VALUES ('r1', 'Old record', 'ru', 'en', 'h', 1, 1)`,
    ).run();
    expect(migrate(db, MIGRATIONS, 30)).toEqual([30]);
    expect(schemaVersion(db)).toBe(30);
    expect(db.prepare('SELECT COUNT(*) AS n FROM record_imports').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT title FROM records').all()).toEqual([{ title: 'Old record' }]);

    const insert = db.prepare(
      'INSERT INTO record_imports (record_id, format, files, action, imported_at) VALUES (?, ?, ?, ?, ?)',
    );
    insert.run('r1', 'pair', '["a.ru.txt","a.en.txt"]', 'imported', 2);
    // Files must be a JSON array; actions are a closed set; the record must exist.
    expect(() => insert.run('r1', 'pair', 'a.ru.txt', 'imported', 3)).toThrow(/CHECK/);
    expect(() => insert.run('r1', 'pair', '[]', 'deleted', 3)).toThrow(/CHECK/);
    expect(() => insert.run('nope', 'pair', '[]', 'imported', 3)).toThrow(/FOREIGN KEY/);
    // The history goes with its record.
    db.prepare("DELETE FROM records WHERE id = 'r1'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM record_imports').get()).toEqual({ n: 0 });
  });

  it('reads a record’s history by an index', () => {
    const db = libraryAt(MIGRATIONS.at(-1)!.version);
    const plan = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT format FROM record_imports WHERE record_id = ? ORDER BY imported_at, id',
      )
      .all('r1')
      .map((row) => (row as { detail: string }).detail)
      .join('\n');
    expect(plan).toMatch(/USING INDEX record_imports_by_record/);
  });
});
