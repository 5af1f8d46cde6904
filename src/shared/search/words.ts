// The words of a text as the search index sees them. Folding and stemming are the app's shared
// ones (../text/stemming.ts: Russian and English Snowball, ё→е, Cyrillic case); the splitting
// is search's own, so that every word here is exactly one token of FTS5's unicode61 tokenizer:
// hyphens and apostrophes split words ("по-русски" → по, русски), a possessive "’s" goes with
// its word ("Stalin’s" → stalin), and Han or kana characters stand one by one (those scripts
// put no spaces between words). Index, queries and highlighting all read words from here, so
// what the index matches is what gets highlighted.
import { foldWord, stemOf } from '../text/stemming';
import { nameKeys } from './name-keys';

export type WordScript = 'cyrillic' | 'latin' | 'cjk' | 'number' | 'other';

export interface SearchWord {
  /** UTF-16 offsets in the text. */
  start: number;
  end: number;
  /** Lower case, ё→е, accents removed (й kept). */
  folded: string;
  /** The stem in the word's script's language: "перемирии" → "перемир". */
  stem: string;
  /** Starts with a capital letter: perhaps a name. */
  capitalised: boolean;
  script: WordScript;
}

/** Longest word kept whole; longer runs (encoded data, long numbers) are cut here. */
export const MAX_WORD_LENGTH = 64;

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const CJK_PARTS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
const DIGITS = /^\p{N}+$/u;
const APOSTROPHE = /['’ʼ]/;
// Marks and joiners that folding may leave behind; FTS5 would not split on them, but they
// carry no meaning for search.
const NOT_WORD = /[^\p{L}\p{N}]/gu;

interface Forms {
  folded: string;
  stem: string;
  script: WordScript;
}

/**
 * One search word of a run of letters as FTS5 splits it: where it sits in the run, its forms,
 * and (computed when first asked for) its cross-script name keys. A run is usually one word; a
 * run of Han or kana characters is one word a character.
 */
interface Piece extends Forms {
  offset: number;
  length: number;
  capitalised: boolean;
  /** The piece as written, for its name keys. */
  written: string;
  keys: string[] | null;
}

// Word → forms memo: a library repeats the same few thousand words millions of times, and
// folding, stemming and script tests cost far more than a map lookup. Bounded, so a stream of
// unique tokens (numbers, codes) cannot grow it without end.
const cache = new Map<string, readonly Piece[]>();
const CACHE_LIMIT = 200_000;
const NO_PIECES: readonly Piece[] = [];

function scriptOf(folded: string): WordScript {
  if (DIGITS.test(folded)) return 'number';
  if (CYRILLIC.test(folded)) return 'cyrillic';
  if (LATIN.test(folded)) return 'latin';
  if (CJK.test(folded)) return 'cjk';
  return 'other';
}

function formsOf(word: string): Forms {
  const folded = foldWord(word).replace(NOT_WORD, '');
  const script = scriptOf(folded);
  const stemmed = script === 'cyrillic' || script === 'latin' ? stemOf(folded) : folded;
  return { folded, stem: stemmed.replace(NOT_WORD, '') || folded, script };
}

function piece(written: string, offset: number): Piece | null {
  const cut = written.length > MAX_WORD_LENGTH ? written.slice(0, MAX_WORD_LENGTH) : written;
  const forms = formsOf(cut);
  if (forms.folded === '') return null;
  const first = cut.charAt(0);
  return {
    ...forms,
    offset,
    length: written.length,
    capitalised: first !== first.toLowerCase(),
    written,
    keys: null,
  };
}

/** The search words of one run of letters, digits and marks. */
function piecesOf(run: string): readonly Piece[] {
  const cached = cache.get(run);
  if (cached) return cached;
  const pieces: Piece[] = [];
  if (!CJK.test(run)) {
    const one = piece(run, 0);
    if (one) pieces.push(one);
  } else {
    for (const part of run.matchAll(CJK_PARTS)) {
      const one = piece(part[0], part.index);
      if (one) pieces.push(one);
    }
  }
  const result = pieces.length > 0 ? pieces : NO_PIECES;
  // Absurdly long runs are not worth remembering.
  if (run.length <= MAX_WORD_LENGTH) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(run, result);
  }
  return result;
}

/** Calls `visit` with every search word of the text, in order, and where it starts. */
function eachWord(text: string, visit: (piece: Piece, start: number) => void): void {
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    const run = match[0];
    const start = match.index;
    // The "s" of a possessive ("Stalin’s") belongs to the word before it.
    if (
      (run === 's' || run === 'S') &&
      APOSTROPHE.test(text.charAt(start - 1)) &&
      LATIN.test(text.charAt(start - 2))
    ) {
      continue;
    }
    for (const p of piecesOf(run)) visit(p, start + p.offset);
  }
}

/** The words of a text, in order, with offsets, folded forms and stems. */
export function searchWords(text: string): SearchWord[] {
  const words: SearchWord[] = [];
  eachWord(text, (p, start) => {
    words.push({
      start,
      end: start + p.length,
      folded: p.folded,
      stem: p.stem,
      script: p.script,
      capitalised: p.capitalised,
    });
  });
  return words;
}

/** The words' folded forms and stems, and the name keys of its capitalised words by script. */
export interface WordForms {
  folded: string[];
  stems: string[];
  cyrillicNames: string[];
  latinNames: string[];
}

/**
 * The forms the search index holds for a text, without building a word object for each word:
 * the index's shadow text is made from these for every passage of every import.
 */
export function wordForms(text: string): WordForms {
  const forms: WordForms = { folded: [], stems: [], cyrillicNames: [], latinNames: [] };
  eachWord(text, (p) => {
    forms.folded.push(p.folded);
    forms.stems.push(p.stem);
    if (!p.capitalised) return;
    const names =
      p.script === 'cyrillic'
        ? forms.cyrillicNames
        : p.script === 'latin'
          ? forms.latinNames
          : null;
    if (names === null) return;
    p.keys ??= nameKeys(p.written);
    for (const key of p.keys) names.push(key);
  });
  return forms;
}
