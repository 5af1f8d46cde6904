// The words of a text as the search index sees them. Folding and stemming are the app's shared
// ones (../text/stemming.ts: Russian and English Snowball, ё→е, Cyrillic case); the splitting
// is search's own, so that every word here is exactly one token of FTS5's unicode61 tokenizer:
// hyphens and apostrophes split words ("по-русски" → по, русски), a possessive "’s" goes with
// its word ("Stalin’s" → stalin), and Han or kana characters stand one by one (those scripts
// put no spaces between words). Index, queries and highlighting all read words from here, so
// what the index matches is what gets highlighted.
import { foldWord, stemOf } from '../text/stemming';

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

const cache = new Map<string, Forms>();
const CACHE_LIMIT = 200_000;

function scriptOf(folded: string): WordScript {
  if (DIGITS.test(folded)) return 'number';
  if (CYRILLIC.test(folded)) return 'cyrillic';
  if (LATIN.test(folded)) return 'latin';
  if (CJK.test(folded)) return 'cjk';
  return 'other';
}

function formsOf(word: string): Forms {
  const cached = cache.get(word);
  if (cached) return cached;
  const folded = foldWord(word).replace(NOT_WORD, '');
  const script = scriptOf(folded);
  const stemmed = script === 'cyrillic' || script === 'latin' ? stemOf(folded) : folded;
  const forms = { folded, stem: stemmed.replace(NOT_WORD, '') || folded, script };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, forms);
  return forms;
}

function push(words: SearchWord[], raw: string, start: number): void {
  const cut = raw.length > MAX_WORD_LENGTH ? raw.slice(0, MAX_WORD_LENGTH) : raw;
  const forms = formsOf(cut);
  if (forms.folded === '') return;
  const first = cut.charAt(0);
  words.push({
    start,
    end: start + raw.length,
    ...forms,
    capitalised: first !== first.toLowerCase(),
  });
}

/** The words of a text, in order, with offsets, folded forms and stems. */
export function searchWords(text: string): SearchWord[] {
  const words: SearchWord[] = [];
  for (const match of text.matchAll(WORD)) {
    const raw = match[0];
    const start = match.index;
    // The "s" of a possessive ("Stalin’s") belongs to the word before it.
    if (
      (raw === 's' || raw === 'S') &&
      APOSTROPHE.test(text.charAt(start - 1)) &&
      LATIN.test(text.charAt(start - 2))
    ) {
      continue;
    }
    if (!CJK.test(raw)) push(words, raw, start);
    else for (const part of raw.matchAll(CJK_PARTS)) push(words, part[0], start + part.index);
  }
  return words;
}
