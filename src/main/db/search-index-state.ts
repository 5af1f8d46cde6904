// The search index is derived data: its tables and triggers come from a migration (0050), its
// content from the SQL functions this build registers (./search-functions.ts: stemming, name
// keys, citations). When those functions change, SEARCH_INDEX_VERSION goes up and every library
// rebuilds its index once, on open; a migration never runs today's stemming itself.
import type { Database } from 'better-sqlite3';
import {
  REBUILD_SEARCH_INDEX,
  SEARCH_TRIGGERS as TRIGGERS_OF_0050,
} from './migrations/0050-library-search';
import { SEARCH_INDEX_VERSION } from './search-functions';

export const DOC_KINDS = ['passage', 'note', 'record', 'essay'] as const;
/** What a search document is: a passage, a note, a record's catalogue data, a record's essay. */
export type DocKind = (typeof DOC_KINDS)[number];

/**
 * The triggers that keep the index: migration 50's, less the passage-insert trigger that
 * migration 110 dropped (new passages are indexed by repositories/record-rows.ts).
 */
export const SEARCH_TRIGGERS = TRIGGERS_OF_0050.filter((name) => name !== 'search_passage_insert');

const VERSION_KEY = 'search.index_version';

/**
 * Empties the index (and the citations cache) and builds it again from the library. Live
 * records only; the caller provides the transaction.
 */
export function rebuildSearchIndex(db: Database): void {
  db.exec(REBUILD_SEARCH_INDEX);
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(VERSION_KEY, String(SEARCH_INDEX_VERSION));
}

/**
 * Rebuilds the index when it was built by other search functions than this build's (or never:
 * a library just created or upgraded to the search schema). Returns whether it did.
 */
export function ensureSearchIndex(db: Database): boolean {
  const built = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(VERSION_KEY);
  if (built === String(SEARCH_INDEX_VERSION)) return false;
  db.transaction(() => rebuildSearchIndex(db))();
  return true;
}

/** Merges the index's segments into one, making it smaller and faster to query. */
export function optimizeSearchIndex(db: Database): void {
  db.exec(`INSERT INTO search_fts (search_fts) VALUES ('optimize')`);
}
