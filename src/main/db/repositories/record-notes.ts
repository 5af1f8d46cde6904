// Storage of record notes: the scholar's own rich-text essay on a whole record, one per record.
import type { RecordNote } from '@shared/model';
import { prepared, type LibraryDatabase } from '../statements';

export function createRecordNotesRepository(db: LibraryDatabase) {
  const s = prepared({
    get: () =>
      db.prepare<[string], { body_json: string | null; body_text: string; updated_at: number }>(
        'SELECT body_json, body_text, updated_at FROM record_notes WHERE record_id = ?',
      ),
    put: () =>
      db.prepare(`
        INSERT INTO record_notes (record_id, body_json, body_text, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (record_id) DO UPDATE SET body_json = excluded.body_json,
          body_text = excluded.body_text, updated_at = excluded.updated_at`),
  });

  return {
    /** The record's note; an empty one (updatedAt null) when none was written. */
    get(recordId: string): RecordNote {
      const row = s.get.get(recordId);
      return {
        recordId,
        body: { json: row?.body_json ?? null, text: row?.body_text ?? '' },
        updatedAt: row?.updated_at ?? null,
      };
    },

    /** Whether the record has a stored note (even an empty one). */
    exists(recordId: string): boolean {
      return s.get.get(recordId) !== undefined;
    },

    save(note: RecordNote & { updatedAt: number }): void {
      s.put.run(note.recordId, note.body.json, note.body.text, note.updatedAt);
    },
  };
}

export type RecordNotesRepository = ReturnType<typeof createRecordNotesRepository>;
