// The backups part of the contract: the library's backups as the app shows them, a copy made on
// request, and putting one back. These methods also answer when the library is too damaged to
// open, because restoring a backup is then the way out.
import { z } from 'zod';
import { returns } from '../schemas';

export type BackupKind = 'rolling' | 'daily' | 'weekly' | 'manual' | 'before-restore';

/** One backup of the library, as a person chooses among them. */
export interface BackupSummary {
  /** The file name, which is also how a person names the backup ("library-daily-…"). */
  name: string;
  kind: BackupKind;
  createdAt: number;
  bytes: number;
}

export interface RestoredBackup {
  restored: BackupSummary;
  /** The library as it was before the restore, kept as a backup of its own (none when the file
   *  was too damaged to copy). */
  keptAs: BackupSummary | null;
}

/** A backup's file name: letters, digits, dots and dashes, as the app makes them. */
const backupName = z
  .string()
  .regex(/^[\w.-]{1,200}$/, 'is not the name of a backup (see the list of backups)');

export const backupMethods = {
  'backups.list': {
    input: z.strictObject({}),
    output: returns<BackupSummary[]>(),
  },
  'backups.create': {
    input: z.strictObject({}),
    output: returns<BackupSummary>(),
  },
  'backups.restore': {
    input: z.strictObject({ name: backupName }),
    output: returns<RestoredBackup>(),
  },
} as const;
