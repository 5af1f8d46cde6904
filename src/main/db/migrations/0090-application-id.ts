// Migration 90, frozen: the library file says it is Marginalia's. SQLite's header has a field for
// the application a database belongs to (PRAGMA application_id, at byte 68); with it set, a file
// is recognised as a library, or refused as another program's, from its first 100 bytes and
// without SQLite ever opening it for writing.
import type { Database } from 'better-sqlite3';

/** "MRGN" as a big-endian 32-bit number: Marginalia's SQLite application id. */
const MARGINALIA_APPLICATION_ID = 0x4d52474e;

export function up(db: Database): void {
  db.pragma(`application_id = ${MARGINALIA_APPLICATION_ID}`);
}
