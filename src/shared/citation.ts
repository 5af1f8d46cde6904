// How a record is cited (Chicago footnote, short form, publisher), the same in every export.
import { creditSentence, splitSourceLine } from './citation-parts';
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

/** The fields a citation is made of. */
export type CitedMeta = Pick<
  RecordMeta,
  'title' | 'date' | 'source' | 'recordId' | 'rights' | 'url'
> &
  Partial<Pick<RecordMeta, 'translator' | 'contributor'>>;

/**
 * A full note-style citation (Chicago), as a historian footnotes an archival document:
 * “Title,” date, publisher, archival source. Credits (contributed, translated by). Record ID, URL.
 * The credits come from the record's translator and contributor when it has them, else as the
 * source line gives them.
 */
export function fullCitation(meta: CitedMeta): string {
  const parts: string[] = [`“${meta.title.replace(/[.,]$/, '')},”`];
  const date = formatDate(meta.date);
  const line = meta.source ? splitSourceLine(meta.source) : null;
  const archival = line?.archival.replace(/[.\s]+$/, '') || null;
  const credits =
    creditSentence({
      translator: meta.translator ?? null,
      contributor: meta.contributor ?? null,
    }) ??
    line?.credits ??
    null;
  const tail = [date, publisherOf(meta), archival].filter((p): p is string => Boolean(p));
  let citation = parts.concat(tail.join(', ')).join(' ').trim();
  citation = citation.replace(/,”$/, '.”');
  if (!citation.endsWith('.') && !citation.endsWith('.”')) citation += '.';
  if (credits) citation += ` ${credits}.`;
  if (meta.recordId) citation += ` Record ID ${meta.recordId}.`;
  if (meta.url) citation += ` ${meta.url}`;
  return citation;
}
