import { describe, expect, it } from 'vitest';
import { LOW_CONFIDENCE } from '@shared/alignment/view';
import {
  alignDetailed,
  alignSentences,
  alignSequences,
  alignmentProblem,
  explainGroups,
} from '../../../src/main/services/alignment/index';
import {
  HAND_MADE,
  LONG_REPORT,
  RU_EN,
  SEED_PARAGRAPHS,
  SEED_SENTENCES,
  linkF1,
  loneKeys,
  pairKeys,
  shapes,
} from './fixtures';

const seed = SEED_PARAGRAPHS;

describe('the seed record (Wilson Center 110374)', () => {
  const groups = alignSequences(seed.original, seed.translation, RU_EN);

  it('aligns the paragraphs exactly as the gold', () => {
    expect(alignmentProblem(groups, seed.original.length, seed.translation.length)).toBeNull();
    expect(pairKeys(shapes(groups))).toEqual(pairKeys(seed.gold));
    expect(loneKeys(shapes(groups))).toEqual(loneKeys(seed.gold));
  });

  it('leaves the header, date, reference and editorial lines unpaired', () => {
    expect(loneKeys(shapes(groups))).toEqual(['o0', 'o12', 't0', 't1', 't14', 't15', 't16', 't2']);
  });

  it('pairs "Филиппов" with "FILIPPOV [Stalin]", not with "No. 335/III"', () => {
    const filippov = groups.find((group) => group.original.includes(11));
    expect(filippov?.translation).toEqual([13]);
    expect(seed.translation[13]).toBe('FILIPPOV [Stalin]');
  });

  it('marks machine output unconfirmed with confidence in 0..1, high on the clean pairs', () => {
    for (const group of groups) {
      expect(group.confirmed).toBe(false);
      expect(group.confidence).toBeGreaterThanOrEqual(0);
      expect(group.confidence).toBeLessThanOrEqual(1);
    }
    const pairs = groups.filter(
      (group) => group.original.length > 0 && group.translation.length > 0,
    );
    expect(Math.min(...pairs.map((group) => group.confidence))).toBeGreaterThan(0.5);
  });

  it('aligns the sentences exactly as the gold, within the paragraph rows', () => {
    const sentences = alignSentences(seed.original, seed.translation, groups, RU_EN);
    expect(sentences.original.map((s) => s.text)).toEqual(SEED_SENTENCES.original);
    expect(sentences.translation.map((s) => s.text)).toEqual(SEED_SENTENCES.translation);
    expect(pairKeys(shapes(sentences.groups))).toEqual(pairKeys(SEED_SENTENCES.gold));
    expect(pairKeys(shapes(sentences.groups))).toHaveLength(25);
    expect(loneKeys(shapes(sentences.groups))).toEqual(loneKeys(SEED_SENTENCES.gold));
  });

  it('doubts a garbled line between sure rows: its own words do not vouch for it', () => {
    // The first Russian paragraph garbled in transcription. The text's lexicon is trained on the
    // first pass's pairs, this one included, and Model 1 links its rare words to each other:
    // counted for the pair itself, those links made it 99.9% sure.
    const original = [...seed.original];
    original[1] = 'Погода была хорошей.';
    const result = alignDetailed(original, seed.translation, RU_EN);
    const row = result.groups.findIndex((group) => group.original.includes(1));
    expect(result.groups[row]).toMatchObject({ original: [1], translation: [3] });
    expect(result.groups[row]?.confidence).toBeLessThan(LOW_CONFIDENCE);
    expect(result.evidence[row]).toMatchObject({ wordsCovered: 0, numbersMatched: 0 });
    expect(result.evidence[row]?.support).toBeLessThan(0);
    // The reader's account of the stored rows (a lexicon learned from the rows) agrees.
    const explained = explainGroups(original, seed.translation, result.groups, RU_EN);
    expect(explained[row]).toMatchObject({ wordsCovered: 0 });
    // The rest of the record keeps its pairs, and is sure of them.
    const others = result.groups.filter(
      (group) =>
        group.original.length > 0 && group.translation.length > 0 && group !== result.groups[row],
    );
    expect(pairKeys(shapes(others))).toEqual(pairKeys(seed.gold).filter((key) => key !== '1|3'));
    expect(Math.min(...others.map((group) => group.confidence))).toBeGreaterThan(0.5);
  });

  it('gives a deliberately scrambled pair a lower confidence than any clean pair', () => {
    const clean = groups.filter(
      (group) => group.original.length > 0 && group.translation.length > 0,
    );
    const lowestClean = Math.min(...clean.map((group) => group.confidence));
    // Swap the English of the reply to Ridgway (o4) and of the last paragraph (o10): similar
    // lengths, but numbers, names and quotation marks now contradict each other.
    const scrambled = [...seed.translation];
    [scrambled[6], scrambled[12]] = [scrambled[12] ?? '', scrambled[6] ?? ''];
    const result = alignSequences(seed.original, scrambled, RU_EN);
    for (const original of [4, 10]) {
      const group = result.find((candidate) => candidate.original.includes(original));
      expect(group?.confidence ?? 1).toBeLessThan(lowestClean);
      expect(group?.confidence ?? 1).toBeLessThan(0.5);
    }
  });
});

