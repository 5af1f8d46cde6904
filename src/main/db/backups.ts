// Copies of a library kept beside it (<data dir>/backups/), made with SQLite's online backup API
// so the library stays usable while one is written: rolling copies after changes, one a day and
// one a week, copies made on request, and the library as it was before a restore. Old copies go
// first when the folder is over its size cap. A restore puts a copy back whole.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupKind } from '@shared/api/methods/backups';
import { identifyLibraryFile, LibraryFileError, quickCheck } from './library-file';

export const BACKUP_FOLDER = 'backups';

export type { BackupKind };

export interface BackupInfo {
  /** The file name, which is also how a person names the backup ("library-daily-…"). */
  name: string;
  file: string;
  kind: BackupKind;
  createdAt: number;
  bytes: number;
}

export interface BackupPolicy {
  rolling: number;
  daily: number;
  weekly: number;
  /** The whole folder's size cap, in bytes; the newest backup is always kept. */
  maxTotalBytes: number;
}

export const DEFAULT_BACKUP_POLICY: BackupPolicy = {
  rolling: 5,
  daily: 7,
  weekly: 4,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
};

const NAME = /^library-(rolling|daily|weekly|manual|before-restore)-(\d{8}T\d{6}\d{3}Z)\.sqlite$/;

const stamp = (time: number): string => new Date(time).toISOString().replace(/[-:.]/g, '');

function parseStamp(text: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(text)!;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, +m[7]!);
}

export function backupFolder(dataDir: string): string {
  return path.join(dataDir, BACKUP_FOLDER);
}

/** The backups of the library in `dataDir`, newest first. */
export function listBackups(dataDir: string): BackupInfo[] {
  const folder = backupFolder(dataDir);
  if (!fs.existsSync(folder)) return [];
  const found: BackupInfo[] = [];
  for (const name of fs.readdirSync(folder)) {
    const match = NAME.exec(name);
    if (!match) continue;
    const file = path.join(folder, name);
    found.push({
      name,
      file,
      kind: match[1] as BackupKind,
      createdAt: parseStamp(match[2]!),
      bytes: fs.statSync(file).size,
    });
  }
  return found.sort((a, b) => b.createdAt - a.createdAt || b.name.localeCompare(a.name));
}

function backupPath(dataDir: string, kind: BackupKind, time: number): string {
  return path.join(backupFolder(dataDir), `library-${kind}-${stamp(time)}.sqlite`);
}

/**
 * Writes a backup of the open library with SQLite's online backup API (in steps, so the event
 * loop is never held for long), to a temporary name first: a backup either exists whole or not
 * at all.
 */
export async function createBackup(
  db: Database.Database,
  dataDir: string,
  kind: BackupKind,
  time: number,
): Promise<BackupInfo> {
  fs.mkdirSync(backupFolder(dataDir), { recursive: true });
  const file = backupPath(dataDir, kind, time);
  const partial = `${file}.partial`;
  await db.backup(partial);
  fs.renameSync(partial, file);
  return listBackups(dataDir).find((b) => b.file === file)!;
}

/** A copy of an existing backup under another kind (the day's first rolling copy is also its daily). */
export function copyBackup(dataDir: string, from: BackupInfo, kind: BackupKind): BackupInfo {
  const file = backupPath(dataDir, kind, from.createdAt);
  fs.copyFileSync(from.file, `${file}.partial`);
  fs.renameSync(`${file}.partial`, file);
  return listBackups(dataDir).find((b) => b.file === file)!;
}

/** Deletes the backups the policy no longer keeps; returns their names. */
export function pruneBackups(
  dataDir: string,
  policy: BackupPolicy = DEFAULT_BACKUP_POLICY,
): string[] {
  const all = listBackups(dataDir);
  const keep = new Set<string>();
  const counts: Record<BackupKind, number> = {
    rolling: policy.rolling,
    daily: policy.daily,
    weekly: policy.weekly,
    manual: Infinity,
    'before-restore': Infinity,
  };
  const seen: Record<BackupKind, number> = {
    rolling: 0,
    daily: 0,
    weekly: 0,
    manual: 0,
    'before-restore': 0,
  };
  for (const backup of all) {
    if (seen[backup.kind]++ < counts[backup.kind]) keep.add(backup.name);
  }
  // Over the size cap: the oldest go first, but never the newest backup.
  let total = all.filter((b) => keep.has(b.name)).reduce((sum, b) => sum + b.bytes, 0);
  for (const backup of [...all].reverse()) {
    if (total <= policy.maxTotalBytes || backup === all[0]) break;
    if (keep.delete(backup.name)) total -= backup.bytes;
  }
  const removed = all.filter((b) => !keep.has(b.name));
  for (const backup of removed) {
    fs.rmSync(backup.file, { force: true });
    fs.rmSync(`${backup.file}-wal`, { force: true });
  }
  return removed.map((b) => b.name);
}

