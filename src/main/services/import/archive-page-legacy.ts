// The digital archive's older page layout (before 2023), still common in scholars' files: an
// upper-case title, "CITATION SHARE DOWNLOAD", the citation with the summary glued to it (the
// date only there), then "VIEW DOCUMENT IN" with a block per language ("English HTML",
// "RUSSIAN (TRANSCRIPTION) HTML"), in either order, each language's text flattened to one line.
// A flattened text is cut back into its paragraphs: heading and addressee, the sentences of the
// body, the signature, its date and reference number, editors' marks.

import { languageTagFromName } from '@shared/text/language';
import { sentenceSpans } from '../alignment/segment';
import { readFields, normaliseLabel } from './archive-fields';
import { parseDateLine } from './dates';
import { badFile } from './errors';
import { creditsFor } from './credits';
import type { ParsedMeta, ParsedRecord, ParsedText } from './types';

const CITATION_SHARE_DOWNLOAD = /^citation\s+share\s+download$/i;
const VIEW_DOCUMENT_IN = /^view\s+document\s+in$/i;
/** "English HTML", "RUSSIAN (TRANSCRIPTION) HTML", "Chinese (Original Scan) PDF". */
const BLOCK_LABEL = /^([\p{L} ]+?)\s*(?:\(([^)]*)\))?\s+(HTML|PDF)$/iu;
const DOCUMENT_INFORMATION = 'document information';

/** Whether page text is in the older layout. */
export function isLegacyLayout(lines: readonly string[]): boolean {
  return (
    lines.some((line) => CITATION_SHARE_DOWNLOAD.test(line)) &&
    lines.some((line) => VIEW_DOCUMENT_IN.test(line))
  );
}

interface Citation {
  title: string | null;
  date: string | null;
  source: string | null;
  url: string | null;
  recordId: string | null;
  summary: string | null;
}

// "Title," Month D, YYYY, History and Public Policy Program Digital Archive, SOURCE. URL+summary
const QUOTED_TITLE = /^[“"](.+?),?[”"],?\s*/u;
const ARCHIVE_NAME =
  /^(?:History and Public Policy Program Digital Archive|Wilson Center Digital Archive)[,.]\s*/i;
const RECORD_URL = /(https?:\/\/[^\s]*?\/document\/(\d+))(?=[^\d/]|$)\/?/i;

/** Reads the title, date, source, address and summary out of the citation line. */
export function parseLegacyCitation(line: string): Citation {
  let rest = line.trim();
  const quoted = QUOTED_TITLE.exec(rest);
  const title = quoted ? (quoted[1] ?? '').trim() : null;
  if (quoted) rest = rest.slice(quoted[0].length);
  // The date runs up to the comma before the archive's name.
  let date: string | null = null;
  const archiveAt = rest.search(
    /,\s*(?:History and Public Policy Program|Wilson Center) Digital Archive/i,
  );
  if (archiveAt > 0) {
    date = parseDateLine(rest.slice(0, archiveAt).trim());
    rest = rest.slice(archiveAt + 1).trim();
  }
  rest = rest.replace(ARCHIVE_NAME, '');
  const url = RECORD_URL.exec(rest);
  let source: string | null = rest;
  let summary: string | null = null;
  if (url) {
    source = rest.slice(0, url.index).trim();
    summary = rest.slice(url.index + url[0].length).trim() || null;
  }
  source = (source ?? '').replace(/\s*Translated by [^.]*\.\s*$/i, '').replace(/\.\s*$/, '');
  return {
    title,
    date,
    source: source || null,
    url: url ? (url[1] ?? null) : null,
    recordId: url ? (url[2] ?? null) : null,
    summary,
  };
}

// Editors' marks standing at the start or end of a flattened text.
const LEADING_MARK = /^(\[(?:…|\.\.\.|\.\s\.\s\.)\])\s+/u;
const TRAILING_MARK = /\s+(\[(?:…|\.\.\.|\.\s\.\s\.)\])$/u;
// A date line ("30 June 1951", "June 30, 1951", "30 июня 1951 г.") and a reference number
// ("No. 335/III", "№ 335") closing a signature.
const TRAILING_REFERENCE = /\s+((?:No\.|Nos\.|№)\s*[\w/.-]+)$/u;
const TRAILING_DATE =
  /\s+(\d{1,2}\s+\p{L}+\.?\s+\d{4}(?:\s*г\.)?|\p{Lu}\p{Ll}+\.?\s+\d{1,2},\s+\d{4})$/u;

function isCapitalWord(word: string): boolean {
  return /\p{Lu}/u.test(word) && word === word.toUpperCase() && /\p{L}{2}/u.test(word);
}

/**
 * The heading, addressee and first sentence run together in a flattened text ("CIPHERED
 * TELEGRAM No. 3917 BEIJING—TO KRASOVSKY for Comrade MAO ZEDONG Your telegrams…"): the heading
 * ends where a word in capitals is followed by a capitalised word in ordinary case that opens
 * a sentence.
 */
