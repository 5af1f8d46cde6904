// Migration 20 on a library that already holds an aligned record: sentence rows are added beside
// the paragraph rows, which stay as they were.
import { describe, expect, it } from 'vitest';
import { insertRows, libraryAt, recordRow, tableRows, updateToVersion } from '../support';

describe('migration 20: sentence rows shaped by hand', () => {
  it('keeps the paragraph rows and stores sentence rows that name passages and spans', () => {
    const db = libraryAt(10);
    insertRows(db, 'records', [recordRow('r1')]);
    insertRows(db, 'passages', [
      { id: 1, record_id: 'r1', side: 'original', ordinal: 0, text: 'Один. Два.' },
      { id: 2, record_id: 'r1', side: 'translation', ordinal: 0, text: 'One. Two.' },
    ]);
    insertRows(db, 'alignment_groups', [{ id: 7, record_id: 'r1', ordinal: 0, confidence: 0.8 }]);
    insertRows(db, 'alignment_members', [
      { passage_id: 1, group_id: 7 },
      { passage_id: 2, group_id: 7 },
    ]);
    const before = tableRows(db, 'alignment_members');

    updateToVersion(db, 20);
    expect(tableRows(db, 'alignment_members')).toEqual(before);
    expect(tableRows(db, 'sentence_groups')).toEqual([]);

    insertRows(db, 'sentence_groups', [
      { id: 1, record_id: 'r1', ordinal: 0, confidence: 1, confirmed: 1 },
    ]);
    insertRows(db, 'sentence_members', [
      { group_id: 1, passage_id: 1, start: 0, end: 6 },
      { group_id: 1, passage_id: 2, start: 0, end: 4 },
    ]);
    // A sentence is a non-empty span; a confidence lies in 0..1.
    expect(() =>
      insertRows(db, 'sentence_members', [{ group_id: 1, passage_id: 1, start: 7, end: 7 }]),
    ).toThrow(/CHECK/);
    expect(() =>
      insertRows(db, 'sentence_groups', [{ record_id: 'r1', ordinal: 1, confidence: 1.5 }]),
    ).toThrow(/CHECK/);
    db.prepare("DELETE FROM records WHERE id = 'r1'").run();
    expect(tableRows(db, 'sentence_members')).toEqual([]);
  });
});
