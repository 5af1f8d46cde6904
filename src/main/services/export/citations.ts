// Citations of the selected records for reference managers: CSL-JSON (Zotero, Mendeley, pandoc)
// and BibTeX (LaTeX). An archival document is a CSL "manuscript": its archive and location come
// from the parsed archival citation, the rest from the catalogue record. The full Chicago note
// citation lives in @shared/citation (fullCitation) and is added as a note to both.
import { fullCitation, publisherOf } from '@shared/citation';
import { parseArchivalCitations, splitSourceLine } from '@shared/citation-parts';
import type { RecordDocument } from '@shared/model';

export interface CslItem {
  id: string;
  type: 'manuscript';
  title: string;
  issued?: { 'date-parts': number[][] };
  publisher?: string;
  archive?: string;
  archive_location?: string;
  genre?: string;
  URL?: string;
  abstract?: string;
  /** The rights statement. */
  license?: string;
  translator?: { literal: string }[];
  note: string;
  language?: string;
}

function dateParts(iso: string | null): number[] | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso ?? '');
  if (!m) return null;
  return [m[1], m[2], m[3]].filter((p): p is string => p !== undefined).map(Number);
}

/** A citation key: the title's first word, the year and the archive's record id. */
function citationKey(record: RecordDocument): string {
  const word =
    record.title
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}\s]/gu, '')
      .split(/\s+/)
      .map((w) => w.replace(/[^A-Za-z0-9]/g, ''))
      .find((w) => w.length > 2) ?? 'record';
  const year = dateParts(record.date)?.[0] ?? 'nd';
  return `${word.toLowerCase()}${year}${record.recordId ? `_${record.recordId.replace(/[^A-Za-z0-9]/g, '')}` : ''}`;
}

function uniqueKeys(records: RecordDocument[]): string[] {
  const seen = new Map<string, number>();
  return records.map((r) => {
    const key = citationKey(r);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return n === 0 ? key : `${key}${String.fromCharCode(97 + ((n - 1) % 26))}${n > 26 ? n : ''}`;
  });
}

/** The archival citation of a source line, without its credits or closing full stop. */
function archivalPart(source: string | null): string | null {
  return source ? splitSourceLine(source).archival.replace(/\.$/, '') || null : null;
}

export function cslItem(record: RecordDocument, id: string): CslItem {
  const parts = parseArchivalCitations(record.source);
  const issued = dateParts(record.date);
  const publisher = publisherOf(record);
  const item: CslItem = {
    id,
    type: 'manuscript',
    title: record.title,
    note: [record.recordId ? `Record ID ${record.recordId}` : null, fullCitation(record)]
      .filter(Boolean)
      .join('\n'),
  };
  if (issued) item.issued = { 'date-parts': [issued] };
  if (publisher) item.publisher = publisher;
  const archive = parts[0]?.archiveName ?? parts[0]?.archive;
  if (archive) item.archive = archive;
  const archival = archivalPart(record.source);
  if (archival) item.archive_location = archival;
  if (record.type) item.genre = record.type;
  if (record.url) item.URL = record.url;
  if (record.summary) item.abstract = record.summary;
  if (record.rights) item.license = record.rights;
  if (record.translator) item.translator = [{ literal: record.translator }];
  return item;
}

export function renderCslJson(records: RecordDocument[]): string {
  const keys = uniqueKeys(records);
  return (
    JSON.stringify(
      records.map((r, i) => cslItem(r, keys[i]!)),
      null,
      2,
    ) + '\n'
  );
}

/** Escapes BibTeX's special characters; braces keep their balance. */
export function bibtexEscape(text: string): string {
  return text.replace(/[\\{}%&$#_^~]/g, (c) =>
    c === '\\' ? '\\textbackslash{}' : c === '^' ? '\\^{}' : c === '~' ? '\\~{}' : `\\${c}`,
  );
}

export function renderBibtex(records: RecordDocument[]): string {
  const keys = uniqueKeys(records);
  const entries = records.map((record, i) => {
    const csl = cslItem(record, keys[i]!);
    const date = dateParts(record.date);
    const fields: [string, string][] = [['title', `{${bibtexEscape(record.title)}}`]];
    if (record.date && date) fields.push(['date', record.date], ['year', String(date[0])]);
    if (date?.[1]) fields.push(['month', String(date[1])]);
    if (csl.publisher) fields.push(['howpublished', bibtexEscape(csl.publisher)]);
    if (csl.archive) fields.push(['organization', bibtexEscape(csl.archive)]);
    if (record.type) fields.push(['type', bibtexEscape(record.type)]);
    if (record.translator) fields.push(['translator', `{${bibtexEscape(record.translator)}}`]);
    const note = [
      archivalPart(record.source),
      record.recordId ? `Record ID ${record.recordId}` : null,
    ]
      .filter(Boolean)
      .join('. ');
    if (note) fields.push(['note', bibtexEscape(note)]);
    if (record.url) fields.push(['url', record.url.replace(/[{}\s]/g, encodeURIComponent)]);
    if (record.summary) fields.push(['abstract', bibtexEscape(record.summary)]);
    if (record.rights)
      fields.push(['rights', bibtexEscape(record.rights.replace(/\s*\n\s*/g, ' '))]);
    const body = fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n');
    return `@misc{${keys[i]},\n${body}\n}`;
  });
  return entries.join('\n\n') + '\n';
}
