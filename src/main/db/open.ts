// Opening a library: the one place a connection is made, set up (WAL, foreign keys, the SQL
// functions the triggers call) and brought up to the newest schema, its search index current.
// The file is identified first, reading only: another program's file, an empty one or a damaged
// library is refused untouched, with a sentence saying what it is and which backup to restore.
// A library this process may not write (its file or folder) is opened read-only instead.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { listBackups } from './backups';
import { identifyLibraryFile, LibraryFileError, quickCheck } from './library-file';
import { migrate, schemaVersion } from './migrate';
import { MIGRATIONS } from './migrations';
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
  if (found === 'ours' && !mayWrite(file, dataDir)) return openReadOnly(file, dataDir);
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

/**
 * True when this process may write both the library file and its folder (WAL keeps two files
 * beside the library). The system's own answer: root may write a file whatever its mode.
 */
function mayWrite(file: string, dataDir: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    fs.accessSync(dataDir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A library this process may not write, opened with SQLite's read-only flag: reading, searching
 * and exporting work, and every write fails with SQLITE_READONLY, which the API turns into a
 * sentence (services/read-only.ts). SQLite reads a WAL library only with a shared-memory file
 * beside it; where the folder forbids making one, the file is read into memory (marked as not
 * WAL there) and opened read-only from that copy. Its schema must be current: bringing it up to
 * date would need writing.
 */
function openReadOnly(file: string, dataDir: string): Database.Database {
  let db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    db.close();
    const code = String((error as { code?: unknown }).code ?? '');
    if (!/^SQLITE_(READONLY|CANTOPEN)/.test(code)) throw error;
    if ((fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0) {
      throw new LibraryFileError(
        'read-only',
        `${file} can only be read (Marginalia has no permission to write it or its folder), and another Marginalia is writing to it right now. Close that one, or give your user write access to ${dataDir}.`,
      );
    }
    const bytes = fs.readFileSync(file);
    // Bytes 18 and 19 of the header: 2 means WAL, which a library in memory cannot be.
    bytes[18] = 1;
    bytes[19] = 1;
    db = new Database(bytes, { readonly: true });
  }
  try {
    db.pragma('foreign_keys = ON');
    registerSearchFunctions(db);
    const report = quickCheck(db);
    if (!report.ok)
      throw new LibraryFileError('damaged', damagedMessage(dataDir, report.problems[0]!));
    if (schemaVersion(db) !== (MIGRATIONS.at(-1)?.version ?? 0)) {
      throw new LibraryFileError(
        'read-only',
        `${file} can only be read (Marginalia has no permission to write it or its folder), and it was made by another version of Marginalia: bringing it up to date needs permission to write. Give your user write access to ${dataDir}, or open a copy of the folder.`,
      );
    }
    // A stale search index is not rebuilt (that is a write): search answers from the one stored.
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
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
