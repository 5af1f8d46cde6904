// Aligns two plain texts without storing anything: `marginalia align` and `alignment.alignTexts`.

import type { AlignmentLevel } from '@shared/alignment/view';
import { ApiError } from '@shared/api/errors';
import type { AlignedTextsOutput } from '@shared/api/methods/alignment';
import type { Side } from '@shared/model';
import { detectLanguage } from '@shared/text/language';
import { alignSentences, alignSequences, splitParagraphs } from '../alignment';

export interface AlignTextsInput {
  original: string;
  translation: string;
  level: AlignmentLevel;
  /** BCP 47 tags; detected from the text when missing. */
  originalLang?: string | undefined;
  translationLang?: string | undefined;
}

/** Two texts cut into units (paragraphs or sentences) and the rows pairing them. */
export type AlignedTexts = AlignedTextsOutput;

function paragraphsOf(text: string, side: Side): string[] {
  const paragraphs = splitParagraphs(
    text
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      .normalize('NFC'),
  );
  if (paragraphs.length === 0) {
    throw new ApiError('invalid_input', `The ${side} is empty: there is no text to align.`, [
      { path: side, message: 'no text' },
    ]);
  }
  return paragraphs;
}

export function alignTexts(input: AlignTextsInput): AlignedTexts {
  const original = paragraphsOf(input.original, 'original');
  const translation = paragraphsOf(input.translation, 'translation');
  const options = {
    originalLang: input.originalLang ?? detectLanguage(original.join('\n')) ?? 'und',
    translationLang: input.translationLang ?? detectLanguage(translation.join('\n')) ?? 'und',
  };
  const paragraphRows = alignSequences(original, translation, options);
  const round = (confidence: number): number => Math.round(confidence * 1000) / 1000;
  if (input.level === 'paragraph') {
    return {
      level: 'paragraph',
      ...options,
      original,
      translation,
      alignment: paragraphRows.map((g) => ({
        original: g.original,
        translation: g.translation,
        confidence: round(g.confidence),
      })),
    };
  }
  const sentences = alignSentences(original, translation, paragraphRows, options);
  return {
    level: 'sentence',
    ...options,
    original: sentences.original.map((s) => s.text),
    translation: sentences.translation.map((s) => s.text),
    alignment: sentences.groups.map((g) => ({
      original: g.original,
      translation: g.translation,
      confidence: round(g.confidence),
    })),
  };
}
