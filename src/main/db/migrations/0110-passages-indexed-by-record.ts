// Migration 110, frozen: new passages enter the search index a record at a time, written by the
// code that stores them (db/repositories/record-rows.ts), no longer by a trigger a row.
//
// Migration 50's `search_passage_insert` ran two statements for every passage inserted: FTS5
// then opens a statement savepoint for each, and importing 10,000 records spent most of its
// time there (the benchmark's profile: about 160 µs a passage, where one INSERT … SELECT over a
// record's passages costs about 50). The rows written are the same, in the same order; only who
// writes them changes. Editing, deleting, trashing and restoring still go through 50's triggers.
import type { Database } from 'better-sqlite3';

export function up(db: Database): void {
  db.exec('DROP TRIGGER search_passage_insert');
}
