import { describe, expect, it } from 'vitest';
import {
  countNameMatches,
  countNumberMatches,
  extractEvidence,
  extractNumbers,
  isEditorialMark,
  listMarkerOf,
  oneSidedScore,
} from '../../../src/main/services/alignment/evidence';

describe('extractNumbers', () => {
  it('normalises dates, ranges, ordinals and thousands across languages', () => {
    const shared = (ru: string, en: string): number =>
      countNumberMatches(extractNumbers(ru), extractNumbers(en));
    expect(shared('от 28 июня', 'of 28 June')).toBe(2);
    expect(shared('10–15 июля', 'July 10-15')).toBe(3);
    expect(shared('на 38-й параллели', 'at the 38th parallel')).toBe(1);
    expect(shared('Шифртелеграмма № 3917', 'CIPHERED TELEGRAM No. 3917')).toBe(1);
    expect(shared('120 тысяч тонн', '120,000 tons')).toBe(1);
    expect(shared('1 200 вагонов', '1,200 wagons')).toBe(1);
    expect(shared('300 млн. долларов', '300 million dollars')).toBe(1);
    expect(shared('в 1951 г.', 'in 1952')).toBe(0);
  });

  it('ignores "may" and "march" that are not months', () => {
    expect(extractNumbers('We may march on.')).toEqual([]);
    expect(extractNumbers('May 9')).toEqual(['9', 'm5']);
  });
});

describe('names in evidence', () => {
  it('pairs "Пэн Дэхуаем" with "PENG DEHUAI" and ignores sentence pronouns', () => {
    const ru = extractEvidence('следовательно, тов. Ким Ир Сеном и тов. Пэн Дэхуаем.', 'ru');
    const en = extractEvidence(
      'consequently by Comrade KIM IL SUNG and Comrade PENG DEHUAI.',
      'en',
    );
    expect(countNameMatches(ru.names, en.names)).toBe(3);
    expect(extractEvidence('Вы предлагаете, а мы согласны.', 'ru').nameWords).toEqual([]);
  });

  it('maps acronyms that are not transliterations', () => {
    const ru = extractEvidence('СССР и США в ООН', 'ru');
    const en = extractEvidence('the USSR and the U.S. in the UN', 'en');
    expect(countNameMatches(ru.names, en.names)).toBe(3);
  });
});

describe('structure', () => {
  it('recognises opening and closing quotes of either typography', () => {
    const ru = extractEvidence('«Главнокомандующему войсками ООН.', 'ru');
    const en = extractEvidence('“To the commander of UN troops.', 'en');
    expect([ru.opensQuote, en.opensQuote]).toEqual([true, true]);
    expect(extractEvidence('Дата».', 'ru').closesQuote).toBe(true);
    expect(extractEvidence('Date.”', 'en').closesQuote).toBe(true);
    expect(extractEvidence('Date.', 'en').closesQuote).toBe(false);
  });

  it('normalises list markers', () => {
    expect(listMarkerOf('1. Принять')).toBe('n:1');
    expect(listMarkerOf('2) We intend')).toBe('n:2');
    expect(listMarkerOf('III. Conclusions')).toBe('n:3');
    expect(listMarkerOf('б) второе')).toBe('l:2');
    expect(listMarkerOf('b) second')).toBe('l:2');
    expect(listMarkerOf('— пункт')).toBe('bullet');
    expect(listMarkerOf('Принять предложение')).toBeNull();
  });
});

describe('one-sided lines', () => {
  it('scores headers, routing, dates, references and editorial marks as one-sided', () => {
    for (const line of [
      'CIPHERED TELEGRAM No. 3917',
      'BEIJING—TO KRASOVSKY',
      'for Comrade MAO ZEDONG',
      '30 June 1951',
      'No. 335/III',
      '[…]',
      '[...]',
      'APRF, f. 45, op. 1, d. 339, ll. 95-96',
      '7 июля 1951 г.',
      'Пхеньян, 4 апреля 1952 г.',
    ]) {
      expect(oneSidedScore(line), line).toBeGreaterThanOrEqual(0.6);
    }
  });

  it('scores prose and signatures low', () => {
    expect(oneSidedScore('Ваши телеграммы о перемирии получены.')).toBe(0);
    expect(oneSidedScore('Your telegrams about an armistice have been received.')).toBe(0);
    expect(oneSidedScore('Филиппов')).toBeLessThan(0.5);
    expect(oneSidedScore('FILIPPOV [Stalin]')).toBeLessThan(0.5);
  });

  it('treats only bracketed editorial notes as editorial marks', () => {
    expect(isEditorialMark('[…]')).toBe(true);
    expect(isEditorialMark('[...]')).toBe(true);
    expect(isEditorialMark('[Translated for this edition.]')).toBe(true);
    expect(isEditorialMark('(…)')).toBe(true);
    expect(isEditorialMark('FILIPPOV [Stalin]')).toBe(false);
    expect(isEditorialMark('(Comrade Vasilevsky)')).toBe(false);
  });
});
