// Migration 110 on a library whose passages were indexed by 0050's trigger: the index it holds
// stays as it was, the per-row passage trigger is gone, and every other index trigger remains.
import { describe, expect, it } from 'vitest';
import {
  insertRows,
  libraryAt,
  recordRow,
  schemaNames,
  tableRows,
  updateToVersion,
} from '../support';

describe('migration 110: new passages indexed a record at a time', () => {
  it('keeps the index it finds and drops only the passage-insert trigger', () => {
    const db = libraryAt(70);
    insertRows(db, 'records', [recordRow('r1')]);
    insertRows(db, 'passages', [
      { id: 1, record_id: 'r1', side: 'original', ordinal: 0, text: 'Переговоры о перемирии.' },
      { id: 2, record_id: 'r1', side: 'translation', ordinal: 0, text: 'Armistice talks.' },
    ]);
    const docs = tableRows(db, 'search_docs', 'id');
    const triggers = schemaNames(db, 'trigger');
    expect(docs.map((d) => [d['kind'], d['passage_id']])).toEqual([
      ['record', null],
      ['passage', 1],
      ['passage', 2],
    ]);

    updateToVersion(db, 110);
    expect(tableRows(db, 'search_docs', 'id')).toEqual(docs);
    expect(schemaNames(db, 'trigger')).toEqual(
      triggers.filter((name) => name !== 'search_passage_insert'),
    );
    const match = (words: string) =>
      db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ?').pluck().all(words);
    expect(match('stems:перемир')).toEqual([docs[1]!['id']]);
    // Edits are still followed by a trigger.
    db.prepare('UPDATE passages SET text = ? WHERE id = 2').run('Ceasefire talks.');
    expect(match('surface:armistice')).toEqual([]);
    expect(match('surface:ceasefire')).toHaveLength(1);
  });
});
