// Aligns two plain texts without storing anything: `marginalia align` and `alignment.alignTexts`.
// Each text is cut into its units (blank-line paragraphs, or one segment per line when it has no
// blank lines to speak of; see @shared/alignment/units), unless the caller chooses a unit.

import {
  baseUnit,
  detectUnit,
  splitLines,
  splitParagraphs,
  type SegmentUnit,
  type UnitChoice,
  type UnitDetection,
} from '@shared/alignment/units';
import { ApiError } from '@shared/api/errors';
import type { AlignedTextsOutput } from '@shared/api/methods/alignment';
import type { Side } from '@shared/model';
import { detectLanguage } from '@shared/text/language';
import { alignDetailed, alignSentences, type LexiconCounts } from '../alignment';
import { rowEvidenceOf } from './explain';

export interface AlignTextsInput {
  original: string;
  translation: string;
  unit: UnitChoice;
  /** BCP 47 tags; detected from the text when missing. */
  originalLang?: string | undefined;
  translationLang?: string | undefined;
  /** The library's lexicon for this language pair, when there is a library. */
  lexicon?: LexiconCounts | null;
}

/** Two texts cut into units and the rows pairing them. */
export type AlignedTexts = AlignedTextsOutput;

function normalise(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC');
}

/** The units of one side and what was detected in it. */
function unitsOf(
  text: string,
  choice: UnitChoice,
  side: Side,
): { units: string[]; unit: 'paragraph' | 'line'; detected: UnitDetection } {
  const detected = detectUnit(text);
  const unit = baseUnit(text, choice);
  const units = unit === 'line' ? splitLines(text) : splitParagraphs(text);
  if (units.length === 0) {
    throw new ApiError('invalid_input', `The ${side} is empty: there is no text to align.`, [
      { path: side, message: 'no text' },
    ]);
  }
  return { units, unit, detected };
}

const LANGUAGE_SAMPLE = 20_000;

const round = (confidence: number): number => Math.round(confidence * 1000) / 1000;

export function alignTexts(input: AlignTextsInput): AlignedTexts {
  const original = unitsOf(normalise(input.original), input.unit, 'original');
  const translation = unitsOf(normalise(input.translation), input.unit, 'translation');
  // The language of a side shows in its first pages; a 100,000-line file need not be read whole.
  const languageOf = (units: string[]): string =>
    detectLanguage(units.slice(0, 400).join('\n').slice(0, LANGUAGE_SAMPLE)) ?? 'und';
  const options = {
    originalLang: input.originalLang ?? languageOf(original.units),
    translationLang: input.translationLang ?? languageOf(translation.units),
    lexicon: input.lexicon ?? null,
  };
  const detected = { original: original.detected, translation: translation.detected };
  const rows = alignDetailed(original.units, translation.units, options);
  if (input.unit !== 'sentence') {
    const unit: Record<Side, SegmentUnit> = {
      original: original.unit,
      translation: translation.unit,
    };
    return {
      unit,
      detected,
      originalLang: options.originalLang,
      translationLang: options.translationLang,
      original: original.units,
      translation: translation.units,
      excerpt: rows.excerpt,
      alignment: rows.groups.map((g, k) => ({
        original: g.original,
        translation: g.translation,
        confidence: round(g.confidence),
        evidence: rowEvidenceOf(rows.evidence[k] ?? null),
      })),
    };
  }
  const sentences = alignSentences(original.units, translation.units, rows.groups, options);
  return {
    unit: { original: 'sentence', translation: 'sentence' },
    detected,
    originalLang: options.originalLang,
    translationLang: options.translationLang,
    original: sentences.original.map((s) => s.text),
    translation: sentences.translation.map((s) => s.text),
    excerpt: rows.excerpt,
    alignment: sentences.groups.map((g, k) => ({
      original: g.original,
      translation: g.translation,
      confidence: round(g.confidence),
      evidence: rowEvidenceOf(sentences.evidence[k] ?? null),
    })),
  };
}
