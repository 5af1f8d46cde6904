// Keys that let a name written in one script find the same name written in the other: "Kim Il
// Sung" finds "Ким Ир Сен", "Peng Dehuai" finds "Пэн Дэхуая", "Сталин" finds "Stalin's". The
// alignment engine's phonetic key already merges the sounds that transliteration systems render
// differently; search coarsens it further, because it must match exactly (the index looks keys
// up, it cannot measure distances): every vowel run becomes one vowel, and l and r fall
// together (Korean and Chinese names reach Russian with р where English has l: Ир / Il).
import { hasCyrillic, phoneticKey, stripRussianEnding } from '../text/transliterate';

/** Keys shorter than this say too little to be matched across scripts. */
const MIN_KEY_LENGTH = 2;

function coarsen(key: string): string {
  return key
    .replace(/l/g, 'r')
    .replace(/[aeiou]+/g, 'a')
    .replace(/(.)\1+/g, '$1');
}

const cache = new Map<string, string[]>();
const CACHE_LIMIT = 50_000;

/**
 * The cross-script keys of one word: its coarse phonetic key and, for an inflected Russian word,
 * also the key of its stem ("Сталину" → the key of "Сталин"), so any case form meets the
 * uninflected Latin spelling.
 */
export function nameKeys(word: string): string[] {
  let cached = cache.get(word);
  if (!cached) {
    cached = computeNameKeys(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, cached);
  }
  return cached;
}

function computeNameKeys(word: string): string[] {
  const keys = new Set<string>();
  const whole = coarsen(phoneticKey(word));
  if (whole.length >= MIN_KEY_LENGTH) keys.add(whole);
  if (hasCyrillic(word)) {
    const stem = coarsen(phoneticKey(stripRussianEnding(word)));
    if (stem.length >= MIN_KEY_LENGTH) keys.add(stem);
  }
  return [...keys];
}

/**
 * The keys a query word is looked up by: its own, and without a final vowel, which meets the
 * stem key of every case form of a Russian name ("Krasovsky" → "Красовскому", "Korea" →
 * "Корее").
 */
export function queryNameKeys(word: string): string[] {
  const key = coarsen(phoneticKey(word));
  if (key.length < MIN_KEY_LENGTH) return [];
  const bare = key.replace(/a$/, '');
  return bare !== key && bare.length >= 3 ? [key, bare] : [key];
}
