// Reads the text of a digital-archive record page as copied from a browser: page chrome, a date
// line, the title, the original's paragraphs, the translation's paragraphs, a one-line summary,
// then "Document Information" with labelled fields (Source, Rights, Type, Record ID …) and
// perhaps a site footer. Pages in the archive's older layout go to archive-page-legacy.ts.
import { creditsOf } from '@shared/citation-parts';
import { detectLanguage, languageTagFromName } from '@shared/text/language';
import { isFieldLabel, isFooterLine, normaliseLabel, readFields } from './archive-fields';
import { isLegacyLayout, parseLegacyArchivePage } from './archive-page-legacy';
import { creditsFor } from './credits';
import { parseDateLine } from './dates';
import { badFile } from './errors';
import { splitLanguages } from './language-split';
import type { ParsedMeta, ParsedRecord } from './types';

/** Lines a browser copies from the site's header and navigation, never part of the record. */
const CHROME_LINES = new Set([
  'skip to content',
  'skip to main content',
  'skip to navigation',
  'menu',
  'main menu',
  'search',
  'search the digital archive',
  'home',
  'wilson center',
  'wilson center digital archive',
  'digital archive',
  'international history declassified',
  'main navigation',
  'breadcrumb',
  'collections',
  'topics',
  'geography',
  'themes',
  'browse',
  'about',
  'sign in',
  'log in',
  'login',
  'document',
  'share',
  'print',
  'cite',
  'download',
  'download pdf',
  'back',
]);

/** "Home › Documents › Korean War", "Home / Collections": a breadcrumb trail. */
function isBreadcrumb(line: string): boolean {
  const parts = line.split(/\s+[›»>/|]\s+/);
  return parts.length >= 2 && /^home$/i.test(parts[0]!.trim());
}

const DOCUMENT_INFORMATION = 'document information';
const AUTHORS = /^authors?(\(s\))?:?$/i;
const SUMMARY = 'summary';
const RELATED = /^related (documents|content|records)$/i;

/** Hints from a richer source (an HTML page's <h1> and <time>) that beat guessing. */
export interface PageHints {
  title?: string | null;
  date?: string | null;
}

/** True for a line that holds no text: empty, or only spaces and no-break spaces. */
function isBlank(line: string): boolean {
  return line.replace(/[\s\u00a0\u200b\ufeff]/g, '') === '';
}

function cleanLine(line: string): string {
  return line.replace(/[\u00a0\s]+/g, ' ').trim();
}

/**
 * Parses archive-page text into a record. Each non-blank line is one paragraph (browsers copy a
 * page's paragraphs as lines, however many blank lines lie between them). Throws a `bad_file`
 * ApiError when no record can be found.
 */
export function parseArchivePage(text: string, hints: PageHints = {}): ParsedRecord {
  const lines = text
    .split('\n')
    .filter((line) => !isBlank(line))
    .map(cleanLine);
  if (isLegacyLayout(lines)) return parseLegacyArchivePage(lines);

  const start = skipChrome(lines);
  const head = findTitle(lines, start, hints);
  let cursor = head.titleIndex + 1;
  let date = head.date;
  // Some pages print the date under the title rather than above it.
  if (date === null && cursor < lines.length) {
    const below = parseDateLine(lines[cursor]!);
    if (below) {
      date = below;
      cursor++;
    }
  }

  const bodyEnd = findBodyEnd(lines, cursor);
  let body = lines.slice(cursor, bodyEnd);
  const summaryAt = body.findIndex((line) => normaliseLabel(line) === SUMMARY);
  let summary: string | null = null;
  if (summaryAt >= 0) {
    // A "Summary" heading: the paragraphs after it are the summary.
    summary = body.slice(summaryAt + 1).join('\n\n') || null;
    body = body.slice(0, summaryAt);
  } else if (bodyEnd < lines.length && body.length > 1 && looksLikeSummary(body.at(-1)!)) {
    // On archive pages the record's one-paragraph description closes the body, just above
    // the author line and the Document Information block.
    summary = body.at(-1)!;
    body = body.slice(0, -1);
  }
  if (body.length === 0) {
    throw badFile('This file does not look like an archive record: it has no text.');
  }

  const infoIndex = lines.findIndex(
    (line, i) => i >= bodyEnd && normaliseLabel(line) === DOCUMENT_INFORMATION,
  );
  const fields = infoIndex >= 0 ? readFields(lines.slice(infoIndex + 1)) : {};
  const { original, translation } = splitLanguages(body);
  // An English-only record still knows the language of the original it translates.
  const namedLanguage = fields.language ? languageTagFromName(fields.language) : null;
  if (original.paragraphs.length === 0 && namedLanguage && namedLanguage !== 'en') {
    original.lang = namedLanguage;
  }
  const source = fields.source ?? sourceFromCitation(fields.citation);
  // A page with both a Source and a Citation may credit its translator in the Citation only.
  const citationCredits = creditsOf(sourceFromCitation(fields.citation));
  const meta: ParsedMeta = {
    title: head.title,
    date,
    recordId: fields.recordId ?? null,
    type: fields.type ?? null,
    source,
    rights: fields.rights ?? null,
    summary: summary ?? fields.summary ?? null,
    url: safeUrl(fields.url),
    uploaded: fields.uploaded ? (parseDateLine(fields.uploaded) ?? fields.uploaded) : null,
    ...creditsFor(source, {
      translator: fields.translator ?? citationCredits.translator,
      contributor: fields.contributor ?? citationCredits.contributor,
    }),
  };
  return { meta, original, translation };
}

