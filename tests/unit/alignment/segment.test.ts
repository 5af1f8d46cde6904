import { describe, expect, it } from 'vitest';
import {
  sentenceSpans,
  splitParagraphs,
  splitSentences,
} from '../../../src/main/services/alignment/segment';
import { SEED_PARAGRAPHS, SEED_SENTENCES } from './fixtures';

describe('splitParagraphs', () => {
  it('splits on blank lines, counting no-break-space-only lines as blank, and trims', () => {
    const text = '  First line\ncontinued  \n\n\u00A0\n\nSecond\r\n \u00A0 \r\nThird\n\n\n';
    expect(splitParagraphs(text)).toEqual(['First line\ncontinued', 'Second', 'Third']);
  });

  it('returns nothing for blank text', () => {
    expect(splitParagraphs('\n\u00A0\n  \n')).toEqual([]);
  });
});

describe('splitSentences', () => {
  const ru = (text: string): string[] => splitSentences(text, 'ru');
  const en = (text: string): string[] => splitSentences(text, 'en');

  it('does not end sentences at Russian abbreviations', () => {
    expect(ru('Подписано тов. Ким Ир Сеном и тов. Пэн Дэхуаем. Ответа нет.')).toEqual([
      'Подписано тов. Ким Ир Сеном и тов. Пэн Дэхуаем.',
      'Ответа нет.',
    ]);
    expect(ru('Это, т.е. Кэсон, подходит. Это, т. е. Кэсон, подходит.')).toHaveLength(2);
    expect(ru('Встреча в г. Кэсоне в 1951 г. Москва согласна.')).toHaveLength(1);
    expect(ru('Решения 1950–1951 гг. Политбюро утвердило.')).toHaveLength(1);
    expect(ru('См. ст. 5 договора. Далее.')).toEqual(['См. ст. 5 договора.', 'Далее.']);
    expect(ru('Прибыли Молотов, Маленков и др. руководители.')).toHaveLength(1);
  });

  it('ends a sentence after "и т.д." or "и др." when a capital follows', () => {
    expect(ru('Поставлены станки, автомобили и т.д. Оплата кредитом.')).toEqual([
      'Поставлены станки, автомобили и т.д.',
      'Оплата кредитом.',
    ]);
    expect(ru('Поставлены станки и т. д. Оплата кредитом.')).toHaveLength(2);
    expect(ru('Были Молотов, Маленков и др. Обсуждали Корею.')).toHaveLength(2);
    expect(ru('Станки, автомобили и т.д. по списку.')).toHaveLength(1);
  });

  it('keeps initials with the surname in both scripts', () => {
    expect(ru('Докладывает И. В. Сталин. Слушали.')).toEqual([
      'Докладывает И. В. Сталин.',
      'Слушали.',
    ]);
    expect(ru('Докладывает И.В. Сталин.')).toHaveLength(1);
    expect(en('Reported by J. V. Stalin. Heard.')).toEqual(['Reported by J. V. Stalin.', 'Heard.']);
  });

  it('does not end sentences at English titles and abbreviations', () => {
    const text =
      'Cde. Mao and Gen. Peng met Mr. Roshchin and Dr. Li at St. Petersburg, e.g. in May, i.e. before the U.S. note. Then they left.';
    expect(en(text)).toHaveLength(2);
    expect(en('See telegram No. 3917 of 30 June. It was received.')).toHaveLength(2);
    expect(en('The answer was no. Then they left.')).toHaveLength(2);
  });

  it('keeps archival citations whole', () => {
    expect(
      en('APRF, f. 45, op. 1, d. 339, ll. 95-96; AVP RF, f. 059a, op. 5a, d. 4, p. 11, ll. 14-15.'),
    ).toHaveLength(1);
    expect(ru('АПРФ, ф. 45, оп. 1, д. 339, лл. 95–96; л. 14. Копия.')).toEqual([
      'АПРФ, ф. 45, оп. 1, д. 339, лл. 95–96; л. 14.',
      'Копия.',
    ]);
  });

  it('does not split decimal numbers or numbered points', () => {
    expect(en('Prices rose by 3.5 per cent. Wages did not.')).toEqual([
      'Prices rose by 3.5 per cent.',
      'Wages did not.',
    ]);
    expect(ru('1. Принять предложение. 2. Поручить МИД.')).toEqual([
      '1. Принять предложение.',
      '2. Поручить МИД.',
    ]);
  });

  it('keeps closing quotes and brackets with their sentence', () => {
    expect(ru('Ответ: «Заявление получено.» Мы согласны.')).toEqual([
      'Ответ: «Заявление получено.»',
      'Мы согласны.',
    ]);
    expect(en('“Date.” Signature follows.')).toEqual(['“Date.”', 'Signature follows.']);
    expect(en('He agreed (in principle.) Then he left.')).toEqual([
      'He agreed (in principle.)',
      'Then he left.',
    ]);
  });

  it('splits at question and exclamation marks but not before a lower-case continuation', () => {
    expect(ru('Дорогой товарищ Сталин! Разрешите поблагодарить Вас.')).toHaveLength(2);
    expect(ru('Что делать? — спросил он.')).toHaveLength(1);
  });

  it('does not split at an editorial ellipsis in brackets', () => {
    expect(ru('Сообщаю [...] о положении. Далее.')).toEqual([
      'Сообщаю [...] о положении.',
      'Далее.',
    ]);
  });

  it('returns spans that are exact, trimmed substrings', () => {
    for (const paragraph of [
      ...SEED_PARAGRAPHS.original,
      ...SEED_PARAGRAPHS.translation,
      '  Two. Sentences.  ',
    ]) {
      const spans = sentenceSpans(paragraph, 'ru');
      for (const { start, end } of spans) {
        const sentence = paragraph.slice(start, end);
        expect(sentence).toBe(sentence.trim());
        expect(sentence.length).toBeGreaterThan(0);
      }
      const rest = spans.reduce(
        (text, { start, end }) => text.slice(0, start) + ' '.repeat(end - start) + text.slice(end),
        paragraph,
      );
      expect(rest.trim()).toBe('');
    }
  });

  it('splits the seed record as the gold sentence list has it', () => {
    const split = (paragraphs: string[], lang: string): string[] =>
      paragraphs.flatMap((p) => splitSentences(p, lang));
    expect(split(SEED_PARAGRAPHS.original, 'ru')).toEqual(SEED_SENTENCES.original);
    expect(split(SEED_PARAGRAPHS.translation, 'en')).toEqual(SEED_SENTENCES.translation);
    // The three long paragraphs hold 6, 5 and 6 sentences on each side.
    const countIn = (paragraph: string, lang: string): number =>
      splitSentences(paragraph, lang).length;
    expect([2, 4, 10].map((i) => countIn(SEED_PARAGRAPHS.original[i] ?? '', 'ru'))).toEqual([
      6, 5, 6,
    ]);
    expect([4, 6, 12].map((j) => countIn(SEED_PARAGRAPHS.translation[j] ?? '', 'en'))).toEqual([
      6, 5, 6,
    ]);
  });
});
