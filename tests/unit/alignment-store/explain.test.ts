import { describe, expect, it } from 'vitest';
import type { AlignmentGroup, Side } from '@shared/model';
import { explainDoubtfulRows } from '../../../src/main/services/alignment-store/explain';

const row = (o: number[], t: number[], confidence: number, confirmed = false): AlignmentGroup => ({
  original: o,
  translation: t,
  confidence,
  confirmed,
});

const ORIGINAL = [
  'Ваши телеграммы о перемирии получены.',
  'Совещание назначено на 10 июля 1951 года.',
  'Командующий китайскими добровольческими частями.',
  'Надо немедленно ответить по радио о согласии встретиться с представителями.',
  '[…]',
];
const TRANSLATION = [
  'Your telegrams about an armistice have been received.',
  'The meeting is set for 12 July.',
  'Commander in Chief of the Chinese Volunteer Units, who will lead the negotiations, has been told at great length about every point of the answer to be sent today, and about the place.',
];
const texts = {
  lang: { original: 'ru', translation: 'en' } as Record<Side, string>,
  text: (side: Side, unit: number) => (side === 'original' ? ORIGINAL : TRANSLATION)[unit] ?? '',
};

describe('why a row is doubtful', () => {
  const groups = [
    row([0], [0], 0.95),
    row([1], [1], 0.3),
    row([2], [2], 0.35),
    row([3], [], 0.3),
    row([4], [], 0.3),
  ];
  const notes = explainDoubtfulRows(groups, texts, 'passage');

  it('explains only the doubtful rows nobody confirmed', () => {
    expect(notes.map((n) => n.row)).toEqual([1, 2, 3, 4]);
    const confirmed = groups.map((g) => ({ ...g, confirmed: true }));
    expect(explainDoubtfulRows(confirmed, texts, 'passage')).toEqual([]);
  });

  it('names numbers found on one side only', () => {
    expect(notes[0]!.reason).toBe(
      'The aligner is 30% sure of this row: the numbers differ (10, 1951 only in the Russian).',
    );
  });

  it('points out a length out of proportion with the rest of the record', () => {
    expect(notes[1]!.reason).toMatch(
      /^The aligner is 35% sure of this row: the English is \d\.\d times as long as usual in this record/,
    );
  });

  it('tells a lone line of prose from a lone editorial mark', () => {
    expect(notes[2]!.reason).toMatch(
      /this Russian passage reads like running text, yet no English counterpart/,
    );
    expect(notes[3]!.reason).toBe(
      'The aligner is 30% sure of this row: no English counterpart was found for this Russian passage.',
    );
  });
});
