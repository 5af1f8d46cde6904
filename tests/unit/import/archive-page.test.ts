import { describe, expect, it } from 'vitest';
import { parseArchivePage } from '../../../src/main/services/import/archive-page';
import { SAMPLE_TEXT } from '../support/context';

describe('archive page text importer, on the 1951 telegram', () => {
  const record = parseArchivePage(SAMPLE_TEXT);

  it('reads the catalogue metadata', () => {
    expect(record.meta.title).toBe(
      'Ciphered Telegram No. 3917, Filippov [Stalin] to Krasovsky, for Cde. Mao Zedong',
    );
    expect(record.meta.date).toBe('1951-06-30');
    expect(record.meta.recordId).toBe('110374');
    expect(record.meta.type).toBe('Telegram');
    expect(record.meta.uploaded).toBe('2011-11-20');
    expect(record.meta.source).toBe(
      'APRF, f. 45, op. 1, d. 339, ll. 95-96; AVP RF, f. 059a, op. 5a, d. 4, p. 11, ll. 14-15; and RGASPI, f. 558, op. 11, d. 339, ll. 0095-0096.',
    );
    expect(record.meta.rights).toMatch(/^The History and Public Policy Program welcomes reuse/);
    expect(record.meta.rights).toMatch(/HAPP@wilsoncenter\.org\.$/);
    expect(record.meta.summary).toBe(
      'Telegram from Stalin to Mao advising how to reply to the American request for armistice negotiations.',
    );
  });

  it('splits the Russian original from the English translation, paragraph by paragraph', () => {
    expect(record.original.lang).toBe('ru');
    expect(record.translation.lang).toBe('en');
    expect(record.original.paragraphs).toHaveLength(13);
    expect(record.translation.paragraphs).toHaveLength(17);
    expect(record.original.paragraphs[1]).toBe('Ваши телеграммы о перемирии получены.');
    expect(record.original.paragraphs[11]).toBe('Филиппов');
    expect(record.translation.paragraphs[0]).toBe('CIPHERED TELEGRAM No. 3917');
    expect(record.translation.paragraphs[1]).toBe('BEIJING—TO KRASOVSKY');
    expect(record.translation.paragraphs.slice(13, 16)).toEqual([
      'FILIPPOV [Stalin]',
      '30 June 1951',
      'No. 335/III',
    ]);
  });

  it('drops page chrome and keeps editorial marks as text', () => {
    const all = [...record.original.paragraphs, ...record.translation.paragraphs];
    expect(all).not.toContain('Skip to content');
    expect(record.original.paragraphs[0]).toBe('[…]');
    expect(record.original.paragraphs[12]).toBe('[…]');
    expect(record.translation.paragraphs[16]).toBe('[...]');
    expect(all.join('\n')).not.toMatch(/Document Information|Author\(s\)/);
  });

  it('keeps no no-break-space paragraphs and normalises spaces inside lines', () => {
    for (const p of [...record.original.paragraphs, ...record.translation.paragraphs]) {
      expect(p.trim()).toBe(p);
      expect(p).not.toMatch(/\u00a0/);
      expect(p.length).toBeGreaterThan(0);
    }
  });

  it('reads a record whose translation comes first, and an English-only record', () => {
    const lines = SAMPLE_TEXT.split('\n');
    const start = lines.indexOf('Ваши телеграммы о перемирии получены.');
    const middle = lines.indexOf('CIPHERED TELEGRAM No. 3917');
    const end = lines.indexOf('[...]');
    const swapped = [
      ...lines.slice(0, start),
      ...lines.slice(middle, end + 1),
      ...lines.slice(start, middle),
      ...lines.slice(end + 1),
    ].join('\n');
    const flipped = parseArchivePage(swapped);
    expect(flipped.original.lang).toBe('ru');
    expect(flipped.original.paragraphs).toContain('Ваши телеграммы о перемирии получены.');
    // The page's leading editorial mark now opens the translation.
    expect(flipped.translation.paragraphs.slice(0, 2)).toEqual([
      '[…]',
      'CIPHERED TELEGRAM No. 3917',
    ]);

    const englishOnly = [...lines.slice(0, start), ...lines.slice(middle)].join('\n');
    const en = parseArchivePage(englishOnly);
    expect(en.original.paragraphs).toEqual([]);
    expect(en.translation.lang).toBe('en');
    expect(en.translation.paragraphs.slice(0, 2)).toEqual(['[…]', 'CIPHERED TELEGRAM No. 3917']);
  });

  it('refuses text that has no record in it', () => {
    expect(() => parseArchivePage('Document Information\n\nSource\n\nX')).toThrow(/no title/);
    expect(() => parseArchivePage('Skip to content\n\nJune 30, 1951\n\nA title only')).toThrow(
      /no text/,
    );
  });
});
