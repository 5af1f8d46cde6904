// Migration 70: a record's translator and contributor become catalogue fields of their own.
import type { Database } from 'better-sqlite3';
import { creditsOf } from '@shared/citation-parts';

/**
 * Who translated a record and who contributed it to the archive, as their own catalogue fields
 * (the record-details editor edits them; citations and exports credit them). Records already in
 * the library get them from the credits that close their source line ("… Translated by …").
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE records ADD COLUMN translator TEXT;
    ALTER TABLE records ADD COLUMN contributor TEXT;
  `);
  const fill = db.prepare('UPDATE records SET translator = ?, contributor = ? WHERE id = ?');
  const rows = db.prepare('SELECT id, source FROM records WHERE source IS NOT NULL').all() as {
    id: string;
    source: string;
  }[];
  for (const row of rows) {
    const credits = creditsOf(row.source);
    if (credits.translator || credits.contributor) {
      fill.run(credits.translator, credits.contributor, row.id);
    }
  }
}
