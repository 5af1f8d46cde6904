// The archive-page text importer on composed pages in every variant the issue lists.
import { describe, expect, it } from 'vitest';
import { parseArchivePage } from '../../../src/main/services/import/archive-page';
import { parseArchivalCitations } from '../../../src/shared/citation-parts';
import { SAMPLE_TEXT } from '../support/context';
import { fixtureText } from './fixtures';

const parse = (name: string): ReturnType<typeof parseArchivePage> =>
  parseArchivePage(fixtureText(`archive-page/${name}`));

describe('archive page text in its variants', () => {
  it('drops a whole site header, a breadcrumb and a footer, and reads the same record', () => {
    const plain = parseArchivePage(SAMPLE_TEXT);
    const chrome = parse('telegram-chrome-footer.txt');
    expect(chrome.meta).toEqual(plain.meta);
    expect(chrome.original).toEqual(plain.original);
    expect(chrome.translation).toEqual(plain.translation);
    const all = [...chrome.original.paragraphs, ...chrome.translation.paragraphs].join('\n');
    expect(all).not.toMatch(/Wilson Center|Sign In|Home ›|Related Documents|Privacy|©/);
    expect(chrome.meta.recordId).toBe('110374');
  });

  it('reads a Chinese original and its English translation', () => {
    const record = parse('chinese-english.txt');
    expect(record.meta).toMatchObject({
      title: 'Telegram, Mao Zedong to Filippov [Stalin], on Sending Volunteers to Korea',
      date: '1950-10-02',
      recordId: '900101',
      type: 'Telegram',
      uploaded: '2012-03-14',
      summary:
        'Mao informs Stalin that China will send volunteers to Korea and asks for Soviet weapons.',
    });
    expect(record.original.lang).toBe('zh');
    expect(record.translation.lang).toBe('en');
    expect(record.original.paragraphs).toEqual([
      '[…]',
      '菲利波夫同志：',
      expect.stringMatching(/^（一）我们决定/),
      expect.stringMatching(/^（二）/),
      expect.stringMatching(/^（三）/),
      '毛泽东',
      '一九五〇年十月二日',
    ]);
    // The salutation is English even though it has no English function words.
    expect(record.translation.paragraphs[0]).toBe('Comrade Filippov:');
    expect(record.translation.paragraphs.slice(-2)).toEqual(['MAO ZEDONG', '2 October 1950']);
  });

  it('reads a German original, keeping its closing and signature with it', () => {
    const record = parse('german-english.txt');
    expect(record.meta).toMatchObject({
      title: 'Letter from Walter Ulbricht to Nikita Khrushchev on Measures in Berlin',
      date: '1961-08-04',
      recordId: '900102',
      type: 'Letter',
      source: 'SAPMO-BArch, DY 30/3509, Bl. 1-3.',
    });
    expect(record.original.lang).toBe('de');
    expect(record.original.paragraphs).toHaveLength(6);
    expect(record.original.paragraphs.slice(-2)).toEqual([
      'Mit sozialistischem Gruß',
      'W. Ulbricht',
    ]);
    expect(record.translation.paragraphs[0]).toBe('Dear Comrade Khrushchev!');
    expect(record.translation.paragraphs).toHaveLength(6);
    // Fields in another order, Rights last: all read.
    expect(record.meta.rights).toMatch(/^Composed test fixture/);
  });

  it('reads a Korean original and its English translation', () => {
    const record = parse('korean-english.txt');
    expect(record.meta).toMatchObject({
      title: 'Letter from Kim Il Sung and Pak Heon-yeong to Stalin',
      date: '1950-09-29',
      recordId: '900103',
    });
    expect(record.original.lang).toBe('ko');
    expect(record.original.paragraphs).toHaveLength(7);
    expect(record.original.paragraphs.at(-1)).toBe('1950년 9월 29일');
    expect(record.translation.paragraphs).toHaveLength(7);
    expect(record.translation.paragraphs.slice(-3)).toEqual([
      'KIM IL SUNG',
      'PAK HEON-YEONG',
      '29 September 1950',
    ]);
  });

  it('reads an English-only record and keeps the language of the missing original', () => {
    const record = parse('english-only.txt');
    expect(record.original).toEqual({ lang: 'zh', paragraphs: [] });
    expect(record.translation.lang).toBe('en');
    expect(record.translation.paragraphs).toEqual([
      '[...]',
      expect.stringMatching(/^ZHOU ENLAI said/),
      expect.stringMatching(/^The AMBASSADOR thanked/),
      expect.stringMatching(/^Zhou Enlai asked/),
    ]);
    expect(record.meta.summary).toMatch(/^Zhou Enlai tells/);
    expect(record.meta.type).toBe('Memorandum of Conversation');
  });

  it('copes with missing fields, an empty Type, several blank lines and a stray line', () => {
    const record = parse('missing-fields-russian.txt');
    expect(record.meta).toMatchObject({
      title: "Resolution of the CC CPSU Presidium on Aid to the Chinese People's Republic",
      date: '1954-06-14',
      recordId: null,
      type: null,
      rights: null,
      url: null,
      source: 'АП РФ. Ф. 3. Оп. 65. Д. 827. Л. 18–19.',
    });
    expect(record.original.lang).toBe('ru');
    // Editorial marks stay as they are, in their places; several blank lines are one break.
    expect(record.original.paragraphs).toEqual([
      '[…]',
      expect.stringMatching(/^1\. Принять предложение тов\. Микояна/),
      '2. Поручить Госплану СССР (тов. Сабурову) [в течение] двух недель представить расчёты по срокам поставок.',
      expect.stringMatching(/^3\. Обязать МИД СССР \[неразборчиво\]/),
      'Секретарь ЦК',
      '[...]',
    ]);
    expect(record.translation.paragraphs).toHaveLength(5);
    expect(record.translation.paragraphs.at(-1)).toBe('[…]');
    const [citation] = parseArchivalCitations(record.meta.source);
    expect(citation).toMatchObject({
      archive: 'АП РФ',
      fond: '3',
      opis: '65',
      delo: '827',
      listy: '18-19',
    });
  });

  it('reads a "Citation" field into the archival reference and the translator', () => {
    const record = parse('citation-credits.txt');
    expect(record.meta).toMatchObject({
      title: 'Telegram from Filippov [Stalin] to Mao Zedong on Volunteers for Korea',
      date: '1950-10-01',
      recordId: '900107',
      type: 'Telegram',
      source: 'RGASPI, F. 558, Op. 11, D. 342, L. 92. Contributed and translated by Mark Kramer.',
      translator: 'Mark Kramer',
      contributor: 'Mark Kramer',
    });
    expect(parseArchivalCitations(record.meta.source)).toMatchObject([
      { archive: 'RGASPI', fond: '558', opis: '11', delo: '342', listy: '92' },
    ]);
    // A full note citation in the field gives the same source line.
    const noted = fixtureText('archive-page/citation-credits.txt').replace(
      'RGASPI, F. 558,',
      '“Telegram from Filippov [Stalin] to Mao Zedong on Volunteers for Korea,” October 1, 1950, Wilson Center Digital Archive, RGASPI, F. 558,',
    );
    expect(parseArchivePage(noted).meta).toMatchObject({
      source: 'RGASPI, F. 558, Op. 11, D. 342, L. 92. Contributed and translated by Mark Kramer.',
      translator: 'Mark Kramer',
    });
    // A "Translated by" field names the translator on its own.
    const field = fixtureText('archive-page/inline-fields.txt').replace(
      'Record ID: 900106',
      'Record ID: 900106\nTranslated by: Gary Goldberg',
    );
    expect(parseArchivePage(field).meta).toMatchObject({
      translator: 'Gary Goldberg',
      contributor: null,
      source: 'RGASPI, f. 558, op. 11, d. 339, l. 97.',
    });
  });

  it('reads fields given as "Label: value" lines and an ISO date', () => {
    const record = parse('inline-fields.txt');
    expect(record.meta).toMatchObject({
      date: '1951-07-01',
      recordId: '900106',
      type: 'Telegram',
      source: 'RGASPI, f. 558, op. 11, d. 339, l. 97.',
      url: 'https://digitalarchive.example.org/document/900106',
      summary: "Stalin approves Mao's reply to Ridgway.",
    });
    expect(record.original.paragraphs).toEqual([
      'Товарищу Мао Цзэдуну.',
      'Мы согласны с Вашим ответом Риджуэю.',
      'Филиппов',
    ]);
    expect(record.translation.paragraphs).toEqual([
      'To Comrade Mao Zedong.',
      'We agree with your answer to Ridgway.',
      'FILIPPOV',
    ]);
  });

  it('reads Russian and German dates', () => {
    const record = parseArchivePage(
      '30 июня 1951 г.\n\nЗаписка В. М. Молотова\n\nТекст записки.\n\nThe text of the note.',
    );
    expect(record.meta.title).toBe('Записка В. М. Молотова');
    expect(record.meta.date).toBe('1951-06-30');
    expect(record.original.paragraphs).toEqual(['Текст записки.']);
    const german = parseArchivePage('4. August 1961\n\nBrief\n\nDer Text des Briefes ist hier.');
    expect(german.meta.date).toBe('1961-08-04');
    // A name with a month's first letters is no date.
    expect(parseArchivePage('Marshall 1947\n\nThe plan of the Secretary.').meta.date).toBeNull();
  });

  it('never keeps a javascript: address as the record URL', () => {
    const text = fixtureText('archive-page/inline-fields.txt').replace(
      'https://digitalarchive.example.org/document/900106',
      'javascript:alert(1)',
    );
    expect(parseArchivePage(text).meta.url).toBeNull();
  });
});
