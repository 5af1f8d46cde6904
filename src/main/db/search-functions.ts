// The SQL functions the library's triggers call: the search index's shadow text (stemmed, folded,
// name keys) and the archives a record cites. SQLite can neither stem Russian nor fold ё, so these
// are JavaScript, registered on every connection.
import type { Database } from 'better-sqlite3';
import { citedArchives } from '@shared/cited-archives';
import { SHADOW_COLUMNS, shadowColumn, type ShadowColumn } from '@shared/search/shadow-text';

const COLUMNS = new Set<string>(SHADOW_COLUMNS);

/**
 * The version of what these functions compute. Raise it with any change to the shadow text
 * (stemming, folding, name keys) or to citation parsing: every library then rebuilds its search
 * index once, the next time it is opened (./search-index-state.ts).
 */
export const SEARCH_INDEX_VERSION = 1;

/**
 * Registers the SQL functions the library's triggers call (the search index's shadow text, the
 * archives a record cites). Every connection that writes to the library needs them: without
 * them a write fails ("no such function: mg_shadow") rather than leaving the index behind,
 * which is the safer way round.
 */
export function registerSearchFunctions(db: Database): void {
  db.function('mg_shadow', { deterministic: true }, (text: unknown, column: unknown) => {
    if (typeof column !== 'string' || !COLUMNS.has(column)) {
      throw new TypeError(`mg_shadow: unknown column ${String(column)}`);
    }
    return shadowColumn(typeof text === 'string' ? text : null, column as ShadowColumn);
  });
  // JSON arrays of the archives or fonds a source line cites.
  db.function('mg_cited', { deterministic: true }, (source: unknown, part: unknown) => {
    if (part !== 'archives' && part !== 'fonds') {
      throw new TypeError(`mg_cited: unknown part ${String(part)}`);
    }
    return JSON.stringify(citedArchives(typeof source === 'string' ? source : null)[part]);
  });
}
