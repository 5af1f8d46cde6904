// An original and its translation in two files (.txt, .md, .docx or .html): each file is one
// side, its paragraphs the passages (for plain text: blank-line paragraphs, or one segment per
// line when the file has no blank lines to speak of, or the unit the user chose). Languages come from the caller (an explicit choice), the
// file's front matter, its name ("x.ru.txt") or the text itself, in that order.
import path from 'node:path';
import { baseUnit, splitLines, type UnitChoice } from '@shared/alignment/units';
import { ApiError } from '@shared/api/errors';
import { IMPORT_EXTENSIONS } from '@shared/import/extensions';
import { nameParts, originalFirst } from '@shared/import/pairing';
import { detectLanguage } from '@shared/text/language';
import { splitSentences } from '../alignment/segment';
import { creditsFor } from './credits';
import { parseDateLine } from './dates';
import { decodeTextFile } from './decode';
import { readDocx } from './docx';
import { badFile } from './errors';
import { decodeHtmlFile, looksLikeHtml } from './html-page';
import { htmlToText } from './html-text';
import { checkedRecord } from './checked-record';
import { assertLineCount, nonBlankLines } from './limits';
import { parseMarkdown } from './markdown';
import type { OcrOptions } from './ocr';
import { plainTextParagraphs } from './plain-text';
import { facsimileOf, isScanFile, readScan } from './scan-record';
import type { ParsedFacsimile, ParsedMeta, ParsedRecord } from './types';

export interface SideFile {
  name: string;
  bytes: Uint8Array;
}

export interface PairOptions {
  /** BCP 47 tags chosen by the user; they beat every guess. */
  originalLang?: string | null;
  translationLang?: string | null;
  /** 'auto': the two files may come in either order; the English one is the translation. */
  order?: 'given' | 'auto';
  /**
   * How a plain-text side is cut into passages: `auto` reads blank-line paragraphs when the
   * file has them and one segment per line otherwise; `sentence` cuts either into sentences.
   */
  unit?: UnitChoice;
  /** Progress and cancel for sides that need OCR. */
  ocr?: OcrOptions;
}

interface SideText {
  paragraphs: string[];
  heading: string | null;
  meta: Record<string, string>;
  lang: string;
  facsimile?: ParsedFacsimile;
}

export const SIDE_EXTENSIONS = new Set(IMPORT_EXTENSIONS);

/** A plain text's passages in the chosen unit (sentences are cut later, once the language is known). */
function plainTextUnits(text: string, unit: UnitChoice): string[] {
  return baseUnit(text, unit) === 'line' ? splitLines(text) : plainTextParagraphs(text);
}

async function readSideText(
  file: SideFile,
  unit: UnitChoice,
  ocr: OcrOptions,
): Promise<Omit<SideText, 'lang'>> {
  const extension = path.extname(file.name).toLowerCase();
  if (isScanFile(file.name)) {
    const scan = await readScan(file.name, file.bytes, ocr);
    const heading = scan.passages.find((p) => p.kind === 'heading')?.text ?? null;
    return {
      paragraphs: scan.passages.map((p) => p.text),
      heading: heading && heading.length <= 200 ? heading : null,
      meta: {},
      facsimile: facsimileOf(path.basename(file.name), scan, scan.passages),
    };
  }
  switch (extension) {
    case '.md':
    case '.markdown': {
      const text = decodeTextFile(file.bytes);
      assertLineCount(nonBlankLines(text));
      return parseMarkdown(text);
    }
    case '.docx':
      return { ...(await readDocx(file.bytes)), meta: {} };
    case '.html':
    case '.htm': {
      const page = htmlToText(decodeHtmlFile(file.bytes));
      assertLineCount(page.lines.length);
      return { paragraphs: page.lines, heading: page.heading, meta: {} };
    }
    case '.txt':
    case '.text':
    case '': {
      const text = decodeTextFile(file.bytes);
      assertLineCount(nonBlankLines(text));
      if (looksLikeHtml(text)) {
        const page = htmlToText(text);
        return { paragraphs: page.lines, heading: page.heading, meta: {} };
      }
      return { paragraphs: plainTextUnits(text, unit), heading: null, meta: {} };
    }
    default:
      throw badFile(
        `Marginalia reads originals and translations from .txt, .md, .docx, .html and .pdf files and scans (.png, .jpg, .tif), not “${extension}”.`,
      );
  }
}

