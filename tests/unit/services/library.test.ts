import { describe, expect, it, vi } from 'vitest';
import { importRecords } from '../../../src/main/services/library/import-records';
import { seedSampleOnce } from '../../../src/main/services/library/sample';
import { importSample, memoryContext, ROOT, SAMPLE_TEXT } from '../support/context';
import path from 'node:path';

describe('importing records into the library', () => {
  it('stores the record, its passages and its alignment, and reads them back', () => {
    const ctx = memoryContext();
    const id = importSample(ctx);
    const record = ctx.records.get(id)!;
    expect(record.title).toMatch(/^Ciphered Telegram No\. 3917/);
    expect(record.original.passages.map((p) => p.index)).toEqual([...Array(13).keys()]);
    expect(record.translation.passages).toHaveLength(17);
    // Every passage sits in exactly one row.
    const seen = { original: new Set<number>(), translation: new Set<number>() };
    for (const group of record.alignment) {
      for (const i of group.original) seen.original.add(i);
      for (const i of group.translation) seen.translation.add(i);
    }
    expect(seen.original.size).toBe(13);
    expect(seen.translation.size).toBe(17);
    expect(ctx.records.list()).toEqual([
      expect.objectContaining({
        id,
        recordId: '110374',
        originalLang: 'ru',
        translationLang: 'en',
        annotationCount: 0,
      }),
    ]);
  });

  it('skips a record already present, or keeps both when asked', () => {
    const ctx = memoryContext();
    const first = importSample(ctx);
    const file = { name: 'again.txt', read: () => Buffer.from(SAMPLE_TEXT) };
    const skipped = importRecords(ctx, [file]);
    expect(skipped.records).toEqual([]);
    expect(skipped.skipped).toEqual([
      {
        file: 'again.txt',
        reason: expect.stringMatching(/Already in the library/),
        existingId: first,
      },
    ]);
    const kept = importRecords(ctx, [file], 'keep-both');
    expect(kept.records).toHaveLength(1);
    expect(ctx.records.count()).toBe(2);
  });

  it('reports each bad file and writes nothing for it, while good files still import', () => {
    const ctx = memoryContext();
    const report = importRecords(ctx, [
      { name: 'empty.txt', read: () => new Uint8Array() },
      { name: 'good.txt', read: () => Buffer.from(SAMPLE_TEXT) },
      { name: 'binary.txt', read: () => Buffer.from([0, 1, 2, 3]) },
    ]);
    expect(report.records).toHaveLength(1);
    expect(report.errors).toEqual([
      { file: 'empty.txt', reason: 'The file is empty.' },
      { file: 'binary.txt', reason: expect.stringMatching(/not a text file/) },
    ]);
    const counts = ctx.db
      .prepare('SELECT (SELECT COUNT(*) FROM records) r, (SELECT COUNT(*) FROM passages) p')
      .get();
    expect(counts).toEqual({ r: 1, p: 30 });
  });

  it('leaves no half record when storing fails midway', () => {
    const ctx = memoryContext();
    ctx.db.exec(`CREATE TRIGGER fail_late BEFORE INSERT ON alignment_members
      WHEN (SELECT COUNT(*) FROM alignment_members) >= 5 BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const report = importRecords(ctx, [{ name: 'x.txt', read: () => Buffer.from(SAMPLE_TEXT) }]);
    quiet.mockRestore();
    expect(report.errors).toEqual([
      { file: 'x.txt', reason: expect.stringMatching(/nothing was saved/) },
    ]);
    const counts = ctx.db
      .prepare(
        'SELECT (SELECT COUNT(*) FROM records) r, (SELECT COUNT(*) FROM passages) p, (SELECT COUNT(*) FROM alignment_groups) g',
      )
      .get();
    expect(counts).toEqual({ r: 0, p: 0, g: 0 });
  });

  it('seeds the bundled sample into a new library once, and never again', () => {
    const ctx = memoryContext();
    seedSampleOnce(ctx, path.join(ROOT, 'resources'));
    expect(ctx.records.count()).toBe(1);
    ctx.db.exec('DELETE FROM records');
    seedSampleOnce(ctx, path.join(ROOT, 'resources'));
    expect(ctx.records.count()).toBe(0);
  });
});
