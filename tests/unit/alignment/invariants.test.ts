import { describe, expect, it } from 'vitest';
import type { AlignmentGroup } from '@shared/model';
import { alignSequences, alignmentProblem } from '../../../src/main/services/alignment/index';
import { LONG_REPORT, RU_EN, linkF1, prng, shapes } from './fixtures';

const ONE_SIDED = ['[…]', '[...]', 'No. 335/III', '30 June 1951', 'CIPHERED TELEGRAM No. 3917', ''];

function randomSide(random: () => number, pool: readonly string[], count: number): string[] {
  return Array.from({ length: count }, () =>
    random() < 0.1
      ? (ONE_SIDED[Math.floor(random() * ONE_SIDED.length)] ?? '')
      : (pool[Math.floor(random() * pool.length)] ?? ''),
  );
}

function expectComplete(groups: readonly AlignmentGroup[], n: number, m: number): void {
  expect(alignmentProblem(groups, n, m)).toBeNull();
  for (const group of groups) {
    expect(group.confirmed).toBe(false);
    expect(Number.isFinite(group.confidence)).toBe(true);
    expect(group.original.length).toBeLessThanOrEqual(3);
    expect(group.translation.length).toBeLessThanOrEqual(3);
  }
}

describe('alignment invariants', () => {
  it('covers every index exactly once, in order, on random inputs including empty sides', () => {
    const random = prng(20_240_601);
    for (let trial = 0; trial < 120; trial++) {
      const n = trial % 10 === 0 ? 0 : Math.floor(random() * 40);
      const m = trial % 15 === 0 ? 0 : Math.floor(random() * 40);
      const original = randomSide(random, LONG_REPORT.original, n);
      const translation = randomSide(random, LONG_REPORT.translation, m);
      expectComplete(alignSequences(original, translation, RU_EN), n, m);
    }
  });

  it('gives all 1–0 or 0–1 groups when one side is empty', () => {
    const random = prng(7);
    for (let trial = 0; trial < 10; trial++) {
      const side = randomSide(random, LONG_REPORT.original, 1 + Math.floor(random() * 30));
      const onlyOriginal = alignSequences(side, [], RU_EN);
      expect(
        onlyOriginal.every(
          (group) => group.original.length === 1 && group.translation.length === 0,
        ),
      ).toBe(true);
      const onlyTranslation = alignSequences([], side, RU_EN);
      expect(
        onlyTranslation.every(
          (group) => group.original.length === 0 && group.translation.length === 1,
        ),
      ).toBe(true);
    }
  });

  it('stays complete and accurate in the banded search, widening past a long omission', () => {
    // 800 + 740 sentences: too big for the full lattice. Sixty consecutive sentences of the
    // translation are missing, far more than the first band's half-width.
    const original = [...LONG_REPORT.original, ...LONG_REPORT.original];
    const translation = [...LONG_REPORT.translation, ...LONG_REPORT.translation];
    const offset = LONG_REPORT.original.length;
    const gold = [
      ...LONG_REPORT.gold,
      ...LONG_REPORT.gold.map((group) => ({
        original: group.original.map((i) => i + offset),
        translation: group.translation.map((j) => j + LONG_REPORT.translation.length),
      })),
    ];
    const cutFrom = 300;
    const cutTo = 360;
    const shortened = translation.filter((_, j) => j < cutFrom || j >= cutTo);
    const shortenedGold = gold.map((group) => ({
      original: group.original,
      translation: group.translation
        .filter((j) => j < cutFrom || j >= cutTo)
        .map((j) => (j >= cutTo ? j - (cutTo - cutFrom) : j)),
    }));
    let anchorHalfWidth = 0;
    const groups = alignSequences(original, shortened, RU_EN, (info) => {
      anchorHalfWidth = info.anchorHalfWidth;
    });
    expectComplete(groups, original.length, shortened.length);
    // The first band (10 + 0.15·√800 = 15 cells each side) had to be widened at least once.
    expect(anchorHalfWidth).toBeGreaterThan(15);
    expect(linkF1(shortenedGold, shapes(groups))).toBeGreaterThan(0.97);
  });

  it('stays complete when the two texts do not correspond at all', () => {
    const random = prng(99);
    const original = [...LONG_REPORT.original, ...LONG_REPORT.original].slice(0, 700);
    const translation = [...LONG_REPORT.translation, ...LONG_REPORT.translation]
      .map((text) => ({ text, order: random() }))
      .sort((a, b) => a.order - b.order)
      .map(({ text }) => text)
      .slice(0, 650);
    const groups = alignSequences(original, translation, RU_EN);
    expectComplete(groups, original.length, translation.length);
    // Nothing here deserves trust.
    const pairs = groups.filter(
      (group) => group.original.length > 0 && group.translation.length > 0,
    );
    const meanConfidence =
      pairs.reduce((sum, group) => sum + group.confidence, 0) / Math.max(1, pairs.length);
    expect(meanConfidence).toBeLessThan(0.5);
  });
});
