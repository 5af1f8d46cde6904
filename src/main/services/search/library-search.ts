// Searching the whole library. A search that matches a moderate number of documents is ranked
// by relevance (FTS5's BM25); one that matches very many ("Korea" in a Korean War archive) is
// not worth ranking at the price of a slow answer, so it shows the most recent documents first
// and says so. Either way the answer comes in milliseconds for a library of 10,000 records.
import type { SearchGroup, SearchHit, SearchResult } from '@shared/api/methods/search';
import { parseQuery } from '@shared/search/query';
import { COUNT_LIMIT } from '../../db/repositories/search-index';
import type { ScoredDoc } from '../../db/repositories';
import type { DocKind } from '../../db/search-index-state';
import type { AppContext } from '../context';
import { compileQuery } from './compile';
import { resolveFilters, withFilters } from './filters';
import { HitDetails } from './hit-details';

/** Up to this many matching documents are ranked by relevance. */
export const RANK_LIMIT = 1000;
/** Counting stops here: past it, "more than 5,000 hits". */
export { COUNT_LIMIT };

export interface LibrarySearchInput {
  query: string;
  names: boolean;
  limit: number;
  hitsPerRecord: number;
  page: string | null;
}

// A title or summary that matches says more about a record than one passage that does.
const KIND_WEIGHT: Record<DocKind, number> = { record: 3, essay: 1.5, note: 1.5, passage: 1 };
const KIND_ORDER: Record<DocKind, number> = { record: 0, essay: 1, note: 2, passage: 3 };

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

export function searchLibrary(ctx: AppContext, input: LibrarySearchInput): SearchResult {
  const started = performance.now();
  const parsed = parseQuery(input.query);
  const compiled = compileQuery(parsed, { names: input.names });
  const filters = resolveFilters(ctx, parsed.filters);
  const warnings = [...parsed.warnings, ...compiled.warnings, ...filters.warnings];

  if (filters.empty) return emptyResult(input.query, started, warnings, null);

  const offset = offsetOf(input.page);
  let groups: Grouped[];
  let ranked = true;
  let totalHits: number;
  let capped = false;
  let match: string | null = null;
  if (compiled.fts === null) {
    if (!filters.selectsNotes) {
      const message =
        input.query.trim() === ''
          ? null
          : 'Type a word to look for (filters such as lang: narrow a search, they are not one).';
      return emptyResult(input.query, started, warnings, message);
    }
    const docs = ctx.searchIndex.filteredNotes(filters.docs, RANK_LIMIT);
    groups = groupDocs(docs, false);
    ranked = false;
    totalHits = docs.length;
  } else {
    match = withFilters(compiled.fts, filters);
    const count = ctx.searchIndex.count(match, filters.docs);
    capped = count > COUNT_LIMIT;
    totalHits = Math.min(count, COUNT_LIMIT);
    ranked = count <= RANK_LIMIT;
    // Too many to rank: the newest matches, read only as far as this page needs.
    groups = groupDocs(
      ranked
        ? ctx.searchIndex.ranked(match, filters.docs)
        : ctx.searchIndex.recent(match, filters.docs, offset + input.limit + 1),
      ranked,
    );
  }

  const page = groups.slice(offset, offset + input.limit);
  const details = new HitDetails(ctx, compiled.matcher);
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
    const exact = ranked || match === null || ctx.searchIndex.unbroken(group.recordId);
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
