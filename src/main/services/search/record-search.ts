// Find in the open record: the same query language and word forms as the library search, run
// over the record's passages in JavaScript (a record is small; the index would have to look
// through every record's matches to pick out one record's).
import type { RecordSearchHit, RecordSearchResult } from '@shared/api/methods/search';
import type { RecordDocument, Side } from '@shared/model';
import { parseQuery } from '@shared/search/query';
import { compileQuery, highlightRanges, matches, MatchText } from './compile';
import { resolveFilters } from './filters';
import type { AppContext } from '../context';

export interface RecordSearchInput {
  query: string;
  names: boolean;
}

export function searchRecord(
  ctx: AppContext,
  record: RecordDocument,
  input: RecordSearchInput,
): RecordSearchResult {
  const parsed = parseQuery(input.query);
  const compiled = compileQuery(parsed, { names: input.names });
  const filters = resolveFilters(ctx, parsed.filters);
  const warnings = [...parsed.warnings, ...compiled.warnings, ...filters.warnings];
  const result: RecordSearchResult = {
    recordId: record.id,
    query: input.query,
    hits: [],
    warnings,
    message: null,
  };
  if (parsed.filters.some((f) => f.key === 'in')) {
    warnings.push('Find in this record looks in its text; “in:” was ignored.');
  }
  const matcher = compiled.matcher;
  if (!matcher) {
    if (input.query.trim() !== '') result.message = 'Type a word to look for.';
    return result;
  }
  if (filters.empty) return result;
  const restrict = filters.selectsNotes
    ? ctx.searchIndex.coveredPassages(record.id, filters.docs)
    : null;

  const rowOf = new Map<string, number>();
  record.alignment.forEach((group, row) => {
    for (const side of ['original', 'translation'] as const) {
      for (const index of group[side]) rowOf.set(`${side}:${index}`, row);
    }
  });
  const sideOrder: Record<Side, number> = { original: 0, translation: 1 };
  for (const side of ['original', 'translation'] as const) {
    const lang = record[side].lang;
    if (filters.langs.length > 0 && !filters.langs.includes(lang)) continue;
    if (filters.notLangs.includes(lang)) continue;
    for (const passage of record[side].passages) {
      if (restrict && !restrict.has(passage.id)) continue;
      const doc = new MatchText(passage.text);
      if (!matches(matcher, doc)) continue;
      const row = rowOf.get(`${side}:${passage.index}`) ?? Number.MAX_SAFE_INTEGER;
      for (const range of highlightRanges(matcher, doc)) {
        result.hits.push({
          passageId: passage.id,
          side,
          passageIndex: passage.index,
          row,
          start: range.start,
          end: range.end,
        } satisfies RecordSearchHit);
      }
    }
  }
  result.hits.sort(
    (a, b) =>
      a.row - b.row ||
      sideOrder[a.side] - sideOrder[b.side] ||
      a.passageIndex - b.passageIndex ||
      a.start - b.start,
  );
  return result;
}
