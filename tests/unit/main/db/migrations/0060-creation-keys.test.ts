// Migration 60 on a library with a note and a reply: nothing stored changes, and from then on a
// draft's key names exactly one note or reply, and goes with it when it is deleted.
import { describe, expect, it } from 'vitest';
import { insertRows, libraryAt, recordRow, tableRows, updateToVersion } from '../support';

describe('migration 60: creation keys', () => {
  it('keeps notes and replies as they were and holds one creation per key', () => {
    const db = libraryAt(50);
    insertRows(db, 'records', [recordRow('r1', { title: 'Ciphered telegram' })]);
    insertRows(db, 'annotations', [
      {
        id: 'a1',
        record_id: 'r1',
        category_id: 'note',
        comment_text: 'Tass',
        created_at: 1,
        updated_at: 1,
      },
    ]);
    insertRows(db, 'annotation_replies', [
      {
        id: 'p1',
        annotation_id: 'a1',
        body_json: '{}',
        body_text: 'Agreed',
        created_at: 2,
        updated_at: 2,
      },
    ]);
    updateToVersion(db, 60);

    expect(tableRows(db, 'annotations').map((a) => a['comment_text'])).toEqual(['Tass']);
    expect(tableRows(db, 'annotation_replies').map((r) => r['body_text'])).toEqual(['Agreed']);
    expect(tableRows(db, 'creation_keys')).toEqual([]);

    insertRows(db, 'creation_keys', [
      { key: 'k1', annotation_id: 'a1' },
      { key: 'k2', reply_id: 'p1' },
    ]);
    // The same key twice, a key for nothing, a key for both: refused by the table itself.
    expect(() => insertRows(db, 'creation_keys', [{ key: 'k1', annotation_id: 'a1' }])).toThrow(
      /UNIQUE/,
    );
    expect(() => insertRows(db, 'creation_keys', [{ key: 'k3' }])).toThrow(/CHECK/);
    expect(() =>
      insertRows(db, 'creation_keys', [{ key: 'k4', annotation_id: 'a1', reply_id: 'p1' }]),
    ).toThrow(/CHECK|UNIQUE/);

    db.prepare('DELETE FROM annotation_replies WHERE id = ?').run('p1');
    expect(tableRows(db, 'creation_keys').map((k) => k['key'])).toEqual(['k1']);
    db.prepare('DELETE FROM annotations WHERE id = ?').run('a1');
    expect(tableRows(db, 'creation_keys')).toEqual([]);
  });
});
