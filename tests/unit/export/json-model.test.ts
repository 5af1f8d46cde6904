import { describe, expect, it } from 'vitest';
import { exportRecords } from '../../../src/main/services/export/run';
import { JSON_VERSION, renderJson } from '../../../src/main/services/export/json-model';
import { importAnnotationFile } from '../../../src/main/services/interop';
import { memoryContext } from '../support/context';
import { annotatedBundle, annotatedLibrary, deterministicContext } from './support';

describe('Marginalia JSON export', () => {
  it('matches the reviewed golden file', async () => {
    const { bundle } = await annotatedBundle();
    await expect(renderJson([bundle])).toMatchFileSnapshot(
      '../../fixtures/golden/library-110374.json',
    );
  });

  it('is versioned and holds the record in full', async () => {
    const { bundle } = await annotatedBundle();
    const json = JSON.parse(renderJson([bundle]));
    expect(json.format).toBe('marginalia-export');
    expect(json.version).toBe(JSON_VERSION);
    const [record] = json.records;
    expect(record.original.paragraphs).toEqual(bundle.record.original.passages.map((p) => p.text));
    expect(record.alignment).toHaveLength(bundle.record.alignment.length);
    expect(record.annotations).toHaveLength(7);
    expect(record.glossary[0]).toMatchObject({ term: 'перемирия', renderings: ['armistice'] });
  });

  it('comes back whole into an empty library, and exports the same again', async () => {
    const { ctx, recordId } = await annotatedLibrary();
    const first = await exportRecords(ctx, { recordIds: [recordId], format: 'json' });
    const fresh = deterministicContext();
    const report = await importAnnotationFile(fresh, {
      name: 'notes.json',
      bytes: Buffer.from(first.content),
    });
    expect(report).toMatchObject({
      format: 'Marginalia JSON',
      imported: 7,
      orphaned: 0,
      skipped: 0,
    });
    expect(report.records[0]!.created).toBe(true);
    const second = await exportRecords(fresh, {
      recordIds: [report.records[0]!.recordId],
      format: 'json',
    });
    const same = (text: string) => text.replace(/"exported": "[^"]+"/, '');
    expect(same(second.content)).toBe(same(first.content));

    // Importing it again changes nothing: the record and every note are already there.
    const again = await importAnnotationFile(fresh, {
      name: 'notes.json',
      bytes: Buffer.from(first.content),
    });
    expect(again).toMatchObject({ imported: 0, skipped: 7 });
    expect(again.records[0]!.created).toBe(false);
    expect(fresh.records.count()).toBe(1);
  });

  it('refuses a newer format version and a damaged file, writing nothing', async () => {
    const { bundle } = await annotatedBundle();
    const json = JSON.parse(renderJson([bundle]));
    const fresh = memoryContext();
    const newer = Buffer.from(JSON.stringify({ ...json, version: JSON_VERSION + 1 }));
    await expect(importAnnotationFile(fresh, { name: 'new.json', bytes: newer })).rejects.toThrow(
      /newer Marginalia/,
    );
    const damaged = structuredClone(json);
    damaged.records[0].annotations[0].targets = 'oops';
    await expect(
      importAnnotationFile(fresh, {
        name: 'bad.json',
        bytes: Buffer.from(JSON.stringify(damaged)),
      }),
    ).rejects.toThrow(/damaged: records\.0\.annotations\.0\.targets/);
    expect(fresh.records.count()).toBe(0);
  });
});
