// Automatic backups: a rolling copy that is also the day's and the week's first, pruned to the
// policy and the size cap; and the schedule that makes them only when the library has changed
// enough (or long enough ago) and is quiet.
import fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import {
  automaticBackup,
  listBackups,
  pruneBackups,
  type BackupInfo,
} from '../../../../src/main/db/backups';
import { scheduleBackups } from '../../../../src/main/services/library/backups';
import { fileContext, importSample, tempDir } from '../../support/context';

const HOUR = 60 * 60 * 1000;
const START = Date.UTC(2026, 11, 3, 9, 0, 0);

describe('automatic backups', () => {
  it('keep 5 rolling, 7 daily and 4 weekly copies, each a library that opens', async () => {
    const dir = tempDir('backups');
    const ctx = fileContext(dir);
    await importSample(ctx);
    // One backup every 12 hours for 40 days.
    for (let i = 0; i < 80; i++) await automaticBackup(ctx.db, dir, START + i * 12 * HOUR);
    ctx.db.close();
    const kinds = (k: string) => listBackups(dir).filter((b) => b.kind === k);
    expect(kinds('rolling')).toHaveLength(5);
    expect(kinds('daily').map((b) => new Date(b.createdAt).toISOString().slice(0, 10))).toEqual([
      '2027-01-11',
      '2027-01-10',
      '2027-01-09',
      '2027-01-08',
      '2027-01-07',
      '2027-01-06',
      '2027-01-05',
    ]);
    expect(kinds('weekly')).toHaveLength(4);
    const newest = listBackups(dir)[0]!;
    const copy = fileContext(tempDir('restored'));
    copy.db.close();
    fs.copyFileSync(newest.file, `${copy.libraryPath}`);
    const reopened = fileContext(copy.dataDir);
    expect(reopened.records.count()).toBe(1);
    reopened.db.close();
  });

  it('stay under the size cap, oldest first, but always keep the newest', async () => {
    const dir = tempDir('backups-cap');
    const ctx = fileContext(dir);
    await importSample(ctx);
    for (let i = 0; i < 4; i++) await automaticBackup(ctx.db, dir, START + i * HOUR);
    ctx.db.close();
    const all = listBackups(dir);
    const one = all[0]!.bytes;
    const removed = pruneBackups(dir, { rolling: 5, daily: 7, weekly: 4, maxTotalBytes: one * 2 });
    const left = listBackups(dir);
    expect(left.map((b: BackupInfo) => b.name)).toEqual(all.slice(0, 2).map((b) => b.name));
    expect(removed).toHaveLength(all.length - 2);
    pruneBackups(dir, { rolling: 5, daily: 7, weekly: 4, maxTotalBytes: 1 });
    expect(listBackups(dir).map((b) => b.name)).toEqual([all[0]!.name]);
  });
});

describe('the backup schedule', () => {
  it('backs up after 100 changes or 30 minutes, and only once the library is quiet', async () => {
    vi.useFakeTimers();
    try {
      let changes = 0;
      let clock = START;
      const made: number[] = [];
      const stop = scheduleBackups(
        {
          changes: () => changes,
          isOpen: () => true,
          automatic: async (time) => {
            made.push(time);
            return {} as BackupInfo;
          },
          manual: async () => ({}) as BackupInfo,
        },
        { everyChanges: 100, everyMs: 30 * 60 * 1000, checkMs: 60 * 1000 },
        () => clock,
      );
      const minute = async (writes = 0): Promise<void> => {
        changes += writes;
        clock += 60 * 1000;
        await vi.advanceTimersByTimeAsync(60 * 1000);
      };
      await minute(99);
      await minute();
      expect(made).toHaveLength(0);
      await minute(1); // 100 changes, but still writing
      expect(made).toHaveLength(0);
      await minute(); // quiet now
      expect(made).toHaveLength(1);
      await minute(1);
      for (let i = 0; i < 28; i++) await minute();
      expect(made).toHaveLength(1);
      await minute(); // 30 minutes after the last backup, one change waiting
      expect(made).toHaveLength(2);
      for (let i = 0; i < 60; i++) await minute();
      expect(made).toHaveLength(2); // nothing changed: no backup
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
