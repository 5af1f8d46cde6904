// The one way a record's passages and paragraph rows are written: passages side by side in
// order, then each alignment row (alignment_groups) with its members (alignment_members) pointing
// at the passages' row ids. Storing, re-importing, realigning and duplicating a record all go
// through here, so the rows are shaped the same whichever path wrote them.
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
  });

  return {
    /** Inserts the passages of both sides; returns their row ids. The caller holds a transaction. */
    insertPassages(recordId: string, texts: Record<Side, readonly string[]>): PassageIds {
      const ids: PassageIds = { original: [], translation: [] };
      for (const side of SIDES) {
        texts[side].forEach((text, ordinal) => {
          ids[side].push(
            Number(s.insertPassage.run(recordId, side, ordinal, text).lastInsertRowid),
          );
        });
      }
      return ids;
    },

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
