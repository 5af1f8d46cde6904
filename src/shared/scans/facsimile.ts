// What the reader and the exports know of a record's page images: its pages per side, and for
// each passage the page it starts on, its kind there, the boxes of its lines and the words the
// recogniser was unsure of. Boxes are in page units (the page's width/height); an image is
// `imageWidth` pixels across, so pixel = unit × imageWidth / width.
import type { Side } from '../model';
import type { Box, PassageKind } from './reading-text';

export interface FacsimilePage {
  side: Side;
  page: number;
  width: number;
  height: number;
  /** The image's hash (null when the page was kept without an image) and pixel size. */
  imageHash: string | null;
  imageWidth: number | null;
  imageHeight: number | null;
  sourceFile: string;
}

export interface FacsimileBox extends Box {
  page: number;
  start: number;
  end: number;
}

export interface PassageFacsimile {
  passageId: number;
  kind: PassageKind;
  page: number;
  boxes: FacsimileBox[];
  uncertain: { start: number; end: number; confidence: number }[];
}

export interface RecordFacsimile {
  pages: FacsimilePage[];
  passages: PassageFacsimile[];
}

/** A box in the image's pixels (rounded), for drawing and for W3C `xywh=` selectors. */
export function boxInPixels(box: Box, page: FacsimilePage): Box {
  const k = (page.imageWidth ?? page.width) / page.width;
  return {
    x: Math.round(box.x * k),
    y: Math.round(box.y * k),
    w: Math.max(1, Math.round(box.w * k)),
    h: Math.max(1, Math.round(box.h * k)),
  };
}
