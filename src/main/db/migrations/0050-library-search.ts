import type { Database } from 'better-sqlite3';
import { registerSearchFunctions } from '../search-functions';
import { createSearchSchema, rebuildSearchIndex } from '../search-schema';

/**
 * The library catalogue and search: records can be moved to the trash (a tombstone, purged
 * later, so a deletion can be undone with every note intact); collections are named sets of
 * records; the full-text index over passages, notes and catalogue data, kept by triggers.
 */
export function up(db: Database): void {
  registerSearchFunctions(db);
  db.exec(`
    -- When the record was moved to the trash; NULL while it is in the library.
    ALTER TABLE records ADD COLUMN deleted_at INTEGER;
    CREATE INDEX records_in_trash ON records(deleted_at) WHERE deleted_at IS NOT NULL;

    CREATE TABLE collections (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE collection_records (
      collection_id TEXT NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
      record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
      added_at INTEGER NOT NULL,
      PRIMARY KEY (collection_id, record_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX collection_records_by_record ON collection_records(record_id);
  `);
  createSearchSchema(db);
  rebuildSearchIndex(db);
}
