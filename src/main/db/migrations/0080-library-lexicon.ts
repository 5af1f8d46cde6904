// Migration 80, frozen: the library's translation lexicon, learned from the rows readers confirm.
import type { Database } from 'better-sqlite3';

/**
 * Each record's contribution to the library's translation lexicon, per alignment level: the
 * expected counts of (original stem, translation stem) that IBM Model 1 gives its confirmed rows
 * at that level. A record's rows for a level are replaced whenever its confirmed rows there
 * change, so nothing is counted twice, and they go with the record. The library's lexicon for a
 * language pair is the sum over its records.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE lexicon_counts (
      record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
      level TEXT NOT NULL CHECK (level IN ('paragraph', 'sentence')),
      source_lang TEXT NOT NULL,
      target_lang TEXT NOT NULL,
      source_stem TEXT NOT NULL,
      target_stem TEXT NOT NULL,
      count REAL NOT NULL CHECK (count > 0),
      PRIMARY KEY (record_id, level, source_stem, target_stem)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX lexicon_counts_by_languages ON lexicon_counts(source_lang, target_lang);
  `);
}
