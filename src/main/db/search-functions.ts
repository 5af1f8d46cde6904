import type { Database } from 'better-sqlite3';
import { citedArchives } from '../services/library/cited-archives';
import { SHADOW_COLUMNS, shadowColumn, type ShadowColumn } from '../services/search/shadow-text';

const COLUMNS = new Set<string>(SHADOW_COLUMNS);

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
