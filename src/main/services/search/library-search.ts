// Searching the whole library. A search that matches a moderate number of documents is ranked
// by relevance (FTS5's BM25); one that matches very many ("Korea" in a Korean War archive) is
// not worth ranking at the price of a slow answer, so it shows the most recent documents first
// and says so. Either way the answer comes in milliseconds for a library of 10,000 records.
import type { Database } from 'better-sqlite3';
import type { SearchGroup, SearchHit, SearchResult } from '@shared/api/methods/search';
import { parseQuery } from '@shared/search/query';
import type { DocKind } from '../../db/search-schema';
import { compileQuery } from './compile';
import { resolveFilters, withFilters, type ResolvedFilters } from './filters';
import { HitDetails, type DocRow } from './hit-details';
import { prepared } from './statements';

/** Up to this many matching documents are ranked by relevance. */
export const RANK_LIMIT = 1000;
/** Counting stops here: past it, "more than 5,000 hits". */
export const COUNT_LIMIT = 5_000;

export interface LibrarySearchInput {
  query: string;
  names: boolean;
  limit: number;
  hitsPerRecord: number;
  page: string | null;
}

interface ScoredDoc extends DocRow {
  score: number;
}

// A title or summary that matches says more about a record than one passage that does.
const KIND_WEIGHT: Record<DocKind, number> = { record: 3, essay: 1.5, note: 1.5, passage: 1 };
const KIND_ORDER: Record<DocKind, number> = { record: 0, essay: 1, note: 2, passage: 3 };

const DOC_COLUMNS = 'd.id, d.kind, d.record_id, d.passage_id, d.annotation_id, d.lang';
// CROSS JOIN keeps the index as the outer loop: the other way round, SQLite would run the
// full-text match once per document row.
const FROM = 'search_fts f CROSS JOIN search_docs d ON d.id = f.rowid';

function offsetOf(page: string | null): number {
  const m = page ? /^o:(\d{1,9})$/.exec(page) : null;
  return m ? Number(m[1]) : 0;
}

function emptyResult(
  query: string,
  started: number,
  warnings: string[],
  message: string | null,
): SearchResult {
  return {
    query,
    groups: [],
    totalHits: 0,
    totalHitsCapped: false,
    totalRecords: 0,
    ordering: 'relevance',
    next: null,
    warnings,
    message,
    tookMs: performance.now() - started,
  };
}

/**
 * The search run against the index: `match` is the full FTS expression (words and the filters
 * the index answers), `sql` the filters it does not (tag:, category:), which need each match's
 * document row. Without them, counting never leaves the index.
 */
class Matches {
  private readonly where: string;
  private readonly params: unknown[];
  private readonly joinToCount: boolean;

  constructor(
    private readonly db: Database,
    private readonly match: string,
    filters: ResolvedFilters,
  ) {
    this.where = `search_fts MATCH ?${filters.sql ? ` AND ${filters.sql}` : ''}`;
    this.params = [match, ...filters.params];
    this.joinToCount = filters.sql !== null;
  }

  count(): number {
    const sql = this.joinToCount
      ? `SELECT count(*) FROM (SELECT 1 FROM ${FROM} WHERE ${this.where} LIMIT ${COUNT_LIMIT + 1})`
      : `SELECT count(*) FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH ? LIMIT ${COUNT_LIMIT + 1})`;
    return prepared(this.db, sql)
      .pluck()
      .get(...(this.joinToCount ? this.params : [this.match])) as number;
  }

  /** Every match with its BM25 score (lower is better); for small result sets only. */
  ranked(): ScoredDoc[] {
    return prepared(
      this.db,
      `SELECT ${DOC_COLUMNS}, bm25(search_fts) AS score FROM ${FROM} WHERE ${this.where}`,
    ).all(...this.params) as ScoredDoc[];
  }

  /** Matches newest first, read only until `records` distinct records have been seen. */
  recent(records: number): ScoredDoc[] {
    const docs: ScoredDoc[] = [];
    const seen = new Set<string>();
    const statement = prepared(
      this.db,
      `SELECT ${DOC_COLUMNS}, 0 AS score FROM ${FROM} WHERE ${this.where} ORDER BY f.rowid DESC`,
    );
    for (const doc of statement.iterate(...this.params) as IterableIterator<ScoredDoc>) {
      if (!seen.has(doc.record_id)) {
        if (seen.size === records) break;
        seen.add(doc.record_id);
      }
      docs.push(doc);
    }
    return docs;
  }