/**
 * Puts the backup `name` back as the library in `dataDir`, which must not be open. The backup
 * is checked first (Marginalia's, and sound); the library as it was is kept as a
 * 'before-restore' backup (`keptAs`), so a restore can itself be undone.
 */
export function restoreBackup(
  dataDir: string,
  name: string,
  libraryFile: string,
  time: number,
): { restored: BackupInfo; keptAs: BackupInfo | null } {
  const backup = listBackups(dataDir).find((b) => b.name === name);
  if (!backup) {
    throw new LibraryFileError(
      'not-a-file',
      `There is no backup called “${name}” in ${backupFolder(dataDir)}.`,
    );
  }
  identifyLibraryFile(backup.file);
  checkBackupFile(backup.file);
  let kept: string | null = null;
  if (fs.existsSync(libraryFile)) {
    // The current file as it is, damaged or not, with its write-ahead log.
    kept = backupPath(dataDir, 'before-restore', time);
    fs.copyFileSync(libraryFile, kept);
    if (fs.existsSync(`${libraryFile}-wal`)) fs.copyFileSync(`${libraryFile}-wal`, `${kept}-wal`);
  }
  const partial = `${libraryFile}.restoring`;
  fs.copyFileSync(backup.file, partial);
  for (const extra of ['-wal', '-shm']) fs.rmSync(`${libraryFile}${extra}`, { force: true });
  fs.renameSync(partial, libraryFile);
  const keptAs = kept === null ? null : (listBackups(dataDir).find((b) => b.file === kept) ?? null);
  return { restored: backup, keptAs };
}

/** Refuses a backup that is itself damaged, before it replaces anything. */
function checkBackupFile(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const report = quickCheck(db);
    if (!report.ok) {
      throw new LibraryFileError(
        'damaged',
        `The backup ${path.basename(file)} is damaged too (${report.problems[0]}); choose another.`,
      );
    }
  } finally {
    db.close();
  }
}

/** Writes the connection has made since it opened (SQLite's own count), to pace backups. */
export function totalChanges(db: Database.Database): number {
  return db.prepare<[], number>('SELECT total_changes()').pluck().get()!;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * One automatic backup: a rolling copy, which is also the day's daily copy when there is none
 * for that day yet, and the week's weekly copy when the last is seven days old; then the policy
 * prunes. Returns the rolling copy.
 */
export async function automaticBackup(
  db: Database.Database,
  dataDir: string,
  time: number,
  policy: BackupPolicy = DEFAULT_BACKUP_POLICY,
): Promise<BackupInfo> {
  const rolling = await createBackup(db, dataDir, 'rolling', time);
  const existing = listBackups(dataDir);
  const day = (t: number): string => new Date(t).toISOString().slice(0, 10);
  if (!existing.some((b) => b.kind === 'daily' && day(b.createdAt) === day(time))) {
    copyBackup(dataDir, rolling, 'daily');
  }
  const lastWeekly = existing.find((b) => b.kind === 'weekly');
  if (!lastWeekly || time - lastWeekly.createdAt >= 7 * DAY_MS) {
    copyBackup(dataDir, rolling, 'weekly');
  }
  pruneBackups(dataDir, policy);
  return rolling;
}

/** What an open library's backup schedule needs of its connection, and nothing more. */
export interface BackupTarget {
  /** Writes so far (SQLite's count for the connection). */
  changes(): number;
  automatic(time: number): Promise<BackupInfo>;
  manual(time: number): Promise<BackupInfo>;
  isOpen(): boolean;
}

export function backupTarget(db: Database.Database, dataDir: string): BackupTarget {
  return {
    changes: () => totalChanges(db),
    automatic: (time) => automaticBackup(db, dataDir, time),
    manual: (time) => createBackup(db, dataDir, 'manual', time),
    isOpen: () => db.open,
  };
}
