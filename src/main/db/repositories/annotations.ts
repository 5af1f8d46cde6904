// Storage of annotations with their targets (anchored spans), tags and replies. An annotation is
// written whole in one transaction, so a reader never sees one without its targets.
import type {
  Annotation,
  AnnotationReply,
  AnnotationTarget,
  Side,
  TranslationNoteType,
} from '@shared/model';
import { prepared, type LibraryDatabase } from '../statements';
import { groupValues } from './grouping';

const byAnnotation = (row: { annotation_id: string }): string => row.annotation_id;

interface AnnotationRow {
  id: string;
  record_id: string;
  category_id: string;
  comment_json: string | null;
  comment_text: string;
  note_type: TranslationNoteType | null;
  entity_id: string | null;
  created_at: number;
  updated_at: number;
}

interface ReplyRow {
  id: string;
  annotation_id: string;
  body_json: string;
  body_text: string;
  created_at: number;
  updated_at: number;
}

function replyFromRow(row: ReplyRow): AnnotationReply {
  return {
    id: row.id,
    annotationId: row.annotation_id,
    body: { json: row.body_json, text: row.body_text },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

interface TargetRow {
  annotation_id: string;
  passage_id: number | null;
  side: Side;
  passage_index: number;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  orphaned: number;
}

/** A stored target with its row id, as re-anchoring reads and rewrites it. */
export interface StoredTarget extends TargetRow {
  id: number;
  ordinal: number;
}

/** New placement of a target; `orphaned` targets keep their quote and last offsets. */
export interface TargetAnchorUpdate {
  id: number;
  passageId: number | null;
  passageIndex: number;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  orphaned: boolean;
}

function targetFromRow(row: TargetRow): AnnotationTarget {
  return {
    passageId: row.passage_id,
    side: row.side,
    passageIndex: row.passage_index,
    quote: { type: 'TextQuoteSelector', exact: row.exact, prefix: row.prefix, suffix: row.suffix },
    position: { type: 'TextPositionSelector', start: row.start, end: row.end },
    orphaned: row.orphaned === 1,
  };
}

/** What a save under a draft's key created earlier: a note or a reply. */
export type KeyedCreation = { annotationId: string } | { replyId: string };

interface CreationKeyRow {
  annotation_id: string | null;
  reply_id: string | null;
}

function creationFromRow(row: CreationKeyRow | undefined): KeyedCreation | null {
  if (!row) return null;
  return row.annotation_id !== null
    ? { annotationId: row.annotation_id }
    : { replyId: row.reply_id! };
}

export function createAnnotationsRepository(db: LibraryDatabase) {
  const s = prepared({
    insert: () =>
      db.prepare(`
      INSERT INTO annotations (id, record_id, category_id, comment_json, comment_text,
        note_type, entity_id, created_at, updated_at)
      VALUES (@id, @recordId, @categoryId, @commentJson, @commentText,
        @noteType, @entityId, @createdAt, @updatedAt)`),
    insertTarget: () =>
      db.prepare(`
      INSERT INTO annotation_targets (annotation_id, ordinal, passage_id, side, passage_index,
        exact, prefix, suffix, start, end, orphaned)
      VALUES (@annotationId, @ordinal, @passageId, @side, @passageIndex,
        @exact, @prefix, @suffix, @start, @end, @orphaned)`),
    update: () =>
      db.prepare(`
      UPDATE annotations SET category_id = @categoryId, comment_json = @commentJson,
        comment_text = @commentText, note_type = @noteType, entity_id = @entityId,
        updated_at = @updatedAt
      WHERE id = @id`),
    deleteTargets: () => db.prepare('DELETE FROM annotation_targets WHERE annotation_id = ?'),
    insertTag: () =>
      db.prepare('INSERT OR IGNORE INTO annotation_tags (annotation_id, tag) VALUES (?, ?)'),
    deleteTags: () => db.prepare('DELETE FROM annotation_tags WHERE annotation_id = ?'),
    tagsOf: () =>
      db.prepare<[string], { tag: string }>(
        'SELECT tag FROM annotation_tags WHERE annotation_id = ? ORDER BY rowid',
      ),
    tagsByRecord: () =>
      db.prepare<[string], { annotation_id: string; tag: string }>(`
      SELECT t.annotation_id, t.tag FROM annotation_tags t
      JOIN annotations a ON a.id = t.annotation_id
      WHERE a.record_id = ? ORDER BY t.rowid`),
    allTags: () =>
      db.prepare<[], { tag: string; count: number }>(`
      SELECT tag, COUNT(*) AS count FROM annotation_tags
      GROUP BY tag ORDER BY count DESC, tag COLLATE NOCASE`),
    insertReply: () =>
      db.prepare(`
      INSERT INTO annotation_replies (id, annotation_id, body_json, body_text, created_at, updated_at)
      VALUES (@id, @annotationId, @bodyJson, @bodyText, @createdAt, @updatedAt)`),
    updateReply: () =>
      db.prepare(
        'UPDATE annotation_replies SET body_json = ?, body_text = ?, updated_at = ? WHERE id = ?',
      ),
    deleteReply: () => db.prepare('DELETE FROM annotation_replies WHERE id = ?'),
    getReply: () => db.prepare<[string], ReplyRow>('SELECT * FROM annotation_replies WHERE id = ?'),
    repliesOf: () =>
      db.prepare<[string], ReplyRow>(
        'SELECT * FROM annotation_replies WHERE annotation_id = ? ORDER BY created_at, id',
      ),
    repliesByRecord: () =>
      db.prepare<[string], ReplyRow>(`
      SELECT r.* FROM annotation_replies r JOIN annotations a ON a.id = r.annotation_id
      WHERE a.record_id = ? ORDER BY r.created_at, r.id`),
    delete: () => db.prepare('DELETE FROM annotations WHERE id = ?'),
    get: () => db.prepare<[string], AnnotationRow>('SELECT * FROM annotations WHERE id = ?'),
    targetsOf: () =>
      db.prepare<[string], TargetRow>(
        'SELECT * FROM annotation_targets WHERE annotation_id = ? ORDER BY ordinal',
      ),
    byRecord: () =>
      db.prepare<[string], AnnotationRow>(
        'SELECT * FROM annotations WHERE record_id = ? ORDER BY created_at, id',
      ),
    storedTargetsByRecord: () =>
      db.prepare<[string], StoredTarget>(`
      SELECT t.* FROM annotation_targets t JOIN annotations a ON a.id = t.annotation_id
      WHERE a.record_id = ? ORDER BY t.annotation_id, t.ordinal`),
    storedTargetsByPassage: () =>
      db.prepare<[number], StoredTarget>(
        'SELECT * FROM annotation_targets WHERE passage_id = ? ORDER BY annotation_id, ordinal',
      ),
    updateTargetAnchor: () =>
      db.prepare(`
      UPDATE annotation_targets SET passage_id = @passageId, passage_index = @passageIndex,
        exact = @exact, prefix = @prefix, suffix = @suffix, start = @start, end = @end,
        orphaned = @orphaned
      WHERE id = @id`),
    idsInCategory: () =>
      db.prepare<[string], string>('SELECT id FROM annotations WHERE category_id = ?').pluck(),
    moveCategory: () => db.prepare('UPDATE annotations SET category_id = ? WHERE category_id = ?'),
    setCategory: () => db.prepare('UPDATE annotations SET category_id = ? WHERE id = ?'),
    creationByKey: () =>
      db.prepare<[string], CreationKeyRow>(
        'SELECT annotation_id, reply_id FROM creation_keys WHERE key = ?',
      ),
    insertAnnotationKey: () =>
      db.prepare('INSERT INTO creation_keys (key, annotation_id) VALUES (?, ?)'),
    insertReplyKey: () => db.prepare('INSERT INTO creation_keys (key, reply_id) VALUES (?, ?)'),
    mentionIds: () =>
      db
        .prepare<[string], string>(
          'SELECT id FROM annotations WHERE entity_id = ? ORDER BY created_at, id',
        )
        .pluck(),
  });

  const writeTargets = (annotation: Annotation): void => {
    annotation.targets.forEach((target, ordinal) => {
      s.insertTarget.run({
        annotationId: annotation.id,
        ordinal,
        passageId: target.passageId,
        side: target.side,
        passageIndex: target.passageIndex,
        exact: target.quote.exact,
        prefix: target.quote.prefix,
        suffix: target.quote.suffix,
        start: target.position.start,
        end: target.position.end,
        orphaned: target.orphaned ? 1 : 0,
      });
    });
  };

  const insertReply = (reply: AnnotationReply): void => {
    s.insertReply.run({
      id: reply.id,
      annotationId: reply.annotationId,
      bodyJson: reply.body.json,
      bodyText: reply.body.text,
      createdAt: reply.createdAt,
      updatedAt: reply.updatedAt,
    });
  };

  const insert = db.transaction((annotation: Annotation) => {
    s.insert.run({
      id: annotation.id,
      recordId: annotation.recordId,
      categoryId: annotation.categoryId,
      commentJson: annotation.comment.json,
      commentText: annotation.comment.text,
      noteType: annotation.noteType,
      entityId: annotation.entityId,
      createdAt: annotation.createdAt,
      updatedAt: annotation.updatedAt,
    });
    writeTargets(annotation);
    for (const tag of annotation.tags) s.insertTag.run(annotation.id, tag);
    for (const reply of annotation.replies) insertReply(reply);
  });

  const createdWithKey = (key: string): KeyedCreation | null =>
    creationFromRow(s.creationByKey.get(key));

  // Checked and written in one immediate transaction: only one save of a draft ever writes.
  const insertKeyed = db.transaction((annotation: Annotation, key: string) => {
    const earlier = createdWithKey(key);
    if (earlier) return earlier;
    insert(annotation);
    s.insertAnnotationKey.run(key, annotation.id);
    return null;
  });

  const insertReplyKeyed = db.transaction((reply: AnnotationReply, key: string) => {
    const earlier = createdWithKey(key);
    if (earlier) return earlier;
    insertReply(reply);
    s.insertReplyKey.run(key, reply.id);
    return null;
  });

  const update = db.transaction((annotation: Annotation, withTargets: boolean) => {
    s.update.run({
      id: annotation.id,
      categoryId: annotation.categoryId,
      commentJson: annotation.comment.json,
      commentText: annotation.comment.text,
      noteType: annotation.noteType,
      entityId: annotation.entityId,
      updatedAt: annotation.updatedAt,
    });
    s.deleteTags.run(annotation.id);
    for (const tag of annotation.tags) s.insertTag.run(annotation.id, tag);
    if (withTargets) {
      s.deleteTargets.run(annotation.id);
      writeTargets(annotation);
    }
  });

  const fromRow = (
    row: AnnotationRow,
    targets: AnnotationTarget[],
    tags: string[],
    replies: AnnotationReply[],
  ): Annotation => ({
    id: row.id,
    recordId: row.record_id,
    categoryId: row.category_id,
    comment: { json: row.comment_json, text: row.comment_text },
    targets,
    tags,
    noteType: row.note_type,
    entityId: row.entity_id,
    replies,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });

  return {
    /** Every target of a record's annotations, with row ids (for re-anchoring). */
    storedTargetsOfRecord(recordId: string): StoredTarget[] {
      return s.storedTargetsByRecord.all(recordId);
    },

    storedTargetsOfPassage(passageId: number): StoredTarget[] {
      return s.storedTargetsByPassage.all(passageId);
    },

    /** Rewrites targets' placements; the caller wraps several calls in one transaction. */
    updateTargetAnchor(update: TargetAnchorUpdate): void {
      s.updateTargetAnchor.run({ ...update, orphaned: update.orphaned ? 1 : 0 });
    },

    /** Writes a whole annotation (new, or restored after a delete) in one transaction. */
    insert(annotation: Annotation): void {
      insert(annotation);
    },

    /** What a save under this draft key created, or null when the key is new. */
    createdWithKey,

    /**
     * Writes a new annotation saved from the draft `key`, unless that key already created
     * something: then nothing is written and the earlier creation is returned. The key's primary
     * key makes this hold in the database itself, also between two processes.
     */
    insertKeyed(annotation: Annotation, key: string): KeyedCreation | null {
      return insertKeyed.immediate(annotation, key);
    },

    /** As insertKeyed, for a reply. */
    insertReplyKeyed(reply: AnnotationReply, key: string): KeyedCreation | null {
      return insertReplyKeyed.immediate(reply, key);
    },

    /**
     * Writes an annotation's own fields, tags and (when `withTargets`) targets over the stored
     * ones, in one transaction. Replies are left alone: they have their own writes.
     */
    update(annotation: Annotation, withTargets = false): void {
      update(annotation, withTargets);
    },

    /** Every tag in the library with how many annotations carry it, most used first. */
    allTags(): { tag: string; count: number }[] {
      return s.allTags.all();
    },

    insertReply,

    updateReply(reply: AnnotationReply): void {
      s.updateReply.run(reply.body.json, reply.body.text, reply.updatedAt, reply.id);
    },

    deleteReply(id: string): void {
      s.deleteReply.run(id);
    },

    getReply(id: string): AnnotationReply | null {
      const row = s.getReply.get(id);
      return row ? replyFromRow(row) : null;
    },

    delete(id: string): void {
      s.delete.run(id);
    },

    get(id: string): Annotation | null {
      const row = s.get.get(id);
      if (!row) return null;
      return fromRow(
        row,
        s.targetsOf.all(id).map(targetFromRow),
        s.tagsOf.all(id).map((t) => t.tag),
        s.repliesOf.all(id).map(replyFromRow),
      );
    },

    listByRecord(recordId: string): Annotation[] {
      const targets = groupValues(
        s.storedTargetsByRecord.all(recordId),
        byAnnotation,
        targetFromRow,
      );
      const tags = groupValues(s.tagsByRecord.all(recordId), byAnnotation, (r) => r.tag);
      const replies = groupValues(s.repliesByRecord.all(recordId), byAnnotation, replyFromRow);
      return s.byRecord
        .all(recordId)
        .map((row) =>
          fromRow(
            row,
            targets.get(row.id) ?? [],
            tags.get(row.id) ?? [],
            replies.get(row.id) ?? [],
          ),
        );
    },

    /** Ids of the annotations in a category. */
    idsInCategory(categoryId: string): string[] {
      return s.idsInCategory.all(categoryId);
    },

    /** Moves every annotation of category `from` to category `to`. */
    moveToCategory(from: string, to: string): void {
      s.moveCategory.run(to, from);
    },

    /** Puts the annotations `ids` in category `categoryId`. */
    setCategory(ids: readonly string[], categoryId: string): void {
      for (const id of ids) s.setCategory.run(categoryId, id);
    },

    /** Ids of the annotations that mention an entity, oldest first. */
    mentionIds(entityId: string): string[] {
      return s.mentionIds.all(entityId);
    },
  };
}

export type AnnotationsRepository = ReturnType<typeof createAnnotationsRepository>;
