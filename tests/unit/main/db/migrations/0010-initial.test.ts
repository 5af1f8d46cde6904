// Migration 10 on an empty file: the first schema, with the default categories, and the rules a
// record's rows keep (passages and notes go with their record; a target outlives its passage).
import { describe, expect, it } from 'vitest';
import { insertRows, libraryAt, recordRow, tableRows, updateToVersion } from '../support';

describe('migration 10: the first schema', () => {
  it('creates the tables with eight categories, and keeps a record’s rows together', () => {
    const db = libraryAt(0);
    updateToVersion(db, 10);
    expect(tableRows(db, 'categories', 'sort').map((c) => c['id'])).toEqual([
      'note',
      'person',
      'place',
      'organisation',
      'date',
      'term',
      'translation-issue',
      'question',
    ]);

    insertRows(db, 'records', [recordRow('r1')]);
    insertRows(db, 'passages', [
      { id: 1, record_id: 'r1', side: 'original', ordinal: 0, text: 'Текст' },
      { id: 2, record_id: 'r1', side: 'translation', ordinal: 0, text: 'Text' },
    ]);
    insertRows(db, 'alignment_groups', [{ id: 1, record_id: 'r1', ordinal: 0, confidence: 0.9 }]);
    insertRows(db, 'alignment_members', [
      { passage_id: 1, group_id: 1 },
      { passage_id: 2, group_id: 1 },
    ]);
    insertRows(db, 'annotations', [
      { id: 'a1', record_id: 'r1', category_id: 'note', created_at: 1, updated_at: 1 },
    ]);
    insertRows(db, 'annotation_targets', [
      {
        annotation_id: 'a1',
        ordinal: 0,
        passage_id: 1,
        side: 'original',
        passage_index: 0,
        exact: 'Текст',
        prefix: '',
        suffix: '',
        start: 0,
        end: 5,
      },
    ]);
    // A side is one of two; an annotation needs a known category.
    expect(() =>
      insertRows(db, 'passages', [{ record_id: 'r1', side: 'other', ordinal: 1, text: 'x' }]),
    ).toThrow(/CHECK/);
    expect(() =>
      insertRows(db, 'annotations', [
        { id: 'a2', record_id: 'r1', category_id: 'nope', created_at: 1, updated_at: 1 },
      ]),
    ).toThrow(/FOREIGN KEY/);

    // A target keeps its quote when its passage goes; everything goes with the record.
    db.prepare('DELETE FROM passages WHERE id = 1').run();
    expect(tableRows(db, 'annotation_targets')[0]).toMatchObject({
      passage_id: null,
      exact: 'Текст',
    });
    db.prepare("DELETE FROM records WHERE id = 'r1'").run();
    for (const table of ['passages', 'alignment_groups', 'annotations', 'annotation_targets']) {
      expect(tableRows(db, table)).toEqual([]);
    }
  });
});
