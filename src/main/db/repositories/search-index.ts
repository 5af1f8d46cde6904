// Reading the search index (search_fts, search_docs) and what a hit shows. The search service
// turns a query into an FTS5 expression and a structured filter; here that filter becomes SQL
// made of fixed fragments, with every value bound as a parameter (a JSON array read with
// json_each). The index itself is kept by triggers (migration 0050, ../search-index-state.ts).
import type { Side } from '@shared/model';
import {
  optimizeSearchIndex,
  rebuildSearchIndex,
  steppedSearchIndexRebuild,
  type DocKind,
  type SteppedRebuild,
} from '../search-index-state';
import { prepared, statementCache, type LibraryDatabase } from '../statements';

/** The filters of a query that need SQL over search_docs (alias d). Empty lists add nothing. */
export interface DocFilter {
  /** Languages a document must (or must not) be in. */
  langs: string[];
  notLangs: string[];
  /** Kinds of document to keep (or leave out). */
  kinds: DocKind[];
  notKinds: DocKind[];
  /** One list per tag: filter; a document must be tied to a tag of every list. */
  tagSets: string[][];
  notTags: string[];
  /** Categories a document's note must be in, or null for any. */
  categories: string[] | null;
  notCategories: string[];
}

/** One indexed document. */
export interface DocRow {
  id: number;
  kind: DocKind;
  record_id: string;
  passage_id: number | null;
  annotation_id: string | null;
  lang: string | null;
}

export interface ScoredDoc extends DocRow {
  /** BM25 (lower is better), or 0 when unranked. */
  score: number;
}

export interface HitPassageRow {
  id: number;
  side: Side;
  ordinal: number;
  text: string;
}

export interface HitRecordRow {
  id: string;
  title: string;
  date: string | null;
  type: string | null;
  record_id: string | null;
  summary: string | null;
  source: string | null;
  original_lang: string;
  translation_lang: string;
}

/** A passage that may hold a phrase, with its record's title and language. */
export interface MentioningPassageRow {
  id: number;
  record_id: string;
  side: Side;
  ordinal: number;
  text: string;
  title: string;
  lang: string;
}

/** Counting stops past this many matches. */
export const COUNT_LIMIT = 5_000;

const json = (values: readonly string[]): string => JSON.stringify(values);

const TAGGED_DOCS = `(
  (d.kind = 'note' AND d.annotation_id IN
    (SELECT annotation_id FROM annotation_tags WHERE tag IN (SELECT value FROM json_each(?))))
  OR (d.kind = 'passage' AND d.passage_id IN
    (SELECT t.passage_id FROM annotation_targets t JOIN annotation_tags g ON g.annotation_id = t.annotation_id
     WHERE g.tag IN (SELECT value FROM json_each(?)))))`;

const CATEGORY_DOCS = `(
  (d.kind = 'note' AND d.annotation_id IN
    (SELECT id FROM annotations WHERE category_id IN (SELECT value FROM json_each(?))))
  OR (d.kind = 'passage' AND d.passage_id IN
    (SELECT t.passage_id FROM annotation_targets t JOIN annotations a ON a.id = t.annotation_id
     WHERE a.category_id IN (SELECT value FROM json_each(?)))))`;

interface Conditions {
  sql: string | null;
  params: string[];
}

/** tag: and category: as SQL over search_docs d (they need each match's document row). */
function noteConditions(filter: DocFilter): Conditions {
  const sql: string[] = [];
  const params: string[] = [];
  for (const tags of filter.tagSets) {
    sql.push(TAGGED_DOCS);
    params.push(json(tags), json(tags));
  }
  if (filter.notTags.length > 0) {
    sql.push(`NOT ${TAGGED_DOCS}`);
    params.push(json(filter.notTags), json(filter.notTags));
  }
  if (filter.categories !== null) {
    sql.push(CATEGORY_DOCS);
    params.push(json(filter.categories), json(filter.categories));
  }
  if (filter.notCategories.length > 0) {
    sql.push(`NOT ${CATEGORY_DOCS}`);
    params.push(json(filter.notCategories), json(filter.notCategories));
  }
  return { sql: sql.length > 0 ? sql.join(' AND ') : null, params };
}

/** Every filter as SQL over search_docs d, for listing documents without the index. */
function allConditions(filter: DocFilter): { sql: string; params: string[] } {
  const sql: string[] = [];
  const params: string[] = [];
  if (filter.langs.length > 0) {
    sql.push('d.lang IN (SELECT value FROM json_each(?))');
    params.push(json(filter.langs));
  }
  if (filter.notLangs.length > 0) {
    sql.push('(d.lang IS NULL OR d.lang NOT IN (SELECT value FROM json_each(?)))');
    params.push(json(filter.notLangs));
  }
  if (filter.kinds.length > 0) {
    sql.push('d.kind IN (SELECT value FROM json_each(?))');
    params.push(json(filter.kinds));
  }
  if (filter.notKinds.length > 0) {
    sql.push('d.kind NOT IN (SELECT value FROM json_each(?))');
    params.push(json(filter.notKinds));
  }
  const notes = noteConditions(filter);
  if (notes.sql) sql.push(notes.sql);
  return { sql: sql.length > 0 ? sql.join(' AND ') : '1', params: [...params, ...notes.params] };
}

