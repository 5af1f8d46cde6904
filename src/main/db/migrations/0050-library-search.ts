// Migration 50, frozen: the library catalogue and search. Records can be moved to the trash (a
// tombstone, purged later, so a deletion can be undone with every note intact); collections are
// named sets of records; the full-text index over passages, notes and catalogue data is kept by
// triggers. Everything here is SQL as it stood at version 50, so this migration does the same
// thing whatever later code looks like. The stemmed shadow text comes from SQL functions the
// connection provides (mg_shadow, mg_cited: ../search-functions.ts); the index is derived data,
// built (and rebuilt when those functions change) by ../search-index-state.ts, never here.
//
// search_docs lists what is indexed, one row per document:
//   passage  one passage of a record's text        (passage_id)
//   note     an annotation: quotes, comment, tags, replies   (annotation_id; passage_id = its
//            first target's passage)
//   record   a record's catalogue data: title, type, record ID, date, summary, source
//   essay    the scholar's own note on a whole record (record_notes)
// search_fts holds the shadow text of each, under the same rowid, and in its `meta` column the
// document's kind and language as words ("kpassage lru"), so that the filters used most (lang:,
// in:) are answered by the index itself. It is contentless: the text itself stays in its own
// table, and snippets are cut from there.
//
// Records in the trash (records.deleted_at set) have no documents: moving a record to the trash
// takes them out, restoring it puts them back.
import type { Database } from 'better-sqlite3';

const shadow = (text: string): string =>
  ['surface', 'stems', 'names_cyr', 'names_lat']
    .map((c) => `mg_shadow(${text}, '${c}')`)
    .join(', ');

const FTS_COLUMNS = 'rowid, surface, stems, names_cyr, names_lat, meta';

/** The meta words of a document: its kind, and its language when it has one. */
const meta = (kind: string, lang: string | null): string =>
  `'k${kind}'` + (lang ? ` || coalesce(' l' || lower(replace(${lang}, '-', '')), '')` : '');

const SIDE_LANG = (side: string): string =>
  `CASE ${side} WHEN 'original' THEN r.original_lang ELSE r.translation_lang END`;

const RECORD_TEXT = `r.title || char(10) || coalesce(r.type, '') || char(10) ||
  coalesce(r.record_id, '') || char(10) || coalesce(r.date, '') || char(10) ||
  coalesce(r.summary, '') || char(10) || coalesce(r.source, '')`;

/** Everything of an annotation a user may look for, one part per line. */
const NOTE_TEXT = `coalesce((SELECT group_concat(t.exact, char(10)) FROM annotation_targets t
    WHERE t.annotation_id = a.id), '') || char(10) || a.comment_text || char(10) ||
  coalesce((SELECT group_concat(g.tag, char(10)) FROM annotation_tags g
    WHERE g.annotation_id = a.id), '') || char(10) ||
  coalesce((SELECT group_concat(y.body_text, char(10)) FROM annotation_replies y
    WHERE y.annotation_id = a.id), '')`;

const FIRST_TARGET = (column: string): string =>
  `(SELECT ${column} FROM annotation_targets t WHERE t.annotation_id = a.id ORDER BY t.ordinal LIMIT 1)`;

// Each `index…` statement pair takes a condition on its source rows (aliases p, a, r, n) and
// indexes the live ones it selects; each `unindex…` removes documents by key. All are idempotent
// in effect when run as unindex-then-index.

function indexPassages(where: string): string {
  return `
    INSERT INTO search_docs (kind, record_id, passage_id, lang)
      SELECT 'passage', p.record_id, p.id, ${SIDE_LANG('p.side')}
      FROM passages p JOIN records r ON r.id = p.record_id
      WHERE (${where}) AND r.deleted_at IS NULL;
    INSERT INTO search_fts (${FTS_COLUMNS})
      SELECT d.id, ${shadow('p.text')}, ${meta('passage', 'd.lang')}
      FROM passages p JOIN records r ON r.id = p.record_id
        JOIN search_docs d ON d.kind = 'passage' AND d.passage_id = p.id
      WHERE (${where}) AND r.deleted_at IS NULL;`;
}

function unindexPassage(id: string): string {
  return `
    DELETE FROM search_fts WHERE rowid IN
      (SELECT id FROM search_docs WHERE kind = 'passage' AND passage_id = ${id});
    DELETE FROM search_docs WHERE kind = 'passage' AND passage_id = ${id};`;
}

function indexNotes(where: string): string {
  return `
    INSERT INTO search_docs (kind, record_id, annotation_id, passage_id, lang)
      SELECT 'note', a.record_id, a.id, ${FIRST_TARGET('t.passage_id')},
        ${FIRST_TARGET(SIDE_LANG('t.side'))}
      FROM annotations a JOIN records r ON r.id = a.record_id
      WHERE (${where}) AND r.deleted_at IS NULL;
    INSERT INTO search_fts (${FTS_COLUMNS})
      SELECT d.id, ${shadow(NOTE_TEXT)}, ${meta('note', 'd.lang')}
      FROM annotations a JOIN records r ON r.id = a.record_id
        JOIN search_docs d ON d.kind = 'note' AND d.annotation_id = a.id
      WHERE (${where}) AND r.deleted_at IS NULL;`;
}

