// Backups as the doors see them: the automatic schedule an open library keeps (after every 100
// changes, or 30 minutes after a change, once the library has been quiet for a minute), and the
// list, copy-now and restore that the CLI offers. The copies themselves are ../../db/backups.ts.
import {
  listBackups,
  restoreBackup,
  type BackupInfo,
  type BackupKind,
  type BackupTarget,
} from '../../db/backups';
import { damagedMessage, LIBRARY_FILE_NAME } from '../../db/open';
import path from 'node:path';
import { ApiError } from '@shared/api/errors';
import { LibraryFileError, type IntegrityReport } from '../../db/library-file';
import { runJob } from '../workers/pool';

export type { BackupInfo, BackupKind, BackupTarget };

export interface BackupSchedule {
  /** Changes that call for a backup as soon as the library is quiet. */
  everyChanges: number;
  /** After this long, any change calls for a backup. */
  everyMs: number;
  /** How often the library is looked at; a backup waits for one look with no new change. */
  checkMs: number;
}

export const DEFAULT_BACKUP_SCHEDULE: BackupSchedule = {
  everyChanges: 100,
  everyMs: 30 * 60 * 1000,
  checkMs: 60 * 1000,
};

/**
 * Starts the automatic backups of an open library; returns the function that stops them. A
 * failed backup is logged and tried again at the next look: it never disturbs the user's work.
 */
export function scheduleBackups(
  target: BackupTarget,
  schedule: BackupSchedule = DEFAULT_BACKUP_SCHEDULE,
  now: () => number = Date.now,
): () => void {
  let changesAtBackup = target.changes();
  let lastBackup = now();
  let changesAtLastLook = changesAtBackup;
  let running = false;
  const look = async (): Promise<void> => {
    if (running || !target.isOpen()) return;
    const changes = target.changes();
    const quiet = changes === changesAtLastLook;
    changesAtLastLook = changes;
    const pending = changes - changesAtBackup;
    const due =
      pending >= schedule.everyChanges || (pending > 0 && now() - lastBackup >= schedule.everyMs);
    if (!due || !quiet) return;
    running = true;
    try {
      await target.automatic(now());
      changesAtBackup = changes;
      lastBackup = now();
    } catch (error) {
      console.error('Marginalia could not back up the library (it will try again):', error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void look(), schedule.checkMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** The library file in `dataDir`. */
export const libraryFileOf = (dataDir: string): string => path.join(dataDir, LIBRARY_FILE_NAME);

/** The backups of the library in `dataDir`, newest first. */
export function backupsOf(dataDir: string): BackupInfo[] {
  return listBackups(dataDir);
}

/**
 * Puts a backup back as the library in `dataDir` (which no Marginalia may have open); the
 * library as it was becomes a 'before-restore' backup.
 */
export function restoreLibrary(
  dataDir: string,
  name: string,
  time: number,
): { restored: BackupInfo; keptAs: BackupInfo | null } {
  return openFile(() => restoreBackup(dataDir, name, libraryFileOf(dataDir), time));
}

/**
 * Runs `open`, turning a library file Marginalia refuses (another program's, empty, damaged)
 * into the sentence every door shows, never a stack; a damaged one has its own code, so a door
 * can offer its backups.
 */
export function openFile<T>(open: () => T): T {
  try {
    return open();
  } catch (error) {
    if (error instanceof LibraryFileError) {
      throw new ApiError(
        error.problem === 'damaged' ? 'library_damaged' : 'bad_file',
        error.message,
      );
    }
    throw error;
  }
}

/**
 * SQLite's full integrity check of the library file, in a worker on a read-only connection of
 * its own, so a large library is checked while the user works. Given an hour: a check is stopped
 * only when something is badly wrong.
 */
export function checkLibraryIntegrity(libraryPath: string): Promise<IntegrityReport> {
  return runJob('check-integrity', { file: libraryPath }, { limits: { timeoutMs: 60 * 60_000 } });
}

/** "This library is damaged", with what SQLite found and the newest backup to restore. */
export function damagedLibraryMessage(dataDir: string, problem: string): string {
  return damagedMessage(dataDir, problem);
}
