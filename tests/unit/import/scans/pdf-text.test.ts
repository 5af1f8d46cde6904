// PDFs with a text layer read back as their reading text: typeset from the seed's Russian and
// English with running heads, page numbers, hyphenated line ends and footnotes, and compared
// with the gold text paragraph by paragraph.
import { describe, expect, it } from 'vitest';
import { pageLines } from '../../../../src/shared/scans/reading-text';
import { pdfLayout, readPdf } from '../../../../src/main/services/import/pdf';
import { seedTexts, typesetPdf, type Block } from '../../../../bench/scan-fixtures';

const { ru, en } = seedTexts();

function blocks(
  title: string,
  paragraphs: string[],
  notes: Record<number, string[]> = {},
): Block[] {
  return [
    { kind: 'heading', text: title },
    ...paragraphs.map((text, i) => ({
      kind: 'paragraph' as const,
      text,
      ...(notes[i] ? { notes: notes[i] } : {}),
    })),
  ];
}

describe('reading a text-layer PDF', () => {
  it('gives back the Russian telegram paragraph for paragraph, heads and folios dropped, hyphens joined', async () => {
    const doc = blocks('Шифртелеграмма № 3917', [...ru, ...ru], {
      1: ['АП РФ, ф. 45, оп. 1, д. 339, л. 17–18.'],
    });
    const set = await typesetPdf(doc, {
      runningHead: 'Документы по истории корейской войны',
      size: 12,
    });
    expect(set.pages).toBeGreaterThanOrEqual(2);
    // The fixture really is hard: words broken at line ends, a head and a folio on every page.
    const lines = (await pdfLayout(set.pdf)).flatMap(pageLines).map((l) => l.text);
    expect(lines.filter((l) => /\p{L}-$/u.test(l)).length).toBeGreaterThanOrEqual(5);
    expect(lines.filter((l) => l === 'Документы по истории корейской войны')).toHaveLength(
      set.pages,
    );
    expect(lines.filter((l) => /^— \d+ —$/.test(l))).toHaveLength(set.pages);
    const side = await readPdf(set.pdf, { images: false });
    expect(side.passages.map((p) => p.text)).toEqual(set.gold);
    expect(side.passages.map((p) => p.kind)).toEqual([
      'heading',
      ...doc.slice(1).map(() => 'paragraph'),
      'footnote',
    ]);
  }, 120_000);

  it('gives back the English translation, with a footnote kept as a footnote', async () => {
    const doc = blocks('Ciphered Telegram No. 3917', [...en, ...en], {
      2: ['Matthew B. Ridgway, commander of the UN forces in Korea.'],
    });
    const set = await typesetPdf(doc, {
      runningHead: 'Cold War International History Project',
      size: 11,
    });
    const lines = (await pdfLayout(set.pdf)).flatMap(pageLines).map((l) => l.text);
    expect(lines.filter((l) => /\p{L}-$/u.test(l)).length).toBeGreaterThanOrEqual(5);
    const side = await readPdf(set.pdf, { images: false });
    expect(side.passages.map((p) => p.text)).toEqual(set.gold);
    expect(side.passages.filter((p) => p.kind === 'footnote')).toHaveLength(1);
  }, 120_000);

  it('keeps each passage’s page and the boxes of its lines', async () => {
    const set = await typesetPdf(blocks('Telegram', [...en, ...en, ...en]), { size: 12 });
    const side = await readPdf(set.pdf, { images: true });
    expect(side.pages).toHaveLength(set.pages);
    expect(side.pages[0]!.image!.mediaType).toBe('image/png');
    const last = side.passages[side.passages.length - 1]!;
    expect(last.page).toBe(set.pages);
    for (const passage of side.passages) {
      expect(passage.boxes.length).toBeGreaterThan(0);
      expect(passage.boxes[passage.boxes.length - 1]!.end).toBe(passage.text.length);
      for (const box of passage.boxes) {
        expect(box.x).toBeGreaterThanOrEqual(70);
        expect(box.x + box.w).toBeLessThanOrEqual(595.28 - 70);
      }
    }
  }, 120_000);
});
