// Language identification good enough to tell an original from its English translation: by
// script first (Cyrillic, Han, Hangul, kana…), then, for Latin script, by common function words.

export type Script =
  'cyrillic' | 'latin' | 'han' | 'hangul' | 'kana' | 'greek' | 'arabic' | 'hebrew';

const SCRIPT_PATTERNS: [Script, RegExp][] = [
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['latin', /\p{Script=Latin}/u],
  ['han', /\p{Script=Han}/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['greek', /\p{Script=Greek}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
];

/** Counts letters per script. */
export function scriptCounts(text: string): Map<Script, number> {
  const counts = new Map<Script, number>();
  for (const char of text) {
    if (!/\p{L}/u.test(char)) continue;
    for (const [script, pattern] of SCRIPT_PATTERNS) {
      if (pattern.test(char)) {
        counts.set(script, (counts.get(script) ?? 0) + 1);
        break;
      }
    }
  }
  return counts;
}

export function dominantScript(text: string): Script | null {
  let best: Script | null = null;
  let bestCount = 0;
  for (const [script, count] of scriptCounts(text)) {
    if (count > bestCount) {
      best = script;
      bestCount = count;
    }
  }
  return best;
}

const LATIN_FUNCTION_WORDS: Record<string, string[]> = {
  en: [
    'the',
    'of',
    'and',
    'to',
    'in',
    'is',
    'that',
    'for',
    'with',
    'on',
    'by',
    'are',
    'this',
    'be',
    'we',
    'you',
    'it',
    'was',
    'from',
    'our',
    'an',
  ],
  de: [
    'der',
    'die',
    'und',
    'das',
    'ist',
    'nicht',
    'zu',
    'den',
    'mit',
    'von',
    'sich',
    'des',
    'auf',
    'für',
    'ein',
    'eine',
    'wir',
    'dem',
    'im',
    'wird',
  ],
  fr: [
    'le',
    'la',
    'les',
    'et',
    'des',
    'est',
    'une',
    'que',
    'pour',
    'dans',
    'qui',
    'pas',
    'sur',
    'nous',
    'du',
    'au',
    'avec',
    'sont',
  ],
  es: [
    'el',
    'los',
    'las',
    'del',
    'que',
    'y',
    'por',
    'con',
    'para',
    'una',
    'es',
    'se',
    'como',
    'su',
    'al',
  ],
  it: ['il', 'che', 'di', 'della', 'per', 'non', 'sono', 'con', 'una', 'gli', 'del', 'è', 'alla'],
  pl: ['i', 'w', 'nie', 'na', 'się', 'że', 'z', 'do', 'jest', 'to', 'jak', 'po', 'przez'],
};

const SCRIPT_LANGUAGE: Partial<Record<Script, string>> = {
  cyrillic: 'ru',
  han: 'zh',
  hangul: 'ko',
  kana: 'ja',
  greek: 'el',
  arabic: 'ar',
  hebrew: 'he',
};

/**
 * Best guess of a text's language as a BCP 47 primary tag, or null when the text has no letters.
 * Latin-script text with no recognisable function words counts as English, the archive's usual
 * translation language.
 */
export function detectLanguage(text: string): string | null {
  const counts = scriptCounts(text);
  if (counts.size === 0) return null;
  // Japanese mixes kana with Han; any kana means Japanese.
  if ((counts.get('kana') ?? 0) > 0 && (counts.get('han') ?? 0) + (counts.get('kana') ?? 0) > 0) {
    return 'ja';
  }
  const script = dominantScript(text);
  if (script === null) return null;
  if (script !== 'latin') return SCRIPT_LANGUAGE[script] ?? 'und';
  return detectLatinLanguage(text);
}

function detectLatinLanguage(text: string): string {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best = 'en';
  let bestScore = 0;
  for (const [lang, list] of Object.entries(LATIN_FUNCTION_WORDS)) {
    const set = new Set(list);
    let score = 0;
    for (const word of words) if (set.has(word)) score++;
    // English wins ties: it is the archive's translation language.
    if (score > bestScore || (score === bestScore && lang === 'en')) {
      best = lang;
      bestScore = score;
    }
  }
  // One stray function word ("il" in "KIM IL SUNG") is no evidence of another language.
  return bestScore >= 2 ? best : 'en';
}

const displayNames = new Intl.DisplayNames(['en'], { type: 'language' });
// Asked for on every render of every note and column: answered once per tag.
const names = new Map<string, string>();

/** "ru" → "Russian"; unknown tags are returned as they are. */
export function languageName(tag: string): string {
  if (!tag || tag === 'und') return 'Unknown language';
  let name = names.get(tag);
  if (name === undefined) {
    try {
      name = displayNames.of(tag) ?? tag;
    } catch {
      name = tag;
    }
    names.set(tag, name);
  }
  return name;
}

/**
 * How many common function words of each Latin-script language the text holds. Unlike
 * `detectLanguage`, which falls back to English, this lets a caller tell evidence from a guess.
 */
export function latinFunctionWordHits(text: string): Map<string, number> {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const hits = new Map<string, number>();
  for (const [lang, list] of Object.entries(LATIN_FUNCTION_WORDS)) {
    const set = new Set(list);
    let score = 0;
    for (const word of words) if (set.has(word)) score++;
    hits.set(lang, score);
  }
  return hits;
}

/** The script a language's texts are written in, for the languages `detectLanguage` returns. */
export function scriptOfLanguage(tag: string): Script | null {
  for (const [script, lang] of Object.entries(SCRIPT_LANGUAGE)) {
    if (lang === tag) return script as Script;
  }
  return tag in LATIN_FUNCTION_WORDS ? 'latin' : null;
}

/** Languages Marginalia knows by their two-letter tags (in file names, in archive fields). */
export const KNOWN_LANGUAGES: readonly string[] = [
  'ru',
  'en',
  'de',
  'fr',
  'es',
  'it',
  'pl',
  'zh',
  'ko',
  'ja',
  'uk',
  'be',
  'cs',
  'sk',
  'hu',
  'ro',
  'bg',
  'sr',
  'hr',
  'sl',
  'mk',
  'sq',
  'el',
  'tr',
  'ar',
  'he',
  'fa',
  'vi',
  'mn',
  'lt',
  'lv',
  'et',
  'fi',
  'sv',
  'no',
  'da',
  'nl',
  'pt',
  'ka',
  'hy',
  'kk',
  'uz',
  'km',
  'lo',
  'th',
];

/** "Russian" → "ru", "chinese" → "zh": the tag of a language named in English, or null. */
export function languageTagFromName(name: string): string | null {
  const wanted = name.trim().toLowerCase();
  if (wanted === '') return null;
  if (wanted === 'mandarin') return 'zh';
  for (const tag of KNOWN_LANGUAGES) {
    if (languageName(tag).toLowerCase() === wanted) return tag;
  }
  return null;
}

/** A BCP 47 language tag as a user may give one ("ru", "en", "zh-Hant", "en-GB"). */
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
