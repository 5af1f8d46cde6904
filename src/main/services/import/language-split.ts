// Splits an archive page's body into the original and its English translation. The page gives
// the original's paragraphs, then the translation's (rarely the other way round), with nothing
// but the change of language to mark the boundary.
import {
  detectLanguage,
  dominantScript,
  latinFunctionWordHits,
  scriptOfLanguage,
} from '@shared/text/language';
import type { ParsedText } from './types';

export interface LanguageSplit {
  original: ParsedText;
  translation: ParsedText;
}

/**
 * Each paragraph votes for a side; the split point is where the fewest paragraphs disagree with
 * their side. Paragraphs without evidence (editorial marks such as "[…]", a signature such as
 * "W. Ulbricht" beside a German original) have no vote and stay with the text before them, or
 * with the text after them at the very start.
 */
export function splitLanguages(body: string[]): LanguageSplit {
  const foreign = originalLanguage(body);
  if (foreign === null) {
    return {
      original: { lang: 'und', paragraphs: [] },
      translation: { lang: 'en', paragraphs: body },
    };
  }
  const isEnglish = body.map((p) => vote(p, foreign));
  if (!isEnglish.includes(true)) {
    return {
      original: { lang: foreign, paragraphs: body },
      translation: { lang: 'en', paragraphs: [] },
    };
  }
  const originalFirst = bestSplit(isEnglish, false);
  const translationFirst = bestSplit(isEnglish, true);
  if (translationFirst.errors < originalFirst.errors) {
    return {
      original: { lang: foreign, paragraphs: body.slice(translationFirst.at) },
      translation: { lang: 'en', paragraphs: body.slice(0, translationFirst.at) },
    };
  }
  return {
    original: { lang: foreign, paragraphs: body.slice(0, originalFirst.at) },
    translation: { lang: 'en', paragraphs: body.slice(originalFirst.at) },
  };
}

/** The most common non-English language among paragraphs with clear evidence, or null. */
function originalLanguage(body: string[]): string | null {
  const counts = new Map<string, number>();
  for (const paragraph of body) {
    const lang = confidentLanguage(paragraph);
    if (lang && lang !== 'en') counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [lang, count] of counts) {
    if (count > bestCount) {
      best = lang;
      bestCount = count;
    }
  }
  return best;
}

/** A paragraph's language when the text itself shows it, else null. */
function confidentLanguage(paragraph: string): string | null {
  const lang = detectLanguage(paragraph);
  if (lang === null || dominantScript(paragraph) !== 'latin') return lang;
  const hits = latinFunctionWordHits(paragraph);
  return (hits.get(lang) ?? 0) >= 2 ? lang : null;
}

/**
 * True when the paragraph belongs to the English side, false for the original, null for no
 * evidence. Beside an original in another script, any Latin-script line is English ("FILIPPOV
 * [Stalin]", "Comrade Filippov:"). Beside a Latin-script original (German, French …) only
 * function words tell, and a line without them has no vote.
 */
function vote(paragraph: string, foreign: string): boolean | null {
  const script = dominantScript(paragraph);
  if (script === null) return null;
  const foreignScript = scriptOfLanguage(foreign);
  if (foreignScript !== 'latin') {
    if (script === 'latin') return true;
    return script === foreignScript || foreignScript === null ? false : null;
  }
  if (script !== 'latin') return null;
  const hits = latinFunctionWordHits(paragraph);
  const english = hits.get('en') ?? 0;
  const other = hits.get(foreign) ?? 0;
  if (english > other) return true;
  if (other > english) return false;
  return english === 0 ? letterVote(paragraph, foreign) : null;
}

/** Words of salutations and closings, which letters open and end with and which carry no function words. */
const LETTER_WORDS: Record<string, ReadonlySet<string>> = {
  en: new Set([
    'dear',
    'comrade',
    'comrades',
    'mr',
    'mrs',
    'sincerely',
    'respectfully',
    'yours',
    'greetings',
    'regards',
  ]),
  de: new Set([
    'genosse',
    'genossin',
    'genossen',
    'sehr',
    'geehrter',
    'geehrte',
    'lieber',
    'liebe',
    'gruß',
    'grüße',
    'hochachtungsvoll',
  ]),
  fr: new Set([
    'cher',
    'chère',
    'chers',
    'camarade',
    'camarades',
    'monsieur',
    'madame',
    'salutations',
  ]),
};

/** The weakest evidence, for lines without function words: salutation words and umlauts. */
function letterVote(paragraph: string, foreign: string): boolean | null {
  const words = paragraph.toLowerCase().match(/\p{L}+/gu) ?? [];
  const count = (lang: string): number => words.filter((w) => LETTER_WORDS[lang]?.has(w)).length;
  const english = count('en');
  const other = count(foreign) + (foreign === 'de' && /[äöüß]/i.test(paragraph) ? 1 : 0);
  if (english > other) return true;
  if (other > english) return false;
  return null;
}

/**
 * Finds the split point `at` (first paragraph of the second half) with the fewest paragraphs on
 * the wrong side. `englishFirst` says which language the first half should be. Ties go to the
 * latest split, so paragraphs without a vote stay with the text they follow. Linear time.
 */
function bestSplit(
  isEnglish: (boolean | null)[],
  englishFirst: boolean,
): { at: number; errors: number } {
  const belongsSecond = isEnglish.map((english) => english !== null && english !== englishFirst);
  const belongsFirst = isEnglish.map((english) => english !== null && english === englishFirst);
  let secondBefore = 0;
  let firstAfter = belongsFirst.filter(Boolean).length;
  let best = { at: 0, errors: firstAfter };
  for (let at = 1; at <= isEnglish.length; at++) {
    if (belongsSecond[at - 1]) secondBefore++;
    if (belongsFirst[at - 1]) firstAfter--;
    const errors = secondBefore + firstAfter;
    if (errors <= best.errors) best = { at, errors };
  }
  return best;
}
