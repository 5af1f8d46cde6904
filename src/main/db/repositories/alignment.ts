// Writes of a record's alignment: the paragraph rows (alignment_groups/alignment_members, which
// the records repository reads) and the hand-shaped sentence rows (sentence_groups/members).
// Every write is one transaction and notes the change on the record.
import type { AlignmentGroup } from '@shared/model';
import { prepared, type LibraryDatabase } from '../statements';
import type { RecordRows } from './record-rows';

/** A sentence named by its passage and its character span in that passage. */
export interface StoredSentence {
  passageId: number;
  start: number;
  end: number;
}

/** A sentence row as stored: its sentences on each side, in text order. */
export interface StoredSentenceGroup {
  ordinal: number;
  confidence: number;
  confirmed: boolean;
  original: StoredSentence[];
  translation: StoredSentence[];
}

interface SentenceMemberRow {
  group_id: number;
  ordinal: number;
  confidence: number;
  confirmed: number;
  passage_id: number;
  side: 'original' | 'translation';
  start: number;
  end: number;
}

export function createAlignmentRepository(db: LibraryDatabase, rows: RecordRows) {
  const s = prepared({
    touchRecord: () =>
      db.prepare('UPDATE records SET updated_at = MAX(updated_at, ?) WHERE id = ?'),
    sentenceMembers: () =>
      db.prepare<[string], SentenceMemberRow>(`
        SELECT g.id AS group_id, g.ordinal, g.confidence, g.confirmed,
               m.passage_id, p.side, m.start, m.end
        FROM sentence_groups g
        JOIN sentence_members m ON m.group_id = g.id
        JOIN passages p ON p.id = m.passage_id
        WHERE g.record_id = ?
        ORDER BY g.id, p.side, p.ordinal, m.start`),
    deleteSentenceGroups: () => db.prepare('DELETE FROM sentence_groups WHERE record_id = ?'),
    insertSentenceGroup: () =>
      db.prepare(
        'INSERT INTO sentence_groups (record_id, ordinal, confidence, confirmed) VALUES (?, ?, ?, ?)',
      ),
    insertSentenceMember: () =>
      db.prepare(
        'INSERT INTO sentence_members (group_id, passage_id, start, end) VALUES (?, ?, ?, ?)',
      ),
  });

  const replaceParagraphRows = db.transaction(
    (recordId: string, groups: readonly AlignmentGroup[], now: number) => {
      rows.writeParagraphRows(recordId, rows.passageIds(recordId), groups);
      s.touchRecord.run(now, recordId);
    },
  );

  const writeSentenceGroups = (recordId: string, groups: readonly StoredSentenceGroup[]): void => {
    s.deleteSentenceGroups.run(recordId);
    for (const group of groups) {
      const info = s.insertSentenceGroup.run(
        recordId,
        group.ordinal,
        group.confidence,
        group.confirmed ? 1 : 0,
      );
      const groupId = Number(info.lastInsertRowid);
      for (const sentence of [...group.original, ...group.translation]) {
        s.insertSentenceMember.run(groupId, sentence.passageId, sentence.start, sentence.end);
      }
    }
  };

  const replaceSentenceGroups = db.transaction(
    (recordId: string, groups: readonly StoredSentenceGroup[], now: number) => {
      writeSentenceGroups(recordId, groups);
      s.touchRecord.run(now, recordId);
    },
  );

  return {
    /**
     * Replaces a record's paragraph rows. `groups` index the record's passages by side and must
     * be a complete alignment (the caller validates it).
     */
    replaceParagraphRows(recordId: string, groups: readonly AlignmentGroup[], now: number): void {
      replaceParagraphRows(recordId, groups, now);
    },

    /** The stored sentence rows of a record, in no particular order. */
    sentenceGroups(recordId: string): StoredSentenceGroup[] {
      const groups = new Map<number, StoredSentenceGroup>();
      for (const row of s.sentenceMembers.all(recordId)) {
        let group = groups.get(row.group_id);
        if (!group) {
          group = {
            ordinal: row.ordinal,
            confidence: row.confidence,
            confirmed: row.confirmed === 1,
            original: [],
            translation: [],
          };
          groups.set(row.group_id, group);
        }
        group[row.side].push({ passageId: row.passage_id, start: row.start, end: row.end });
      }
      return [...groups.values()];
    },

    /** Replaces all stored sentence rows of a record. */
    replaceSentenceGroups(
      recordId: string,
      groups: readonly StoredSentenceGroup[],
      now: number,
    ): void {
      replaceSentenceGroups(recordId, groups, now);
    },
  };
}

export type AlignmentRepository = ReturnType<typeof createAlignmentRepository>;
