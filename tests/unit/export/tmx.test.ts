// The translation-memory export of a record: its confirmed rows as TMX 1.4b, read back by
// Debian's translate-toolkit as a CAT tool would read it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportRecords } from '../../../src/main/services/export/run';
import { importSample, memoryContext, tempDir } from '../support/context';
import { pocountTranslated, readTmx } from '../support/tmx';
import { call } from './support';

describe('TMX export of a record', () => {
  it('holds exactly the confirmed rows, with their languages, and translate-toolkit reads it', async () => {
    const ctx = memoryContext();
    const recordId = await importSample(ctx);
    const record = await call(ctx, 'records.get', { id: recordId });
    const text = (side: 'original' | 'translation', indexes: number[]): string =>
      indexes.map((k) => record[side].passages[k]!.text).join(' ');
    // Confirm three paired rows, and one row with no counterpart (which a memory cannot hold).
    const paired = record.alignment.filter((r) => r.original.length && r.translation.length);
    const chosen = [paired[0]!, paired[2]!, paired.at(-1)!];
    for (const row of chosen) {
      await call(ctx, 'alignment.confirm', {
        recordId,
        level: 'paragraph',
        row: { original: row.original, translation: row.translation },
      });
    }
    const lone = record.alignment.find((r) => r.translation.length === 0)!;
    await call(ctx, 'alignment.confirm', {
      recordId,
      level: 'paragraph',
      row: { original: lone.original, translation: [] },
    });

    const file = await exportRecords(ctx, { recordIds: [recordId], format: 'tmx' });
    expect(file.fileName).toMatch(/translation memory\.tmx$/);
    expect(file.mimeType).toBe('application/x-tmx+xml');
    const dir = tempDir('tmx');
    const out = path.join(dir, file.fileName);
    fs.writeFileSync(out, file.content);
    const read = readTmx(out);
    expect(read.langs).toEqual(['ru', 'en']);
    expect(read.units).toEqual(
      chosen.map((row) => ({
        source: text('original', row.original),
        target: text('translation', row.translation),
      })),
    );
    expect(pocountTranslated(out)).toBe(3);
    expect(file.content).toContain('<header creationtool="Marginalia"');
    expect(file.content).toContain('segtype="paragraph"');
  });

  it('refuses a record with no confirmed rows, saying how to get some', async () => {
    const ctx = memoryContext();
    const recordId = await importSample(ctx);
    await expect(exportRecords(ctx, { recordIds: [recordId], format: 'tmx' })).rejects.toThrow(
      /no confirmed rows yet\. Confirm the rows you checked in the reader \(Y\)/,
    );
  });
});
