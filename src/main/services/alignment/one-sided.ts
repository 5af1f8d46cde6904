// Lines that typically exist in one language only: document headers, routing and addressee
// lines, date lines, reference numbers, archival citations and editors' marks. The seed record's
// English has "CIPHERED TELEGRAM No. 3917", "BEIJING—TO KRASOVSKY", "30 June 1951" and
// "No. 335/III", none of which the Russian has.

// Square brackets are the editors' convention: a line entirely in them is their mark. In
// parentheses only an ellipsis or an explicit editorial word counts.
const EDITORIAL_BRACKETS = /^\[[^\]]*\]\.?$/u;
const EDITORIAL_PARENTHESES =
  /^\(\s*(?:…|\.{3}|\.\s\.\s\.|[^)]*(?:translat|illegible|omitted|перевод|неразборчиво|пропуск)[^)]*)\s*\)\.?$/iu;
const MONTH_WORD = String.raw`(?:[A-Z][a-z]+\.?|[а-яё]+)`;
const DATE_LINE = new RegExp(
  String.raw`^(?:[\p{L} .-]+,\s*)?(?:\d{1,2}\s+${MONTH_WORD}\s+\d{4}|${MONTH_WORD}\s+\d{1,2},?\s+\d{4}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|${MONTH_WORD}\s+\d{4})(?:\s*(?:г\.|года|год))?\.?$`,
  'u',
);
const REFERENCE_LINE = /^(?:No\.|Nos\.|№|Ref\.|Исх\.|Вх\.|Exemplar|Экз\.|Copy\s+No)/iu;
const ARCHIVE_CITATION =
  /^(?:APRF|AVP\s?RF|RGASPI|RGANI|GARF|TsAMO|RGAE|АПРФ|АВП\s?РФ|РГАСПИ|РГАНИ|ГАРФ|ЦАМО|РГАЭ|Source:|Источник:)/u;
const ROUTING_LINE = /^(?:to|for|from|cc|copy to|товарищу|тов\.|для|кому|копия)\s/iu;
const HEADER_WORDS =
  /(?<!\p{L})(?:CIPHERED|TELEGRAM|CIPHER|MEMORANDUM|TOP SECRET|STRICTLY SECRET|SECRET|RECORD OF|PROTOCOL|ШИФРТЕЛЕГРАММА|ТЕЛЕГРАММА|СЕКРЕТНО|ПРОТОКОЛ|ЗАПИСЬ БЕСЕДЫ|ВЫПИСКА)(?!\p{L})/iu;
const SENTENCE_END = new Set(['.', '!', '?', '…', ':', ';']);
const TRAILING_CLOSERS = new Set(['»', '”', '“', '"', '’', "'", ')', ']']);

/** Whether `line` ends with sentence punctuation, possibly followed by closing quotes. */
function endsLikeSentence(line: string): boolean {
  let k = line.length - 1;
  while (k >= 0 && TRAILING_CLOSERS.has(line[k] ?? '')) k--;
  return k >= 0 && SENTENCE_END.has(line[k] ?? '');
}

/** Whether `text` is an editor's mark such as "[…]", "[...]" or "[Translated by …]". */
export function isEditorialMark(text: string): boolean {
  const line = text.trim();
  return EDITORIAL_BRACKETS.test(line) || EDITORIAL_PARENTHESES.test(line);
}

/** Words, cased letters and capitals of a line. */
export interface LineShape {
  words: number;
  letters: number;
  upper: number;
}

/** Counts words, letters and capitals in one pass. */
function shapeOf(line: string): LineShape {
  let letters = 0;
  let upper = 0;
  let words = 1;
  let inSpace = false;
  for (let k = 0; k < line.length; k++) {
    const ch = line[k] ?? '';
    if (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\u00A0') {
      inSpace = true;
      continue;
    }
    if (inSpace) words++;
    inSpace = false;
    const code = ch.charCodeAt(0);
    if (code < 128) {
      if (code >= 65 && code <= 90) upper++;
      if ((code | 32) >= 97 && (code | 32) <= 122) letters++;
    } else if (code >= 0x400 && code <= 0x45f) {
      // Cyrillic: capitals are U+0400–U+042F, small letters U+0430–U+045F.
      letters++;
      if (code < 0x430) upper++;
    } else if (ch.toLowerCase() !== ch) {
      letters++;
      upper++;
    } else if (ch.toUpperCase() !== ch) {
      letters++;
    }
  }
  return { words, letters, upper };
}

/**
 * 0..1: how much `text` looks like a line that typically exists in one language only: 1 for
 * editorial marks, high for archival citations, reference numbers, date lines and document
 * headers, moderate for all-caps and routing lines, low for short unpunctuated lines
 * (signatures, titles), 0 for ordinary prose.
 */
export function oneSidedScore(text: string, shape?: LineShape): number {
  const line = text.trim();
  if (line === '' || isEditorialMark(line)) return 1;
  const { words, letters, upper } = shape ?? shapeOf(line);
  if (letters === 0) return 0.8;
  const sentenceLike = endsLikeSentence(line);
  const allCaps = letters >= 4 && upper / letters > 0.8 && !sentenceLike;
  if (ARCHIVE_CITATION.test(line)) return 0.9;
  // Headers, dates and reference lines are short; a long line can only be all capitals.
  if (words > 10) return allCaps ? 0.6 : 0;
  if (words <= 6 && REFERENCE_LINE.test(line)) return 0.85;
  if (DATE_LINE.test(line)) return 0.8;
  if (!sentenceLike && HEADER_WORDS.test(line)) return 0.7;
  if (allCaps) return 0.6;
  if (words <= 6 && !sentenceLike && ROUTING_LINE.test(line)) return 0.6;
  // "I report:", "Сообщаю:": a line that only announces what follows.
  if (words <= 3 && line.endsWith(':')) return 0.5;
  if (words <= 4 && !sentenceLike) return 0.2;
  return 0;
}
