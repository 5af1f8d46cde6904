// Reading a file as a record, whatever its kind: archive page text, a saved page, Markdown or Word.
import path from 'node:path';
import { IMPORT_EXTENSIONS } from '@shared/import/extensions';
import { catalogueFromFrontMatter } from '@shared/portable-record';
import { parseArchivePage } from './archive-page';
import { decodeTextFile } from './decode';
import { readDocx } from './docx';
import { badFile } from './errors';
import { decodeHtmlFile, looksLikeHtml, parseArchiveHtml } from './html-page';
import { splitLanguages } from './language-split';
import { creditsFor } from './credits';
import { checkedRecord } from './checked-record';
import { assertLineCount, nonBlankLines } from './limits';
import { parseMarkdown } from './markdown';
import type { OcrOptions } from './ocr';
import { isScanFile, readScanRecord } from './scan-record';
import type { ParsedRecord } from './types';

export type { ParsedRecord, ParsedMeta, ParsedText } from './types';
export { readPair, type PairOptions, type SideFile } from './pair';
export { IMPORT_LIMITS } from './limits';

/** What a file was read as, kept with the record for provenance. */
export type ImportFormat =
  'archive-text' | 'archive-html' | 'archive-docx' | 'markdown' | 'pair' | 'pdf' | 'scan';

/** Extensions a record file (or one side of a pair) may have. */
export const IMPORTABLE_EXTENSIONS = IMPORT_EXTENSIONS;

function unsupported(extension: string): Error {
  return badFile(
    `Marginalia cannot read “${extension}” files: import an archive page as text (.txt), a saved web page (.html), Markdown (.md), Word (.docx), a PDF (.pdf) or a scan (.png, .jpg, .tif).`,
  );
}

/** A Markdown file with a title in its front matter is a whole record: metadata and both texts. */
function markdownRecord(text: string): ParsedRecord | null {
  const doc = parseMarkdown(text);
  const meta = catalogueFromFrontMatter(doc.meta);
  if (!meta.title || doc.paragraphs.length === 0) return null;
  const { original, translation } = splitLanguages(doc.paragraphs);
  return {
    meta: {
      ...meta,
      url: /^https?:\/\//i.test(meta.url ?? '') ? meta.url : null,
      ...creditsFor(meta.source, meta),
    },
    original,
    translation,
  };
}

/**
 * Reads one file as a record, synchronously: archive page text, a saved page, or Markdown.
 * Word files need `readRecordFile`. Throws a `bad_file` ApiError whose message says, in a
 * sentence, why the file cannot be imported.
 */
export function parseRecordFile(fileName: string, bytes: Uint8Array): ParsedRecord {
  return parseRecordFileAs(fileName, bytes).record;
}

export function parseRecordFileAs(
  fileName: string,
  bytes: Uint8Array,
): { record: ParsedRecord; format: ImportFormat } {
  const extension = path.extname(fileName).toLowerCase();
  switch (extension) {
    case '.html':
    case '.htm':
      return { record: parseArchiveHtml(decodeHtmlFile(bytes)), format: 'archive-html' };
    case '.md':
    case '.markdown': {
      const text = decodeTextFile(bytes);
      assertLineCount(nonBlankLines(text));
      const record = markdownRecord(text);
      return record
        ? { record, format: 'markdown' }
        : { record: parseArchivePage(text), format: 'archive-text' };
    }
    case '':
    case '.txt':
    case '.text': {
      const text = decodeTextFile(bytes);
      assertLineCount(nonBlankLines(text));
      return looksLikeHtml(text)
        ? { record: parseArchiveHtml(text), format: 'archive-html' }
        : { record: parseArchivePage(text), format: 'archive-text' };
    }
    case '.docx':
      throw badFile('Word files are read by readRecordFile.');
    case '.pdf':
    case '.png':
    case '.jpg':
    case '.jpeg':
    case '.tif':
    case '.tiff':
      throw badFile('PDFs and scans are read by readRecordFile.');
    default:
      throw unsupported(extension);
  }
}

/**
 * Reads one file as a record, whatever its type, Word files, PDFs and scans included. OCR
 * reports its progress page by page and stops on `options.signal`.
 */
export async function readRecordFile(
  fileName: string,
  bytes: Uint8Array,
  options: OcrOptions = {},
): Promise<{ record: ParsedRecord; format: ImportFormat }> {
  if (isScanFile(fileName)) {
    const record = await readScanRecord(fileName, bytes, options);
    return {
      record: checkedRecord(record),
      format: path.extname(fileName).toLowerCase() === '.pdf' ? 'pdf' : 'scan',
    };
  }
  if (path.extname(fileName).toLowerCase() !== '.docx') {
    const { record, format } = parseRecordFileAs(fileName, bytes);
    return { record: checkedRecord(record), format };
  }
  const docx = await readDocx(bytes);
  return {
    record: checkedRecord(parseArchivePage(docx.paragraphs.join('\n'), { title: docx.heading })),
    format: 'archive-docx',
  };
}
