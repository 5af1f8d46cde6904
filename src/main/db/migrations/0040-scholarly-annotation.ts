// Migration 40, frozen: scholarly annotation (palette with mark lines, tags, translation-note
// types, replies, record notes, glossary, people/places/organisations).
import type { Database } from 'better-sqlite3';

/**
 * Scholarly annotation: a colour-blind-safe palette with a line style per category (marks stay
 * distinguishable in greyscale print), tags, translation-note types, follow-up replies, a rich
 * note per record, a glossary of term pairs, and people/places/organisations with several names.
 */
export function up(db: Database): void {
  db.exec(`
    -- Okabe & Ito's palette, which stays distinct under every common colour-vision deficiency;
    -- the line under a mark (solid, dashed, dotted, double, wavy) tells categories apart in print.
    ALTER TABLE categories ADD COLUMN line TEXT NOT NULL DEFAULT 'solid'
      CHECK (line IN ('solid', 'dashed', 'dotted', 'double', 'wavy'));
    UPDATE categories SET color = '#F0E442', line = 'solid' WHERE id = 'note';
    UPDATE categories SET color = '#56B4E9', line = 'double' WHERE id = 'person';
    UPDATE categories SET color = '#009E73', line = 'dashed' WHERE id = 'place';
    UPDATE categories SET color = '#CC79A7', line = 'dotted' WHERE id = 'organisation';
    UPDATE categories SET color = '#E69F00', line = 'solid' WHERE id = 'date';
    UPDATE categories SET color = '#0072B2', line = 'dashed' WHERE id = 'term';
    UPDATE categories SET color = '#D55E00', line = 'wavy' WHERE id = 'translation-issue';
    UPDATE categories SET color = '#999999', line = 'dotted' WHERE id = 'question';

    CREATE TABLE entities (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('person', 'place', 'organisation')),
      note TEXT NOT NULL DEFAULT '',
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;

    -- Every spelling of an entity: Cyrillic, Latin, variants. The first is the preferred one.
    CREATE TABLE entity_names (
      entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
      ordinal INTEGER NOT NULL,
      name TEXT NOT NULL,
      PRIMARY KEY (entity_id, ordinal)
    ) STRICT;

    ALTER TABLE annotations ADD COLUMN note_type TEXT CHECK (note_type IN
      ('omission', 'addition', 'mistranslation', 'rendering-choice', 'name-variant', 'illegible'));
    -- An annotation on a name is a mention of the entity it names.
    ALTER TABLE annotations ADD COLUMN entity_id TEXT REFERENCES entities(id) ON DELETE SET NULL;
    CREATE INDEX annotations_by_entity ON annotations(entity_id);

    CREATE TABLE annotation_tags (
      annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
      tag TEXT NOT NULL,
      PRIMARY KEY (annotation_id, tag)
    ) STRICT;
    CREATE INDEX annotation_tags_by_tag ON annotation_tags(tag);

    -- Follow-up entries under one annotation: a dated thread.
    CREATE TABLE annotation_replies (
      id TEXT PRIMARY KEY,
      annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
      body_json TEXT NOT NULL,
      body_text TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX annotation_replies_by_annotation ON annotation_replies(annotation_id, created_at);

    -- The scholar's own essay on a record (Lexical JSON); it may cite annotations by id.
    CREATE TABLE record_notes (
      record_id TEXT PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
      body_json TEXT,
      body_text TEXT NOT NULL DEFAULT '',
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE glossary_entries (
      id TEXT PRIMARY KEY,
      term TEXT NOT NULL,
      term_lang TEXT NOT NULL,
      rendering_lang TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      -- Where the entry was made from, when it was made from an annotation.
      record_id TEXT REFERENCES records(id) ON DELETE SET NULL,
      annotation_id TEXT REFERENCES annotations(id) ON DELETE SET NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX glossary_entries_by_term ON glossary_entries(term);

    CREATE TABLE glossary_renderings (
      entry_id TEXT NOT NULL REFERENCES glossary_entries(id) ON DELETE CASCADE,
      ordinal INTEGER NOT NULL,
      text TEXT NOT NULL,
      PRIMARY KEY (entry_id, ordinal)
    ) STRICT;
  `);
}
