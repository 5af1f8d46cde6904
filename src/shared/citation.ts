// How a record is cited (Chicago footnote, short form, publisher), the same in every export.
import type { RecordMeta } from './model';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "1951-06-30" → "June 30, 1951"; partial dates keep their precision. */
export function formatDate(iso: string | null): string | null {
  if (!iso) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return iso;
  const month = m[2] ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!month) return m[1]!;
  return m[3] ? `${month} ${Number(m[3])}, ${m[1]}` : `${month} ${m[1]}`;
}

/**
 * The publisher of a digital-archive record, when its rights statement names it (the Wilson
 * Center's pages credit the History and Public Policy Program).
 */
export function publisherOf(meta: Pick<RecordMeta, 'rights'>): string | null {
  if (meta.rights && /History and Public Policy Program/i.test(meta.rights)) {
    return 'History and Public Policy Program Digital Archive, Wilson Center';
  }
  return null;
}

/**
 * A full note-style citation (Chicago), as a historian footnotes an archival document:
 * “Title,” date, publisher, archival source, record ID, URL.
 */
export function fullCitation(
  meta: Pick<RecordMeta, 'title' | 'date' | 'source' | 'recordId' | 'rights' | 'url'>,
): string {
  const parts: string[] = [`“${meta.title.replace(/[.,]$/, '')},”`];
  const date = formatDate(meta.date);
  const tail = [date, publisherOf(meta), meta.source?.replace(/\.$/, '')].filter((p): p is string =>
    Boolean(p),
  );
  let citation = parts.concat(tail.join(', ')).join(' ').trim();
  citation = citation.replace(/,”$/, '.”');
  if (!citation.endsWith('.') && !citation.endsWith('.”')) citation += '.';
  if (meta.recordId) citation += ` Record ID ${meta.recordId}.`;
  if (meta.url) citation += ` ${meta.url}`;
  return citation;
}
