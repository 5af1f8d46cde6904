// Opening a library: the one place a connection is made, set up (WAL, foreign keys, the SQL
// functions the triggers call) and brought up to the newest schema, its search index current.
// The file is identified first, reading only: another program's file, an empty one or a damaged
// library is refused untouched, with a sentence saying what it is and which backup to restore.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { listBackups } from './backups';
import { identifyLibraryFile, LibraryFileError, quickCheck } from './library-file';
import { migrate } from './migrate';
import { registerSearchFunctions } from './search-functions';
import { ensureSearchIndex } from './search-index-state';

export const LIBRARY_FILE_NAME = 'library.sqlite';

/**
 * Opens (creating if needed) the library database in `dataDir` and brings its schema up to date.
 * A file that is not a sound Marginalia library is refused (LibraryFileError) and left as it was.
 */
export function openLibrary(dataDir: string): Database.Database {
  if (fs.existsSync(dataDir) && !fs.statSync(dataDir).isDirectory()) {
    throw new LibraryFileError(
      'not-a-file',
      `${dataDir} is a file, not a folder: the library folder holds library.sqlite and its backups.`,
    );
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LIBRARY_FILE_NAME);
  const found = identifyLibraryFile(file);
  let db: Database.Database;
  try {
    db = connect(file);
  } catch (error) {
    // Damage in the schema's own pages shows already while the connection is set up.
    if (found === 'ours' && isCorruption(error)) {
      throw new LibraryFileError('damaged', damagedMessage(dataDir, (error as Error).message));
    }
    throw error;
  }
  if (found === 'ours') {
    const report = quickCheck(db);
    if (!report.ok) {
      db.close();
      throw new LibraryFileError('damaged', damagedMessage(dataDir, report.problems[0]!));
    }
  }
  return upToDate(db);
}

/** SQLite's own word that a file's pages cannot be read as a database. */
function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB';
}

/** "This library is damaged", with the newest backup and how to restore it. */
export function damagedMessage(dataDir: string, problem: string): string {
  const newest = listBackups(dataDir)[0];
  const when = (time: number): string =>
    new Date(time).toISOString().slice(0, 16).replace('T', ' ');
  const offer = newest
    ? `The newest backup is ${newest.name} (${when(newest.createdAt)} UTC); restore it with: ` +
      `marginalia backup restore ${newest.name} --data-dir "${dataDir}"`
    : 'There is no backup of it yet.';
  return `This library is damaged (SQLite found: ${problem}). Marginalia has not changed it. ${offer}`;
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
    // Short: a writer that finds the library locked is tried again by the caller after a pause
    // (services/busy.ts), so the event loop is never held waiting for another process.
    db.pragma('busy_timeout = 100');
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
  return upToDate(connect(file));
}

/** The connection with its schema migrated and its search index current; closed if that fails. */
function upToDate(db: Database.Database): Database.Database {
  try {
    migrate(db);
    ensureSearchIndex(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
