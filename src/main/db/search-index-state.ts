// The search index is derived data: its tables and triggers come from a migration (0050), its
// content from the SQL functions this build registers (./search-functions.ts: stemming, name
// keys, citations). When those functions change, SEARCH_INDEX_VERSION goes up and every library
// rebuilds its index once, on open; a migration never runs today's stemming itself.
import type { Database } from 'better-sqlite3';
import {
  indexRecordsIn,
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

/** Passages indexed in one step of a stepped rebuild: a few milliseconds of work. */
const PASSAGES_PER_STEP = 1500;

/** A rebuild of the search index done in steps: call `step()` until it returns false. */
export interface SteppedRebuild {
  /** Live and trashed records to go through, and how many are done. */
  readonly total: number;
  readonly done: number;
  /** Does the next step, in a transaction of its own; false once the index is whole. */
  step(): boolean;
}

/**
 * The index emptied and built again a few records at a time, each step its own short
 * transaction, so that whoever drives it can let other work run between steps (a reindex of a
 * large library must not stall the server). Until the last step the index version is unset, so
 * a library closed half-way rebuilds on its next open. Writes between steps keep the index
 * right: each step first drops whatever its records already have in the index.
 */
export function steppedSearchIndexRebuild(db: Database): SteppedRebuild {
  const sizes = db
    .prepare<[], { id: string; n: number }>(
      'SELECT r.id, (SELECT count(*) FROM passages p WHERE p.record_id = r.id) AS n FROM records r ORDER BY r.rowid',
    )
    .all();
  const steps: string[][] = [];
  let current: string[] = [];
  let passages = 0;
  for (const { id, n } of sizes) {
    current.push(id);
    passages += n + 1;
    if (passages >= PASSAGES_PER_STEP) {
      steps.push(current);
      current = [];
      passages = 0;
    }
  }
  if (current.length > 0) steps.push(current);

  const chunk = '(SELECT id FROM temp.search_rebuild_chunk)';
  db.exec('CREATE TEMP TABLE IF NOT EXISTS search_rebuild_chunk (id TEXT PRIMARY KEY)');
  const add = db.prepare<[string]>('INSERT INTO temp.search_rebuild_chunk (id) VALUES (?)');
  const indexChunk = `
    DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_docs WHERE record_id IN ${chunk});
    DELETE FROM search_docs WHERE record_id IN ${chunk};
    DELETE FROM record_citations WHERE record_id IN ${chunk};
    INSERT INTO record_citations (record_id, archives, fonds)
      SELECT id, mg_cited(source, 'archives'), mg_cited(source, 'fonds') FROM records
      WHERE id IN ${chunk};
    ${indexRecordsIn(chunk)}
    DELETE FROM temp.search_rebuild_chunk;`;
  const setVersion = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  let started = false;
  let next = 0;
  let done = 0;
  return {
    total: sizes.length,
    get done() {
      return done;
    },
    step: db.transaction((): boolean => {
      if (!started) {
        started = true;
        db.prepare('DELETE FROM settings WHERE key = ?').run(VERSION_KEY);
        db.exec(`DELETE FROM record_citations; DELETE FROM search_docs;
          INSERT INTO search_fts (search_fts) VALUES ('delete-all');`);
        return true;
      }
      const ids = steps[next++];
      if (ids !== undefined) {
        for (const id of ids) add.run(id);
        db.exec(indexChunk);
        done += ids.length;
      }
      if (next < steps.length) return true;
      setVersion.run(VERSION_KEY, String(SEARCH_INDEX_VERSION));
      return false;
    }) as () => boolean,
  };
}

/** Merges the index's segments into one, making it smaller and faster to query. */
export function optimizeSearchIndex(db: Database): void {
  db.exec(`INSERT INTO search_fts (search_fts) VALUES ('optimize')`);
}
