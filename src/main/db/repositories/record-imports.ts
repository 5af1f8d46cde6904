// Re-import of a record in place, and the import history of records. A re-import ("replace")
// keeps the record's id, annotations and collections: its metadata, passages and alignment are
// rewritten. Annotation targets lose their passage (ON DELETE SET NULL) but keep side, index,
// quote and offsets, so they can be re-anchored on the new text.
import type { Database, Statement } from 'better-sqlite3';
import type { AlignmentGroup, Side } from '@shared/model';
import type { ImportEvent } from '@shared/api/methods/import';
import type { NewRecord } from './records';

interface Statements {
  updateRecord: Statement;
  deleteGroups: Statement;
  deletePassages: Statement;
  deleteSentenceGroups: Statement | null;
  insertPassage: Statement;
  insertGroup: Statement;
  insertMember: Statement;
  insertEvent: Statement;
  events: Statement<[string], EventRow>;
}

interface EventRow {
  format: string;
  files: string;
  action: ImportEvent['action'];
  imported_at: number;
}

const cache = new WeakMap<Database, Statements>();

function tableExists(db: Database, name: string): boolean {
  return (
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !==
    undefined
  );
}

function statements(db: Database): Statements {
  let s = cache.get(db);
  if (s) return s;
  s = {
    updateRecord: db.prepare(`
      UPDATE records SET title = @title, date = @date, record_id = @recordId, type = @type,
        source = @source, rights = @rights, summary = @summary, url = @url, uploaded = @uploaded,
        original_lang = @originalLang, translation_lang = @translationLang,
        content_hash = @contentHash, updated_at = @now
      WHERE id = @id`),
    deleteGroups: db.prepare('DELETE FROM alignment_groups WHERE record_id = ?'),
    deletePassages: db.prepare('DELETE FROM passages WHERE record_id = ?'),
    // Hand-shaped sentence rows belong to the alignment being replaced.
    deleteSentenceGroups: tableExists(db, 'sentence_groups')
      ? db.prepare('DELETE FROM sentence_groups WHERE record_id = ?')
      : null,
    insertPassage: db.prepare(
      'INSERT INTO passages (record_id, side, ordinal, text) VALUES (?, ?, ?, ?)',
    ),
    insertGroup: db.prepare(
      'INSERT INTO alignment_groups (record_id, ordinal, confidence, confirmed) VALUES (?, ?, ?, ?)',
    ),
    insertMember: db.prepare('INSERT INTO alignment_members (passage_id, group_id) VALUES (?, ?)'),
    insertEvent: db.prepare(
      'INSERT INTO record_imports (record_id, format, files, action, imported_at) VALUES (?, ?, ?, ?, ?)',
    ),
    events: db.prepare<[string], EventRow>(
      'SELECT format, files, action, imported_at FROM record_imports WHERE record_id = ? ORDER BY imported_at, id',
    ),
  };
  cache.set(db, s);
  return s;
}

function insertContent(
  s: Statements,
  id: string,
  texts: Record<Side, { paragraphs: string[] }>,
  alignment: AlignmentGroup[],
): void {
  const passageIds: Record<Side, number[]> = { original: [], translation: [] };
  for (const side of ['original', 'translation'] as const) {
    texts[side].paragraphs.forEach((text, ordinal) => {
      passageIds[side].push(Number(s.insertPassage.run(id, side, ordinal, text).lastInsertRowid));
    });
  }
  alignment.forEach((group, ordinal) => {
    const info = s.insertGroup.run(id, ordinal, group.confidence, group.confirmed ? 1 : 0);
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
}

/**
 * Rewrites an existing record's metadata, passages and alignment in one transaction (a savepoint
 * when the caller already holds one). Its id, creation time and annotations stay.
 */
export function replaceRecordContent(db: Database, record: NewRecord): void {
  const s = statements(db);
  db.transaction(() => {
    const info = s.updateRecord.run({
      ...record.meta,
      originalLang: record.original.lang,
      translationLang: record.translation.lang,
      contentHash: record.contentHash,
      now: record.now,
    });
    if (info.changes !== 1) throw new Error(`Record ${record.meta.id} does not exist`);
    s.deleteSentenceGroups?.run(record.meta.id);
    s.deleteGroups.run(record.meta.id);
    s.deletePassages.run(record.meta.id);
    insertContent(s, record.meta.id, record, record.alignment);
  })();
}

/** Notes where a record came from. */
export function recordImportEvent(
  db: Database,
  recordId: string,
  event: Omit<ImportEvent, 'importedAt'>,
  now: number,
): void {
  statements(db).insertEvent.run(
    recordId,
    event.format,
    JSON.stringify(event.files),
    event.action,
    now,
  );
}

export function importEvents(db: Database, recordId: string): ImportEvent[] {
  return statements(db)
    .events.all(recordId)
    .map((row) => ({
      format: row.format as ImportEvent['format'],
      files: JSON.parse(row.files) as string[],
      action: row.action,
      importedAt: row.imported_at,
    }));
}