describe('hand-made gold records', () => {
  it.each(HAND_MADE.map((fixture) => [fixture.name, fixture] as const))('%s', (_name, fixture) => {
    const groups = alignSequences(fixture.original, fixture.translation, RU_EN);
    expect(
      alignmentProblem(groups, fixture.original.length, fixture.translation.length),
    ).toBeNull();
    if (fixture.level === 'paragraph') {
      expect(pairKeys(shapes(groups))).toEqual(pairKeys(fixture.gold));
      expect(loneKeys(shapes(groups))).toEqual(loneKeys(fixture.gold));
    } else {
      // Sentence level: one doubtful 2–1 is tolerated ("Письмо прилагается." could join the
      // sentence before it by length alone), but every 1–2 and 2–1 of the gold is found.
      expect(linkF1(fixture.gold, shapes(groups))).toBeGreaterThan(0.95);
      for (const key of pairKeys(fixture.gold).filter((pair) => pair.includes(','))) {
        expect(pairKeys(shapes(groups))).toContain(key);
      }
    }
  });

  it('finds the 2–1, 1–2 and 1–0 groups of the long text', () => {
    const groups = alignSequences(LONG_REPORT.original, LONG_REPORT.translation, RU_EN);
    expect(
      alignmentProblem(groups, LONG_REPORT.original.length, LONG_REPORT.translation.length),
    ).toBeNull();
    expect(linkF1(LONG_REPORT.gold, shapes(groups))).toBeGreaterThan(0.98);
    const found = new Set(pairKeys(shapes(groups)));
    const merges = pairKeys(LONG_REPORT.gold).filter((pair) => pair.includes(','));
    expect(merges.filter((pair) => found.has(pair)).length).toBeGreaterThanOrEqual(
      merges.length - 2,
    );
    const lone = new Set(loneKeys(shapes(groups)));
    const goldLone = loneKeys(LONG_REPORT.gold);
    expect(goldLone.filter((key) => lone.has(key)).length).toBeGreaterThanOrEqual(
      goldLone.length - 2,
    );
  });
});

describe('empty sides', () => {
  it('returns nothing for two empty texts', () => {
    expect(alignSequences([], [], RU_EN)).toEqual([]);
  });

  it('leaves every segment unpaired when the other side is empty', () => {
    expect(shapes(alignSequences(['Один.', 'Два.'], [], RU_EN))).toEqual([
      { original: [0], translation: [] },
      { original: [1], translation: [] },
    ]);
    const groups = alignSequences([], ['One.', 'Two.', 'Three.'], RU_EN);
    expect(shapes(groups)).toEqual([0, 1, 2].map((j) => ({ original: [], translation: [j] })));
    expect(groups.every((group) => !group.confirmed)).toBe(true);
  });
});
