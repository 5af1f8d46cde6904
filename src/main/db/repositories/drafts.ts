// Storage of drafts: the words of comments and replies being written, kept as they are typed so
// that a reload or a crash loses nothing (see migration 0061). One per record and target.
import type { Draft, DraftTarget, TranslationNoteType } from '@shared/model';
import { prepared, type LibraryDatabase } from '../statements';

interface DraftRow {
  id: string;
  record_id: string;
  kind: Draft['kind'];
  target_key: string;
  target_json: string;
  body_json: string | null;
  category_id: string | null;
  tags_json: string;
  note_type: TranslationNoteType | null;
  revision: number;
  updated_at: number;
}

/** The key that makes a draft one per record and target. */
export function draftTargetKey(target: DraftTarget): string {
  return target.kind === 'span'
    ? `span:${target.passageId}:${target.start}:${target.end}`
    : `note:${target.annotationId}`;
}

function fromRow(row: DraftRow): Draft {
  return {
    id: row.id,
    recordId: row.record_id,
    kind: row.kind,
    target: JSON.parse(row.target_json) as DraftTarget,
    json: row.body_json,
    categoryId: row.category_id,
    tags: JSON.parse(row.tags_json) as string[],
    noteType: row.note_type,
    revision: row.revision,
    updatedAt: row.updated_at,
  };
}

export function createDraftsRepository(db: LibraryDatabase) {
  const s = prepared({
    byRecord: () =>
      db.prepare<[string], DraftRow>(
        'SELECT * FROM drafts WHERE record_id = ? ORDER BY updated_at DESC, id',
      ),
    get: () => db.prepare<[string], DraftRow>('SELECT * FROM drafts WHERE id = ?'),
    revisionOf: () =>
      db.prepare<[string], { revision: number }>('SELECT revision FROM drafts WHERE id = ?'),
    savedAlready: () =>
      db.prepare<[string], { one: number }>('SELECT 1 AS one FROM creation_keys WHERE key = ?'),
    upsert: () =>
      db.prepare(`
      INSERT INTO drafts (id, record_id, kind, target_key, target_json, body_json, category_id,
        tags_json, note_type, revision, updated_at)
      VALUES (@id, @recordId, @kind, @targetKey, @targetJson, @bodyJson, @categoryId,
        @tagsJson, @noteType, @revision, @updatedAt)
      ON CONFLICT (id) DO UPDATE SET target_key = excluded.target_key,
        target_json = excluded.target_json, body_json = excluded.body_json,
        category_id = excluded.category_id, tags_json = excluded.tags_json,
        note_type = excluded.note_type, revision = excluded.revision,
        updated_at = excluded.updated_at`),
    // Another draft of the same record and target gives way to the one being kept.
    deleteSameTarget: () =>
      db.prepare(
        'DELETE FROM drafts WHERE record_id = ? AND kind = ? AND target_key = ? AND id <> ?',
      ),
    delete: () => db.prepare('DELETE FROM drafts WHERE id = ?'),
  });

  const save = db.transaction((draft: Draft): Draft | null => {
    if (s.savedAlready.get(draft.id)) return null;
    const stored = s.revisionOf.get(draft.id);
    if (stored && stored.revision >= draft.revision) return null;
    const targetKey = draftTargetKey(draft.target);
    s.deleteSameTarget.run(draft.recordId, draft.kind, targetKey, draft.id);
    s.upsert.run({
      id: draft.id,
      recordId: draft.recordId,
      kind: draft.kind,
      targetKey,
      targetJson: JSON.stringify(draft.target),
      bodyJson: draft.json,
      categoryId: draft.categoryId,
      tagsJson: JSON.stringify(draft.tags),
      noteType: draft.noteType,
      revision: draft.revision,
      updatedAt: draft.updatedAt,
    });
    return fromRow(s.get.get(draft.id)!);
  });

  return {
    /** The record's drafts, newest first. */
    listByRecord(recordId: string): Draft[] {
      return s.byRecord.all(recordId).map(fromRow);
    },

    /** Whether a note or reply was already saved from this draft id. */
    savedAlready(id: string): boolean {
      return s.savedAlready.get(id) !== undefined;
    },

    /**
     * Keeps the draft, in one transaction. Nothing changes (null) when a later revision of it is
     * stored already, or when it was saved as a note or reply (its id is a creation key): a save
     * that arrives late never brings back what is done.
     */
    save(draft: Draft): Draft | null {
      return save(draft);
    },

    delete(id: string): boolean {
      return s.delete.run(id).changes > 0;
    },
  };
}

export type DraftsRepository = ReturnType<typeof createDraftsRepository>;
