// The printed editions and the Word handout, read back by third-party tools: Chromium prints the
// PDF, pdftotext reads it; LibreOffice renders the .docx, mammoth reads its footnotes. Pages are
// saved under tests/artifacts/export for people to look at.
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { exportRecords } from '../../../src/main/services/export/run';
import {
  findChromium,
  NO_CHROMIUM_MESSAGE,
} from '../../../src/main/services/export/pdf/chromium-pdf';
import type { HandoutOptions } from '../../../src/shared/edition';
import { annotatedLibrary } from './support';
import { docxToPdf, pdfText, positions, savePages } from './validators/documents';

const bytes = (content: string) => new Uint8Array(Buffer.from(content, 'base64'));

function seminar(recordId: string, patch: Partial<HandoutOptions> = {}): HandoutOptions {
  return {
    title: 'Seminar: the 1951 armistice talks',
    instructions: 'Read the telegram in both languages.\n\nThen answer the questions at the end.',
    records: [{ recordId, rows: null }],
    languages: 'both',
    categories: null,
    glossary: true,
    questions: true,
    extraQuestions: 'Who would sign the reply, and why does it matter?',
    ...patch,
  };
}

describe('PDF edition (Chromium)', () => {
  it('needs Chromium, and says how to get it', () => {
    expect(findChromium({ MARGINALIA_CHROMIUM: '/nonexistent/chrome' })).toBeNull();
    expect(NO_CHROMIUM_MESSAGE).toMatch(/apt install chromium/);
    expect(findChromium(), NO_CHROMIUM_MESSAGE).not.toBeNull();
  });

  it('reads in order, row by row, with Cyrillic intact', async () => {
    const { ctx, recordId } = await annotatedLibrary();
    const file = await exportRecords(ctx, { recordIds: [recordId], format: 'pdf' });
    expect(file).toMatchObject({ mimeType: 'application/pdf', encoding: 'base64' });
    const pdf = bytes(file.content);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    const order = positions(text, [
      'Ciphered Telegram No. 3917',
      'Citation',
      'Ваши телеграммы о перемирии',
      'Your telegrams about an armistice',
      'По нашему мнению, надо немедленно ответить',
      'In our opinion it is necessary',
      'Филиппов',
      'FILIPPOV [Stalin]',
      'NOTES',
      'Stalin answers at once.',
      'Glossary',
      'Questions',
      'Why does Stalin leave the talks to Mao?',
    ]);
    expect(
      order.every((p) => p >= 0),
      JSON.stringify(order),
    ).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text).toContain('хозяевами дела');
    expect(savePages(pdf, 'edition').length).toBeGreaterThan(1);
  });

  it('prints a handout: only the chosen rows, Russian only', async () => {
    const { ctx, recordId } = await annotatedLibrary();
    const record = ctx.records.get(recordId)!;
    const rows = [
      record.alignment.findIndex((g) => g.original.includes(1)),
      record.alignment.findIndex((g) => g.original.includes(2)),
    ];
    const file = await exportRecords(ctx, {
      recordIds: [recordId],
      format: 'pdf',
      handout: seminar(recordId, { records: [{ recordId, rows }], languages: 'original' }),
    });
    expect(file.fileName).toBe('Seminar the 1951 armistice talks.pdf');
    const pdf = bytes(file.content);
    const text = pdfText(pdf);
    expect(text).toContain('Seminar: the 1951 armistice talks');
    expect(text).toContain('Ваши телеграммы о перемирии');
    expect(text).not.toContain('Your telegrams about an armistice');
    expect(text).not.toContain('Пошлите Риджуэю');
    expect(text).toContain('Who would sign the reply, and why does it matter?');
    savePages(pdf, 'handout-russian-only');
  });
});

describe('Word handout (docx)', () => {
  it('has real footnotes, the two-column table, glossary, questions, citation and rights', async () => {
    const { ctx, recordId } = await annotatedLibrary();
    const file = await exportRecords(ctx, {
      recordIds: [recordId],
      format: 'docx',
      handout: seminar(recordId),
    });
    expect(file.mimeType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(file.fileName).toBe('Seminar the 1951 armistice talks.docx');
    const docx = bytes(file.content);

    // mammoth, a third-party reader of Word files, finds the footnotes and the table.
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(docx) });
    expect(html).toContain(
      '<table><thead><tr><th><p><strong>Original · Russian</strong></p></th><th><p><strong>Translation · English</strong></p></th></tr></thead>',
    );
    expect(html).toMatch(
      /о перемирии<sup><a href="#footnote-1" id="footnote-ref-1">\[1\]<\/a><\/sup>/,
    );
    expect(html).toMatch(
      /<li id="footnote-1"><p><em>“о перемирии”<\/em> — Note<\/p><p>Stalin answers <strong>at once<\/strong>\./,
    );
    expect(html).toContain('<h1>Glossary</h1>');
    expect(html).toContain('<h1>Questions</h1>');

    // LibreOffice renders it as Word would print it; the text reads in order, Cyrillic intact.
    const pdf = docxToPdf(docx);
    const text = pdfText(pdf);
    const order = positions(text, [
      'Seminar: the 1951 armistice talks',
      'Read the telegram in both languages.',
      'Citation:',
      'Rights: The History and Public Policy Program',
      'Original · Russian',
      'Ваши телеграммы о перемирии',
      'Glossary',
      'Questions',
      'Why does Stalin leave the talks to Mao?',
      'Who would sign the reply, and why does it matter?',
    ]);
    expect(
      order.every((p) => p >= 0),
      JSON.stringify(order),
    ).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text).toContain('More like masters of the situation.');
    expect(savePages(pdf, 'handout-docx').length).toBeGreaterThan(0);
  }, 120_000);
});
