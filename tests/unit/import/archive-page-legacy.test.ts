// The archive's older page layout (before 2023): the date only in the citation, the summary glued
// to it, the two languages under "View document in", each flattened to one line.
import { describe, expect, it } from 'vitest';
import { alignSequences } from '../../../src/main/services/alignment/index';
import { parseArchivePage } from '../../../src/main/services/import/archive-page';
import {
  parseLegacyCitation,
  splitFlattened,
} from '../../../src/main/services/import/archive-page-legacy';
import seed from '../../fixtures/alignment/wilson-center-110374.paragraphs.json' with { type: 'json' };
import { fixtureText } from './fixtures';

const parse = (name: string): ReturnType<typeof parseArchivePage> =>
  parseArchivePage(fixtureText(`archive-page/${name}`));

describe('the archive’s older page layout', () => {
  it('reads the date, title, record ID and summary from the citation', () => {
    const record = parse('legacy-layout.txt');
    expect(record.meta).toMatchObject({
      title: 'Ciphered Telegram No. 3917, Filippov [Stalin] to Krasovsky, for Cde. Mao Zedong',
      date: '1951-06-30',
      recordId: '110374',
      type: 'Telegram',
      url: 'https://digitalarchive.wilsoncenter.org/document/110374',
      summary:
        'Telegram from Stalin to Mao advising how to reply to the American request for armistice negotiations.',
    });
    expect(record.meta.source).toMatch(/^APRF, f\. 45, op\. 1, d\. 339, ll\. 95-96;/);
  });

  it('takes the translation and the original in either order, with their languages', () => {
    const english = parse('legacy-layout.txt');
    const russian = parse('legacy-layout-russian-first.txt');
    expect(english.original.lang).toBe('ru');
    expect(english.translation.lang).toBe('en');
    expect(russian.original).toEqual(english.original);
    expect(russian.translation).toEqual(english.translation);
    expect(russian.meta).toEqual(english.meta);
  });

  it('cuts each flattened language back into paragraphs: heading, body, signature lines', () => {
    const record = parse('legacy-layout.txt');
    const en = record.translation.paragraphs;
    expect(en[0]).toBe('CIPHERED TELEGRAM No. 3917 BEIJING—TO KRASOVSKY for Comrade MAO ZEDONG');
    expect(en[1]).toBe('Your telegrams about an armistice have been received.');
    expect(en.slice(-4)).toEqual(['FILIPPOV [Stalin]', '30 June 1951', 'No. 335/III', '[...]']);
    const ru = record.original.paragraphs;
    expect(ru[0]).toBe('[…]');
    expect(ru[1]).toBe('Ваши телеграммы о перемирии получены.');
    expect(ru.slice(-2)).toEqual(['Филиппов', '[…]']);
    expect(ru).toHaveLength(23);
    expect(en).toHaveLength(24);
  });

  it('aligns the pieces as the seed record’s sentences, not one line against nine', () => {
    const record = parse('legacy-layout.txt');
    const groups = alignSequences(record.original.paragraphs, record.translation.paragraphs, {
      originalLang: 'ru',
      translationLang: 'en',
    });
    const pairs = groups.filter((g) => g.original.length > 0 && g.translation.length > 0);
    // Every Russian sentence of the body and the signature finds its English one.
    expect(pairs).toHaveLength(20);
    const text = (side: 'original' | 'translation', indexes: number[]): string =>
      indexes.map((k) => record[side].paragraphs[k]).join(' ');
    const pairOf = (russian: string): string =>
      text('translation', pairs.find((g) => text('original', g.original) === russian)!.translation);
    expect(pairOf('Филиппов')).toBe('FILIPPOV [Stalin]');
    expect(pairOf('Ваши телеграммы о перемирии получены.')).toBe(
      'Your telegrams about an armistice have been received.',
    );
    // The heading, the date and the reference number stand alone, as in the seed.
    for (const line of [record.translation.paragraphs[0], '30 June 1951', 'No. 335/III']) {
      const k = record.translation.paragraphs.indexOf(line!);
      expect(groups).toContainEqual(expect.objectContaining({ original: [], translation: [k] }));
    }
    expect(seed.translation).toContain('30 June 1951');
  });

  it('parses citations with and without a translator or a glued summary', () => {
    expect(
      parseLegacyCitation(
        '"Letter, Kim Il Sung to Stalin," September 29, 1950, History and Public Policy Program Digital Archive, RGASPI, f. 558. Translated by Kathryn Weathersby. https://digitalarchive.wilsoncenter.org/document/114919',
      ),
    ).toEqual({
      title: 'Letter, Kim Il Sung to Stalin',
      date: '1950-09-29',
      source: 'RGASPI, f. 558',
      url: 'https://digitalarchive.wilsoncenter.org/document/114919',
      recordId: '114919',
      summary: null,
    });
    expect(splitFlattened('[…] Первое. Второе. Филиппов […]', 'ru')).toEqual([
      '[…]',
      'Первое.',
      'Второе.',
      'Филиппов',
      '[…]',
    ]);
  });
});
