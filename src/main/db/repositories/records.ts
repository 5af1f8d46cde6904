import type { Database } from 'better-sqlite3';
import type {
  AlignmentGroup,
  Passage,
  RecordDocument,
  RecordMeta,
  RecordSummary,
  Side,
} from '@shared/model';

/** Everything needed to store a new record; ids and timestamps are given by the caller. */
export interface NewRecord {
  meta: Omit<RecordMeta, 'createdAt' | 'updatedAt'>;
  contentHash: string;
  original: { lang: string; paragraphs: string[] };
  translation: { lang: string; paragraphs: string[] };
  alignment: AlignmentGroup[];
  now: number;
}

interface RecordRow {
  id: string;
  title: string;
  date: string | null;
  record_id: string | null;
  type: string | null;
  source: string | null;
  rights: string | null;
  summary: string | null;
  url: string | null;
  uploaded: string | null;
  original_lang: string;
  translation_lang: string;
  created_at: number;
  updated_at: number;
}

interface PassageRow {
  id: number;
  side: Side;
  ordinal: number;
  text: string;
}

interface MemberRow {
  group_ordinal: number;
  confidence: number;
  confirmed: number;
  side: Side;
  ordinal: number;
}

function metaFromRow(row: RecordRow): RecordMeta {
  return {
    id: row.id,
    title: row.title,
    date: row.date,
    recordId: row.record_id,
    type: row.type,
    source: row.source,
    rights: row.rights,
    summary: row.summary,
    url: row.url,
    uploaded: row.uploaded,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Storage of records, their passages and their alignment. Statements are prepared once. */
export class RecordsRepository {
  private readonly statements;

  constructor(private readonly db: Database) {
    this.statements = {
      insertRecord: db.prepare(`
        INSERT INTO records (id, title, date, record_id, type, source, rights, summary, url, uploaded,
          original_lang, translation_lang, content_hash, created_at, updated_at)
        VALUES (@id, @title, @date, @recordId, @type, @source, @rights, @summary, @url, @uploaded,
          @originalLang, @translationLang, @contentHash, @now, @now)`),
      insertPassage: db.prepare(
        'INSERT INTO passages (record_id, side, ordinal, text) VALUES (?, ?, ?, ?)',
      ),
      insertGroup: db.prepare(
        'INSERT INTO alignment_groups (record_id, ordinal, confidence, confirmed) VALUES (?, ?, ?, ?)',
      ),
      insertMember: db.prepare(
        'INSERT INTO alignment_members (passage_id, group_id) VALUES (?, ?)',
      ),
      getRecord: db.prepare<[string], RecordRow>('SELECT * FROM records WHERE id = ?'),
      passages: db.prepare<[string], PassageRow>(
        'SELECT id, side, ordinal, text FROM passages WHERE record_id = ? ORDER BY side, ordinal',
      ),
      members: db.prepare<[string], MemberRow>(`
        SELECT g.ordinal AS group_ordinal, g.confidence, g.confirmed, p.side, p.ordinal
        FROM alignment_groups g
        LEFT JOIN alignment_members m ON m.group_id = g.id
        LEFT JOIN passages p ON p.id = m.passage_id
        WHERE g.record_id = ?
        ORDER BY g.ordinal, p.side, p.ordinal`),
      list: db.prepare<[], RecordRow & { annotation_count: number }>(`
        SELECT r.*, (SELECT COUNT(*) FROM annotations a WHERE a.record_id = r.id) AS annotation_count
        FROM records r
        WHERE r.deleted_at IS NULL -- records in the trash are out of the library
        ORDER BY COALESCE(r.date, ''), r.title COLLATE NOCASE, r.id`),
      findByRecordId: db.prepare<[string], { id: string; title: string }>(
        'SELECT id, title FROM records WHERE record_id = ? AND deleted_at IS NULL LIMIT 1',
      ),
      findByHash: db.prepare<[string], { id: string; title: string }>(
        'SELECT id, title FROM records WHERE content_hash = ? AND deleted_at IS NULL LIMIT 1',
      ),
      exists: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM records WHERE id = ?'),
      count: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM records'),
      passage: db.prepare<[number], PassageRow & { record_id: string }>(
        'SELECT id, record_id, side, ordinal, text FROM passages WHERE id = ?',
      ),
    };
  }

  /** Stores a record with its passages and alignment in one transaction. */
  insert(record: NewRecord): void {
    const s = this.statements;
    this.db.transaction(() => {
      s.insertRecord.run({
        ...record.meta,
        originalLang: record.original.lang,
        translationLang: record.translation.lang,
        contentHash: record.contentHash,
        now: record.now,
      });
      const passageIds: Record<Side, number[]> = { original: [], translation: [] };
      for (const side of ['original', 'translation'] as const) {
        record[side].paragraphs.forEach((text, ordinal) => {
          const info = s.insertPassage.run(record.meta.id, side, ordinal, text);
          passageIds[side].push(Number(info.lastInsertRowid));
        });
      }
      record.alignment.forEach((group, ordinal) => {
        const info = s.insertGroup.run(
          record.meta.id,
          ordinal,
          group.confidence,
          group.confirmed ? 1 : 0,
        );
        const groupId = Number(info.lastInsertRowid);
        for (const side of ['original', 'translation'] as const) {
          for (const index of group[side]) {
            const passageId = passageIds[side][index];
            if (passageId === undefined) {
              throw new Error(`Alignment refers to missing ${side} passage ${index}`);
            }
            s.insertMember.run(passageId, groupId);
          }
        }
      });
    })();
  }

  exists(id: string): boolean {
    return this.statements.exists.get(id) !== undefined;
  }

  /** One passage with the record it belongs to, or null. */
  passage(id: number): (Passage & { recordId: string }) | null {
    const row = this.statements.passage.get(id);
    return row
      ? { id: row.id, side: row.side, index: row.ordinal, text: row.text, recordId: row.record_id }
      : null;
  }

  count(): number {
    return this.statements.count.get()!.n;
  }

  findDuplicate(
    recordId: string | null,
    contentHash: string,
  ): { id: string; title: string } | null {
    if (recordId) {
      const byId = this.statements.findByRecordId.get(recordId);
      if (byId) return byId;
    }
    return this.statements.findByHash.get(contentHash) ?? null;
  }

  list(): RecordSummary[] {
    return this.statements.list.all().map((row) => ({
      id: row.id,
      title: row.title,
      date: row.date,
      recordId: row.record_id,
      type: row.type,
      originalLang: row.original_lang,
      translationLang: row.translation_lang,
      annotationCount: row.annotation_count,
    }));
  }

  get(id: string): RecordDocument | null {
    const row = this.statements.getRecord.get(id);
    if (!row) return null;
    const passages: Record<Side, Passage[]> = { original: [], translation: [] };
    for (const p of this.statements.passages.all(id)) {
      passages[p.side].push({ id: p.id, side: p.side, index: p.ordinal, text: p.text });
    }
    const alignment: AlignmentGroup[] = [];
    for (const m of this.statements.members.all(id)) {
      let group = alignment[m.group_ordinal];
      if (!group) {
        group = {
          original: [],
          translation: [],
          confidence: m.confidence,
          confirmed: m.confirmed === 1,
        };
        alignment[m.group_ordinal] = group;
      }
      if (m.side) group[m.side].push(m.ordinal);
    }
    return {
      ...metaFromRow(row),
      original: { lang: row.original_lang, passages: passages.original },
      translation: { lang: row.translation_lang, passages: passages.translation },
      alignment: alignment.filter(Boolean),
    };
  }
}