const DOC_COLUMNS = 'd.id, d.kind, d.record_id, d.passage_id, d.annotation_id, d.lang';
// CROSS JOIN keeps the index as the outer loop: the other way round, SQLite would run the
// full-text match once per document row.
const FROM = 'search_fts f CROSS JOIN search_docs d ON d.id = f.rowid';

export function createSearchIndexRepository(db: LibraryDatabase) {
  const shaped = statementCache(db);
  const s = prepared({
    range: () =>
      db.prepare<[string], { lo: number | null; hi: number | null; n: number }>(
        'SELECT min(id) AS lo, max(id) AS hi, count(*) AS n FROM search_docs WHERE record_id = ?',
      ),
    counts: () =>
      db.prepare<[], { kind: DocKind; n: number }>(
        'SELECT kind, count(*) AS n FROM search_docs GROUP BY kind',
      ),
    allRecordIds: () => db.prepare<[], string>('SELECT id FROM records').pluck(),
    passage: () =>
      db.prepare<[number], HitPassageRow>(
        'SELECT id, side, ordinal, text FROM passages WHERE id = ?',
      ),
    counterpart: () =>
      db.prepare<[number, string], HitPassageRow>(`
        SELECT p.id, p.side, p.ordinal, p.text
        FROM alignment_members m1
          JOIN alignment_members m2 ON m2.group_id = m1.group_id
          JOIN passages p ON p.id = m2.passage_id
        WHERE m1.passage_id = ? AND p.side <> ?
        ORDER BY p.ordinal`),
    record: () =>
      db.prepare<[string], HitRecordRow>(`
        SELECT id, title, date, type, record_id, summary, source, original_lang, translation_lang
        FROM records WHERE id = ?`),
    annotation: () =>
      db.prepare<[string], { category_id: string; comment_text: string }>(
        'SELECT category_id, comment_text FROM annotations WHERE id = ?',
      ),
    quotes: () =>
      db
        .prepare<[string], string>(
          'SELECT exact FROM annotation_targets WHERE annotation_id = ? ORDER BY ordinal',
        )
        .pluck(),
    tags: () =>
      db
        .prepare<[string], string>(
          'SELECT tag FROM annotation_tags WHERE annotation_id = ? ORDER BY tag',
        )
        .pluck(),
    replies: () =>
      db
        .prepare<[string], string>(
          'SELECT body_text FROM annotation_replies WHERE annotation_id = ? ORDER BY created_at',
        )
        .pluck(),
    essay: () =>
      db
        .prepare<[string], string>('SELECT body_text FROM record_notes WHERE record_id = ?')
        .pluck(),
    mentioningPassage: () =>
      db.prepare<[number], MentioningPassageRow>(`
        SELECT p.id, p.record_id, p.side, p.ordinal, p.text, r.title,
          CASE p.side WHEN 'original' THEN r.original_lang ELSE r.translation_lang END AS lang
        FROM passages p JOIN records r ON r.id = p.record_id
        WHERE p.id = ? AND r.deleted_at IS NULL`),
  });

  /** The WHERE clause and parameters of a full-text match narrowed by the note filters. */
  const matching = (match: string, filter: DocFilter) => {
    const notes = noteConditions(filter);
    return {
      where: `search_fts MATCH ?${notes.sql ? ` AND ${notes.sql}` : ''}`,
      params: [match, ...notes.params],
      joinToCount: notes.sql !== null,
    };
  };

  return {
    /** How many documents match (at most COUNT_LIMIT + 1). */
    count(match: string, filter: DocFilter): number {
      const m = matching(match, filter);
      // Without note filters, counting never leaves the index.
      return m.joinToCount
        ? (shaped(
            `SELECT count(*) FROM (SELECT 1 FROM ${FROM} WHERE ${m.where} LIMIT ${COUNT_LIMIT + 1})`,
          )
            .pluck()
            .get(...m.params) as number)
        : (shaped(
            `SELECT count(*) FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH ? LIMIT ${COUNT_LIMIT + 1})`,
          )
            .pluck()
            .get(match) as number);
    },

    /** Every match with its BM25 score (lower is better); for small result sets only. */
    ranked(match: string, filter: DocFilter): ScoredDoc[] {
      const m = matching(match, filter);
      return shaped(
        `SELECT ${DOC_COLUMNS}, bm25(search_fts) AS score FROM ${FROM} WHERE ${m.where}`,
      ).all(...m.params) as ScoredDoc[];
    },

    /** Matches newest first, read only until `records` distinct records have been seen. */
    recent(match: string, filter: DocFilter, records: number): ScoredDoc[] {
      const m = matching(match, filter);
      const docs: ScoredDoc[] = [];
      const seen = new Set<string>();
      const statement = shaped(
        `SELECT ${DOC_COLUMNS}, 0 AS score FROM ${FROM} WHERE ${m.where} ORDER BY f.rowid DESC`,
      );
      for (const doc of statement.iterate(...m.params) as IterableIterator<ScoredDoc>) {
        if (!seen.has(doc.record_id)) {
          if (seen.size === records) break;
          seen.add(doc.record_id);
        }
        docs.push(doc);
      }
      return docs;
    },

    /**
     * Whether a record's documents have consecutive row ids: a record's documents are written
     * together, so unless later notes or edits broke their range, a newest-first window that
     * reached one of them passed over all of them.
     */
    unbroken(recordId: string): boolean {
      const range = s.range.get(recordId)!;
      return range.lo !== null && range.hi !== null && range.hi - range.lo + 1 === range.n;
    },

    /** Notes selected by tag: or category: alone, without words, newest first. */
    filteredNotes(filter: DocFilter, limit: number): ScoredDoc[] {
      const all = allConditions(filter);
      return shaped(
        `SELECT ${DOC_COLUMNS}, 0 AS score FROM search_docs d
           WHERE d.kind = 'note' AND ${all.sql} ORDER BY d.id DESC LIMIT ${limit}`,
      ).all(...all.params) as ScoredDoc[];
    },

    /**
     * The records with any matching document: with `match` null, any document the filter
     * selects; with neither, every record.
     */
    recordsMatching(match: string | null, filter: DocFilter | null): string[] {
      if (match === null && filter === null) return s.allRecordIds.all();
      if (match === null) {
        const all = allConditions(filter!);
        return shaped(`SELECT DISTINCT d.record_id FROM search_docs d WHERE ${all.sql}`)
          .pluck()
          .all(...all.params) as string[];
      }
      const m = matching(match, filter ?? emptyDocFilter());
      return shaped(`SELECT DISTINCT d.record_id FROM ${FROM} WHERE ${m.where}`)
        .pluck()
        .all(...m.params) as string[];
    },

    /** Passages of a record that notes with the filter's tags or categories cover. */
    coveredPassages(recordId: string, filter: DocFilter): Set<number> {
      const notes = noteConditions(filter);
      return new Set(
        shaped(
          `SELECT d.passage_id FROM search_docs d WHERE d.record_id = ? AND d.kind = 'passage' AND ${notes.sql ?? '1'}`,
        )
          .pluck()
          .all(recordId, ...notes.params) as number[],
      );
    },

    /** Passages (of the library, or of one record) whose stems match `match`, with their record. */
    passagesMatching(match: string, recordId?: string): MentioningPassageRow[] {
      const ids = shaped(
        `SELECT DISTINCT d.passage_id AS id FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid
         WHERE search_fts MATCH ? AND d.passage_id IS NOT NULL` +
          (recordId ? ' AND d.record_id = ?' : ''),
      ).all(...(recordId ? [match, recordId] : [match])) as { id: number }[];
      const found: MentioningPassageRow[] = [];
      for (const { id } of ids) {
        const row = s.mentioningPassage.get(id);
        if (row) found.push(row);
      }
      return found;
    },

    // What a hit shows.
    passage: (id: number): HitPassageRow | undefined => s.passage.get(id),
    counterpart: (passageId: number, side: Side): HitPassageRow[] =>
      s.counterpart.all(passageId, side),
    record: (id: string): HitRecordRow | undefined => s.record.get(id),
    annotation: (id: string) => s.annotation.get(id),
    quotes: (annotationId: string): string[] => s.quotes.all(annotationId),
    tags: (annotationId: string): string[] => s.tags.all(annotationId),
    replies: (annotationId: string): string[] => s.replies.all(annotationId),
    essay: (recordId: string): string | undefined => s.essay.get(recordId),

    /** Empties the index and builds it again from the library, in one transaction. */
    rebuild(): void {
      db.transaction(() => rebuildSearchIndex(db))();
    },

    /** The same rebuild in short steps, for a caller that lets other work run between them. */
    rebuildInSteps: (): SteppedRebuild => steppedSearchIndexRebuild(db),

    /** Merges the index's segments into one, making it smaller and faster to query. */
    optimize(): void {
      optimizeSearchIndex(db);
    },

    /** How many documents of each kind the index holds. */
    documentCounts(): Record<DocKind, number> {
      const documents = { passage: 0, note: 0, record: 0, essay: 0 };
      for (const { kind, n } of s.counts.all()) documents[kind] = n;
      return documents;
    },
  };
}

/** A filter that keeps every document (the search service fills one in from a query). */
export function emptyDocFilter(): DocFilter {
  return {
    langs: [],
    notLangs: [],
    kinds: [],
    notKinds: [],
    tagSets: [],
    notTags: [],
    categories: null,
    notCategories: [],
  };
}

export type SearchIndexRepository = ReturnType<typeof createSearchIndexRepository>;
