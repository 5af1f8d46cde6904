// Sentence-level alignment derived from a paragraph alignment: sentences are aligned only
// within each paragraph row, so the sentence view never contradicts the paragraph view.

import type { AlignmentGroup } from '@shared/model';
import { alignDetailed, type RowEvidence } from './align';
import { sentenceSpans } from './segment';
import type { AlignOptions } from './types';
import { alignmentProblem } from './validate';

/** One sentence: where it lies (paragraph index and character span) and its text. */
export interface SentenceRef {
  paragraph: number;
  start: number;
  end: number;
  text: string;
}

/** Sentences of both sides and groups over their indexes (positions in these lists). */
export interface SentenceAlignment {
  original: SentenceRef[];
  translation: SentenceRef[];
  groups: AlignmentGroup[];
  /** What made each group (see alignDetailed). */
  evidence: (RowEvidence | null)[];
}

function sentencesOf(paragraphs: readonly string[], lang: string): SentenceRef[] {
  const sentences: SentenceRef[] = [];
  for (const [paragraph, text] of paragraphs.entries()) {
    for (const { start, end } of sentenceSpans(text, lang)) {
      sentences.push({ paragraph, start, end, text: text.slice(start, end) });
    }
  }
  return sentences;
}

/** For each paragraph, the index of its first sentence; one extra entry for the end. */
function firstSentenceOf(sentences: readonly SentenceRef[], paragraphCount: number): number[] {
  const first = new Array<number>(paragraphCount + 1).fill(sentences.length);
  for (let k = sentences.length - 1; k >= 0; k--) first[sentences[k]?.paragraph ?? 0] = k;
  for (let p = paragraphCount - 1; p >= 0; p--)
    first[p] = Math.min(first[p] ?? 0, first[p + 1] ?? 0);
  return first;
}

function sentenceRange(paragraphs: readonly number[], first: readonly number[]): number[] {
  if (paragraphs.length === 0) return [];
  const from = first[paragraphs[0] ?? 0] ?? 0;
  const to = first[(paragraphs.at(-1) ?? 0) + 1] ?? from;
  return Array.from({ length: to - from }, (_, k) => from + k);
}

/**
 * Splits both sides' paragraphs into sentences and aligns the sentences of each row of
 * `paragraphAlignment` with {@link alignSequences}. Sentences of a one-sided row stay unpaired.
 * A sentence group's confidence is its own times that of its paragraph row (1 when confirmed).
 * Throws RangeError when `paragraphAlignment` is not a complete alignment of the paragraphs.
 */
export function alignSentences(
  originalParagraphs: readonly string[],
  translationParagraphs: readonly string[],
  paragraphAlignment: readonly AlignmentGroup[],
  options: AlignOptions,
): SentenceAlignment {
  const problem = alignmentProblem(
    paragraphAlignment,
    originalParagraphs.length,
    translationParagraphs.length,
  );
  if (problem !== null) throw new RangeError(`alignSentences: paragraph alignment ${problem}`);
  const original = sentencesOf(originalParagraphs, options.originalLang);
  const translation = sentencesOf(translationParagraphs, options.translationLang);
  const firstO = firstSentenceOf(original, originalParagraphs.length);
  const firstT = firstSentenceOf(translation, translationParagraphs.length);
  const groups: AlignmentGroup[] = [];
  const evidence: (RowEvidence | null)[] = [];
  for (const row of paragraphAlignment) {
    const rowConfidence = row.confirmed ? 1 : row.confidence;
    const sentencesO = sentenceRange(row.original, firstO);
    const sentencesT = sentenceRange(row.translation, firstT);
    // Sentences are the finest unit: no sentence evidence to weigh below them.
    const aligned = alignDetailed(
      sentencesO.map((k) => original[k]?.text ?? ''),
      sentencesT.map((k) => translation[k]?.text ?? ''),
      { ...options, sentences: false },
    );
    evidence.push(...aligned.evidence);
    for (const group of aligned.groups) {
      groups.push({
        original: group.original.map((k) => sentencesO[k] ?? k),
        translation: group.translation.map((k) => sentencesT[k] ?? k),
        confidence: Math.round(group.confidence * rowConfidence * 1000) / 1000,
        confirmed: false,
      });
    }
  }
  return { original, translation, groups, evidence };
}
