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

function monthNumber(name: string): number | null {
  const lower = name.toLowerCase().replace(/\.$/, '');
  if (lower.length < 3) return null;
  const index = MONTHS.findIndex((m) => m.startsWith(lower));
  return index < 0 ? null : index + 1;
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
  const text = line.trim().replace(/^(c\.|ca\.|circa)\s*/i, '');
  let m = /^([A-Za-z]+\.?)\s+(\d{1,2}),?\s+(\d{4})$/.exec(text);
  if (m) return isoDate(Number(m[3]), monthNumber(m[1]!), Number(m[2]));
  m = /^(\d{1,2})\s+([A-Za-z]+\.?),?\s+(\d{4})$/.exec(text);
  if (m) return isoDate(Number(m[3]), monthNumber(m[2]!), Number(m[1]));
  m = /^([A-Za-z]+\.?),?\s+(\d{4})$/.exec(text);
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
