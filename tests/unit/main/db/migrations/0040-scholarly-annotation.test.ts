// Migration 40 on a library with notes: the palette takes Okabe & Ito's colours and a mark line
// per category, existing notes keep their category and get no note type or entity, and the new
// tables (tags, replies, record notes, glossary, entities) start empty.
import { describe, expect, it } from 'vitest';
import { insertRows, libraryAt, recordRow, tableRows, updateToVersion } from '../support';

describe('migration 40: scholarly annotation', () => {
  it('recolours the palette and keeps every note as it was', () => {
    const db = libraryAt(30);
    insertRows(db, 'records', [recordRow('r1')]);
    insertRows(db, 'annotations', [
      {
        id: 'a1',
        record_id: 'r1',
        category_id: 'person',
        comment_text: 'Stalin',
        created_at: 1,
        updated_at: 2,
      },
    ]);

    updateToVersion(db, 40);
    expect(tableRows(db, 'categories', 'sort')).toEqual([
      { id: 'note', name: 'Note', color: '#F0E442', sort: 10, line: 'solid' },
      { id: 'person', name: 'Person', color: '#56B4E9', sort: 20, line: 'double' },
      { id: 'place', name: 'Place', color: '#009E73', sort: 30, line: 'dashed' },
      { id: 'organisation', name: 'Organisation', color: '#CC79A7', sort: 40, line: 'dotted' },
      { id: 'date', name: 'Date', color: '#E69F00', sort: 50, line: 'solid' },
      { id: 'term', name: 'Term', color: '#0072B2', sort: 60, line: 'dashed' },
      {
        id: 'translation-issue',
        name: 'Translation issue',
        color: '#D55E00',
        sort: 70,
        line: 'wavy',
      },
      { id: 'question', name: 'Question', color: '#999999', sort: 80, line: 'dotted' },
    ]);
    expect(tableRows(db, 'annotations')).toEqual([
      {
        id: 'a1',
        record_id: 'r1',
        category_id: 'person',
        comment_json: null,
        comment_text: 'Stalin',
        created_at: 1,
        updated_at: 2,
        note_type: null,
        entity_id: null,
      },
    ]);
    for (const table of ['annotation_tags', 'annotation_replies', 'record_notes', 'entities']) {
      expect(tableRows(db, table)).toEqual([]);
    }

    // A mention outlives its entity (unlinked); tags go with their note.
    insertRows(db, 'entities', [{ id: 'e1', kind: 'person', created_at: 3, updated_at: 3 }]);
    db.prepare("UPDATE annotations SET entity_id = 'e1', note_type = 'omission'").run();
    insertRows(db, 'annotation_tags', [{ annotation_id: 'a1', tag: 'leaders' }]);
    expect(() => db.prepare("UPDATE annotations SET note_type = 'typo'").run()).toThrow(/CHECK/);
    db.prepare("DELETE FROM entities WHERE id = 'e1'").run();
    expect(tableRows(db, 'annotations')[0]).toMatchObject({
      entity_id: null,
      note_type: 'omission',
    });
    db.prepare("DELETE FROM annotations WHERE id = 'a1'").run();
    expect(tableRows(db, 'annotation_tags')).toEqual([]);
  });
});
