// Migration 120 on a library with notes: nothing is shared yet, existing notes count as written
// here (no author rows), the change counters start at zero and move when notes or records change,
// and a share's rows go with its collection.
import { describe, expect, it } from 'vitest';
import { insertRows, libraryAt, recordRow, tableRows, updateToVersion } from '../support';

describe('migration 120: sharing', () => {
  it('adds empty sharing tables and counts later changes', () => {
    const db = libraryAt(50);
    insertRows(db, 'records', [recordRow('r1')]);
    insertRows(db, 'annotations', [
      { id: 'a1', record_id: 'r1', category_id: 'note', created_at: 1, updated_at: 1 },
    ]);
    insertRows(db, 'collections', [{ id: 'c1', name: 'Seminar', created_at: 1, updated_at: 1 }]);

    updateToVersion(db, 120);
    for (const table of ['shares', 'share_outbox', 'note_authors', 'note_visibility']) {
      expect(tableRows(db, table)).toEqual([]);
    }
    expect(tableRows(db, 'share_members', 'share_id')).toEqual([]);
    expect(tableRows(db, 'share_docs', 'share_id')).toEqual([]);
    expect(tableRows(db, 'share_changes', 'what')).toEqual([
      { what: 'notes', version: 0 },
      { what: 'records', version: 0 },
    ]);
    expect(tableRows(db, 'annotations').map((a) => a.id)).toEqual(['a1']);

    db.prepare("UPDATE annotations SET comment_text = 'changed' WHERE id = 'a1'").run();
    insertRows(db, 'annotation_tags', [{ annotation_id: 'a1', tag: 'x' }]);
    insertRows(db, 'collection_records', [{ collection_id: 'c1', record_id: 'r1', added_at: 2 }]);
    expect(tableRows(db, 'share_changes', 'what')).toEqual([
      { what: 'notes', version: 2 },
      { what: 'records', version: 1 },
    ]);

    insertRows(db, 'shares', [
      {
        share_id: 'cAbc',
        collection_id: 'c1',
        server_url: 'ws://127.0.0.1:1234',
        role: 'owner',
        member_id: 'mAbc',
        member_name: 'Anna',
        member_color: '#0072B2',
        private_key: 'pem',
        invite: 'token',
        created_at: 3,
      },
    ]);
    insertRows(db, 'share_outbox', [
      { share_id: 'cAbc', doc_name: 'cAbc/records', update_data: Buffer.from([1]), created_at: 3 },
    ]);
    insertRows(db, 'note_authors', [{ annotation_id: 'a1', share_id: 'cAbc', member_id: 'mB' }]);
    expect(() => db.prepare("UPDATE shares SET role = 'admin'").run()).toThrow(/CHECK/);
    db.prepare("DELETE FROM collections WHERE id = 'c1'").run();
    expect(tableRows(db, 'shares')).toEqual([]);
    expect(tableRows(db, 'share_outbox')).toEqual([]);
    db.prepare("DELETE FROM annotations WHERE id = 'a1'").run();
    expect(tableRows(db, 'note_authors')).toEqual([]);
  });
});
