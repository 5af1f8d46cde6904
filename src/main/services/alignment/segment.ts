// Splitting texts into paragraphs and sentences. Sentence boundaries are returned as spans into
// the paragraph so that annotations anchored to sentences can be mapped back to characters.

/** A half-open character range [start, end) into a paragraph. */
export interface Span {
  start: number;
  end: number;
}

// Characters that may follow a full stop and still belong to the sentence (`получено.»`).
const CLOSERS = new Set(['»', '”', '“', '"', '’', "'", ')', ']', '›']);
// Characters that may precede the first letter of a sentence.
const OPENERS = new Set(['«', '“', '„', '"', '‘', "'", '(', '[', '‹', '—', '–', '-']);

// Abbreviations that never end a sentence, whatever follows (lower case, without the dot).
const NON_TERMINAL = new Set([
  // Russian
  ...(
    'тов тт гг гр ген полк подп им см ср стр ст оп лл об ред изд проф акад зам пред нач ул ' +
    'пер обл экз вх исх англ рус кит кор сов секр инж мин чел напр прим разд гл вып рис табл ' +
    'пос дер гос т-щ'
  ).split(' '),
  // English
  ...(
    'cde cdes comr mr mrs ms dr gen col lt capt maj adm sgt prof gov sen rep pres amb hon rev ' +
    'st mt ft vs cf viz approx jan feb apr aug sep sept oct nov dec vol vols ch chap sec art ' +
    'fig ed eds trans op ll pp ff nr dept div regt bn esp incl ca'
  ).split(' '),
]);

// Abbreviations that close a list or a quantity ("и т.д.", "etc.", "100 тыс."): they end the
// sentence only when a capitalised word follows.
const LIST_CLOSERS = new Set(
  'др пр т.д т.п тыс млн млрд руб коп etc a.m p.m inc ltd co jr sr ibid н.э с.г вв'.split(' '),
);

// Abbreviations that stand before a number ("No. 3917") but are ordinary words otherwise.
const BEFORE_NUMBER = new Set(['no', 'nos']);

const DOTTED_ACRONYM = /^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u;
const SINGLE_LETTER = /^\p{L}$/u;
const ARABIC_NUMBER = /^\d{1,3}$/;
const ROMAN_NUMBER = /^[IVXLC]{1,6}$/;
const TERMINATORS = /[.!?…]+/g;

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/u.test(ch);
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** First character that could start a sentence after `from`, skipping spaces and openers. */
function nextStart(text: string, from: number): string | undefined {
  let i = from;
  while (i < text.length && (isSpace(text[i]) || OPENERS.has(text[i] ?? ''))) i++;
  return text[i];
}

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSpace(text[i])) i++;
  return i;
}

/** The whitespace-delimited token that ends right before `end`, without leading openers. */
function tokenBefore(
  text: string,
  lowerBound: number,
  end: number,
): { token: string; start: number } {
  let start = end;
  while (start > lowerBound && !isSpace(text[start - 1])) start--;
  while (start < end && OPENERS.has(text[start] ?? '')) start++;
  return { token: text.slice(start, end), start };
}

/**
 * Decides whether the terminator `mark` at [at, at + mark.length) ends the sentence that
 * began at `sentenceStart`. `next` is the first significant character after it.
 */
function endsSentence(
  text: string,
  sentenceStart: number,
  at: number,
  mark: string,
  next: string | undefined,
): boolean {
  if (next === undefined) return true;
  const startsLikeSentence = !/\p{L}/u.test(next) || isUpper(next);
  const capitalFollows = /\p{L}/u.test(next) && isUpper(next);
  // "[…]" and "(...)" are editorial marks inside a sentence, not its end.
  const before = text[at - 1];
  if (mark !== '.' && (before === '[' || before === '(')) return false;
  if (mark.includes('!') || mark.includes('?') || mark.length > 1 || mark === '…') {
    return startsLikeSentence;
  }
  const { token, start } = tokenBefore(text, sentenceStart, at);
  const lower = token.toLowerCase();
  if (token === '') return startsLikeSentence;
  // "1." or "IV." opening a numbered point is a list marker, not a sentence.
  if (start === sentenceStart && (ARABIC_NUMBER.test(token) || ROMAN_NUMBER.test(token))) {
    return false;
  }
  if (BEFORE_NUMBER.has(lower)) return !/\d/.test(next) && startsLikeSentence;
  if (NON_TERMINAL.has(lower)) return false;
  if (LIST_CLOSERS.has(lower)) return capitalFollows;
  if (SINGLE_LETTER.test(token)) {
    // "и т. д." and "и т. п." close a list like "и т.д."; other single letters are initials or
    // archival abbreviations ("И. В. Сталин", "f. 45", "л. 12").
    const previous = tokenBefore(text, sentenceStart, Math.max(sentenceStart, start - 1));
    if ((lower === 'д' || lower === 'п') && previous.token.toLowerCase() === 'т.') {
      return capitalFollows;
    }
    return false;
  }
  if (DOTTED_ACRONYM.test(token)) return false;
  return startsLikeSentence;
}

/**
 * Character spans of the sentences of `text`, in order. Each span is trimmed, so
 * `text.slice(start, end)` is the sentence exactly as written; closing quotes and brackets after
 * the final stop stay with their sentence. `lang` is a BCP 47 tag; the rules cover Russian and
 * English abbreviations and are harmless for other languages.
 */
export function sentenceSpans(text: string, _lang: string): Span[] {
  const spans: Span[] = [];
  let sentenceStart = skipSpaces(text, 0);
  let end = text.length;
  while (end > sentenceStart && isSpace(text[end - 1])) end--;
  if (sentenceStart >= end) return spans;
  for (const match of text.matchAll(TERMINATORS)) {
    const at = match.index;
    if (at < sentenceStart) continue;
    let after = at + match[0].length;
    while (after < end && CLOSERS.has(text[after] ?? '')) after++;
    if (after >= end) break;
    if (!isSpace(text[after])) continue;
    if (!endsSentence(text, sentenceStart, at, match[0], nextStart(text, after))) continue;
    spans.push({ start: sentenceStart, end: after });
    sentenceStart = skipSpaces(text, after);
  }
  if (sentenceStart < end) spans.push({ start: sentenceStart, end });
  return spans;
}

/** The sentences of `text` (see {@link sentenceSpans}); each is an exact substring of `text`. */
export function splitSentences(text: string, lang: string): string[] {
  return sentenceSpans(text, lang).map((span) => text.slice(span.start, span.end));
}

// Paragraphs are split where every door splits them (the units of shared/alignment/units.ts).
export { splitParagraphs } from '@shared/alignment/units';
