// Candidate proper names of a segment: capitalised words and known acronyms, with the phonetic
// keys of transliterate.ts, so that "Пэн Дэхуаем" can meet "PENG DEHUAI".

import { ENGLISH_MONTH_NAMES } from './numbers';
import { DOT_AFTER, FIRST_UPPER, SegmentScan } from './scan';
import { nameKey, nameKeysMatch, type NameKey } from '@shared/text/transliterate';

// Acronyms whose English form is not a transliteration: each line lists the forms of one
// organisation or country, the first being the canonical key.
const ACRONYMS: ReadonlyMap<string, string> = new Map(
  [
    'USSR СССР U.S.S.R.',
    'USA США US U.S. U.S.A.',
    'UN ООН',
    'CC ЦК',
    'CPSU КПСС',
    'VKPB ВКП(б) VKP(b) AUCP(b)',
    'PRC КНР',
    'DPRK КНДР',
    'CCP КПК CPC',
    'MFA МИД',
    'GDR ГДР',
    'FRG ФРГ',
    'PPR ПНР',
  ].flatMap((line) => {
    const forms = line.split(' ');
    return forms.map((form) => [form, `#${forms[0] ?? ''}`] as const);
  }),
);

// Capitalised words that are not names: pronouns and function words that open sentences, the
// polite "Вы", forms of address, and English months (covered by the number evidence).
const NOT_NAMES = new Set([
  ...(
    'я мы вы вам вас вами ваш ваша ваше ваши вашего вашей вашему вашим ваших он она оно они ' +
    'это этот эта эти но и а в во на по с со к ко о об у из за для при что как так если когда ' +
    'то все тов товарищ товарищу товарища товарищи тт не да нет'
  ).split(' '),
  ...(
    'i a an the in on at of to for by with and but or if it its we you he she they this that ' +
    'these those my our your his her their comrade comrades cde mr mrs ms dr as no not yes ' +
    'from be is are was there then so me'
  ).split(' '),
  ...ENGLISH_MONTH_NAMES,
]);

/** Roman numerals ("III" in "No. 335/III") are not names. */
export const ROMAN_NUMERAL =
  /^(?=[MDCLXVI])M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$/;
const OPENING_SKIP = new Set([
  ' ',
  '\u00A0',
  '\n',
  '\t',
  '«',
  '“',
  '„',
  '"',
  '(',
  '[',
  '—',
  '–',
  '-',
]);
const SENTENCE_BOUNDARY = new Set(['.', '!', '?', '…', ':', ';']);

/** Whether the word at `at` is the first of its sentence (or of the text). */
function opensSentence(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && OPENING_SKIP.has(text[k] ?? '')) k--;
  return k < 0 || SENTENCE_BOUNDARY.has(text[k] ?? '');
}

/** Names found in a segment. */
export interface ExtractedNames {
  words: string[];
  keys: NameKey[];
  /** Whether each name opens a sentence (and is not all capitals). */
  initial: boolean[];
}

/** What a capitalised word is: an acronym or name (with its key), or null for neither. */
function classify(word: string): NameKey | null {
  const acronym = ACRONYMS.get(word);
  if (acronym !== undefined) return { key: acronym, stem: null };
  if (word.length < 2 || !/\p{L}.*\p{L}/u.test(word)) return null;
  if (NOT_NAMES.has(word.toLowerCase()) || ROMAN_NUMERAL.test(word)) return null;
  return nameKey(word);
}

/**
 * Candidate names of `text`: capitalised words and known acronyms, with phonetic keys. Pass a
 * `cache` shared across segments to classify each distinct word once.
 */
export function extractNames(text: string, cache?: Map<string, NameKey | null>): ExtractedNames {
  return namesOfScan(text, new SegmentScan().scan(text), cache);
}

/**
 * {@link extractNames} from a scan of `text`: capitalised tokens (hyphens split words, so that
 * "Порт-Артуре" meets "Port Arthur"), dotted acronyms ("U.S.S.R.") and a bracketed letter
 * ("ВКП(б)").
 */
export function namesOfScan(
  text: string,
  scan: SegmentScan,
  cache?: Map<string, NameKey | null>,
): ExtractedNames {
  const found: ExtractedNames = { words: [], keys: [], initial: [] };
  for (let k = 0; k < scan.tokens; k++) {
    const flags = scan.flags[k] ?? 0;
    if ((flags & FIRST_UPPER) === 0) continue;
    const start = scan.start[k] ?? 0;
    let end = scan.end[k] ?? 0;
    let next = k;
    // Two or more single capitals, each followed by a full stop: a dotted acronym.
    while (
      (scan.end[next] ?? 0) - (scan.start[next] ?? 0) === 1 &&
      ((scan.flags[next] ?? 0) & (DOT_AFTER | FIRST_UPPER)) === (DOT_AFTER | FIRST_UPPER) &&
      (next === k || scan.start[next] === (scan.end[next - 1] ?? 0) + 1)
    ) {
      next++;
    }
    let raw: string;
    if (next - k >= 2) {
      end = (scan.end[next - 1] ?? 0) + 1;
      raw = text.slice(start, end);
      k = next - 1;
    } else {
      if (text[end] === '(' && text[end + 2] === ')' && /\p{L}/u.test(text[end + 1] ?? ''))
        end += 3;
      raw = text.slice(start, end);
    }
    const word = /['’]/u.test(raw) ? raw.replace(/['’]s$|['’]+$/u, '') : raw;
    let key = cache?.get(word);
    if (key === undefined) {
      key = classify(word);
      cache?.set(word, key);
    }
    if (key === null) continue;
    found.words.push(word);
    found.keys.push(key);
    // Acronyms and words in capitals are names wherever they stand.
    const acronym = key.key.startsWith('#');
    found.initial.push(!acronym && word !== word.toUpperCase() && opensSentence(text, start));
  }
  return found;
}

/** How many names of `a` have a match among `b`. */
export function countNameMatches(a: readonly NameKey[], b: readonly NameKey[]): number {
  let matches = 0;
  for (const left of a) if (b.some((right) => nameKeysMatch(left, right))) matches++;
  return matches;
}