function unindexNote(id: string): string {
  return `
    DELETE FROM search_fts WHERE rowid IN
      (SELECT id FROM search_docs WHERE kind = 'note' AND annotation_id = ${id});
    DELETE FROM search_docs WHERE kind = 'note' AND annotation_id = ${id};`;
}

function reindexNote(id: string): string {
  return unindexNote(id) + indexNotes(`a.id = ${id}`);
}

function indexRecords(where: string): string {
  return `
    INSERT INTO search_docs (kind, record_id) SELECT 'record', r.id FROM records r
      WHERE (${where}) AND r.deleted_at IS NULL;
    INSERT INTO search_fts (${FTS_COLUMNS})
      SELECT d.id, ${shadow(RECORD_TEXT)}, ${meta('record', null)}
      FROM records r JOIN search_docs d ON d.kind = 'record' AND d.record_id = r.id
      WHERE (${where}) AND r.deleted_at IS NULL;`;
}

function indexEssays(where: string): string {
  return `
    INSERT INTO search_docs (kind, record_id)
      SELECT 'essay', n.record_id FROM record_notes n JOIN records r ON r.id = n.record_id
      WHERE (${where}) AND r.deleted_at IS NULL AND n.body_text <> '';
    INSERT INTO search_fts (${FTS_COLUMNS})
      SELECT d.id, ${shadow('n.body_text')}, ${meta('essay', null)}
      FROM record_notes n JOIN records r ON r.id = n.record_id
        JOIN search_docs d ON d.kind = 'essay' AND d.record_id = n.record_id
      WHERE (${where}) AND r.deleted_at IS NULL;`;
}

function unindexKind(kind: 'record' | 'essay', recordId: string): string {
  return `
    DELETE FROM search_fts WHERE rowid IN
      (SELECT id FROM search_docs WHERE kind = '${kind}' AND record_id = ${recordId});
    DELETE FROM search_docs WHERE kind = '${kind}' AND record_id = ${recordId};`;
}

function unindexRecordAll(recordId: string): string {
  return `
    DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_docs WHERE record_id = ${recordId});
    DELETE FROM search_docs WHERE record_id = ${recordId};`;
}

function indexRecordAll(recordId: string): string {
  return (
    indexRecords(`r.id = ${recordId}`) +
    indexPassages(`p.record_id = ${recordId}`) +
    indexNotes(`a.record_id = ${recordId}`) +
    indexEssays(`n.record_id = ${recordId}`)
  );
}

const TABLES_SQL = `
  CREATE TABLE search_docs (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('passage', 'note', 'record', 'essay')),
    record_id TEXT NOT NULL,
    passage_id INTEGER,
    annotation_id TEXT,
    lang TEXT
  ) STRICT;
  CREATE UNIQUE INDEX search_docs_passage ON search_docs(passage_id) WHERE kind = 'passage';
  CREATE UNIQUE INDEX search_docs_note ON search_docs(annotation_id) WHERE kind = 'note';
  CREATE UNIQUE INDEX search_docs_record ON search_docs(record_id, kind)
    WHERE kind IN ('record', 'essay');
  CREATE INDEX search_docs_by_record ON search_docs(record_id);

  CREATE VIRTUAL TABLE search_fts USING fts5(
    surface, stems, names_cyr, names_lat, meta,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
  );`;

