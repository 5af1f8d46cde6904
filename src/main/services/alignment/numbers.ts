// Numbers and dates as comparable tokens: "28 июня" and "28 June" both give ["28", "m6"],
// "10–15 июля" and "July 10-15" give ["10", "15", "m7"], "120 тысяч" and "120,000" give
// ["120000"], "38-й" and "38th" give ["38"].

import { headOf, SegmentScan } from './scan';

// Full English month names and their three-letter abbreviations ("Sept" too), lower case.
const ENGLISH_MONTHS = new Map<string, number>([['sept', 9]]);
'january february march april may june july august september october november december'
  .split(' ')
  .forEach((name, k) => {
    ENGLISH_MONTHS.set(name, k + 1);
    ENGLISH_MONTHS.set(name.slice(0, 3), k + 1);
  });

/** English month names and abbreviations, lower case (capitalised ones are not names). */
export const ENGLISH_MONTH_NAMES: readonly string[] = [...ENGLISH_MONTHS.keys()];

const RUSSIAN_MONTH_STEMS: ReadonlyArray<readonly [RegExp, number]> = [
  /^январ/,
  /^феврал/,
  /^март[аеу]?$/,
  /^апрел/,
  /^ма[йяюе]$/,
  /^июн/,
  /^июл/,
  /^август/,
  /^сентябр/,
  /^октябр/,
  /^ноябр/,
  /^декабр/,
].map((pattern, k) => [pattern, k + 1] as const);

/** Month number (1..12) named by `word`, or 0. English months must be capitalised ("May"). */
export function monthOf(word: string): number {
  const lower = word.toLowerCase().replace(/\.$/, '');
  if (/^[a-z]/.test(lower)) {
    if (word.charAt(0) !== word.charAt(0).toUpperCase()) return 0;
    return ENGLISH_MONTHS.get(lower) ?? 0;
  }
  for (const [pattern, month] of RUSSIAN_MONTH_STEMS) if (pattern.test(lower)) return month;
  return 0;
}

const MULTIPLIERS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:тыс|thousand)/i, 1e3],
  [/^(?:млн|миллион|million)/i, 1e6],
  [/^(?:млрд|миллиард|billion)/i, 1e9],
];

// A number with thousands separators ("1,200", "10 000") or a plain/decimal number.
const NUMBER = /\d{1,3}(?:[,\u00A0\u202F ]\d{3})+(?![\d,.]\d)|\d+(?:[.,]\d+)?/g;
const GROUPED_NUMBER = /^\d{1,3}(?:[,\u00A0\u202F ]\d{3})+$/;

function normaliseNumber(raw: string, followingWord: string): string {
  let value = GROUPED_NUMBER.test(raw)
    ? raw.replace(/[,\u00A0\u202F ]/g, '')
    : raw.replace(',', '.');
  for (const [pattern, factor] of MULTIPLIERS) {
    if (pattern.test(followingWord)) {
      const scaled = Number(value) * factor;
      if (Number.isFinite(scaled)) value = String(Math.round(scaled));
    }
  }
  if (/^\d+$/.test(value)) value = value.replace(/^0+(?=\d)/, '');
  return value;
}

// The first two letters of the month names of both scripts: only tokens that start with one
// of them are looked up.
const MONTH_HEADS = new Set(
  'ja fe ma ap ju au se oc no de ян фе ма ап ию ав се ок но де'.split(' ').map(headOf),
);

/** Numbers and month names of `text` as comparable tokens ("28 июня" → ["28", "m6"]). */
export function extractNumbers(text: string): string[] {
  return numbersOfScan(text, new SegmentScan().scan(text));
}

/** {@link extractNumbers} from a scan of `text`. */
export function numbersOfScan(text: string, scan: SegmentScan): string[] {
  const tokens: string[] = [];
  if (scan.hasDigit) {
    for (const match of text.matchAll(NUMBER)) {
      const end = match.index + match[0].length;
      const followingWord = /^[-\s]*(\p{L}+)/u.exec(text.slice(end, end + 24))?.[1] ?? '';
      tokens.push(normaliseNumber(match[0], followingWord));
    }
  }
  for (let k = 0; k < scan.tokens; k++) {
    const start = scan.start[k] ?? 0;
    const end = scan.end[k] ?? 0;
    if (end - start < 3 || !MONTH_HEADS.has(scan.head[k] ?? 0)) continue;
    const word = text.slice(start, end).replace(/['’].*$/u, '');
    const month = monthOf(word);
    if (month > 0) tokens.push(`m${month}`);
  }
  return tokens;
}

/** How many numbers of `a` occur in `b`, each occurrence in `b` used once. */
export function countNumberMatches(a: readonly string[], b: readonly string[]): number {
  const remaining = [...b];
  let matches = 0;
  for (const value of a) {
    const at = remaining.indexOf(value);
    if (at >= 0) {
      matches++;
      remaining.splice(at, 1);
    }
  }
  return matches;
}
