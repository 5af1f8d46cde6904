// Migration 50 on a library with records, notes and an essay: records stay in the library (not
// the trash), collections start empty, and the search index is built from what is there, by the
// connection's search functions after the migration (the migration itself is SQL only).
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../src/main/db/migrate';
import { MIGRATIONS } from '../../../../../src/main/db/migrations';
import { registerSearchFunctions } from '../../../../../src/main/db/search-functions';
import { ensureSearchIndex } from '../../../../../src/main/db/search-index-state';
import { insertRows, libraryAt, recordRow, tableRows, updateToVersion } from '../support';

function libraryAt40WithData(db: Database.Database): void {
  insertRows(db, 'records', [
    recordRow('r1', { title: 'Ciphered telegram', source: 'APRF, f. 45, op. 1, d. 334, l. 2' }),
  ]);
  insertRows(db, 'passages', [
    { id: 1, record_id: 'r1', side: 'original', ordinal: 0, text: 'Переговоры о перемирии.' },
    { id: 2, record_id: 'r1', side: 'translation', ordinal: 0, text: 'Armistice talks.' },
  ]);
  insertRows(db, 'annotations', [
    {
      id: 'a1',
      record_id: 'r1',
      category_id: 'note',
      comment_text: 'Kaesong',
      created_at: 1,
      updated_at: 1,
    },
  ]);
  insertRows(db, 'annotation_targets', [
    {
      annotation_id: 'a1',
      ordinal: 0,
      passage_id: 2,
      side: 'translation',
      passage_index: 0,
      exact: 'Armistice',
      prefix: '',
      suffix: ' talks.',
      start: 0,
      end: 9,
    },
  ]);
  insertRows(db, 'annotation_tags', [{ annotation_id: 'a1', tag: 'ceasefire' }]);
  insertRows(db, 'record_notes', [
    { record_id: 'r1', body_text: 'My essay on Panmunjom', updated_at: 1 },
  ]);
}

describe('migration 50: catalogue and search', () => {
  it('keeps every record in the library and indexes it all once the library is opened', () => {
    const db = libraryAt(40);
    libraryAt40WithData(db);
    updateToVersion(db, 50);
    expect(tableRows(db, 'records').map((r) => r['deleted_at'])).toEqual([null]);
    expect(tableRows(db, 'collections')).toEqual([]);

    expect(ensureSearchIndex(db)).toBe(true);
    const kinds = db
      .prepare('SELECT kind, count(*) AS n FROM search_docs GROUP BY kind ORDER BY kind')
      .all();
    expect(kinds).toEqual([
      { kind: 'essay', n: 1 },
      { kind: 'note', n: 1 },
      { kind: 'passage', n: 2 },
      { kind: 'record', n: 1 },
    ]);
    const match = (q: string) =>
      db
        .prepare(
          'SELECT d.kind FROM search_fts f JOIN search_docs d ON d.id = f.rowid WHERE search_fts MATCH ?',
        )
        .pluck()
        .all(q);
    // Stems: "перемирие" finds "перемирии"; notes by their tags; the essay by its words.
    expect(match('{stems}: перемир')).toEqual(['passage']);
    expect(match('ceasefire')).toEqual(['note']);
    expect(match('panmunjom')).toEqual(['essay']);
    expect(tableRows(db, 'record_citations')).toEqual([
      { record_id: 'r1', archives: '["APRF"]', fonds: '["APRF f. 45"]' },
    ]);
    // Built once: opening again does not rebuild.
    expect(ensureSearchIndex(db)).toBe(false);
  });

  it('runs no JavaScript: it migrates a connection that has no search functions', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 40);
    libraryAt40WithData(db);
    migrate(db, MIGRATIONS, 50);
    // Writing needs the functions (the triggers call them); once registered, all is well.
    expect(() => insertRows(db, 'records', [recordRow('r2')])).toThrow(/no such function: mg_/);
    registerSearchFunctions(db);
    insertRows(db, 'records', [recordRow('r2')]);
    expect(tableRows(db, 'records')).toHaveLength(2);
  });
});
