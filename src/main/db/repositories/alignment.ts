import type { Database } from 'better-sqlite3';
import type { AlignmentGroup } from '@shared/model';

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

/**
 * Writes of a record's alignment: the paragraph rows (alignment_groups/alignment_members, which
 * RecordsRepository reads) and the hand-shaped sentence rows. Every write is one transaction.
 */
export class AlignmentRepository {
  private readonly statements;

  constructor(private readonly db: Database) {
    this.statements = {
      passageIds: db.prepare<[string, string], { id: number }>(
        'SELECT id FROM passages WHERE record_id = ? AND side = ? ORDER BY ordinal',
      ),
      deleteGroups: db.prepare('DELETE FROM alignment_groups WHERE record_id = ?'),
      insertGroup: db.prepare(
        'INSERT INTO alignment_groups (record_id, ordinal, confidence, confirmed) VALUES (?, ?, ?, ?)',
      ),
      insertMember: db.prepare(
        'INSERT INTO alignment_members (passage_id, group_id) VALUES (?, ?)',
      ),
      touchRecord: db.prepare('UPDATE records SET updated_at = MAX(updated_at, ?) WHERE id = ?'),
      sentenceMembers: db.prepare<[string], SentenceMemberRow>(`
        SELECT g.id AS group_id, g.ordinal, g.confidence, g.confirmed,
               m.passage_id, p.side, m.start, m.end
        FROM sentence_groups g
        JOIN sentence_members m ON m.group_id = g.id
        JOIN passages p ON p.id = m.passage_id
        WHERE g.record_id = ?
        ORDER BY g.id, p.side, p.ordinal, m.start`),
      deleteSentenceGroups: db.prepare('DELETE FROM sentence_groups WHERE record_id = ?'),
      insertSentenceGroup: db.prepare(
        'INSERT INTO sentence_groups (record_id, ordinal, confidence, confirmed) VALUES (?, ?, ?, ?)',
      ),
      insertSentenceMember: db.prepare(
        'INSERT INTO sentence_members (group_id, passage_id, start, end) VALUES (?, ?, ?, ?)',
      ),
    };
  }

  /**
   * Replaces a record's paragraph rows. `groups` index the record's passages by side and must
   * be a complete alignment (the caller validates it).
   */
  replaceParagraphRows(recordId: string, groups: readonly AlignmentGroup[], now: number): void {
    const s = this.statements;
    this.db.transaction(() => {
      const ids = {
        original: s.passageIds.all(recordId, 'original').map((row) => row.id),
        translation: s.passageIds.all(recordId, 'translation').map((row) => row.id),
      };
      s.deleteGroups.run(recordId);
      groups.forEach((group, ordinal) => {
        const info = s.insertGroup.run(
          recordId,
          ordinal,
          group.confidence,
          group.confirmed ? 1 : 0,
        );
        const groupId = Number(info.lastInsertRowid);
        for (const side of ['original', 'translation'] as const) {
          for (const index of group[side]) {
            const passageId = ids[side][index];
            if (passageId === undefined) {
              throw new Error(`Alignment refers to missing ${side} passage ${index}`);
            }
            s.insertMember.run(passageId, groupId);
          }
        }
      });
      s.touchRecord.run(now, recordId);
    })();
  }

  /** The stored sentence rows of a record, in no particular order. */
  sentenceGroups(recordId: string): StoredSentenceGroup[] {
    const groups = new Map<number, StoredSentenceGroup>();
    for (const row of this.statements.sentenceMembers.all(recordId)) {
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
  }

  /** Replaces all stored sentence rows of a record. */
  replaceSentenceGroups(
    recordId: string,
    groups: readonly StoredSentenceGroup[],
    now: number,
  ): void {
    const s = this.statements;
    this.db.transaction(() => {
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
      s.touchRecord.run(now, recordId);
    })();
  }
}

const repositories = new WeakMap<Database, AlignmentRepository>();

/** The repository of a library, prepared once per open database. */
export function alignmentRepository(db: Database): AlignmentRepository {
  let repository = repositories.get(db);
  if (!repository) {
    repository = new AlignmentRepository(db);
    repositories.set(db, repository);
  }
  return repository;
}
