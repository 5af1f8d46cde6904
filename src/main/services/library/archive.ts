// A whole library as one file, to move it to another machine: records, notes, replies,
// glossary, people and places, categories and settings, all in the SQLite file itself. Export
// (OpenWorkbench.exportArchive, which holds the connection) writes a checked copy of the open
// library; import, here, checks the file (Marginalia's, and sound) and makes it the library of a
// folder, keeping any library that was there as a backup.
import fs from 'node:fs';
import { ApiError } from '@shared/api/errors';
import { replaceLibraryFile, type BackupInfo } from '../../db/backups';
import { libraryFileOf, openFile } from './backups';

export interface ArchiveImport {
  /** The library that was in the folder, kept as a backup (null when there was none). */
  keptAs: BackupInfo | null;
}

/**
 * Makes the archive `source` the library in `dataDir` (which no Marginalia may have open). A
 * folder that already holds a library is replaced only when `replace` is set.
 */
export function importArchive(
  dataDir: string,
  source: string,
  options: { replace: boolean; time: number },
): ArchiveImport {
  const libraryFile = libraryFileOf(dataDir);
  if (fs.existsSync(libraryFile) && !options.replace) {
    throw new ApiError(
      'invalid_input',
      `${dataDir} already holds a library. To replace it with the archive, add --replace ` +
        '(the library there now is kept as a backup).',
    );
  }
  fs.mkdirSync(dataDir, { recursive: true });
  return {
    keptAs: openFile(() => replaceLibraryFile(dataDir, source, libraryFile, options.time)),
  };
}
