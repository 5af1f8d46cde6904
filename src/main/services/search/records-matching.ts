// The records in which a search finds anything: the catalogue's full-text filter. Unlike the
// search itself this must see every match, so it is kept out of the search box's hot path.
import { parseQuery } from '@shared/search/query';
import type { AppContext } from '../context';
import { compileQuery } from './compile';
import { resolveFilters, withFilters } from './filters';

export function recordsMatching(
  ctx: AppContext,
  query: string,
  names = true,
): { ids: Set<string>; warnings: string[] } {
  const parsed = parseQuery(query);
  const compiled = compileQuery(parsed, { names });
  const filters = resolveFilters(ctx, parsed.filters);
  const warnings = [...parsed.warnings, ...compiled.warnings, ...filters.warnings];
  if (filters.empty) return { ids: new Set(), warnings };
  if (compiled.fts === null) {
    if (!filters.selectsNotes) {
      warnings.push('The full-text filter has no word to look for, so it was not applied.');
      return { ids: new Set(ctx.searchIndex.recordsMatching(null, null)), warnings };
    }
    return { ids: new Set(ctx.searchIndex.recordsMatching(null, filters.docs)), warnings };
  }
  const match = withFilters(compiled.fts, filters);
  return { ids: new Set(ctx.searchIndex.recordsMatching(match, filters.docs)), warnings };
}
