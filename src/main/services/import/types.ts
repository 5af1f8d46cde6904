// What an importer extracts from a file, before it is aligned and stored: the record's catalogue
// fields (the model's own) and the paragraphs of each side, with, for a PDF or a scan, where
// each paragraph lies on its pages.
import type { CatalogueFields } from '@shared/model';
import type { ReadingPassage } from '@shared/scans/reading-text';
import type { ScanPage } from './scan-model';

export interface ParsedRecord {
  meta: ParsedMeta;
  original: ParsedText;
  translation: ParsedText;
}

/** The catalogue fields a file gives; the library adds the id and the times. */
export type ParsedMeta = CatalogueFields;

export interface ParsedText {
  /** BCP 47 language tag; "und" when the side is empty or unknown. */
  lang: string;
  paragraphs: string[];
  /** A side read from a PDF or page images: its pages, and where each paragraph lies on them. */
  facsimile?: ParsedFacsimile;
}

/** Pages and layout of a side; `passages[i]` is the layout of `paragraphs[i]`. */
export interface ParsedFacsimile {
  /** The file the pages come from (one PDF may hold both sides). */
  file: string;
  pages: ScanPage[];
  passages: Omit<ReadingPassage, 'text'>[];
}
