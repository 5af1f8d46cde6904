// What a segment says about its partner beyond its length: numbers and dates (numbers.ts),
// proper names (names.ts), quotation and list structure (here), and whether it looks like a
// line that exists in one language only (one-sided.ts).

import { namesOfScan, ROMAN_NUMERAL } from './names';
import { numbersOfScan } from './numbers';
import { isEditorialMark, oneSidedScore } from './one-sided';
import { SegmentScan } from './scan';
import type { NameKey } from '@shared/text/transliterate';

export { countNameMatches, extractNames } from './names';
export { countNumberMatches, extractNumbers, monthOf } from './numbers';
export { isEditorialMark, oneSidedScore } from './one-sided';

/** Evidence extracted once per segment. */
export interface SegmentEvidence {
  /** Normalised numbers ("3917", "120000", "3.5") and month tokens ("m6"), in text order. */
  numbers: string[];
  /** Capitalised words and acronyms that may be names, with their phonetic keys. */
  names: NameKey[];
  /** The words behind `names`, for display and debugging. */
  nameWords: string[];
  /**
   * For each name, whether it opens a sentence, where capitals carry little information
   * ("Затем", "Send"): such words count as names only if capitalised elsewhere too.
   */
  nameInitial: boolean[];
  opensQuote: boolean;
  closesQuote: boolean;
  /** Normalised list marker ("n:2" for "2.", "2)" or "II.", "l:1" for "a)" / "а)", "bullet"). */
  listMarker: string | null;
  /** 0..1: how much the segment looks like a line that only one language has. */
  oneSided: number;
  /** "[…]", "[...]", "[Translated by …]": an editor's mark, which never pairs. */
  editorial: boolean;
}

const OPENING_QUOTE = /^[«“„"‘']/u;
const CLOSING_QUOTE = /[»”“"’'][.!?…,;:]*$|[.!?…][»”“"’']$/u;
const LIST_MARKER = /^(?:(\d{1,3})[.)]|([IVXLC]{1,6})\.|([a-zа-я])\)|([•·▪*–—-]))\s/u;
const LATIN_LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const CYRILLIC_LETTERS = 'абвгдежзиклмнопрстуфхцчшщэюя';

function romanValue(roman: string): number {
  const values: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const value = values[roman[i] ?? ''] ?? 0;
    const next = values[roman[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/** The normalised list marker opening `text`, or null. */
export function listMarkerOf(text: string): string | null {
  const match = LIST_MARKER.exec(text.trimStart());
  if (match === null) return null;
  const [, arabic, roman, letter] = match;
  if (arabic !== undefined) return `n:${Number(arabic)}`;
  if (roman !== undefined) return ROMAN_NUMERAL.test(roman) ? `n:${romanValue(roman)}` : null;
  if (letter !== undefined) {
    const alphabet = /[a-z]/.test(letter) ? LATIN_LETTERS : CYRILLIC_LETTERS;
    return `l:${alphabet.indexOf(letter) + 1}`;
  }
  return 'bullet';
}

/**
 * All evidence for one segment. `lang` is accepted for future language-specific rules; `cache`
 * (shared across segments) saves recomputing the phonetic keys of repeated names.
 */
export function extractEvidence(
  text: string,
  lang: string,
  cache?: Map<string, NameKey | null>,
): SegmentEvidence {
  return scanEvidence(text, lang, new SegmentScan(), cache);
}

/**
 * {@link extractEvidence} with a scanner the caller reuses: afterwards `scan` holds the tokens of
 * the segment's text without its list marker, for the caller to read its words from.
 */
export function scanEvidence(
  text: string,
  _lang: string,
  scan: SegmentScan,
  cache?: Map<string, NameKey | null>,
): SegmentEvidence {
  const trimmed = text.trim();
  const marker = listMarkerOf(trimmed);
  const body = marker === null ? trimmed : trimmed.replace(LIST_MARKER, '');
  scan.scan(body);
  const { words, keys, initial } = namesOfScan(body, scan, cache);
  return {
    numbers: numbersOfScan(body, scan),
    names: keys,
    nameWords: words,
    nameInitial: initial,
    opensQuote: OPENING_QUOTE.test(trimmed),
    closesQuote: CLOSING_QUOTE.test(trimmed),
    listMarker: marker,
    // The body's shape is the line's when there is no list marker to take off.
    oneSided: oneSidedScore(trimmed, marker === null ? scan : undefined),
    editorial: isEditorialMark(trimmed),
  };
}
