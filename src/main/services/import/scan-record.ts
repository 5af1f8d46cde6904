// A PDF or a page image as a record, or as one side of a pair: the reading text rebuilt (or
// recognised), its languages told apart as for any file, and each paragraph's place on its
// pages kept with it for the facsimile pane.
import path from 'node:path';
import { SCAN_EXTENSIONS } from '@shared/import/extensions';
import { nameParts } from '@shared/import/pairing';
import type { ReadingPassage } from '@shared/scans/reading-text';
import { readImageFile } from './images';
import { splitLanguages } from './language-split';
import type { OcrOptions } from './ocr';
import { readPdf } from './pdf';
import type { ScanSide } from './scan-model';
import type { ParsedFacsimile, ParsedRecord } from './types';

export { SCAN_EXTENSIONS };

export const isScanFile = (name: string): boolean =>
  SCAN_EXTENSIONS.includes(path.extname(name).toLowerCase());

/** Reads a PDF or an image file into its passages and pages. */
export function readScan(
  name: string,
  bytes: Uint8Array,
  options: OcrOptions = {},
): Promise<ScanSide> {
  const extension = path.extname(name).toLowerCase();
  return extension === '.pdf' ? readPdf(bytes, options) : readImageFile(bytes, extension, options);
}

const layoutOf = ({
  text: _text,
  ...layout
}: ReadingPassage): ParsedFacsimile['passages'][number] => layout;

/** One side's facsimile: the scan's pages and the layout of the passages given. */
export function facsimileOf(
  file: string,
  scan: ScanSide,
  passages: readonly ReadingPassage[],
): ParsedFacsimile {
  return { file, pages: scan.pages, passages: passages.map(layoutOf) };
}

/** The heading a scan opens with, as a title. */
function titleOf(scan: ScanSide, fileName: string): string {
  const heading = scan.passages.find((p) => p.kind === 'heading');
  if (heading && heading.text.length <= 200) return heading.text;
  const stem = nameParts(fileName).stem;
  return stem.slice(Math.max(stem.lastIndexOf('/'), stem.lastIndexOf('\\')) + 1).trim() || fileName;
}

/**
 * A PDF or image as a whole record. When the original and its translation follow one another
 * in the file, the change of language splits them, as on an archive page.
 */
export async function readScanRecord(
  fileName: string,
  bytes: Uint8Array,
  options: OcrOptions = {},
): Promise<ParsedRecord> {
  const scan = await readScan(fileName, bytes, options);
  const texts = scan.passages.map((p) => p.text);
  const split = splitLanguages(texts);
  // The split keeps order: one side is the first run of passages, the other the rest.
  const originalFirst =
    split.original.paragraphs.length === 0 ||
    split.original.paragraphs[0] === texts[0] ||
    split.translation.paragraphs.length === 0;
  const cut = originalFirst
    ? split.original.paragraphs.length
    : split.translation.paragraphs.length;
  const head = scan.passages.slice(0, cut);
  const rest = scan.passages.slice(cut);
  const [original, translation] = originalFirst ? [head, rest] : [rest, head];
  const name = path.basename(fileName);
  return {
    meta: {
      title: titleOf(scan, name),
      date: null,
      recordId: null,
      type: null,
      source: null,
      rights: null,
      summary: null,
      url: null,
      uploaded: null,
      translator: null,
      contributor: null,
    },
    original: {
      lang: split.original.lang,
      paragraphs: original.map((p) => p.text),
      ...(original.length > 0 ? { facsimile: facsimileOf(name, scan, original) } : {}),
    },
    translation: {
      lang: split.translation.lang,
      paragraphs: translation.map((p) => p.text),
      ...(translation.length > 0 ? { facsimile: facsimileOf(name, scan, translation) } : {}),
    },
  };
}
