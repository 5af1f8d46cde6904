// What the PDF and image readers give the import: the reading text with each passage's page and
// boxes, and the pages themselves (their size in layout units and the image shown beside the
// text). Plain data, so it crosses from a parse worker to the main thread unchanged.
import type { ReadingPassage } from '@shared/scans/reading-text';

export interface ScanImage {
  /** Pixel size of the image. */
  width: number;
  height: number;
  mediaType: 'image/png' | 'image/jpeg';
  bytes: Uint8Array;
}

export interface ScanPage {
  /** 1-based. */
  number: number;
  /** The page's size in the units its boxes use (PDF points, or image pixels for a photo). */
  width: number;
  height: number;
  image: ScanImage | null;
}

export interface ScanSide {
  passages: ReadingPassage[];
  pages: ScanPage[];
  /** How many pages were recognised by OCR (0 for a PDF with a text layer throughout). */
  recognised: number;
}

export interface ScanProgress {
  stage: string;
  done?: number;
  total?: number;
}
