// Migration 20, frozen: sentence rows a reader shaped by hand, stored beside the paragraph rows.
import type { Database } from 'better-sqlite3';

/**
 * Sentence rows a reader shaped by hand. The sentence view is derived from the paragraph rows
 * (alignment_groups) by the aligner; only paragraph rows whose sentence rows differ from that
 * derivation, or hold a confirmed sentence row, are stored here. A sentence is named by its
 * passage and its character span, so stored rows survive changes to the paragraph rows.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE sentence_groups (
      id INTEGER PRIMARY KEY,
      record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
      -- Position in the sentence view when stored; orders one-sided rows that could go either way.
      ordinal INTEGER NOT NULL,
      confidence REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
      confirmed INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1))
    ) STRICT;
    CREATE INDEX sentence_groups_by_record ON sentence_groups(record_id);

    -- Every stored sentence belongs to one stored group.
    CREATE TABLE sentence_members (
      group_id INTEGER NOT NULL REFERENCES sentence_groups(id) ON DELETE CASCADE,
      passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
      start INTEGER NOT NULL CHECK (start >= 0),
      end INTEGER NOT NULL CHECK (end > start),
      PRIMARY KEY (passage_id, start)
    ) STRICT;
    CREATE INDEX sentence_members_by_group ON sentence_members(group_id);
  `);
}
