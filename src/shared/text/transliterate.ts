// Cyrillic→Latin transliteration and fuzzy comparison of proper names across scripts.
//
// Names reach English through several systems (scholarly, BGN, Palladius for Chinese, McCune–
// Reischauer for Korean) and Russian inflects them ("Риджуэю", "Пэн Дэхуаем"). Rather than
// guessing the system, both sides are reduced to a coarse phonetic key in which the sounds
// that the systems render differently collapse into one class (all sibilants and affricates,
// voiced/voiceless pairs, g/k/h), then compared with an edit distance that charges vowels half.

// "letter=rendering" pairs; ъ and ь are dropped.
const CYRILLIC_TO_LATIN: ReadonlyMap<string, string> = new Map(
  (
    'а=a б=b в=v г=g д=d е=e ё=e ж=zh з=z и=i й=y к=k л=l м=m н=n о=o п=p р=r с=s т=t у=u ' +
    'ф=f х=kh ц=ts ч=ch ш=sh щ=shch ъ= ы=y ь= э=e ю=yu я=ya і=i ї=yi є=ye ґ=g ў=w'
  )
    .split(' ')
    .map((entry) => [entry.charAt(0), entry.slice(2)] as const),
);

/** Whether `text` contains Cyrillic letters. */
export function hasCyrillic(text: string): boolean {
  return /[\u0400-\u04FF]/.test(text);
}

/**
 * Transliterates Cyrillic letters to Latin (a BGN-like system without diacritics), leaving other
 * characters as they are. Capitals stay capitals: "Щукин" → "Shchukin", "ЦК" → "TSK".
 */
export function transliterate(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    const lower = ch.toLowerCase();
    const latin = CYRILLIC_TO_LATIN.get(lower);
    if (latin === undefined) {
      out += ch;
    } else if (lower === ch || latin === '') {
      out += latin;
    } else {
      const next = text[i + 1] ?? '';
      const wholeWordUpper = next === '' || (next !== next.toLowerCase() && /\p{L}/u.test(next));
      out += wholeWordUpper ? latin.toUpperCase() : latin.charAt(0).toUpperCase() + latin.slice(1);
    }
  }
  return out;
}

// Applied in order to lower-case Latin; each rule merges spellings that transliteration systems
// use for one sound. The result uses the alphabet a e i o u k f l m n p r s t.
const KEY_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/[^a-z]/g, ''],
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/kh/g, 'h'],
  [/ck/g, 'k'],
  [/ng/g, 'n'],
  [/shch|sch|tsch|tsz|dzh|dsh|zh|sh|ch|tz|ts|dz|dg|j/g, 's'],
  [/c(?=[eiy])/g, 's'],
  [/^x/, 's'],
  [/x/g, 'ks'],
  [/[cqgh]/g, 'k'],
  [/b/g, 'p'],
  [/d/g, 't'],
  [/v/g, 'f'],
  [/w/g, 'u'],
  [/z/g, 's'],
  [/y/g, 'i'],
  [/(.)\1+/g, '$1'],
];

/** Coarse phonetic key of a word in either script: "Филиппов" and "FILIPPOV" → "filipof". */
export function phoneticKey(word: string): string {
  let key = transliterate(word.toLowerCase()).toLowerCase();
  for (const [pattern, replacement] of KEY_RULES) key = key.replace(pattern, replacement);
  return key;
}

// Russian case and adjective endings, longest first. Stripping one is enough to expose the stem
// that a transliterated English name starts with ("Сеном" → "Сен", "Дэхуаем" → "Дэхуа").
const RUSSIAN_ENDINGS = (
  'ами ями ого его ому ему ыми ими ой ей ою ею ом ем ым им ах ях ов ев ий ый ая яя ое ее ую ' +
  'юю ых их а я у ю е ы и о ь й'
).split(' ');