/** Reads one side; a failure names the side and the file, so the user knows which to fix. */
async function readSide(
  file: SideFile,
  role: string,
  unit: UnitChoice,
  ocr: OcrOptions = {},
): Promise<SideText> {
  try {
    const side = await readSideText(file, unit, ocr);
    if (side.paragraphs.length === 0) throw badFile('It holds no text.');
    const lang = (
      side.meta['lang'] ??
      side.meta['language'] ??
      nameParts(file.name).lang ??
      sideLanguage(side)
    ).toLowerCase();
    // A scan's passages stay as laid out on its pages: each is tied to its boxes there.
    if (unit === 'sentence' && !side.facsimile) {
      side.paragraphs = side.paragraphs.flatMap((paragraph) => splitSentences(paragraph, lang));
    }
    return { ...side, lang };
  } catch (error) {
    if (error instanceof ApiError) {
      throw badFile(`The ${role} (${path.basename(file.name)}): ${error.message}`);
    }
    throw error;
  }
}

/** The language of a whole side: most of its letters decide, sampled from the start. */
function sideLanguage(side: { paragraphs: string[] }): string {
  const sample = side.paragraphs.join('\n').slice(0, 20_000);
  return detectLanguage(sample) ?? 'und';
}

/** Lines above a document's title that are not it: classification marks, copy numbers. */
const NOT_A_TITLE =
  /^(?:(?:top |strictly )?secret|confidential|for official use only|copy no\.?.*|no\.\s*\S+|(?:совершенно |строго )?секретно|экз\.\s*№.*|№\s*\S+)$/iu;
const TITLE_LENGTH = 100;

/**
 * A record's title from its text: the first line that is not a date or a classification mark,
 * without its closing punctuation, and cut at a word near 100 characters when it is a long
 * sentence ("Memorandum of Conversation between V. M. Molotov and …").
 */
export function titleFromText(paragraphs: readonly string[]): string | null {
  for (const paragraph of paragraphs.slice(0, 8)) {
    const line = paragraph.split('\n')[0]!.replace(/\s+/g, ' ').trim();
    if (!/\p{L}/u.test(line) || parseDateLine(line) || NOT_A_TITLE.test(line)) continue;
    const bare = line.replace(/[\s.:;,]+$/, '');
    if (bare.length <= TITLE_LENGTH) return bare;
    const cut = bare.slice(0, TITLE_LENGTH + 1);
    const space = cut.lastIndexOf(' ');
    return `${(space > TITLE_LENGTH / 2 ? cut.slice(0, space) : cut.slice(0, TITLE_LENGTH)).replace(/[\s.:;,]+$/, '')}…`;
  }
  return null;
}

/** "telegram-3917.ru.txt" → "telegram-3917"; the last resort for a title. */
function titleFromName(name: string): string {
  const stem = nameParts(name).stem;
  return stem.slice(Math.max(stem.lastIndexOf('/'), stem.lastIndexOf('\\')) + 1).trim() || name;
}

function metaOf(original: SideText, translation: SideText, fallbackTitle: string): ParsedMeta {
  // The translation's front matter (usually English) wins over the original's.
  const meta = { ...original.meta, ...translation.meta };
  const pick = (...keys: string[]): string | null => {
    for (const key of keys) if (meta[key]) return meta[key]!;
    return null;
  };
  const date = pick('date');
  const url = pick('url', 'record_url');
  const source = pick('source', 'citation');
  return {
    title:
      pick('title') ??
      translation.heading ??
      original.heading ??
      titleFromText(translation.paragraphs) ??
      titleFromText(original.paragraphs) ??
      fallbackTitle,
    date: date ? (parseDateLine(date) ?? date) : null,
    recordId: pick('record_id', 'recordid', 'record'),
    type: pick('type'),
    source,
    rights: pick('rights', 'license'),
    summary: pick('summary', 'description'),
    url: url && /^https?:\/\//i.test(url) ? url : null,
    uploaded: null,
    ...creditsFor(source, {
      translator: pick('translator', 'translated_by'),
      contributor: pick('contributor', 'contributed_by'),
    }),
  };
}

const sideOf = (side: SideText): ParsedRecord['original'] => ({
  lang: side.lang,
  paragraphs: side.paragraphs,
  ...(side.facsimile ? { facsimile: side.facsimile } : {}),
});

/** Reads a pair of files into one record, without aligning or storing it. */
export async function readPair(
  first: SideFile,
  second: SideFile,
  options: PairOptions = {},
): Promise<ParsedRecord> {
  const unit = options.unit ?? 'auto';
  let [original, translation] = await Promise.all([
    readSide(first, 'original', unit, options.ocr),
    readSide(second, 'translation', unit, options.ocr),
  ]);
  let files = [first, second];
  if (options.order === 'auto' && !originalFirst(original.lang, translation.lang)) {
    [original, translation] = [translation, original];
    files = [second, first];
  }
  if (options.originalLang) original.lang = options.originalLang;
  if (options.translationLang) translation.lang = options.translationLang;
  return checkedRecord({
    meta: metaOf(original, translation, titleFromName(files[1]!.name)),
    original: sideOf(original),
    translation: sideOf(translation),
  });
}