  /**
   * Whether a record's hits read from the newest-first window are all of them: a record's
   * documents are written together, so unless later notes or edits broke their rowid range,
   * the window passed over all of them.
   */
  unbroken(recordId: string): boolean {
    const range = prepared(
      this.db,
      'SELECT min(id) AS lo, max(id) AS hi, count(*) AS n FROM search_docs WHERE record_id = ?',
    ).get(recordId) as { lo: number | null; hi: number | null; n: number };
    return range.lo !== null && range.hi !== null && range.hi - range.lo + 1 === range.n;
  }
}

/** Notes selected by tag: or category: alone, without words. */
function filteredNotes(db: Database, filters: ResolvedFilters): ScoredDoc[] {
  return prepared(
    db,
    `SELECT ${DOC_COLUMNS}, 0 AS score FROM search_docs d
       WHERE d.kind = 'note' AND ${filters.sqlAll} ORDER BY d.id DESC LIMIT ${RANK_LIMIT}`,
  ).all(...filters.paramsAll) as ScoredDoc[];
}

interface Grouped {
  recordId: string;
  docs: ScoredDoc[];
  best: number;
}

function groupDocs(docs: ScoredDoc[], ranked: boolean): Grouped[] {
  const groups = new Map<string, Grouped>();
  for (const doc of docs) {
    const score = ranked ? doc.score * KIND_WEIGHT[doc.kind] : 0;
    let group = groups.get(doc.record_id);
    if (!group) {
      group = { recordId: doc.record_id, docs: [], best: score };
      groups.set(doc.record_id, group);
    }
    group.docs.push({ ...doc, score });
    group.best = Math.min(group.best, score);
  }
  const list = [...groups.values()];
  for (const group of list) {
    group.docs.sort((a, b) =>
      ranked
        ? a.score - b.score
        : KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.passage_id ?? 0) - (b.passage_id ?? 0),
    );
  }
  // BM25 scores are negative: lower is better. More hits break ties.
  if (ranked) list.sort((a, b) => a.best - b.best || b.docs.length - a.docs.length);
  return list;
}

export function searchLibrary(db: Database, input: LibrarySearchInput): SearchResult {
  const started = performance.now();
  const parsed = parseQuery(input.query);
  const compiled = compileQuery(parsed, { names: input.names });
  const filters = resolveFilters(db, parsed.filters);
  const warnings = [...parsed.warnings, ...compiled.warnings, ...filters.warnings];

  if (filters.empty) return emptyResult(input.query, started, warnings, null);

  const offset = offsetOf(input.page);
  let groups: Grouped[];
  let ranked = true;
  let totalHits: number;
  let capped = false;
  let matches: Matches | null = null;
  if (compiled.fts === null) {
    if (!filters.selectsNotes) {
      const message =
        input.query.trim() === ''
          ? null
          : 'Type a word to look for (filters such as lang: narrow a search, they are not one).';
      return emptyResult(input.query, started, warnings, message);
    }
    const docs = filteredNotes(db, filters);
    groups = groupDocs(docs, false);
    ranked = false;
    totalHits = docs.length;
  } else {
    matches = new Matches(db, withFilters(compiled.fts, filters), filters);
    const count = matches.count();
    capped = count > COUNT_LIMIT;
    totalHits = Math.min(count, COUNT_LIMIT);
    ranked = count <= RANK_LIMIT;
    // Too many to rank: the newest matches, read only as far as this page needs.
    groups = groupDocs(
      ranked ? matches.ranked() : matches.recent(offset + input.limit + 1),
      ranked,
    );
  }

  const page = groups.slice(offset, offset + input.limit);
  const details = new HitDetails(db, compiled.matcher);
  const out: SearchGroup[] = [];
  for (const group of page) {
    const record = details.recordInfo(group.recordId);
    if (!record) continue;
    const hits: SearchHit[] = [];
    for (const doc of group.docs) {
      if (hits.length >= input.hitsPerRecord) break;
      const hit = details.hit(doc);
      if (hit) hits.push(hit);
    }
    const exact = ranked || !matches || matches.unbroken(group.recordId);
    out.push({ record, hitCount: group.docs.length, hitCountExact: exact, hits });
  }
  const end = offset + page.length;
  if (!ranked && compiled.fts !== null) {
    warnings.push(
      `So many hits that records are shown newest first, not by relevance; add words or a ` +
        `filter (lang:ru, in:notes) to rank them.`,
    );
  }
  return {
    query: input.query,
    groups: out,
    totalHits,
    totalHitsCapped: capped,
    totalRecords: ranked ? groups.length : null,
    ordering: ranked ? 'relevance' : 'recent',
    next: end < groups.length ? `o:${end}` : null,
    warnings,
    message: null,
    tookMs: performance.now() - started,
  };
}