function skipChrome(lines: string[]): number {
  let i = 0;
  while (
    i < lines.length &&
    (CHROME_LINES.has(lines[i]!.toLowerCase()) || isBreadcrumb(lines[i]!))
  ) {
    i++;
  }
  return i;
}

/**
 * The title is the line after the date, which sits at the top (a stray line or two may come
 * before it). With a title hint (an HTML page's <h1>), the title is that line wherever it is.
 */
function findTitle(
  lines: string[],
  start: number,
  hints: PageHints,
): { title: string; titleIndex: number; date: string | null } {
  const hinted = hints.title ? cleanLine(hints.title) : '';
  if (hinted) {
    const at = lines.findIndex((line, i) => i >= start && line === hinted);
    if (at >= 0) {
      let date = hints.date ?? null;
      for (let i = at - 1; date === null && i >= start; i--) date = parseDateLine(lines[i]!);
      return { title: hinted, titleIndex: at, date };
    }
  }
  let cursor = start;
  let date: string | null = null;
  for (let i = start; i < Math.min(lines.length, start + 3); i++) {
    const parsed = parseDateLine(lines[i]!);
    if (parsed) {
      date = parsed;
      cursor = i + 1;
      break;
    }
  }
  const title = lines[cursor];
  if (title === undefined || isSectionMarker(title)) {
    throw badFile('This file does not look like an archive record: it has no title.');
  }
  return { title, titleIndex: cursor, date: date ?? hints.date ?? null };
}

/** Where the record's text ends: the author line, Document Information, related records or a footer. */
function findBodyEnd(lines: string[], from: number): number {
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    if (isSectionMarker(line) || RELATED.test(line) || isFooterLine(line)) return i;
  }
  return lines.length;
}

function isSectionMarker(line: string): boolean {
  return normaliseLabel(line) === DOCUMENT_INFORMATION || AUTHORS.test(line.trim());
}

/** A summary is a sentence of English prose, not "[...]", "No. 335/III" or a Russian line. */
function looksLikeSummary(line: string): boolean {
  return detectLanguage(line) === 'en' && line.split(/\s+/).length >= 4 && !isFieldLabel(line);
}

/** Publishers a full note citation names before the archival reference. */
const PUBLISHER = /digital archive|wilson center|history and public policy program/i;

/**
 * The source line of a "Citation" field. Most pages give just the line ("RGASPI, F. 558, Op. 11,
 * D. 342, L. 92. Contributed and translated by Mark Kramer."); a full note citation (“Title,”
 * date, publisher, source line, address) keeps only the source line.
 */
function sourceFromCitation(citation: string | undefined): string | null {
  if (!citation) return null;
  let text = citation.replace(/\s*https?:\/\/\S+\s*$/, '').trim();
  const quoted = /^[“"«](.+?)[”"»]\s*[,.]?\s*/u.exec(text);
  if (quoted) {
    const parts = text.slice(quoted[0].length).split(/,\s+/);
    // The date ("October 1, 1950" holds a comma of its own) and the publisher go.
    for (let dropped = true; dropped && parts.length > 1;) {
      dropped = false;
      for (const take of [2, 1]) {
        const head = parts.slice(0, take).join(', ');
        const goes = parseDateLine(head) !== null || (take === 1 && PUBLISHER.test(head));
        if (parts.length > take && goes) {
          parts.splice(0, take);
          dropped = true;
          break;
        }
      }
    }
    text = parts.join(', ');
  }
  return text.replace(/\s+/g, ' ').trim() || null;
}

/** Keeps a record URL only when it is a web address; never a javascript: or file: URL. */
function safeUrl(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
