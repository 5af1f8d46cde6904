// "Correct text" on a passage read from a PDF or a scan: its line boxes still cover their own
// lines in the corrected text, so the line under the caret is outlined where it is on the page,
// and a doubtful word the user rewrote is no longer marked while one left as it was still is.
import { describe, expect, it } from 'vitest';
import { spansAfterEdit } from '../../../../src/shared/scans/after-edit';
import { editPassageText } from '../../../../src/main/services/annotations/transcription';
import { importItem } from '../../../../src/main/services/library/import-item';
import { memoryContext } from '../../support/context';
import { seedTexts, typesetPdf } from '../../../../bench/scan-fixtures';

const box = (start: number, end: number) => ({ page: 1, x: 0, y: 0, w: 10, h: 10, start, end });

describe('line boxes and doubtful words after Correct text', () => {
  it('a word corrected on a PDF passage leaves every other line covering its own words', async () => {
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
    const passage = outcome.record.original.passages.find((p) =>
      p.text.startsWith('По нашему мнению'),
    )!;
    const layout = () =>
      ctx.facsimile.get(outcome.record.id).passages.find((p) => p.passageId === passage.id)!;
    const lines = (text: string) => layout().boxes.map((b) => text.slice(b.start, b.end));
    const before = lines(passage.text);
    expect(before.length).toBeGreaterThan(3);
    // Lines follow one another through the text (a hyphenated word runs on into the next).
    expect(before.every((line) => line.trim().length > 0)).toBe(true);

    const corrected = passage.text.replace('По нашему мнению', 'По нашему глубокому мнению');
    editPassageText(ctx, passage.id, corrected);
    const after = lines(corrected);
    expect(after).toHaveLength(before.length);
    expect(after[0]).toBe(before[0]!.replace('нашему', 'нашему глубокому'));
    expect(after.slice(1)).toEqual(before.slice(1));

    // Undo (the old text back) gives the old offsets back.
    editPassageText(ctx, passage.id, passage.text);
    expect(lines(passage.text)).toEqual(before);
  }, 120_000);

  it('maps offsets around one edit exactly and drops the doubtful word the user rewrote', () => {
    const before = 'Ваши телеграмы о перемирии получены. Погода была хорошей.';
    const after = 'Ваши телеграммы о перемирии получены. Погода была хорошей.';
    const spans = spansAfterEdit(before, after, {
      boxes: [box(0, 36), box(37, before.length)],
      uncertain: [
        { start: 5, end: 14, confidence: 41 },
        { start: 44, end: 48, confidence: 60 },
      ],
    });
    expect(spans.boxes.map((b) => after.slice(b.start, b.end))).toEqual([
      'Ваши телеграммы о перемирии получены.',
      'Погода была хорошей.',
    ]);
    expect(spans.uncertain).toEqual([{ start: 45, end: 49, confidence: 60 }]);
    expect(after.slice(45, 49)).toBe('была');
  });

  it('a same-length fix of one letter keeps every offset, and the untouched doubtful word', () => {
    const before = 'Mao Zedong and Kim Il Sung';
    const after = 'Mao Zedong and Kim Il Sunq'.replace('Sunq', 'Sung').replace('Zedong', 'Zedonq');
    const spans = spansAfterEdit(before, after, {
      boxes: [box(0, 10), box(11, 26)],
      uncertain: [
        { start: 4, end: 10, confidence: 50 },
        { start: 22, end: 26, confidence: 50 },
      ],
    });
    expect(spans.boxes.map((b) => [b.start, b.end])).toEqual([
      [0, 10],
      [11, 26],
    ]);
    expect(spans.uncertain).toEqual([{ start: 22, end: 26, confidence: 50 }]);
  });

  it('text cut from the end leaves no box past it', () => {
    const before = 'First line of the page. Second line of the page.';
    const after = 'First line of the page.';
    const spans = spansAfterEdit(before, after, {
      boxes: [box(0, 23), box(24, before.length)],
      uncertain: [{ start: 24, end: 30, confidence: 20 }],
    });
    expect(spans.boxes.map((b) => [b.start, b.end])).toEqual([
      [0, 23],
      [23, 23],
    ]);
    expect(spans.uncertain).toEqual([]);
  });
});
