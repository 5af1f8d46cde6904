// Opening a library: the one place a connection is made, set up (WAL, foreign keys, the SQL
// functions the triggers call) and brought up to the newest schema, its search index current.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrate';
import { registerSearchFunctions } from './search-functions';
import { ensureSearchIndex } from './search-index-state';

export const LIBRARY_FILE_NAME = 'library.sqlite';

/** Opens (creating if needed) the library database in `dataDir` and brings its schema up to date. */
export function openLibrary(dataDir: string): Database.Database {
  fs.mkdirSync(dataDir, { recursive: true });
  return openDatabase(path.join(dataDir, LIBRARY_FILE_NAME));
}

/**
 * A connection set up as every library connection is, at whatever schema the file holds (a new
 * file: none). Migration tests start here; everything else opens with `openDatabase`.
 * better-sqlite3's Node-API addon is one binary for Node and Electron alike, so the CLI, the
 * tests and the desktop app load the same build.
 */
export function connect(file: string): Database.Database {
  const db = new Database(file);
  try {
    if (file !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    // The search index's triggers call these on every write.
    registerSearchFunctions(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function openDatabase(file: string): Database.Database {
  const db = connect(file);
  try {
    migrate(db);
    ensureSearchIndex(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
