import { describe, expect, it } from 'vitest';
import {
  nameSimilarity,
  namesMatch,
  phoneticKey,
  stripRussianEnding,
  transliterate,
} from '../../../src/shared/text/transliterate';

describe('transliterate', () => {
  it('renders Cyrillic in Latin letters, keeping capitals', () => {
    expect(transliterate('Филиппов')).toBe('Filippov');
    expect(transliterate('Щукин и Жуков')).toBe('Shchukin i Zhukov');
    expect(transliterate('ЦК КПСС')).toBe('TSK KPSS');
    expect(transliterate('Mao 1951')).toBe('Mao 1951');
  });
});

describe('phoneticKey', () => {
  it('gives the same key to renderings in different systems and cases', () => {
    expect(phoneticKey('Филиппов')).toBe(phoneticKey('FILIPPOV'));
    expect(phoneticKey('Пэн')).toBe(phoneticKey('PENG'));
    expect(phoneticKey('Дэхуай')).toBe(phoneticKey('Dehuai'));
    expect(phoneticKey('Красовский')).toBe(phoneticKey('KRASOVSKY'));
    expect(phoneticKey('Чжоу')).toBe(phoneticKey('Zhou'));
  });
});

describe('stripRussianEnding', () => {
  it('removes one case ending but keeps a stem of three letters', () => {
    expect(stripRussianEnding('Дэхуаем')).toBe('Дэхуа');
    expect(stripRussianEnding('Риджуэю')).toBe('Риджуэ');
    expect(stripRussianEnding('Сеном')).toBe('Сен');
    expect(stripRussianEnding('Ким')).toBe('Ким');
  });
});

describe('namesMatch', () => {
  it.each([
    ['Филиппов', 'FILIPPOV'],
    ['Пэн', 'Peng'],
    ['Дэхуай', 'DEHUAI'],
    ['Дэхуаем', 'Dehuai'],
    ['Ким', 'KIM'],
    ['Риджуэй', 'Ridgway'],
    ['Риджуэю', 'RIDGWAY'],
    ['Мао', 'Mao'],
    ['Цзэдун', 'Zedong'],
    ['Цзэдуна', 'ZEDONG'],
    ['Красовскому', 'KRASOVSKY'],
    ['Москвы', 'Moscow'],
    ['Эньлаем', 'Enlai'],
    ['Вышинский', 'Vyshinsky'],
    ['Кэсоне', 'Kaesong'],
    ['Ельцин', 'Yeltsin'],
  ])('matches %s with %s', (russian, english) => {
    expect(namesMatch(russian, english)).toBe(true);
  });

  it.each([
    ['Филиппов', 'Molotov'],
    ['Сталин', 'Stalingrad'],
    ['Ким', 'Kam'],
    ['Мао', 'Moscow'],
    ['Риджуэй', 'Razuvaev'],
    ['Пэн', 'Pak'],
    ['Цзэдун', 'Zhukov'],
    ['Кореи', 'Krasovsky'],
  ])('does not match %s with %s', (russian, english) => {
    expect(namesMatch(russian, english)).toBe(false);
  });

  it.each([
    ['Ким Ир Сеном', 'KIM IL SUNG'],
    ['Ким Ир Сен', 'Kim Il Sung'],
    ['Пэн Дэхуаем', 'PENG DEHUAI'],
    ['Мао Цзэдуна', 'Mao Zedong'],
    ['Пак Хон Ёном', 'Pak Hon Yong'],
    ['Чан Кайши', 'Chiang Kai-shek'],
  ])('matches the full name %s with %s', (russian, english) => {
    expect(namesMatch(russian, english)).toBe(true);
  });

  it('does not match different full names', () => {
    expect(namesMatch('Ким Ир Сен', 'Pak Hon Yong')).toBe(false);
    expect(namesMatch('Мао Цзэдун', 'Zhou Enlai')).toBe(false);
  });

  it('scores a near rendering above an unrelated name', () => {
    expect(nameSimilarity('Риджуэю', 'Ridgway')).toBeGreaterThan(0.8);
    expect(nameSimilarity('Риджуэю', 'Molotov')).toBeLessThan(0.5);
  });
});
