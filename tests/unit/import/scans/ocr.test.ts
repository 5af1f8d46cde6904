// Scans recognised on this machine with tesseract.js and the packed Debian language data: a
// typewritten Russian page as a PNG, a TIFF, and an archive's image-only PDF holding the Russian
// original and its English translation, with progress page by page, a cancel that stops at
// once, and the words the recogniser doubted kept for the reader.
import UTIF from 'utif2';
import { describe, expect, it } from 'vitest';
import { readScan } from '../../../../src/main/services/import/scan-record';
import { renderPdfPages } from '../../../../src/main/services/import/pdf';
import { importItem } from '../../../../src/main/services/library/import-item';
import { memoryContext } from '../../support/context';
import {
  characterErrorRate,
  degrade,
  imageOnlyPdf,
  seedTexts,
  typesetPdf,
} from '../../../../bench/scan-fixtures';

const { ru, en } = seedTexts();
// Short pages: recognition takes seconds a page, and the tests run on a shared machine.
const ruPage = ru.slice(1, 3);
const enPage = en.slice(3, 5);
/** Recognition is slow under load; these tests wait for it (speed is measured in the bench). */
const OCR_TIMEOUT = 240_000;

async function pageImage(paragraphs: string[], face: 'serif' | 'typewriter') {
  const set = await typesetPdf(
    paragraphs.map((text) => ({ kind: 'paragraph' as const, text })),
    {
      face,
      size: 12,
      hyphenate: false,
      pageNumbers: false,
    },
  );
  expect(set.pages).toBe(1);
  // 200 dpi: enough for 12 pt type, and half the work of 300 dpi on a shared machine.
  return (await renderPdfPages(set.pdf, 200))[0]!;
}

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

describe('OCR of scans', () => {
  it(
    'reads a typewritten Russian page (PNG) into the original, keeping the image and line boxes',
    async () => {
      const image = await pageImage(ruPage, 'typewriter');
      const ctx = memoryContext();
      const outcome = await importItem(
        ctx,
        { kind: 'record', file: { name: 'telegram.png', base64: base64(image.bytes) } },
        'skip',
      );
      if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome));
      const original = outcome.record.original;
      expect(original.lang).toBe('ru');
      expect(original.passages).toHaveLength(ruPage.length);
      const text = original.passages.map((p) => p.text).join('\n');
      expect(characterErrorRate(text, ruPage.join('\n'))).toBeLessThan(0.02);
      const facsimile = ctx.facsimile.get(outcome.record.id);
      expect(facsimile.pages).toEqual([
        expect.objectContaining({
          side: 'original',
          page: 1,
          width: image.width,
          imageWidth: image.width,
          sourceFile: 'telegram.png',
        }),
      ]);
      // The stored image is the file's own bytes, not a re-encoding.
      expect(
        Buffer.from(
          ctx.facsimile.image(outcome.record.id, facsimile.pages[0]!.imageHash!)!.bytes,
        ).equals(Buffer.from(image.bytes)),
      ).toBe(true);
      // Boxes are in the image's pixels, inside the page's text block (72 pt margins at 300 dpi).
      for (const passage of facsimile.passages) {
        for (const box of passage.boxes) {
          expect(box.x).toBeGreaterThan(150);
          expect(box.x + box.w).toBeLessThan(image.width - 150);
        }
      }
    },
    OCR_TIMEOUT,
  );

  it(
    'reads an image-only PDF of the original and its translation, page by page, into both sides',
    async () => {
      const pages = [await pageImage(ruPage, 'serif'), await pageImage(enPage, 'serif')];
      const pdf = await imageOnlyPdf(
        pages.map((p) => ({ bytes: p.bytes, mediaType: p.mediaType })),
        200,
      );
      const progress: string[] = [];
      const scan = await readScan('scan.pdf', pdf, {
        onProgress: (p) => {
          if (p.stage.startsWith('Recognising') || p.stage === 'Recognised')
            progress.push(`${p.stage} ${p.done}/${p.total}`);
        },
      });
      expect(progress).toEqual([
        'Recognising page 1 0/2',
        'Recognised 1/2',
        'Recognising page 2 1/2',
        'Recognised 2/2',
      ]);
      expect(scan.recognised).toBe(2);
      expect(scan.passages.map((p) => p.page)).toEqual([
        ...ruPage.map(() => 1),
        ...enPage.map(() => 2),
      ]);
      const ctx = memoryContext();
      const outcome = await importItem(
        ctx,
        { kind: 'record', file: { name: 'scan.pdf', base64: base64(pdf) } },
        'skip',
      );
      if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome));
      expect(outcome.record.original.lang).toBe('ru');
      expect(outcome.record.translation.lang).toBe('en');
      const enText = outcome.record.translation.passages.map((p) => p.text).join('\n');
      expect(characterErrorRate(enText, enPage.join('\n'))).toBeLessThan(0.01);
    },
    OCR_TIMEOUT,
  );

  it(
    'reads a TIFF page',
    async () => {
      const image = await pageImage(enPage, 'serif');
      const { createCanvas, loadImage } = await import('@napi-rs/canvas');
      const loaded = await loadImage(Buffer.from(image.bytes));
      const canvas = createCanvas(loaded.width, loaded.height);
      canvas.getContext('2d').drawImage(loaded, 0, 0);
      const rgba = canvas.getContext('2d').getImageData(0, 0, loaded.width, loaded.height).data;
      const tiff = new Uint8Array(
        UTIF.encodeImage(new Uint8Array(rgba.buffer), loaded.width, loaded.height),
      );
      const scan = await readScan('page.tif', tiff);
      expect(scan.pages).toHaveLength(1);
      expect(scan.pages[0]!.image!.mediaType).toBe('image/png');
      expect(
        characterErrorRate(scan.passages.map((p) => p.text).join('\n'), enPage.join('\n')),
      ).toBeLessThan(0.01);
    },
    OCR_TIMEOUT,
  );

  it(
    'marks the words it doubts on a poor scan',
    async () => {
      const image = await pageImage(ruPage, 'serif');
      const poor = await degrade(image.bytes, { noise: 0.05, contrast: 0.5, skew: 2 });
      const scan = await readScan('poor.png', poor.bytes);
      const uncertain = scan.passages.flatMap((p) =>
        p.uncertain.map((u) => p.text.slice(u.start, u.end)),
      );
      expect(uncertain.length).toBeGreaterThan(0);
      expect(uncertain.every((word) => word.trim() === word && word.length > 0)).toBe(true);
    },
    OCR_TIMEOUT,
  );

  it(
    'stops when cancelled, between or during pages',
    async () => {
      const pages = [await pageImage(ruPage, 'serif'), await pageImage(enPage, 'serif')];
      const pdf = await imageOnlyPdf(
        pages.map((p) => ({ bytes: p.bytes, mediaType: p.mediaType })),
        200,
      );
      const controller = new AbortController();
      const stages: string[] = [];
      const reading = readScan('scan.pdf', pdf, {
        signal: controller.signal,
        onProgress: (p) => {
          stages.push(p.stage);
          if (p.stage === 'Recognising page 1') controller.abort(new Error('Import cancelled.'));
        },
      });
      await expect(reading).rejects.toThrow('Import cancelled.');
      expect(stages).not.toContain('Recognised');
    },
    OCR_TIMEOUT,
  );
});
