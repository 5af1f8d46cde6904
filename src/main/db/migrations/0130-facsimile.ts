// Migration 130, frozen: page images beside the text. A record read from a PDF or a scan keeps
// its pages (each image stored once, by the hash of its bytes, however many records show it),
// where each passage lies on them (the boxes of its lines), what kind of passage it was on the
// page (paragraph, heading, footnote), and the words the recogniser was unsure of.
import type { Database } from 'better-sqlite3';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE page_images (
      -- sha256 of the bytes, hex: the same image is stored once.
      hash TEXT PRIMARY KEY CHECK (length(hash) = 64),
      media_type TEXT NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg')),
      width INTEGER NOT NULL CHECK (width > 0),
      height INTEGER NOT NULL CHECK (height > 0),
      bytes BLOB NOT NULL
    ) STRICT;

    -- A record's pages, per side (one PDF holding original and translation gives both sides
    -- the same pages). width/height are the page's size in the units of its boxes.
    CREATE TABLE record_pages (
      record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
      side TEXT NOT NULL CHECK (side IN ('original', 'translation')),
      page INTEGER NOT NULL CHECK (page >= 1),
      width REAL NOT NULL CHECK (width > 0),
      height REAL NOT NULL CHECK (height > 0),
      image_hash TEXT REFERENCES page_images(hash),
      source_file TEXT NOT NULL,
      PRIMARY KEY (record_id, side, page)
    ) STRICT;
    CREATE INDEX record_pages_by_image ON record_pages(image_hash);

    CREATE TABLE passage_layout (
      passage_id INTEGER PRIMARY KEY REFERENCES passages(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('paragraph', 'heading', 'footnote')),
      page INTEGER NOT NULL CHECK (page >= 1)
    ) STRICT;

    -- The boxes of a passage's lines, in reading order; start/end are offsets in its text.
    CREATE TABLE passage_boxes (
      passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
      ordinal INTEGER NOT NULL,
      page INTEGER NOT NULL CHECK (page >= 1),
      x REAL NOT NULL,
      y REAL NOT NULL,
      w REAL NOT NULL CHECK (w >= 0),
      h REAL NOT NULL CHECK (h >= 0),
      start INTEGER NOT NULL CHECK (start >= 0),
      end INTEGER NOT NULL CHECK (end >= start),
      PRIMARY KEY (passage_id, ordinal)
    ) STRICT;

    -- Words recognised with low confidence (0-100), for the reader to mark.
    CREATE TABLE passage_uncertain (
      passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
      start INTEGER NOT NULL CHECK (start >= 0),
      end INTEGER NOT NULL CHECK (end > start),
      confidence INTEGER NOT NULL CHECK (confidence BETWEEN 0 AND 100),
      PRIMARY KEY (passage_id, start)
    ) STRICT;
  `);
}
