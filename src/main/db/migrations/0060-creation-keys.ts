// Migration 60, frozen: creation keys, so that saving the same draft twice makes one note.
import type { Database } from 'better-sqlite3';

/**
 * Idempotent saving: the renderer gives every draft (a comment, a reply) an id when it opens and
 * sends it with the save. The id is kept here beside what the save created, under a primary key,
 * so a second save of the same draft — a repeated key press, a retried request — finds the first
 * note instead of writing another. A key goes with the note or reply it created.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE creation_keys (
      key TEXT PRIMARY KEY,
      annotation_id TEXT UNIQUE REFERENCES annotations(id) ON DELETE CASCADE,
      reply_id TEXT UNIQUE REFERENCES annotation_replies(id) ON DELETE CASCADE,
      CHECK ((annotation_id IS NULL) <> (reply_id IS NULL))
    ) STRICT;
  `);
}
