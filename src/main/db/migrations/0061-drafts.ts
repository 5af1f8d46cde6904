// Migration 61, frozen: drafts, the words of comments and replies kept as they are typed.
import type { Database } from 'better-sqlite3';

/**
 * Drafts: the words of a comment or reply being written, saved as they are typed, so a reload or
 * a crash loses nothing. One draft per record and target (`target_key`: the selected span, or
 * the note commented on or replied to); its id is the one the note saved from it is created
 * under (creation_keys), and saving or discarding it removes the row.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE drafts (
      id TEXT PRIMARY KEY,
      record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('comment', 'reply')),
      target_key TEXT NOT NULL,
      target_json TEXT NOT NULL,
      body_json TEXT,
      category_id TEXT,
      tags_json TEXT NOT NULL DEFAULT '[]',
      note_type TEXT,
      revision INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      UNIQUE (record_id, kind, target_key)
    ) STRICT;
  `);
}
