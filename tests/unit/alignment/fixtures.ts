// Shared access to the gold fixtures of tests/fixtures/alignment and small scoring helpers.

import type { AlignmentGroup } from '@shared/model';
import conversation from '../../fixtures/alignment/conversation-record.json';
import letter from '../../fixtures/alignment/letter-signature.json';
import longReport from '../../fixtures/alignment/long-report-sentences.json';
import politburo from '../../fixtures/alignment/politburo-decision.json';
import report from '../../fixtures/alignment/ambassador-report-sentences.json';
import telegram from '../../fixtures/alignment/telegram-numbered-points.json';
import seedParagraphs from '../../fixtures/alignment/wilson-center-110374.paragraphs.json';
import seedSentences from '../../fixtures/alignment/wilson-center-110374.sentences.json';

export interface GoldGroup {
  original: number[];
  translation: number[];
}

export interface Fixture {
  name: string;
  originalLang: string;
  translationLang: string;
  level: string;
  original: string[];
  translation: string[];
  gold: GoldGroup[];
}

export const SEED_PARAGRAPHS: Fixture = seedParagraphs;
export const SEED_SENTENCES: Fixture & {
  originalParagraph: number[];
  translationParagraph: number[];
} = seedSentences;
export const HAND_MADE: readonly Fixture[] = [politburo, conversation, letter, telegram, report];
export const LONG_REPORT: Fixture = longReport;

export const RU_EN = { originalLang: 'ru', translationLang: 'en' };

/** Groups without confidence, for comparison with gold. */
export function shapes(groups: readonly AlignmentGroup[]): GoldGroup[] {
  return groups.map((group) => ({ original: group.original, translation: group.translation }));
}

/** Pairing groups only ("o1,o2|t3"), sorted. */
export function pairKeys(groups: readonly GoldGroup[]): string[] {
  return groups
    .filter((group) => group.original.length > 0 && group.translation.length > 0)
    .map((group) => `${group.original.join(',')}|${group.translation.join(',')}`)
    .sort();
}

/** Indexes left unpaired ("o0", "t14"), sorted. */
export function loneKeys(groups: readonly GoldGroup[]): string[] {
  return groups
    .flatMap((group) =>
      group.translation.length === 0
        ? group.original.map((i) => `o${i}`)
        : group.original.length === 0
          ? group.translation.map((j) => `t${j}`)
          : [],
    )
    .sort();
}

/** F1 of the (original, translation) links implied by paired groups. */
export function linkF1(gold: readonly GoldGroup[], found: readonly GoldGroup[]): number {
  const links = (groups: readonly GoldGroup[]): Set<string> =>
    new Set(
      groups.flatMap((group) =>
        group.original.flatMap((i) => group.translation.map((j) => `${i}:${j}`)),
      ),
    );
  const expected = links(gold);
  const actual = links(found);
  let correct = 0;
  for (const link of actual) if (expected.has(link)) correct++;
  if (correct === 0) return 0;
  const precision = correct / actual.size;
  const recall = correct / expected.size;
  return (2 * precision * recall) / (precision + recall);
}

/** Deterministic PRNG (mulberry32) for property-style tests. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
