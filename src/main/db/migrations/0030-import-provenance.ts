// Migration 30, frozen: where each record came from (the import history).
import type { Database } from 'better-sqlite3';

/**
 * Where each record came from: every import or re-import (replace) leaves a row with the file
 * names, the format they were read as and what was done, so a scholar can tell which file a
 * record holds and when it was last replaced.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE record_imports (
      id INTEGER PRIMARY KEY,
      record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
      -- archive-text | archive-html | archive-docx | markdown | pair
      format TEXT NOT NULL,
      -- JSON array of the file names read (a pair: original, then translation).
      files TEXT NOT NULL CHECK (json_valid(files) AND json_type(files) = 'array'),
      action TEXT NOT NULL CHECK (action IN ('imported', 'replaced', 'kept-both')),
      imported_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX record_imports_by_record ON record_imports(record_id, imported_at);
  `);
}
