// Reads the text of a digital-archive record page as copied from a browser: page chrome, a date
// line, the title, the original's paragraphs, the translation's paragraphs, a one-line summary,
// then "Document Information" with labelled fields (Source, Rights, Type, Record ID …).
import { detectLanguage } from '@shared/text/language';
import { parseDateLine } from './dates';
import { badFile } from './errors';
import type { ParsedMeta, ParsedRecord, ParsedText } from './types';

/** Lines a browser copies from the page's navigation, never part of the record. */
const CHROME_LINES = new Set(
  [
    'skip to content',
    'skip to main content',
    'menu',
    'search',
    'home',
    'digital archive',
    'main navigation',
    'breadcrumb',
    'share',
    'print',
    'download',
    'back',
  ].map((s) => s.toLowerCase()),
);

/** Labels of the "Document Information" block, mapped to the field they fill. */
const FIELD_LABELS: Record<string, keyof ParsedMeta | null> = {
  source: 'source',
  'original archive': null,
  rights: 'rights',
  'original uploaded date': 'uploaded',
  type: 'type',
  language: null,
  'original language': null,
  'record id': 'recordId',
  'record url': 'url',
  url: 'url',
  'author(s)': null,
  authors: null,
  'subject(s)': null,
  'theme(s)': null,
  'donor(s)': null,
  donors: null,
  'funder(s)': null,
  'related documents': null,
  'associated people & organizations': null,
  'associated places': null,
  'translated by': null,
  keywords: null,
};

const DOCUMENT_INFORMATION = 'document information';
const AUTHORS = /^authors?(\(s\))?:?$/i;

function normaliseLabel(line: string): string {
  return line.trim().replace(/:$/, '').toLowerCase();
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
 * page's paragraphs as lines). Throws a `bad_file` ApiError when no record can be found.
 */
export function parseArchivePage(text: string): ParsedRecord {
  const lines = text
    .split('\n')
    .filter((line) => !isBlank(line))
    .map(cleanLine);

  let cursor = skipChrome(lines);
  let date: string | null = null;
  // The date line sits just above the title; a stray line may come before it.
  for (let i = cursor; i < Math.min(lines.length, cursor + 3); i++) {
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
  cursor++;

  const infoIndex = lines.findIndex(
    (line, i) => i >= cursor && normaliseLabel(line) === DOCUMENT_INFORMATION,
  );
  const authorsIndex = lines.findIndex((line, i) => i >= cursor && AUTHORS.test(line.trim()));
  const markers = [infoIndex, authorsIndex].filter((i) => i >= 0);
  const bodyEnd = markers.length > 0 ? Math.min(...markers) : lines.length;

  let body = lines.slice(cursor, bodyEnd);
  let summary: string | null = null;
  // On archive pages the record's one-paragraph description closes the body, just above the
  // author line and the Document Information block.
  if (markers.length > 0 && body.length > 1) {
    summary = body.at(-1)!;
    body = body.slice(0, -1);
  }
  if (body.length === 0) {
    throw badFile('This file does not look like an archive record: it has no text.');
  }

  const fields = infoIndex >= 0 ? readFields(lines.slice(infoIndex + 1)) : {};
  const { original, translation } = splitLanguages(body);
  const meta: ParsedMeta = {
    title,
    date,
    recordId: fields.recordId ?? null,
    type: fields.type ?? null,
    source: fields.source ?? null,
    rights: fields.rights ?? null,
    summary,
    url: fields.url ?? null,
    uploaded: fields.uploaded ? (parseDateLine(fields.uploaded) ?? fields.uploaded) : null,
  };
  return { meta, original, translation };
}

function skipChrome(lines: string[]): number {
  let i = 0;
  while (i < lines.length && CHROME_LINES.has(lines[i]!.toLowerCase())) i++;
  return i;
}

function isSectionMarker(line: string): boolean {
  return normaliseLabel(line) === DOCUMENT_INFORMATION || AUTHORS.test(line.trim());
}

/** Reads "Label" lines followed by value lines; values of one field join as paragraphs. */
function readFields(lines: string[]): Partial<Record<keyof ParsedMeta, string>> {
  const fields: Partial<Record<keyof ParsedMeta, string>> = {};
  let current: keyof ParsedMeta | null | undefined;
  let values: string[] = [];
  const flush = (): void => {
    if (current && values.length > 0 && fields[current] === undefined) {
      fields[current] = values.join('\n\n');
    }
    values = [];
  };
  for (const line of lines) {
    const label = normaliseLabel(line);
    if (Object.prototype.hasOwnProperty.call(FIELD_LABELS, label)) {
      flush();
      current = FIELD_LABELS[label];
      continue;
    }
    if (current !== undefined) values.push(line);
  }
  flush();
  return fields;
}

/**
 * Splits the body into the original and its English translation. Each paragraph votes with its
 * language; the split point is where the fewest paragraphs disagree with their side. Paragraphs
 * without letters (editorial marks such as "[…]") have no vote and stay with the text before
 * them, or with the text after them at the very start.
 */
function splitLanguages(body: string[]): { original: ParsedText; translation: ParsedText } {
  const langs = body.map((p) => detectLanguage(p));
  const voting = langs.filter((l): l is string => l !== null);
  const foreign = mostCommon(voting.filter((l) => l !== 'en'));

  if (foreign === null) {
    return {
      original: { lang: 'und', paragraphs: [] },
      translation: { lang: 'en', paragraphs: body },
    };
  }
  if (!voting.includes('en')) {
    return {
      original: { lang: foreign, paragraphs: body },
      translation: { lang: 'en', paragraphs: [] },
    };
  }

  const isEnglish = langs.map((l) => (l === null ? null : l === 'en'));
  const originalFirst = bestSplit(isEnglish, false);
  const translationFirst = bestSplit(isEnglish, true);
  if (translationFirst.errors < originalFirst.errors) {
    return {
      original: { lang: foreign, paragraphs: body.slice(translationFirst.at) },
      translation: { lang: 'en', paragraphs: body.slice(0, translationFirst.at) },
    };
  }
  return {
    original: { lang: foreign, paragraphs: body.slice(0, originalFirst.at) },
    translation: { lang: 'en', paragraphs: body.slice(originalFirst.at) },
  };
}

/**
 * Finds the split point `at` (first paragraph of the second half) with the fewest paragraphs on
 * the wrong side. `englishFirst` says which language the first half should be. Ties go to the
 * latest split, so letterless paragraphs stay with the text they follow. Linear time.
 */
function bestSplit(
  isEnglish: (boolean | null)[],
  englishFirst: boolean,
): { at: number; errors: number } {
  // wrongIfFirst[i]: paragraphs before i that belong in the second half.
  const belongsSecond = isEnglish.map((english) => english !== null && english !== englishFirst);
  const belongsFirst = isEnglish.map((english) => english !== null && english === englishFirst);
  let secondBefore = 0;
  let firstAfter = belongsFirst.filter(Boolean).length;
  let best = { at: 0, errors: firstAfter };
  for (let at = 1; at <= isEnglish.length; at++) {
    if (belongsSecond[at - 1]) secondBefore++;
    if (belongsFirst[at - 1]) firstAfter--;
    const errors = secondBefore + firstAfter;
    if (errors <= best.errors) best = { at, errors };
  }
  return best;
}

function mostCommon(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}
