// A record read from a PDF exports with its facsimile: in TEI a <surface> per page with its
// image, a <zone> per line and @facs from each passage to its zones (valid against tei_all with
// jing, every pointer resolving); in W3C Web Annotation, each note also targets the region of
// the page image its text covers, with a Media Fragments `xywh=` selector (the W3C MUSTs hold).
import { describe, expect, it } from 'vitest';
import { exportRecords } from '../../../src/main/services/export/run';
import { importItem } from '../../../src/main/services/library/import-item';
import { memoryContext } from '../support/context';
import { annotate } from './support';
import { annotationFailures } from './validators/web-annotation';
import { seedTexts, typesetPdf } from '../../../bench/scan-fixtures';
import { danglingPointers, jingErrors } from './validators/tei';

describe('TEI with a facsimile', () => {
  it('links every passage of a PDF record to zones on its page images, valid against tei_all', async () => {
    const { ru, en } = seedTexts();
    const set = await typesetPdf(
      [...ru.slice(0, 6), ...en.slice(3, 9)].map((text) => ({ kind: 'paragraph' as const, text })),
      { size: 12 },
    );
    const ctx = memoryContext();
    const outcome = await importItem(
      ctx,
      {
        kind: 'record',
        file: {
          name: 'telegram & translation.pdf',
          base64: Buffer.from(set.pdf).toString('base64'),
        },
      },
      'skip',
    );
    if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome));
    const file = await exportRecords(ctx, { format: 'tei', recordIds: [outcome.record.id] });
    const xml =
      typeof file.content === 'string' ? file.content : Buffer.from(file.content).toString('utf8');
    expect(jingErrors(xml)).toEqual([]);
    expect(danglingPointers(xml)).toEqual([]);
    // One surface per page of the PDF (both sides come from it), each with its image.
    expect(xml.match(/<surface /g)).toHaveLength(set.pages);
    expect(xml.match(/<graphic url="data:image\/png;base64,/g)).toHaveLength(set.pages);
    expect(xml).toContain('<label>telegram &amp; translation.pdf, page 1</label>');
    // Every passage points at its zones, and every zone is pointed at.
    const passages =
      outcome.record.original.passages.length + outcome.record.translation.passages.length;
    const paragraphs = [...xml.matchAll(/<p xml:id="[^"]+" facs="([^"]+)"/g)];
    expect(paragraphs).toHaveLength(passages);
    const pointed = paragraphs.flatMap((m) => m[1]!.split(' '));
    expect(xml.match(/<zone /g)).toHaveLength(pointed.length);
    // Zones are in the image's pixels, inside it.
    for (const zone of xml.matchAll(
      /<zone [^>]*ulx="(\d+)" uly="(\d+)" lrx="(\d+)" lry="(\d+)"/g,
    )) {
      const [ulx, uly, lrx, lry] = zone.slice(1).map(Number) as [number, number, number, number];
      expect(ulx).toBeLessThan(lrx);
      expect(uly).toBeLessThan(lry);
    }
  }, 120_000);
});

describe('W3C Web Annotation with image regions', () => {
  it('gives each note on a PDF record an image target per page it covers, with xywh in pixels', async () => {
    const { ru, en } = seedTexts();
    const set = await typesetPdf(
      [...ru, ...en].map((text) => ({ kind: 'paragraph' as const, text })),
      { size: 12 },
    );
    const ctx = memoryContext();
    const outcome = await importItem(
      ctx,
      {
        kind: 'record',
        file: { name: 'telegram.pdf', base64: Buffer.from(set.pdf).toString('base64') },
      },
      'skip',
    );
    if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome));
    await annotate(ctx, outcome.record.id);
    const file = await exportRecords(ctx, { format: 'jsonld', recordIds: [outcome.record.id] });
    const json = JSON.parse(
      typeof file.content === 'string' ? file.content : Buffer.from(file.content).toString('utf8'),
    );
    const items: Record<string, any>[] = json.first.items; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(annotationFailures(item), item.id).toEqual([]);
    const bilingual = items.find((i) =>
      i.target.some((t: { selector: unknown }) =>
        JSON.stringify(t.selector).includes('хозяевами дела'),
      ),
    )!;
    const images = bilingual.target.filter(
      (t: { source: { type: string } }) => t.source.type === 'Image',
    );
    expect(images).toHaveLength(2);
    const facsimile = ctx.facsimile.get(outcome.record.id);
    for (const target of images) {
      expect(target.source.id).toMatch(
        /^marginalia:\/\/record\/[^/]+\/(original|translation)\/page\/\d+$/,
      );
      expect(target.selector.type).toBe('FragmentSelector');
      expect(target.selector.conformsTo).toBe('http://www.w3.org/TR/media-frags/');
      const [x, y, w, h] = /^xywh=(\d+),(\d+),(\d+),(\d+)$/
        .exec(target.selector.value)!
        .slice(1)
        .map(Number) as [number, number, number, number];
      const page = facsimile.pages[0]!;
      expect(w).toBeGreaterThan(0);
      expect(h).toBeGreaterThan(0);
      expect(x + w).toBeLessThanOrEqual(page.imageWidth!);
      expect(y + h).toBeLessThanOrEqual(page.imageHeight!);
    }
  }, 120_000);
});