/** `word` without one Russian inflectional ending, keeping at least three letters of stem. */
export function stripRussianEnding(word: string): string {
  const lower = word.toLowerCase();
  for (const ending of RUSSIAN_ENDINGS) {
    if (lower.endsWith(ending) && lower.length - ending.length >= 3) {
      return word.slice(0, word.length - ending.length);
    }
  }
  return word;
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

function substitutionCost(a: string, b: string): number {
  if (a === b) return 0;
  if (VOWELS.has(a) && VOWELS.has(b)) return 0.5;
  // Russian renders English w as у and v as в; after keying these are u and f.
  if ((a === 'u' && b === 'f') || (a === 'f' && b === 'u')) return 0.5;
  return 1;
}

function indelCost(ch: string): number {
  return VOWELS.has(ch) ? 0.5 : 1;
}

/** Edit distance between phonetic keys; vowel edits cost half, everything else one. */
export function keyDistance(a: string, b: string): number {
  let previous = new Float64Array(b.length + 1);
  let current = new Float64Array(b.length + 1);
  for (let j = 1; j <= b.length; j++)
    previous[j] = (previous[j - 1] ?? 0) + indelCost(b[j - 1] ?? '');
  for (let i = 1; i <= a.length; i++) {
    const ca = a[i - 1] ?? '';
    current[0] = (previous[0] ?? 0) + indelCost(ca);
    for (let j = 1; j <= b.length; j++) {
      const cb = b[j - 1] ?? '';
      current[j] = Math.min(
        (previous[j - 1] ?? 0) + substitutionCost(ca, cb),
        (previous[j] ?? 0) + indelCost(ca),
        (current[j - 1] ?? 0) + indelCost(cb),
      );
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
}

function keySimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 0 : 1 - keyDistance(a, b) / longest;
}

/** Phonetic forms of a name: the whole word, and its stem when the word is inflected Russian. */
export interface NameKey {
  key: string;
  stem: string | null;
}

/** Computes the phonetic forms of a name once, for repeated comparisons. */
export function nameKey(word: string): NameKey {
  const bare = word.replace(/['’]s$/u, '');
  const key = phoneticKey(bare);
  if (!hasCyrillic(bare)) return { key, stem: null };
  const stem = phoneticKey(stripRussianEnding(bare));
  return { key, stem: stem !== key ? stem : null };
}

// A stem is compared with the start of the other name, so that "Риджуэю" (stem "Риджуэ") meets
// "Ridgway"; short stems are too unspecific for that.
const MIN_PREFIX_STEM = 4;

function stemAgainst(stem: string | null, other: string): number {
  if (stem === null || stem.length < MIN_PREFIX_STEM || other.length < stem.length) return 0;
  if (other.length > stem.length + 5) return 0;
  return Math.max(
    keySimilarity(stem, other.slice(0, stem.length)),
    keySimilarity(stem, other.slice(0, stem.length + 1)),
  );
}

/** Similarity of two names in 0..1 from their phonetic keys, tolerant of inflection. */
export function nameKeySimilarity(a: NameKey, b: NameKey): number {
  return Math.max(
    keySimilarity(a.key, b.key),
    stemAgainst(a.stem, b.key),
    stemAgainst(b.stem, a.key),
  );
}

/** Minimum similarity for two names of four or more key letters to count as the same name. */
export const NAME_MATCH_THRESHOLD = 0.8;

/** Whether two names are renderings of each other ("Пэн Дэхуаем" ~ "PENG DEHUAI" word by word). */
export function nameKeysMatch(a: NameKey, b: NameKey): boolean {
  if (Math.min(a.key.length, b.key.length) <= 3) {
    return a.key === b.key || a.stem === b.key || b.stem === a.key;
  }
  return nameKeySimilarity(a, b) >= NAME_MATCH_THRESHOLD;
}

/** Convenience form of {@link nameKeysMatch} for two names of one or more words each. */
export function namesMatch(a: string, b: string): boolean {
  return nameKeysMatch(nameKey(a), nameKey(b));
}

/** Convenience form of {@link nameKeySimilarity} for two names of one or more words each. */
export function nameSimilarity(a: string, b: string): number {
  return nameKeySimilarity(nameKey(a), nameKey(b));
}
