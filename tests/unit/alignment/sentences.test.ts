import { describe, expect, it } from 'vitest';
import {
  alignSentences,
  alignSequences,
  alignmentProblem,
} from '../../../src/main/services/alignment/index';
import { RU_EN, SEED_PARAGRAPHS } from './fixtures';

const seed = SEED_PARAGRAPHS;
const paragraphs = alignSequences(seed.original, seed.translation, RU_EN);

describe('alignSentences', () => {
  const result = alignSentences(seed.original, seed.translation, paragraphs, RU_EN);

  it('returns sentences with paragraph index and exact character spans', () => {
    for (const [side, texts] of [
      [result.original, seed.original],
      [result.translation, seed.translation],
    ] as const) {
      for (const sentence of side) {
        expect(texts[sentence.paragraph]?.slice(sentence.start, sentence.end)).toBe(sentence.text);
      }
    }
    expect(result.original.find((s) => s.text.includes('тов. Ким Ир Сеном'))?.text).toMatch(
      /^Это сообщение/,
    );
  });

  it('is a complete alignment whose pairs never cross paragraph rows', () => {
    expect(
      alignmentProblem(result.groups, result.original.length, result.translation.length),
    ).toBeNull();
    const rowOf = (side: 'original' | 'translation', paragraph: number): number =>
      paragraphs.findIndex((row) => row[side].includes(paragraph));
    for (const group of result.groups) {
      const rows = new Set([
        ...group.original.map((k) => rowOf('original', result.original[k]?.paragraph ?? -1)),
        ...group.translation.map((k) =>
          rowOf('translation', result.translation[k]?.paragraph ?? -1),
        ),
      ]);
      expect(rows.size).toBe(1);
    }
  });

  it('leaves the sentences of one-sided rows unpaired', () => {
    const lone = result.groups.filter(
      (group) => group.original.length === 0 || group.translation.length === 0,
    );
    const loneParagraphs = lone.map((group) =>
      group.original.length > 0
        ? `o${result.original[group.original[0] ?? 0]?.paragraph}`
        : `t${result.translation[group.translation[0] ?? 0]?.paragraph}`,
    );
    expect(loneParagraphs.sort()).toEqual(['o0', 'o12', 't0', 't1', 't14', 't15', 't16', 't2']);
  });

  it('scales sentence confidence by the row, except for rows the reader confirmed', () => {
    const doubtful = paragraphs.map((row) => ({ ...row, confidence: 0.5 }));
    const halved = alignSentences(seed.original, seed.translation, doubtful, RU_EN);
    expect(Math.max(...halved.groups.map((group) => group.confidence))).toBeLessThanOrEqual(0.5);
    const confirmedRows = doubtful.map((row) => ({ ...row, confirmed: true }));
    const trusted = alignSentences(seed.original, seed.translation, confirmedRows, RU_EN);
    expect(Math.max(...trusted.groups.map((group) => group.confidence))).toBeGreaterThan(0.5);
  });

  it('rejects a paragraph alignment that does not cover the paragraphs', () => {
    expect(() =>
      alignSentences(seed.original, seed.translation, paragraphs.slice(1), RU_EN),
    ).toThrow(RangeError);
  });
});
