// What a library file is, found before anything writes to it: no file yet (a new library),
// Marginalia's, or something else (empty, not SQLite, another program's database), which is
// refused untouched with a sentence saying what it is. And whether a library is sound: SQLite's
// quick check on every open, the full integrity check in the background.
import fs from 'node:fs';
import Database from 'better-sqlite3';

/** "MRGN": the SQLite application id migration 90 writes into every library's header. */
export const MARGINALIA_APPLICATION_ID = 0x4d52474e;

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export type LibraryFileProblem =
  'not-a-file' | 'empty' | 'not-sqlite' | 'foreign' | 'damaged' | 'read-only';

/** A library file Marginalia will not open; the message says what the file is. */
export class LibraryFileError extends Error {
  constructor(
    readonly problem: LibraryFileProblem,
    message: string,
  ) {
    super(message);
    this.name = 'LibraryFileError';
  }
}

/** The first 100 bytes of a file: SQLite's header, where it keeps who the file belongs to. */
function header(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const bytes = Buffer.alloc(100);
    const read = fs.readSync(fd, bytes, 0, 100, 0);
    return bytes.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

/** Table names, read on a read-only connection (which never changes the file). */
function tableNames(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
  } finally {
    db.close();
  }
}

/**
 * What the file at `file` is, decided by reading it only: 'new' (nothing there yet) or 'ours'.
 * Anything else throws a LibraryFileError, the file left exactly as it was.
 */
export function identifyLibraryFile(file: string): 'new' | 'ours' {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return 'new';
  }
  if (!stat.isFile()) {
    throw new LibraryFileError('not-a-file', `${file} is a folder, not a library file.`);
  }
  if (stat.size === 0) {
    throw new LibraryFileError(
      'empty',
      `${file} is empty (0 bytes): it is not a Marginalia library, so Marginalia leaves it alone. ` +
        'Restore a backup, or move the file away to start a new library.',
    );
  }
  const head = header(file);
  if (head.length < 100 || !head.subarray(0, 16).equals(SQLITE_MAGIC)) {
    throw new LibraryFileError(
      'not-sqlite',
      `${file} is not a Marginalia library (it is not an SQLite database at all); ` +
        'Marginalia has not changed it.',
    );
  }
  const applicationId = head.readUInt32BE(68);
  if (applicationId === MARGINALIA_APPLICATION_ID) return 'ours';
  if (applicationId !== 0) {
    throw new LibraryFileError(
      'foreign',
      `${file} is another program's SQLite database (application id 0x${applicationId.toString(16)}), ` +
        'not a Marginalia library; Marginalia has not changed it.',
    );
  }
  // A library written before migration 90 has no application id: it is ours if it has our
  // bookkeeping table and records.
  let tables: string[];
  try {
    tables = tableNames(file);
  } catch (error) {
    throw new LibraryFileError(
      'damaged',
      `${file} cannot be read as a database (${(error as Error).message}).`,
    );
  }
  if (tables.includes('schema_migrations') && tables.includes('records')) return 'ours';
  const shown = tables.slice(0, 5).join(', ') + (tables.length > 5 ? ', …' : '');
  throw new LibraryFileError(
    'foreign',
    `${file} is an SQLite database of another program (${tables.length === 0 ? 'with no tables' : `tables: ${shown}`}), ` +
      'not a Marginalia library; Marginalia has not changed it.',
  );
}

export interface IntegrityReport {
  ok: boolean;
  /** SQLite's own words for what is wrong (at most a few lines); empty when ok. */
  problems: string[];
}

const MAX_PROBLEMS = 5;

function integrityReport(rows: unknown[]): IntegrityReport {
  const lines = rows.map(String);
  if (lines.length === 1 && lines[0] === 'ok') return { ok: true, problems: [] };
  return { ok: false, problems: lines.slice(0, MAX_PROBLEMS) };
}

/**
 * `PRAGMA quick_check`: every page and record readable, in a fraction of the full check's time.
 * A page so damaged that the check itself fails counts as a problem, not a crash.
 */
export function quickCheck(db: Database.Database): IntegrityReport {
  try {
    const rows = db.pragma(`quick_check(${MAX_PROBLEMS})`) as Record<string, unknown>[];
    return integrityReport(rows.map((row) => Object.values(row)[0]));
  } catch (error) {
    return { ok: false, problems: [(error as Error).message] };
  }
}

/** The full `PRAGMA integrity_check` of a library file, on a read-only connection of its own. */
export function checkIntegrity(file: string): IntegrityReport {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 10000');
    return integrityReport(
      (db.pragma(`integrity_check(${MAX_PROBLEMS})`) as Record<string, unknown>[]).map(
        (row) => Object.values(row)[0],
      ),
    );
  } catch (error) {
    return { ok: false, problems: [(error as Error).message] };
  } finally {
    db?.close();
  }
}
