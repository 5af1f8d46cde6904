// An original and its translation in two files: .txt, .md and .docx.
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { readPair, readRecordFile } from '../../../src/main/services/import';
import { plainTextParagraphs } from '../../../src/main/services/import/plain-text';
import { fixtureBytes } from './fixtures';

const side = (name: string): { name: string; bytes: Uint8Array } => ({
  name,
  bytes: fixtureBytes(`pairs/${name}`),
});

/** A .docx built the way Word writes one, with a title, paragraphs and a list. */
async function docx(title: string, paragraphs: string[]): Promise<Buffer> {
  const doc = new Document({
    description: 'Composed test fixture for Marginalia',
    sections: [
      {
        children: [
          new Paragraph({ text: title, heading: HeadingLevel.TITLE }),
          ...paragraphs.map(
            (text) =>
              new Paragraph({
                alignment: AlignmentType.JUSTIFIED,
                children: [new TextRun({ text, bold: text.startsWith('!') })],
              }),
          ),
          new Paragraph({ text: '' }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe('a pair of files: original and translation', () => {
  it('reads hard-wrapped .txt files paragraph by paragraph, languages from the names', async () => {
    const record = await readPair(side('politburo-1954.ru.txt'), side('politburo-1954.en.txt'));
    expect(record.meta.title).toBe('RESOLUTION OF THE PRESIDIUM OF THE CC CPSU');
    expect(record.original.lang).toBe('ru');
    expect(record.translation.lang).toBe('en');
    expect(record.original.paragraphs).toHaveLength(7);
    expect(record.translation.paragraphs).toHaveLength(7);
    expect(record.original.paragraphs[2]).toBe(
      '1. Принять предложение тов. Микояна А.И. о поставках оборудования для 15 предприятий в Китайскую Народную Республику в 1954–1955 гг. и о командировании в КНР группы советских специалистов.',
    );
    expect(record.translation.paragraphs.slice(0, 2)).toEqual([
      'RESOLUTION OF THE PRESIDIUM OF THE CC CPSU',
      '14 June 1954',
    ]);
  });

  it('titles a pair from its first line, never from the file name', async () => {
    const text = (lines: string[]) => Buffer.from(lines.join('\n\n'));
    const memo = await readPair(
      {
        name: 'molotov-memo.ru.txt',
        bytes: text([
          'Запись беседы В. М. Молотова с послом США Боленом, 12 мая 1955 г.',
          'Посол передал послание президента.',
        ]),
      },
      {
        name: 'molotov-memo.en.txt',
        bytes: text([
          'Memorandum of Conversation between V. M. Molotov and Ambassador Bohlen, 12 May 1955.',
          'The Ambassador handed over the President’s message.',
        ]),
      },
    );
    expect(memo.meta.title).toBe(
      'Memorandum of Conversation between V. M. Molotov and Ambassador Bohlen, 12 May 1955',
    );

    // A date and a classification mark above the first line are not the title.
    const telegram = await readPair(
      { name: 'tg.ru.txt', bytes: text(['СОВЕРШЕННО СЕКРЕТНО', 'Шифртелеграмма', 'Текст.']) },
      {
        name: 'tg.en.txt',
        bytes: text(['14 June 1954', 'TOP SECRET', 'Ciphered telegram', 'Text.']),
      },
    );
    expect(telegram.meta.title).toBe('Ciphered telegram');

    // A long first sentence is cut at a word, with an ellipsis.
    const long = await readPair(
      { name: 'a.ru.txt', bytes: text(['Мы получили ваше письмо и внимательно его изучили.']) },
      {
        name: 'a.en.txt',
        bytes: text([
          'We have received your letter of the fifth of May and have studied with great attention the proposals it makes about the talks.',
        ]),
      },
    );
    expect(long.meta.title).toBe(
      'We have received your letter of the fifth of May and have studied with great attention the proposals…',
    );
    expect(long.meta.title.length).toBeLessThanOrEqual(101);
  });

  it('reads Markdown with front matter: metadata, headings, lists, quotes and hard breaks', async () => {
    const record = await readPair(side('ulbricht-1961.de.md'), side('ulbricht-1961.en.md'));
    expect(record.meta).toMatchObject({
      title: 'Letter from Walter Ulbricht to N. S. Khrushchev',
      date: '1961-08-04',
      recordId: '900302',
      type: 'Letter',
      source: 'SAPMO-BArch, DY 30/3509, Bl. 1-3',
    });
    expect(record.original.lang).toBe('de');
    expect(record.translation.paragraphs).toEqual([
      'Letter to Comrade Khrushchev',
      'Dear Comrade Khrushchev!',
      'We thank you for the support you have given us on the Berlin question.',
      'The situation in the capital of the GDR has worsened further.',
      'The number of refugees has risen to more than 1,500 a day.',
      'We propose to introduce control of the border in the night from 12 to 13 August.',
      'With socialist greetings',
      'W. Ulbricht',
    ]);
    expect(record.original.paragraphs).toHaveLength(8);
    expect(record.original.paragraphs[1]).toBe('Sehr geehrter Genosse Chruschtschow!');
  });

  it('reads .docx files with mammoth, the title from the Title style', async () => {
    const ru = await docx('Телеграмма Филиппова', [
      'Ваши телеграммы о перемирии получены.',
      'Пошлите Риджуэю сегодня же примерно такой ответ.',
      'Филиппов',
    ]);
    const en = await docx('Telegram from Filippov', [
      'Your telegrams about an armistice have been received.',
      'Send to Ridgway today an answer roughly like this.',
      'FILIPPOV',
    ]);
    const record = await readPair({ name: 'a.docx', bytes: ru }, { name: 'b.docx', bytes: en });
    expect(record.meta.title).toBe('Telegram from Filippov');
    expect(record.original.lang).toBe('ru');
    expect(record.translation.lang).toBe('en');
    expect(record.original.paragraphs).toEqual([
      'Телеграмма Филиппова',
      'Ваши телеграммы о перемирии получены.',
      'Пошлите Риджуэю сегодня же примерно такой ответ.',
      'Филиппов',
    ]);
    expect(record.translation.paragraphs[1]).toBe(
      'Your telegrams about an armistice have been received.',
    );
  });

  it('mixes formats, takes the two files in either order, and lets the user set languages', async () => {
    const swapped = await readPair(side('politburo-1954.en.txt'), side('ulbricht-1961.de.md'), {
      order: 'auto',
    });
    expect(swapped.original.lang).toBe('de');
    expect(swapped.translation.lang).toBe('en');
    const overridden = await readPair(
      side('politburo-1954.ru.txt'),
      side('politburo-1954.en.txt'),
      {
        originalLang: 'uk',
        translationLang: 'en-GB',
      },
    );
    expect(overridden.original.lang).toBe('uk');
    expect(overridden.translation.lang).toBe('en-GB');
    // Without a language in the name, the text tells.
    const detected = await readPair(
      { name: 'original.txt', bytes: fixtureBytes('pairs/politburo-1954.ru.txt') },
      { name: 'translation.txt', bytes: fixtureBytes('pairs/politburo-1954.en.txt') },
    );
    expect([detected.original.lang, detected.translation.lang]).toEqual(['ru', 'en']);
  });

  it('says which side is bad and why', async () => {
    await expect(
      readPair(side('politburo-1954.ru.txt'), { name: 'empty.en.txt', bytes: new Uint8Array() }),
    ).rejects.toThrow('The translation (empty.en.txt): The file is empty.');
    await expect(
      readPair({ name: 'old.doc', bytes: Buffer.from('x') }, side('politburo-1954.en.txt')),
    ).rejects.toThrow(/The original \(old\.doc\): .*not “\.doc”/);
    await expect(
      readPair(
        { name: 'fake.docx', bytes: Buffer.from('plain text') },
        side('politburo-1954.en.txt'),
      ),
    ).rejects.toThrow(/not a Word \.docx file/);
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]);
    await expect(
      readPair({ name: 'broken.docx', bytes: zip }, side('politburo-1954.en.txt')),
    ).rejects.toThrow(/damaged/);
  });

  it('reads a single .docx archive page as a record', async () => {
    const bytes = await docx('Ciphered Telegram No. 3918', [
      'Ваша телеграмма получена.',
      'Your telegram has been received.',
      'Telegram from Stalin to Mao about the armistice talks.',
      'Document Information',
      'Record ID',
      '900303',
    ]);
    const { record, format } = await readRecordFile('page.docx', bytes);
    expect(format).toBe('archive-docx');
    expect(record.meta.title).toBe('Ciphered Telegram No. 3918');
    expect(record.meta.recordId).toBe('900303');
    expect(record.original.paragraphs).toEqual(['Ваша телеграмма получена.']);
  });
});

describe('plain text paragraphs', () => {
  it('keeps one paragraph per line when lines are not wrapped', () => {
    expect(plainTextParagraphs('One.\nTwo.\n\n\nThree.')).toEqual(['One.', 'Two.', 'Three.']);
  });

  it('joins hard-wrapped lines and hyphenated words, keeping short lines apart', () => {
    const wrapped = [
      'The quick brown fox jumps over the lazy dog and keeps on running',
      'through the field until it reaches the river, where it stops to',
      'drink. Then it turns back towards the edge of the great forest and',
      'sleeps.',
      '',
      'A second paragraph that is also long enough to reach the wrap mar-',
      'gin of this little text.',
      'SIGNATURE',
    ].join('\n');
    expect(plainTextParagraphs(wrapped)).toEqual([
      'The quick brown fox jumps over the lazy dog and keeps on running through the field until it reaches the river, where it stops to drink. Then it turns back towards the edge of the great forest and sleeps.',
      'A second paragraph that is also long enough to reach the wrap margin of this little text.',
      'SIGNATURE',
    ]);
  });
});
