// The one way a record's passages and paragraph rows are written: passages side by side in
// order, then each alignment row (alignment_groups) with its members (alignment_members) pointing
// at the passages' row ids. Storing, re-importing, realigning and duplicating a record all go
// through here, so the rows are shaped the same whichever path wrote them. New passages enter
// the search index here too, a record's at once (since migration 110; edits, deletions and the
// trash are still followed by 0050's triggers).
import type { AlignmentGroup, Side } from '@shared/model';
import { SIDES } from '@shared/model';
import { prepared, type LibraryDatabase } from '../statements';

/** Row ids of a record's passages, per side, in passage order. */
export type PassageIds = Record<Side, number[]>;

export function createRecordRows(db: LibraryDatabase) {
  const s = prepared({
    insertPassage: () =>
      db.prepare('INSERT INTO passages (record_id, side, ordinal, text) VALUES (?, ?, ?, ?)'),
    passageIds: () =>
      db.prepare<[string, Side], { id: number }>(
        'SELECT id FROM passages WHERE record_id = ? AND side = ? ORDER BY ordinal',
      ),
    insertGroup: () =>
      db.prepare(
        'INSERT INTO alignment_groups (record_id, ordinal, confidence, confirmed) VALUES (?, ?, ?, ?)',
      ),
    insertMember: () =>
      db.prepare('INSERT INTO alignment_members (passage_id, group_id) VALUES (?, ?)'),
    deleteGroups: () => db.prepare('DELETE FROM alignment_groups WHERE record_id = ?'),
    lastDoc: () => db.prepare<[], number>('SELECT coalesce(max(id), 0) FROM search_docs').pluck(),
    // The rows 0050's passage trigger wrote for one passage, written here for all of a record's
    // passages not yet indexed, in one statement each: FTS5 costs far less fed by one statement
    // than by a trigger a row (see migration 110).
    indexDocs: () =>
      db.prepare<[string]>(`
        INSERT INTO search_docs (kind, record_id, passage_id, lang)
          SELECT 'passage', p.record_id, p.id,
            CASE p.side WHEN 'original' THEN r.original_lang ELSE r.translation_lang END
          FROM passages p JOIN records r ON r.id = p.record_id
          WHERE p.record_id = ? AND r.deleted_at IS NULL AND NOT EXISTS
            (SELECT 1 FROM search_docs d WHERE d.kind = 'passage' AND d.passage_id = p.id)
          ORDER BY p.id`),
    indexText: () =>
      db.prepare<[string, number]>(`
        INSERT INTO search_fts (rowid, surface, stems, names_cyr, names_lat, meta)
          SELECT d.id, mg_shadow(p.text, 'surface'), mg_shadow(p.text, 'stems'),
            mg_shadow(p.text, 'names_cyr'), mg_shadow(p.text, 'names_lat'),
            'kpassage' || coalesce(' l' || lower(replace(d.lang, '-', '')), '')
          FROM search_docs d JOIN passages p ON p.id = d.passage_id
          WHERE d.record_id = ? AND d.kind = 'passage' AND d.id > ?
          ORDER BY d.id`),
  });

  /** Puts the record's passages that are not in the search index yet into it. */
  const indexPassages = (recordId: string): void => {
    const before = s.lastDoc.get()!;
    if (s.indexDocs.run(recordId).changes > 0) s.indexText.run(recordId, before);
  };

  return {
    /**
     * Inserts the passages of both sides and indexes them for search; returns their row ids. The
     * caller holds a transaction.
     */
    insertPassages(recordId: string, texts: Record<Side, readonly string[]>): PassageIds {
      const ids: PassageIds = { original: [], translation: [] };
      for (const side of SIDES) {
        texts[side].forEach((text, ordinal) => {
          ids[side].push(
            Number(s.insertPassage.run(recordId, side, ordinal, text).lastInsertRowid),
          );
        });
      }
      indexPassages(recordId);
      return ids;
    },

    indexPassages,

    /** The row ids of a record's stored passages. */
    passageIds(recordId: string): PassageIds {
      return {
        original: s.passageIds.all(recordId, 'original').map((row) => row.id),
        translation: s.passageIds.all(recordId, 'translation').map((row) => row.id),
      };
    },

    /**
     * Replaces the record's paragraph rows with `groups`, whose indexes name passages of
     * `passageIds`. The caller holds a transaction and has validated the alignment.
     */
    writeParagraphRows(
      recordId: string,
      passageIds: PassageIds,
      groups: readonly AlignmentGroup[],
    ): void {
      s.deleteGroups.run(recordId);
      groups.forEach((group, ordinal) => {
        const info = s.insertGroup.run(
          recordId,
          ordinal,
          group.confidence,
          group.confirmed ? 1 : 0,
        );
        const groupId = Number(info.lastInsertRowid);
        for (const side of SIDES) {
          for (const index of group[side]) {
            const passageId = passageIds[side][index];
            if (passageId === undefined) {
              throw new Error(`Alignment refers to missing ${side} passage ${index}`);
            }
            s.insertMember.run(passageId, groupId);
          }
        }
      });
    },
  };
}

export type RecordRows = ReturnType<typeof createRecordRows>;
