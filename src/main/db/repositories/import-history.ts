// Storage of where each record came from: every import or re-import leaves a row with the file
// names, the format they were read as and what was done (record_imports).
import type { ImportEvent } from '@shared/api/methods/import';
import { prepared, type LibraryDatabase } from '../statements';

interface EventRow {
  format: string;
  files: string;
  action: ImportEvent['action'];
  imported_at: number;
}

export function createImportHistoryRepository(db: LibraryDatabase) {
  const s = prepared({
    insert: () =>
      db.prepare(
        'INSERT INTO record_imports (record_id, format, files, action, imported_at) VALUES (?, ?, ?, ?, ?)',
      ),
    events: () =>
      db.prepare<[string], EventRow>(
        'SELECT format, files, action, imported_at FROM record_imports WHERE record_id = ? ORDER BY imported_at, id',
      ),
    copy: () =>
      db.prepare(`
        INSERT INTO record_imports (record_id, format, files, action, imported_at)
        SELECT ?, format, files, action, imported_at FROM record_imports WHERE record_id = ?
        ORDER BY id`),
  });

  return {
    /** Notes where a record came from. */
    add(recordId: string, event: Omit<ImportEvent, 'importedAt'>, now: number): void {
      s.insert.run(recordId, event.format, JSON.stringify(event.files), event.action, now);
    },

    /** A record's imports, oldest first. */
    list(recordId: string): ImportEvent[] {
      return s.events.all(recordId).map((row) => ({
        format: row.format as ImportEvent['format'],
        files: JSON.parse(row.files) as string[],
        action: row.action,
        importedAt: row.imported_at,
      }));
    },

    /** Gives record `to` the import history of record `from` (a duplicate). */
    copy(from: string, to: string): void {
      s.copy.run(to, from);
    },
  };
}

export type ImportHistoryRepository = ReturnType<typeof createImportHistoryRepository>;
