// Storage of records: their catalogue fields, passages and paragraph rows, their place in the
// library or the trash. A record and its content are written in one transaction.
import type {
  AlignmentGroup,
  Passage,
  RecordDocument,
  RecordMeta,
  RecordSummary,
  Side,
} from '@shared/model';
import type { RecordDetails } from '@shared/record-details';
import { prepared, type LibraryDatabase } from '../statements';
import type { PassageIds, RecordRows } from './record-rows';

/** Everything needed to store a new record; ids and timestamps are given by the caller. */
export interface NewRecord {
  meta: Omit<RecordMeta, 'createdAt' | 'updatedAt'>;
  contentHash: string;
  original: { lang: string; paragraphs: string[] };
  translation: { lang: string; paragraphs: string[] };
  alignment: AlignmentGroup[];
  now: number;
}

/** Whether a record exists and whether it is in the trash. */
export interface RecordState {
  title: string;
  deletedAt: number | null;
}

/** A record's catalogue columns under the model's names, so rows need no mapping. */
const META_COLUMNS = `id, title, date, record_id AS recordId, type, source, rights, summary, url,
  uploaded, translator, contributor, created_at AS createdAt, updated_at AS updatedAt`;

type RecordRow = RecordMeta & { originalLang: string; translationLang: string };

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

const ids = (list: readonly string[]): string => JSON.stringify([...new Set(list)]);

