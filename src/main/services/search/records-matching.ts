import type { Database } from 'better-sqlite3';
import { parseQuery } from '@shared/search/query';
import { compileQuery } from './compile';
import { resolveFilters, withFilters } from './filters';

/**
 * The records in which a search finds anything: the catalogue's full-text filter. Unlike the
 * search itself this must see every match, so it is kept out of the search box's hot path.
 */
export function recordsMatching(
  db: Database,
  query: string,
  names = true,
): { ids: Set<string>; warnings: string[] } {
  const parsed = parseQuery(query);
  const compiled = compileQuery(parsed, { names });
  const filters = resolveFilters(db, parsed.filters);
  const warnings = [...parsed.warnings, ...compiled.warnings, ...filters.warnings];
  if (filters.empty) return { ids: new Set(), warnings };
  if (compiled.fts === null) {
    if (!filters.selectsNotes) {
      warnings.push('The full-text filter has no word to look for, so it was not applied.');
      return {
        ids: new Set(db.prepare('SELECT id FROM records').pluck().all() as string[]),
        warnings,
      };
    }
    const ids = db
      .prepare(`SELECT DISTINCT d.record_id FROM search_docs d WHERE ${filters.sqlAll}`)
      .pluck()
      .all(...filters.paramsAll) as string[];
    return { ids: new Set(ids), warnings };
  }
  const ids = db
    .prepare(
      `SELECT DISTINCT d.record_id FROM search_fts f CROSS JOIN search_docs d ON d.id = f.rowid
       WHERE search_fts MATCH ?${filters.sql ? ` AND ${filters.sql}` : ''}`,
    )
    .pluck()
    .all(withFilters(compiled.fts, filters), ...filters.params) as string[];
  return { ids: new Set(ids), warnings };
}
