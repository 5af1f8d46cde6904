import { describe, expect, it } from 'vitest';
import type { AlignmentGroup } from '@shared/model';
import {
  alignSequences,
  alignmentProblem,
  realign,
} from '../../../src/main/services/alignment/index';
import { LONG_REPORT, RU_EN, SEED_PARAGRAPHS, loneKeys, pairKeys, prng, shapes } from './fixtures';

const seed = SEED_PARAGRAPHS;
const confirmed = (original: number[], translation: number[]): AlignmentGroup => ({
  original,
  translation,
  confidence: 1,
  confirmed: true,
});

function expectKept(result: readonly AlignmentGroup[], keep: readonly AlignmentGroup[]): void {
  for (const row of keep) {
    const found = result.find(
      (group) =>
        group.original.join() === row.original.join() &&
        group.translation.join() === row.translation.join(),
    );
    expect(found).toEqual({ ...row, confidence: 1, confirmed: true });
  }
  expect(result.filter((group) => group.confirmed)).toHaveLength(keep.length);
}

describe('realign', () => {
  it('keeps a confirmed row the machine would not choose and aligns around it', () => {
    // The reader insists that "Филиппов" goes with "No. 335/III".
    const keep = [confirmed([11], [15])];
    const result = realign(seed.original, seed.translation, RU_EN, keep);
    expect(alignmentProblem(result, seed.original.length, seed.translation.length)).toBeNull();
    expectKept(result, keep);
    // Everything before the kept row is aligned as without it.
    expect(pairKeys(shapes(result)).filter((key) => key !== '11|15')).toEqual(
      pairKeys(seed.gold).filter((key) => key !== '11|13'),
    );
    expect(loneKeys(shapes(result))).toEqual(expect.arrayContaining(['t13', 't14', 't16', 'o12']));
  });

  it('fills the gaps between several confirmed rows like a fresh alignment', () => {
    const keep = [confirmed([1], [3]), confirmed([6], [8]), confirmed([10], [12])];
    const result = realign(seed.original, seed.translation, RU_EN, keep);
    expect(alignmentProblem(result, seed.original.length, seed.translation.length)).toBeNull();
    expectKept(result, keep);
    expect(pairKeys(shapes(result))).toEqual(pairKeys(seed.gold));
    expect(result.filter((group) => !group.confirmed).every((group) => group.confidence <= 1)).toBe(
      true,
    );
  });

  it('keeps a confirmed one-sided row and leaves the other side free', () => {
    // "KIM IL SUNG" confirmed as having no counterpart (against the gold).
    const keep = [confirmed([], [8])];
    const result = realign(seed.original, seed.translation, RU_EN, keep);
    expect(alignmentProblem(result, seed.original.length, seed.translation.length)).toBeNull();
    expectKept(result, keep);
    expect(pairKeys(shapes(result))).toContain('10|12');
  });

  it('equals a fresh alignment when nothing is kept', () => {
    expect(realign(seed.original, seed.translation, RU_EN, [])).toEqual(
      alignSequences(seed.original, seed.translation, RU_EN),
    );
  });

  it('rejects kept rows that overlap, run backwards or leave the texts', () => {
    expect(() =>
      realign(seed.original, seed.translation, RU_EN, [confirmed([2], [4]), confirmed([2], [5])]),
    ).toThrow(RangeError);
    expect(() =>
      realign(seed.original, seed.translation, RU_EN, [confirmed([5], [7]), confirmed([3], [9])]),
    ).toThrow(RangeError);
    expect(() => realign(seed.original, seed.translation, RU_EN, [confirmed([13], [4])])).toThrow(
      RangeError,
    );
    expect(() => realign(seed.original, seed.translation, RU_EN, [confirmed([1, 3], [4])])).toThrow(
      RangeError,
    );
  });

  it('keeps random confirmed rows and stays a complete alignment (property)', () => {
    const random = prng(42);
    const original = LONG_REPORT.original.slice(0, 120);
    const translation = LONG_REPORT.translation.slice(0, 118);
    const machine = alignSequences(original, translation, RU_EN);
    for (let trial = 0; trial < 25; trial++) {
      // Confirm a random subset of machine rows, and sometimes invent a pair of our own.
      const keep = machine
        .filter(() => random() < 0.15)
        .map((group) => confirmed(group.original, group.translation));
      const result = realign(original, translation, RU_EN, keep);
      expect(alignmentProblem(result, original.length, translation.length)).toBeNull();
      expectKept(result, keep);
    }
  });
});
