// Migration 61 on a library with a record and a note: nothing stored changes, and drafts are
// then one per record, kind and target, and go with their record.
import { describe, expect, it } from 'vitest';
import { insertRows, libraryAt, recordRow, tableRows, updateToVersion } from '../support';

const draftRow = (id: string, targetKey: string, extra: Record<string, unknown> = {}) => ({
  id,
  record_id: 'r1',
  kind: 'comment',
  target_key: targetKey,
  target_json: '{}',
  body_json: null,
  revision: 1,
  updated_at: 1,
  ...extra,
});

describe('migration 61: drafts', () => {
  it('keeps the library as it was and holds one draft per record, kind and target', () => {
    const db = libraryAt(60);
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
    updateToVersion(db, 61);

    expect(tableRows(db, 'records').map((r) => r['title'])).toEqual(['Ciphered telegram']);
    expect(tableRows(db, 'annotations').map((a) => a['comment_text'])).toEqual(['Tass']);
    expect(tableRows(db, 'drafts')).toEqual([]);

    insertRows(db, 'drafts', [
      draftRow('d1', 'span:1:0:5'),
      draftRow('d2', 'note:a1'),
      draftRow('d3', 'note:a1', { kind: 'reply' }),
    ]);
    expect(tableRows(db, 'drafts').map((d) => d['tags_json'])).toEqual(['[]', '[]', '[]']);
    expect(() => insertRows(db, 'drafts', [draftRow('d4', 'span:1:0:5')])).toThrow(/UNIQUE/);
    expect(() => insertRows(db, 'drafts', [draftRow('d5', 'x', { kind: 'essay' })])).toThrow(
      /CHECK/,
    );
    expect(() => insertRows(db, 'drafts', [draftRow('d6', 'y', { record_id: 'nope' })])).toThrow(
      /FOREIGN KEY/,
    );

    db.prepare('DELETE FROM records WHERE id = ?').run('r1');
    expect(tableRows(db, 'drafts')).toEqual([]);
  });
});
