// Words and their stems, so that inflected forms count as the same word: "перемирии" and
// "перемирия" are occurrences of "перемирие", "armistices" of "armistice". Russian words get
// the Snowball Russian stemmer and Latin-script words the English one, whatever the passage's
// declared language (a Russian text quotes Latin names and the other way round). Reusable by
// search (issue 6): `stemOf`, `tokenize` and `stemTokens` are pure and cheap.
import snowball, { type Stemmer } from 'snowball-stemmers';

export interface Token {
  start: number;
  end: number;
  /** The word as written. */
  word: string;
  /** Lower-cased, ё folded to е, stemmed. */
  stem: string;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

let russian: Stemmer | null = null;
let english: Stemmer | null = null;

/**
 * Folds case, accents (a stress mark in "мúра", "Gaeséong") and the letters writers use
 * interchangeably (ё/е, й kept: it is a letter of its own; curly apostrophes).
 */
export function foldWord(word: string): string {
  return word
    .toLocaleLowerCase()
    .replace(/ё/g, 'е')
    .replace(/й/g, '\uE000')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\uE000/g, 'й')
    .normalize('NFC')
    .replace(/’/g, "'");
}

export type Script = 'cyrillic' | 'latin' | 'other';

/** A word with the forms search and occurrence finding compare. */
export interface WordToken {
  start: number;
  end: number;
  /** Folded (lower case, ё→е, no accents). */
  folded: string;
  /** Stem of the folded word. */
  stem: string;
  /** Starts with a capital letter (a name, in running text). */
  capitalised: boolean;
  script: Script;
}

function scriptOf(word: string): Script {
  if (CYRILLIC.test(word)) return 'cyrillic';
  if (LATIN.test(word)) return 'latin';
  return 'other';
}

/** Every word of a text with its folded form, stem, capitalisation and script. */
export function tokenizeWords(text: string): WordToken[] {
  return tokenize(text).map(({ start, end, word }) => {
    const folded = foldWord(word);
    return {
      start,
      end,
      folded,
      stem: stemFolded(folded),
      capitalised: /^\p{Lu}/u.test(word),
      script: scriptOf(word),
    };
  });
}

/** The stem of one word, by its script: Cyrillic → Russian, Latin → English, else folded. */
export function stemOf(word: string): string {
  return stemFolded(foldWord(word));
}

function stemFolded(folded: string): string {
  if (CYRILLIC.test(folded)) {
    russian ??= snowball.newStemmer('russian');
    return russian.stem(folded);
  }
  if (LATIN.test(folded)) {
    english ??= snowball.newStemmer('english');
    return english.stem(folded.replace(/'s$/, ''));
  }
  return folded;
}

/** The words of a text with their offsets (UTF-16, as selectors use). */
export function tokenize(text: string): { start: number; end: number; word: string }[] {
  const tokens: { start: number; end: number; word: string }[] = [];
  for (const match of text.matchAll(WORD)) {
    tokens.push({ start: match.index, end: match.index + match[0].length, word: match[0] });
  }
  return tokens;
}

export function stemTokens(text: string): Token[] {
  return tokenizeWords(text).map((t) => ({
    start: t.start,
    end: t.end,
    word: text.slice(t.start, t.end),
    stem: t.stem,
  }));
}

/** Stems of a phrase's words, e.g. "Ким Ир Сен" → ["ким", "ир", "сен"]. */
export function phraseStems(phrase: string): string[] {
  return tokenize(phrase).map((t) => stemOf(t.word));
}

/**
 * Where the phrase's words occur in order, consecutively, by stem: [start, end) offsets of each
 * occurrence in `tokens`' text.
 */
export function findPhrase(tokens: readonly Token[], stems: readonly string[]): [number, number][] {
  const found: [number, number][] = [];
  if (stems.length === 0) return found;
  outer: for (let i = 0; i + stems.length <= tokens.length; i++) {
    for (let k = 0; k < stems.length; k++) {
      if (tokens[i + k]!.stem !== stems[k]) continue outer;
    }
    found.push([tokens[i]!.start, tokens[i + stems.length - 1]!.end]);
  }
  return found;
}
