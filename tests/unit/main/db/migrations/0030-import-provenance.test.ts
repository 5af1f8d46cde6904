// Migration 30 (import provenance) on a library that already holds a record.
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../../../src/main/db/migrations';
import { insertRows, libraryAt, recordRow, tableRows, updateToVersion } from '../support';

describe('migration 30: where records came from', () => {
  it('adds an empty history to a library with records, and keeps the records', () => {
    const db = libraryAt(20);
    insertRows(db, 'records', [recordRow('r1', { title: 'Old record' })]);
    updateToVersion(db, 30);
    expect(tableRows(db, 'record_imports')).toEqual([]);
    expect(tableRows(db, 'records').map((r) => r['title'])).toEqual(['Old record']);

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
    expect(tableRows(db, 'record_imports')).toEqual([]);
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