export function createRecordsRepository(db: LibraryDatabase, rows: RecordRows) {
  const s = prepared({
    insertRecord: () =>
      db.prepare(`
        INSERT INTO records (id, title, date, record_id, type, source, rights, summary, url, uploaded,
          translator, contributor, original_lang, translation_lang, content_hash, created_at,
          updated_at)
        VALUES (@id, @title, @date, @recordId, @type, @source, @rights, @summary, @url, @uploaded,
          @translator, @contributor, @originalLang, @translationLang, @contentHash, @now, @now)`),
    updateRecord: () =>
      db.prepare(`
        UPDATE records SET title = @title, date = @date, record_id = @recordId, type = @type,
          source = @source, rights = @rights, summary = @summary, url = @url, uploaded = @uploaded,
          translator = @translator, contributor = @contributor, original_lang = @originalLang, translation_lang = @translationLang,
          content_hash = @contentHash, updated_at = @now
        WHERE id = @id`),
    // A copy keeps every catalogue field and the content hash; it is new, and not in the trash.
    copyRecord: () =>
      db.prepare(`
        INSERT INTO records (id, title, date, record_id, type, source, rights, summary, url, uploaded,
          translator, contributor, original_lang, translation_lang, content_hash, created_at,
          updated_at, deleted_at)
        SELECT @newId, @title, date, record_id, type, source, rights, summary, url, uploaded,
          translator, contributor, original_lang, translation_lang, content_hash, @now, @now, NULL
        FROM records WHERE id = @id`),
    copyPassages: () =>
      db.prepare(`
        INSERT INTO passages (record_id, side, ordinal, text)
        SELECT @newId, side, ordinal, text FROM passages WHERE record_id = @id
        ORDER BY side, ordinal`),
    deletePassages: () => db.prepare('DELETE FROM passages WHERE record_id = ?'),
    deleteSentenceGroups: () => db.prepare('DELETE FROM sentence_groups WHERE record_id = ?'),
    getRecord: () =>
      db.prepare<[string], RecordRow>(
        `SELECT ${META_COLUMNS}, original_lang AS originalLang, translation_lang AS translationLang
         FROM records WHERE id = ?`,
      ),
    meta: () =>
      db.prepare<[string], RecordMeta & { deletedAt: number | null }>(
        `SELECT ${META_COLUMNS}, deleted_at AS deletedAt FROM records WHERE id = ?`,
      ),
    updateDetails: () =>
      db.prepare(`
        UPDATE records SET title = @title, date = @date, type = @type, source = @source,
          translator = @translator, contributor = @contributor, rights = @rights,
          summary = @summary, updated_at = @now
        WHERE id = @id`),
    passages: () =>
      db.prepare<[string], PassageRow>(
        'SELECT id, side, ordinal, text FROM passages WHERE record_id = ? ORDER BY side, ordinal',
      ),
    members: () =>
      db.prepare<[string], MemberRow>(`
        SELECT g.ordinal AS group_ordinal, g.confidence, g.confirmed, p.side, p.ordinal
        FROM alignment_groups g
        LEFT JOIN alignment_members m ON m.group_id = g.id
        LEFT JOIN passages p ON p.id = m.passage_id
        WHERE g.record_id = ?
        ORDER BY g.ordinal, p.side, p.ordinal`),
    list: () =>
      db.prepare<[], RecordSummary>(`
        SELECT r.id, r.title, r.date, r.record_id AS recordId, r.type,
          r.original_lang AS originalLang, r.translation_lang AS translationLang,
          (SELECT COUNT(*) FROM annotations a WHERE a.record_id = r.id) AS annotationCount
        FROM records r
        WHERE r.deleted_at IS NULL -- records in the trash are out of the library
        ORDER BY COALESCE(r.date, ''), r.title COLLATE NOCASE, r.id`),
    findByRecordId: () =>
      db.prepare<[string], { id: string; title: string }>(
        'SELECT id, title FROM records WHERE record_id = ? AND deleted_at IS NULL LIMIT 1',
      ),
    findByHash: () =>
      db.prepare<[string], { id: string; title: string }>(
        'SELECT id, title FROM records WHERE content_hash = ? AND deleted_at IS NULL LIMIT 1',
      ),
    byUrl: () =>
      db
        .prepare<[string], string>('SELECT id FROM records WHERE url = ? ORDER BY created_at')
        .pluck(),
    containing: () =>
      db
        .prepare<[string, number], string>(
          'SELECT DISTINCT record_id FROM passages WHERE instr(text, ?) > 0 LIMIT ?',
        )
        .pluck(),
    exists: () =>
      db.prepare<[string], { one: number }>('SELECT 1 AS one FROM records WHERE id = ?'),
    state: () =>
      db.prepare<[string], { title: string; deleted_at: number | null }>(
        'SELECT title, deleted_at FROM records WHERE id = ?',
      ),
    states: () =>
      db.prepare<[string], { id: string; deleted_at: number | null }>(
        'SELECT id, deleted_at FROM records WHERE id IN (SELECT value FROM json_each(?))',
      ),
    count: () => db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM records'),
    passage: () =>
      db.prepare<[number], PassageRow & { record_id: string }>(
        'SELECT id, record_id, side, ordinal, text FROM passages WHERE id = ?',
      ),
    setPassageText: () => db.prepare('UPDATE passages SET text = ? WHERE id = ?'),
    rename: () => db.prepare('UPDATE records SET title = ?, updated_at = ? WHERE id = ?'),
    touch: () => db.prepare('UPDATE records SET updated_at = ? WHERE id = ?'),
    touchForward: () =>
      db.prepare('UPDATE records SET updated_at = MAX(updated_at, ?) WHERE id = ?'),
    trash: () => db.prepare('UPDATE records SET deleted_at = ? WHERE id = ?'),
    untrash: () => db.prepare('UPDATE records SET deleted_at = NULL WHERE id = ?'),
    delete: () => db.prepare('DELETE FROM records WHERE id = ?'),
    trashed: () =>
      db.prepare<[], { id: string; title: string; date: string | null; deleted_at: number }>(
        `SELECT id, title, date, deleted_at FROM records WHERE deleted_at IS NOT NULL
         ORDER BY deleted_at DESC, title`,
      ),
    trashCount: () =>
      db.prepare<[], number>('SELECT count(*) FROM records WHERE deleted_at IS NOT NULL').pluck(),
    purgeBefore: () =>
      db.prepare('DELETE FROM records WHERE deleted_at IS NOT NULL AND deleted_at < ?'),
    live: () =>
      db
        .prepare<[string], string>(
          'SELECT id FROM records WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))',
        )
        .pluck(),
    existing: () =>
      db
        .prepare<[string], string>(
          'SELECT id FROM records WHERE id IN (SELECT value FROM json_each(?))',
        )
        .pluck(),
    allIds: () => db.prepare<[], string>('SELECT id FROM records').pluck(),
  });

  const content = (record: NewRecord) => ({
    ...record.meta,
    originalLang: record.original.lang,
    translationLang: record.translation.lang,
    contentHash: record.contentHash,
    now: record.now,
  });

  const writeContent = (record: NewRecord): void => {
    const passageIds = rows.insertPassages(record.meta.id, {
      original: record.original.paragraphs,
      translation: record.translation.paragraphs,
    });
    rows.writeParagraphRows(record.meta.id, passageIds, record.alignment);
  };

  const insert = db.transaction((record: NewRecord) => {
    s.insertRecord.run(content(record));
    writeContent(record);
  });

  const replaceContent = db.transaction((record: NewRecord) => {
    const info = s.updateRecord.run(content(record));
    if (info.changes !== 1) throw new Error(`Record ${record.meta.id} does not exist`);
    // Hand-shaped sentence rows belong to the alignment being replaced.
    s.deleteSentenceGroups.run(record.meta.id);
    s.deletePassages.run(record.meta.id);
    writeContent(record);
  });

  function get(id: string): RecordDocument | null {
    const row = s.getRecord.get(id);
    if (!row) return null;
    const { originalLang, translationLang, ...meta } = row;
    const passages: Record<Side, Passage[]> = { original: [], translation: [] };
    for (const p of s.passages.all(id)) {
      passages[p.side].push({ id: p.id, side: p.side, index: p.ordinal, text: p.text });
    }
    const alignment: AlignmentGroup[] = [];
    for (const m of s.members.all(id)) {
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
      ...meta,
      original: { lang: originalLang, passages: passages.original },
      translation: { lang: translationLang, passages: passages.translation },
      alignment: alignment.filter(Boolean),
    };
  }

  return {
    /** Stores a record with its passages and alignment in one transaction. */
    insert(record: NewRecord): void {
      insert(record);
    },

    /**
     * Rewrites an existing record's metadata, passages and alignment in one transaction (a
     * savepoint when the caller already holds one). Its id, creation time and annotations stay;
     * annotation targets lose their passage (ON DELETE SET NULL) but keep side, index, quote
     * and offsets, so they can be re-anchored on the new text.
     */
    replaceContent(record: NewRecord): void {
      replaceContent(record);
    },

    /**
     * A new record `newId` holding the catalogue fields of `id` under `title`, with copies of its
     * passages and paragraph rows; returns the passages' row ids in both, so the caller can copy
     * what points at them. The caller holds a transaction.
     */
    copy(
      id: string,
      newId: string,
      title: string,
      now: number,
    ): { from: PassageIds; to: PassageIds } {
      s.copyRecord.run({ id, newId, title, now });
      s.copyPassages.run({ id, newId });
      rows.indexPassages(newId);
      const to = rows.passageIds(newId);
      rows.writeParagraphRows(newId, to, get(id)!.alignment);
      return { from: rows.passageIds(id), to };
    },

    exists(id: string): boolean {
      return s.exists.get(id) !== undefined;
    },

    /** The record's title and trash state, or null when there is no such record. */
    state(id: string): RecordState | null {
      const row = s.state.get(id);
      return row ? { title: row.title, deletedAt: row.deleted_at } : null;
    },

    /** Trash state of each of `ids` that exists (true: in the trash). */
    trashStates(list: readonly string[]): Map<string, boolean> {
      return new Map(s.states.all(ids(list)).map((row) => [row.id, row.deleted_at !== null]));
    },

    /** Those of `ids` that name records in the library (not in the trash). */
    liveIds(list: readonly string[]): Set<string> {
      return new Set(s.live.all(ids(list)));
    },

    /** Those of `ids` that name records, in the library or the trash. */
    existingIds(list: readonly string[]): Set<string> {
      return new Set(s.existing.all(ids(list)));
    },

    allIds(): string[] {
      return s.allIds.all();
    },

    /** One passage with the record it belongs to, or null. */
    passage(id: number): (Passage & { recordId: string }) | null {
      const row = s.passage.get(id);
      return row
        ? {
            id: row.id,
            side: row.side,
            index: row.ordinal,
            text: row.text,
            recordId: row.record_id,
          }
        : null;
    },

    /** Rewrites one passage's text and notes the change on its record. */
    setPassageText(passageId: number, recordId: string, text: string, now: number): void {
      s.setPassageText.run(text, passageId);
      s.touch.run(now, recordId);
    },

    /** Notes a change of the record's content (never moving its time backwards). */
    touch(id: string, now: number): void {
      s.touchForward.run(now, id);
    },

    /** A record's catalogue data alone (no text), and whether it is in the trash; null if none. */
    meta(id: string): { meta: RecordMeta; trashed: boolean } | null {
      const row = s.meta.get(id);
      if (!row) return null;
      const { deletedAt, ...meta } = row;
      return { meta, trashed: deletedAt !== null };
    },

    /** Writes a record's catalogue details (the catalogue and search indexes follow by trigger). */
    updateDetails(id: string, details: RecordDetails, now: number): void {
      s.updateDetails.run({ ...details, id, now });
    },

    rename(id: string, title: string, now: number): void {
      s.rename.run(title, now, id);
    },

    /** Moves records to the trash (`when`) or, with null, back into the library. */
    setTrashed(list: readonly string[], when: number | null): void {
      for (const id of list) {
        if (when === null) s.untrash.run(id);
        else s.trash.run(when, id);
      }
    },

    /** Deletes records for good, with everything that belongs to them. */
    delete(list: readonly string[]): void {
      for (const id of list) s.delete.run(id);
    },

    trashed() {
      return s.trashed.all().map((row) => ({
        id: row.id,
        title: row.title,
        date: row.date,
        deletedAt: row.deleted_at,
      }));
    },

    trashCount(): number {
      return s.trashCount.get()!;
    },

    /** Deletes for good the records put in the trash before `time`; returns how many. */
    purgeTrashedBefore(time: number): number {
      return s.purgeBefore.run(time).changes;
    },

    count(): number {
      return s.count.get()!.n;
    },

    findDuplicate(
      recordId: string | null,
      contentHash: string,
    ): { id: string; title: string } | null {
      if (recordId) {
        const byId = s.findByRecordId.get(recordId);
        if (byId) return byId;
      }
      return s.findByHash.get(contentHash) ?? null;
    },

    /** Records whose source address is `url`, oldest first. */
    withUrl(url: string): string[] {
      return s.byUrl.all(url);
    },

    /** Records with a passage holding `text` exactly (at most `limit`). */
    containing(text: string, limit = 50): string[] {
      return s.containing.all(text, limit);
    },

    list(): RecordSummary[] {
      return s.list.all();
    },

    get,
  };
}

export type RecordsRepository = ReturnType<typeof createRecordsRepository>;
