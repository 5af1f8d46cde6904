// Archive pages print dates as "June 30, 1951", "30 June 1951", "June 1951" or "1951".
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Month names in the other languages archive pages and originals date documents in. */
const OTHER_MONTHS: [RegExp, number][] = [
  [/^(январ[ья]|янв|januar)$/, 1],
  [/^(феврал[ья]|фев|februar)$/, 2],
  [/^(марта?|mär|märz)$/, 3],
  [/^(апрел[ья]|апр)$/, 4],
  [/^(ма[йя]|mai)$/, 5],
  [/^(июн[ья]|juni)$/, 6],
  [/^(июл[ья]|juli)$/, 7],
  [/^(августа?|авг)$/, 8],
  [/^(сентябр[ья]|сент?)$/, 9],
  [/^(октябр[ья]|окт|oktober|okt)$/, 10],
  [/^(ноябр[ья]|нояб?)$/, 11],
  [/^(декабр[ья]|дек|dezember|dez)$/, 12],
];

function monthNumber(name: string): number | null {
  const lower = name.toLowerCase().replace(/\.$/, '');
  if (lower.length < 3) return null;
  const index = MONTHS.findIndex((m) => m.startsWith(lower));
  if (index >= 0) return index + 1;
  return OTHER_MONTHS.find(([pattern]) => pattern.test(lower))?.[1] ?? null;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function isoDate(year: number, month?: number | null, day?: number): string | null {
  if (year < 1000 || year > 2999) return null;
  if (month == null) return String(year);
  if (month < 1 || month > 12) return null;
  if (day === undefined) return `${year}-${pad(month)}`;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * Reads a whole line as a date and returns it in ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD), or null
 * when the line is not just a date.
 */
export function parseDateLine(line: string): string | null {
  const text = line
    .trim()
    .replace(/^(c\.|ca\.|circa)\s*/i, '')
    // "30 июня 1951 г.", "30. Juni 1951": Russian year marks and German day points.
    .replace(/\s*(г\.|года|год)$/u, '')
    .replace(/^(\d{1,2})\.\s+/, '$1 ');
  let m = /^(\p{L}+\.?)\s+(\d{1,2}),?\s+(\d{4})$/u.exec(text);
  if (m) return isoDate(Number(m[3]), monthNumber(m[1]!), Number(m[2]));
  m = /^(\d{1,2})\s+(\p{L}+\.?),?\s+(\d{4})$/u.exec(text);
  if (m) return isoDate(Number(m[3]), monthNumber(m[2]!), Number(m[1]));
  m = /^(\p{L}+\.?),?\s+(\d{4})$/u.exec(text);
  if (m) {
    const month = monthNumber(m[1]!);
    return month === null ? null : isoDate(Number(m[2]), month);
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})$/.exec(text);
  if (m) return isoDate(Number(m[1]));
  return null;
}