const TRIGGERS: Record<string, string> = {
  search_passage_insert: `AFTER INSERT ON passages BEGIN ${indexPassages('p.id = new.id')} END`,
  search_passage_update: `AFTER UPDATE OF text, side ON passages BEGIN
    ${unindexPassage('old.id')} ${indexPassages('p.id = new.id')} END`,
  search_passage_delete: `AFTER DELETE ON passages BEGIN ${unindexPassage('old.id')} END`,

  search_record_insert: `AFTER INSERT ON records BEGIN ${indexRecords('r.id = new.id')} END`,
  search_record_update: `AFTER UPDATE OF title, type, record_id, date, summary, source ON records
    BEGIN ${unindexKind('record', 'old.id')} ${indexRecords('r.id = new.id')} END`,
  search_record_langs: `AFTER UPDATE OF original_lang, translation_lang ON records BEGIN
    ${unindexRecordAll('old.id')} ${indexRecordAll('new.id')} END`,
  search_record_trash: `AFTER UPDATE OF deleted_at ON records
    WHEN old.deleted_at IS NULL AND new.deleted_at IS NOT NULL BEGIN ${unindexRecordAll('new.id')} END`,
  search_record_untrash: `AFTER UPDATE OF deleted_at ON records
    WHEN old.deleted_at IS NOT NULL AND new.deleted_at IS NULL BEGIN
    ${unindexRecordAll('new.id')} ${indexRecordAll('new.id')} END`,
  search_record_delete: `AFTER DELETE ON records BEGIN ${unindexRecordAll('old.id')} END`,

  search_note_insert: `AFTER INSERT ON annotations BEGIN ${reindexNote('new.id')} END`,
  search_note_update: `AFTER UPDATE OF comment_text ON annotations BEGIN ${reindexNote('new.id')} END`,
  search_note_delete: `AFTER DELETE ON annotations BEGIN ${unindexNote('old.id')} END`,
  search_target_insert: `AFTER INSERT ON annotation_targets BEGIN
    ${reindexNote('new.annotation_id')} END`,
  search_target_update: `AFTER UPDATE ON annotation_targets BEGIN
    ${reindexNote('new.annotation_id')} END`,
  search_target_delete: `AFTER DELETE ON annotation_targets BEGIN
    ${reindexNote('old.annotation_id')} END`,
  search_tag_insert: `AFTER INSERT ON annotation_tags BEGIN ${reindexNote('new.annotation_id')} END`,
  search_tag_delete: `AFTER DELETE ON annotation_tags BEGIN ${reindexNote('old.annotation_id')} END`,
  search_reply_insert: `AFTER INSERT ON annotation_replies BEGIN
    ${reindexNote('new.annotation_id')} END`,
  search_reply_update: `AFTER UPDATE OF body_text ON annotation_replies BEGIN
    ${reindexNote('new.annotation_id')} END`,
  search_reply_delete: `AFTER DELETE ON annotation_replies BEGIN
    ${reindexNote('old.annotation_id')} END`,

  search_essay_insert: `AFTER INSERT ON record_notes BEGIN
    ${unindexKind('essay', 'new.record_id')} ${indexEssays('n.record_id = new.record_id')} END`,
  search_essay_update: `AFTER UPDATE OF body_text ON record_notes BEGIN
    ${unindexKind('essay', 'old.record_id')} ${indexEssays('n.record_id = new.record_id')} END`,
  search_essay_delete: `AFTER DELETE ON record_notes BEGIN ${unindexKind('essay', 'old.record_id')} END`,
};

// The archives and fonds each record cites, for the catalogue's facets.
const CITATIONS_SQL = `
  CREATE TABLE record_citations (
    record_id TEXT PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
    archives TEXT NOT NULL CHECK (json_valid(archives)),
    fonds TEXT NOT NULL CHECK (json_valid(fonds))
  ) STRICT;
  CREATE TRIGGER library_citations_insert AFTER INSERT ON records BEGIN
    INSERT OR REPLACE INTO record_citations (record_id, archives, fonds)
      VALUES (new.id, mg_cited(new.source, 'archives'), mg_cited(new.source, 'fonds'));
  END;
  CREATE TRIGGER library_citations_update AFTER UPDATE OF source ON records BEGIN
    INSERT OR REPLACE INTO record_citations (record_id, archives, fonds)
      VALUES (new.id, mg_cited(new.source, 'archives'), mg_cited(new.source, 'fonds'));
  END;`;

/**
 * Rebuilds the index and the citations cache from the library, as the triggers of this version
 * keep them. Live code uses it (../search-index-state.ts): the index must be built by the same
 * SQL as the triggers that maintain it, which are this migration's until a later one replaces
 * them.
 */
export const REBUILD_SEARCH_INDEX = `
  DELETE FROM record_citations;
  INSERT INTO record_citations (record_id, archives, fonds)
    SELECT id, mg_cited(source, 'archives'), mg_cited(source, 'fonds') FROM records;
  DELETE FROM search_docs;
  INSERT INTO search_fts (search_fts) VALUES ('delete-all');
  ${indexRecords('1')}
  ${indexPassages('1')}
  ${indexNotes('1')}
  ${indexEssays('1')}
`;

/**
 * Indexes the live records among `inRecords` (an SQL list or subquery of record ids): their
 * catalogue data, passages, notes and essays, by the same SQL as the triggers and the rebuild.
 * Live code rebuilds the index a few records at a time with it (../search-index-state.ts).
 */
export const indexRecordsIn = (inRecords: string): string =>
  indexRecords(`r.id IN ${inRecords}`) +
  indexPassages(`p.record_id IN ${inRecords}`) +
  indexNotes(`a.record_id IN ${inRecords}`) +
  indexEssays(`n.record_id IN ${inRecords}`);

/** Names of the triggers this migration creates, so a test can check that none went missing. */
export const SEARCH_TRIGGERS = Object.keys(TRIGGERS);

export function up(db: Database): void {
  db.exec(`
    -- When the record was moved to the trash; NULL while it is in the library.
    ALTER TABLE records ADD COLUMN deleted_at INTEGER;
    CREATE INDEX records_in_trash ON records(deleted_at) WHERE deleted_at IS NOT NULL;

    CREATE TABLE collections (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE collection_records (
      collection_id TEXT NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
      record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
      added_at INTEGER NOT NULL,
      PRIMARY KEY (collection_id, record_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX collection_records_by_record ON collection_records(record_id);
  `);
  db.exec(TABLES_SQL);
  for (const [name, body] of Object.entries(TRIGGERS)) db.exec(`CREATE TRIGGER ${name} ${body};`);
  db.exec(CITATIONS_SQL);
}
