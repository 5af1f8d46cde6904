// Opening a library for one of the doors (the Electron shell, the browser bridge, the CLI): the
// database connection, brought up to date, and the service context built on it, with the one
// way to close it again. Only this module holds the connection.
import fs from 'node:fs';
import path from 'node:path';
import { backupTarget, exportLibraryFile, type BackupInfo } from '../db/backups';
import { LIBRARY_FILE_NAME, openLibrary } from '../db/open';
import { openFile, openFileAsync, scheduleBackups, type BackupSchedule } from './library/backups';
import { createContext, type AppContext } from './context';
import type { Host } from './host';
import { seedSampleOnce } from './library/sample';

export interface WorkbenchOptions {
  dataDir: string;
  version: string;
  host: Host;
  /** Put the bundled sample (from this resources folder) into a new library. */
  seedSampleFrom?: string;
  /** Keep automatic backups while the library is open (the app and `serve`; not one-shot CLI runs). */
  backups?: BackupSchedule | 'default';
}

export interface OpenWorkbench {
  ctx: AppContext;
  /** A backup of the library made now, on request. */
  backUp(): Promise<BackupInfo>;
  /** The whole library written to `target` (a new file) as an archive; its size in bytes. */
  exportArchive(target: string): Promise<number>;
  close(): void;
}

/** Whether `dataDir` holds a library already (opening it would not create one). */
export function libraryExistsIn(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, LIBRARY_FILE_NAME));
}

/** Opens (creating if needed) the library in `dataDir`; the caller closes it. */
export async function openWorkbench(options: WorkbenchOptions): Promise<OpenWorkbench> {
  const db = openFile(() => openLibrary(options.dataDir));
  const ctx = createContext({
    db,
    dataDir: options.dataDir,
    version: options.version,
    host: options.host,
  });
  // A read-only library (db/open.ts) is shown as it is: no sample put in, no backups beside it.
  const writable = !db.readonly;
  try {
    if (options.seedSampleFrom && writable) await seedSampleOnce(ctx, options.seedSampleFrom);
  } catch (error) {
    db.close();
    throw error;
  }
  const target = backupTarget(db, options.dataDir);
  const stopBackups =
    options.backups && writable
      ? scheduleBackups(target, options.backups === 'default' ? undefined : options.backups)
      : () => {};
  return {
    ctx,
    backUp: () => target.manual(ctx.now()),
    exportArchive: (file) => openFileAsync(() => exportLibraryFile(db, file)),
    close: () => {
      stopBackups();
      if (db.open) db.close();
    },
  };
}