function splitHeading(sentence: string): string[] {
  const words = sentence.split(' ');
  if (words.length < 3 || !isCapitalWord(words[0] ?? '')) return [sentence];
  for (let k = 1; k < words.length; k++) {
    const before = words[k - 1] ?? '';
    const word = words[k] ?? '';
    const next = words[k + 1] ?? '';
    if (isCapitalWord(before) && /^\p{Lu}\p{Ll}/u.test(word) && /^\p{Ll}/u.test(next)) {
      return [words.slice(0, k).join(' '), words.slice(k).join(' ')];
    }
  }
  return [sentence];
}

/** A flattened signature ("FILIPPOV [Stalin] 30 June 1951 No. 335/III") in its lines. */
function splitSignature(piece: string): string[] {
  const tail: string[] = [];
  let rest = piece;
  for (;;) {
    const mark =
      TRAILING_MARK.exec(rest) ?? TRAILING_REFERENCE.exec(rest) ?? TRAILING_DATE.exec(rest);
    if (mark === null || mark.index === 0) break;
    tail.unshift(mark[1] ?? '');
    rest = rest.slice(0, mark.index);
  }
  return [rest, ...tail];
}

/**
 * A language's text flattened to one line, cut back into paragraphs: editors' marks at either
 * end, the heading and addressee, each sentence of the body, and the signature's name, date and
 * reference number.
 */
export function splitFlattened(text: string, lang: string): string[] {
  let rest = text.replace(/\s+/g, ' ').trim();
  const head: string[] = [];
  const leading = LEADING_MARK.exec(rest);
  if (leading) {
    head.push(leading[1] ?? '');
    rest = rest.slice(leading[0].length);
  }
  const sentences = sentenceSpans(rest, lang).map((span) => rest.slice(span.start, span.end));
  const paragraphs = [...head];
  sentences.forEach((sentence, k) => {
    const pieces = k === 0 ? splitHeading(sentence) : [sentence];
    if (k === sentences.length - 1) {
      const last = pieces.pop() ?? '';
      pieces.push(...splitSignature(last));
    }
    paragraphs.push(...pieces.filter((piece) => piece.trim() !== ''));
  });
  return paragraphs;
}

interface Block {
  lang: string;
  text: string;
}

/** Reads a page in the older layout; `lines` are its non-blank lines, cleaned. */
export function parseLegacyArchivePage(lines: readonly string[]): ParsedRecord {
  const citeAt = lines.findIndex((line) => CITATION_SHARE_DOWNLOAD.test(line));
  const viewAt = lines.findIndex((line) => VIEW_DOCUMENT_IN.test(line));
  if (citeAt < 1 || viewAt < citeAt) {
    throw badFile(
      'This page looks like the archive’s older layout, but its parts are out of order.',
    );
  }
  const citation = parseLegacyCitation(lines.slice(citeAt + 1, viewAt).join(' '));
  const infoAt = lines.findIndex(
    (line, i) => i > viewAt && normaliseLabel(line) === DOCUMENT_INFORMATION,
  );
  const blocksEnd = infoAt >= 0 ? infoAt : lines.length;
  const blocks: Block[] = [];
  let current: { lang: string; lines: string[] } | null = null;
  for (const line of lines.slice(viewAt + 1, blocksEnd)) {
    const label = BLOCK_LABEL.exec(line);
    if (label) {
      if (current) blocks.push({ lang: current.lang, text: current.lines.join(' ') });
      current = { lang: languageTagFromName(label[1] ?? '') ?? 'und', lines: [] };
      if ((label[3] ?? '').toUpperCase() === 'PDF') current = null;
      continue;
    }
    current?.lines.push(line);
  }
  if (current) blocks.push({ lang: current.lang, text: current.lines.join(' ') });
  const texts = blocks.filter((block) => block.text.trim() !== '');
  const translationBlock = texts.find((block) => block.lang === 'en') ?? null;
  const originalBlock = texts.find((block) => block.lang !== 'en') ?? null;
  if (!translationBlock && !originalBlock) {
    throw badFile('This page has no text under “View document in”.');
  }
  const side = (block: Block | null): ParsedText =>
    block
      ? { lang: block.lang, paragraphs: splitFlattened(block.text, block.lang) }
      : { lang: 'und', paragraphs: [] };
  const fields = infoAt >= 0 ? readFields(lines.slice(infoAt + 1)) : {};
  const source = fields.source ?? citation.source;
  const meta: ParsedMeta = {
    title: citation.title ?? lines[citeAt - 1] ?? '',
    date: citation.date,
    recordId: fields.recordId ?? citation.recordId,
    type: fields.type ?? null,
    source,
    rights: fields.rights ?? null,
    summary: citation.summary ?? fields.summary ?? null,
    url: citation.url,
    uploaded: fields.uploaded ? (parseDateLine(fields.uploaded) ?? fields.uploaded) : null,
    ...creditsFor(source, { translator: fields.translator, contributor: fields.contributor }),
  };
  return { meta, original: side(originalBlock), translation: side(translationBlock) };
}
