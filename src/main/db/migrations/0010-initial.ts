// Migration 10, frozen: the first schema. Records, their passages, the alignment between the two
// sides, categories and annotations, in plain SQL as it stood at version 10.
import type { Database } from 'better-sqlite3';

/** Records, their passages, the alignment between the two sides, and annotations. */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE records (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      date TEXT,
      record_id TEXT,
      type TEXT,
      source TEXT,
      rights TEXT,
      summary TEXT,
      url TEXT,
      uploaded TEXT,
      original_lang TEXT NOT NULL,
      translation_lang TEXT NOT NULL,
      content_hash TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX records_by_record_id ON records(record_id);
    CREATE INDEX records_by_content_hash ON records(content_hash);

    CREATE TABLE passages (
      id INTEGER PRIMARY KEY,
      record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
      side TEXT NOT NULL CHECK (side IN ('original', 'translation')),
      ordinal INTEGER NOT NULL,
      text TEXT NOT NULL,
      UNIQUE (record_id, side, ordinal)
    ) STRICT;

    CREATE TABLE alignment_groups (
      id INTEGER PRIMARY KEY,
      record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
      ordinal INTEGER NOT NULL,
      confidence REAL NOT NULL,
      confirmed INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1)),
      UNIQUE (record_id, ordinal)
    ) STRICT;

    -- Every passage belongs to exactly one alignment group.
    CREATE TABLE alignment_members (
      passage_id INTEGER PRIMARY KEY REFERENCES passages(id) ON DELETE CASCADE,
      group_id INTEGER NOT NULL REFERENCES alignment_groups(id) ON DELETE CASCADE
    ) STRICT;
    CREATE INDEX alignment_members_by_group ON alignment_members(group_id);

    CREATE TABLE categories (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      color TEXT NOT NULL,
      sort INTEGER NOT NULL
    ) STRICT;
    INSERT INTO categories (id, name, color, sort) VALUES
      ('note', 'Note', '#f6d365', 10),
      ('person', 'Person', '#9ecae1', 20),
      ('place', 'Place', '#a1d99b', 30),
      ('organisation', 'Organisation', '#c6b3e0', 40),
      ('date', 'Date', '#fdae6b', 50),
      ('term', 'Term', '#d9d9d9', 60),
      ('translation-issue', 'Translation issue', '#f4a6a6', 70),
      ('question', 'Question', '#8ed1c6', 80);

    CREATE TABLE annotations (
      id TEXT PRIMARY KEY,
      record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
      category_id TEXT NOT NULL REFERENCES categories(id),
      comment_json TEXT,
      comment_text TEXT NOT NULL DEFAULT '',
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX annotations_by_record ON annotations(record_id);

    -- A target keeps its quote and position even when its passage is gone (passage_id NULL):
    -- such a target is an orphan waiting to be re-attached, never silently dropped.
    CREATE TABLE annotation_targets (
      id INTEGER PRIMARY KEY,
      annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
      ordinal INTEGER NOT NULL,
      passage_id INTEGER REFERENCES passages(id) ON DELETE SET NULL,
      side TEXT NOT NULL CHECK (side IN ('original', 'translation')),
      passage_index INTEGER NOT NULL,
      exact TEXT NOT NULL,
      prefix TEXT NOT NULL,
      suffix TEXT NOT NULL,
      start INTEGER NOT NULL,
      end INTEGER NOT NULL,
      orphaned INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)),
      UNIQUE (annotation_id, ordinal)
    ) STRICT;
    CREATE INDEX annotation_targets_by_passage ON annotation_targets(passage_id);

    -- Small library-wide facts, e.g. whether the bundled sample was already offered.
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
  `);
}
