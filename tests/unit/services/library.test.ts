import { describe, expect, it, vi } from 'vitest';
import { importItem } from '../../../src/main/services/library/import-item';
import type { AppContext } from '../../../src/main/services/context';
import { seedSampleOnce } from '../../../src/main/services/library/sample';
import { importSample, memoryContext, ROOT, SAMPLE_TEXT } from '../support/context';
import path from 'node:path';

/** Imports files one item at a time, as every door does. */
function importTexts(
  ctx: AppContext,
  files: { name: string; bytes: Uint8Array }[],
  duplicates: 'skip' | 'keep-both' = 'skip',
) {
  return Promise.all(
    files.map((file) =>
      importItem(
        ctx,
        {
          kind: 'record',
          file: { name: file.name, base64: Buffer.from(file.bytes).toString('base64') },
        },
        duplicates,
      ),
    ),
  );
}

describe('importing records into the library', () => {
  it('stores the record, its passages and its alignment, and reads them back', async () => {
    const ctx = memoryContext();
    const id = await importSample(ctx);
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

  it('skips a record already present, or keeps both when asked', async () => {
    const ctx = memoryContext();
    const first = await importSample(ctx);
    const file = { name: 'again.txt', bytes: Buffer.from(SAMPLE_TEXT) };
    expect(await importTexts(ctx, [file])).toEqual([
      {
        status: 'skipped',
        file: 'again.txt',
        reason: expect.stringMatching(/Already in the library/),
        existingId: first,
      },
    ]);
    const [kept] = await importTexts(ctx, [file], 'keep-both');
    expect(kept).toMatchObject({ status: 'imported', duplicateOf: first });
    expect(ctx.records.count()).toBe(2);
  });

  it('reports each bad file and writes nothing for it, while good files still import', async () => {
    const ctx = memoryContext();
    const outcomes = await importTexts(ctx, [
      { name: 'empty.txt', bytes: new Uint8Array() },
      { name: 'good.txt', bytes: Buffer.from(SAMPLE_TEXT) },
      { name: 'binary.txt', bytes: Buffer.from([0, 1, 2, 3]) },
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['failed', 'imported', 'failed']);
    expect(outcomes.filter((o) => o.status === 'failed')).toEqual([
      { status: 'failed', file: 'empty.txt', reason: 'The file is empty.' },
      { status: 'failed', file: 'binary.txt', reason: expect.stringMatching(/not a text file/) },
    ]);
    const counts = ctx.db
      .prepare('SELECT (SELECT COUNT(*) FROM records) r, (SELECT COUNT(*) FROM passages) p')
      .get();
    expect(counts).toEqual({ r: 1, p: 30 });
  });

  it('leaves no half record when storing fails midway', async () => {
    const ctx = memoryContext();
    ctx.db.exec(`CREATE TRIGGER fail_late BEFORE INSERT ON alignment_members
      WHEN (SELECT COUNT(*) FROM alignment_members) >= 5 BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const outcomes = await importTexts(ctx, [{ name: 'x.txt', bytes: Buffer.from(SAMPLE_TEXT) }]);
    quiet.mockRestore();
    expect(outcomes).toEqual([
      { status: 'failed', file: 'x.txt', reason: expect.stringMatching(/nothing was saved/) },
    ]);
    const counts = ctx.db
      .prepare(
        'SELECT (SELECT COUNT(*) FROM records) r, (SELECT COUNT(*) FROM passages) p, (SELECT COUNT(*) FROM alignment_groups) g',
      )
      .get();
    expect(counts).toEqual({ r: 0, p: 0, g: 0 });
  });

  it('seeds the bundled sample into a new library once, and never again', async () => {
    const ctx = memoryContext();
    await seedSampleOnce(ctx, path.join(ROOT, 'resources'));
    expect(ctx.records.count()).toBe(1);
    ctx.db.exec('DELETE FROM records');
    await seedSampleOnce(ctx, path.join(ROOT, 'resources'));
    expect(ctx.records.count()).toBe(0);
  });
});
