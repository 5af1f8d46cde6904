// Reads photographs and scans of pages (PNG, JPEG, TIFF, multi-page TIFF): recognises their text
// with OCR and keeps each page's image for the facsimile pane. The format and the pixel size are
// read from the file's header before any pixel is decoded, so an image that would unpack to
// gigabytes (a decompression bomb) is refused with the reason, not decoded.
import { readingText, type LaidOutPage } from '@shared/scans/reading-text';
import { badFile } from './errors';
import { encodePng, recognisePages, type OcrOptions } from './ocr';
import type { ScanImage, ScanSide } from './scan-model';

/** The most pixels one page image may have (an A3 page at 600 dpi is 70 million). */
export const MAX_IMAGE_PIXELS = 80_000_000;
/** The longest side one page image may have. */
export const MAX_IMAGE_SIDE = 16_000;
/** Pages of a multi-page TIFF we read. */
export const MAX_TIFF_PAGES = 500;

export type ImageKind = 'png' | 'jpeg' | 'tiff';

/** The image format from the file's first bytes, whatever its name says. */
export function sniffImage(bytes: Uint8Array): ImageKind | null {
  const b = bytes;
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47)
    return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (
    b.length >= 4 &&
    ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) ||
      (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a))
  ) {
    return 'tiff';
  }
  return null;
}

/** A PNG's or JPEG's pixel size from its header (IHDR, or the first SOF marker). */
export function imageSize(
  bytes: Uint8Array,
  kind: 'png' | 'jpeg',
): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (kind === 'png') {
    if (bytes.length < 24) throw badFile('This PNG is cut short.');
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) {
      at += 1;
      continue;
    }
    const marker = bytes[at + 1]!;
    if (
      marker === 0xd8 ||
      marker === 0x01 ||
      (marker >= 0xd0 && marker <= 0xd7) ||
      marker === 0xff
    ) {
      at += marker === 0xff ? 1 : 2;
      continue;
    }
    const length = view.getUint16(at + 2);
    const isFrame =
      marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return { width: view.getUint16(at + 7), height: view.getUint16(at + 5) };
    at += 2 + length;
  }
  throw badFile('This JPEG has no image frame (it is damaged or cut short).');
}

/** Refuses a page image too large to decode safely, naming its size. */
export function assertImageSize(width: number, height: number, label = 'This image'): void {
  if (width <= 0 || height <= 0)
    throw badFile(`${label} has no pixels (its size is ${width} × ${height}).`);
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    throw badFile(
      `${label} is ${width.toLocaleString('en')} × ${height.toLocaleString('en')} pixels: too large to be a page (at most ${MAX_IMAGE_SIDE.toLocaleString('en')} px a side and ${MAX_IMAGE_PIXELS / 1_000_000} million pixels). It may be a decompression bomb; it was not opened.`,
    );
  }
}

/** The pages of a TIFF as PNG images, each checked for size before it is decoded. */
async function tiffPages(bytes: Uint8Array): Promise<ScanImage[]> {
  const UTIF = (await import('utif2')).default;
  const buffer = bytes.buffer.slice(
    bytes.byteOffset,
    bytes.byteOffset + bytes.byteLength,
  ) as ArrayBuffer;
  let ifds: ReturnType<typeof UTIF.decode>;
  try {
    ifds = UTIF.decode(buffer);
  } catch {
    throw badFile('This TIFF is damaged (its directory cannot be read).');
  }
  const pages = ifds.filter((ifd) => ifd['t256'] && ifd['t257']);
  if (pages.length === 0) throw badFile('This TIFF holds no images.');
  if (pages.length > MAX_TIFF_PAGES)
    throw badFile(`This TIFF has ${pages.length} pages; Marginalia reads up to ${MAX_TIFF_PAGES}.`);
  pages.forEach((ifd, i) =>
    assertImageSize(
      Number((ifd['t256'] as number[])[0]),
      Number((ifd['t257'] as number[])[0]),
      `Page ${i + 1} of this TIFF`,
    ),
  );
  const { createCanvas, ImageData } = await import('@napi-rs/canvas');
  return pages.map((ifd) => {
    try {
      UTIF.decodeImage(buffer, ifd);
    } catch {
      throw badFile('This TIFF is damaged (a page cannot be decoded).');
    }
    const width = ifd.width!;
    const height = ifd.height!;
    const rgba = UTIF.toRGBA8(ifd);
    const canvas = createCanvas(width, height);
    canvas
      .getContext('2d')
      .putImageData(
        new ImageData(
          new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.byteLength),
          width,
          height,
        ),
        0,
        0,
      );
    return { width, height, mediaType: 'image/png' as const, bytes: encodePng(canvas) };
  });
}

/** The page images of an image file: one for a PNG or JPEG, one per page for a TIFF. */
export async function imagePages(bytes: Uint8Array, extension: string): Promise<ScanImage[]> {
  if (bytes.byteLength === 0) throw badFile('The file is empty.');
  const kind = sniffImage(bytes);
  if (!kind) {
    throw badFile(
      `This “${extension}” file is not an image Marginalia reads: scans are imported as PNG, JPEG or TIFF.`,
    );
  }
  if (kind === 'tiff') return tiffPages(bytes);
  const { width, height } = imageSize(bytes, kind);
  assertImageSize(width, height);
  return [{ width, height, mediaType: kind === 'png' ? 'image/png' : 'image/jpeg', bytes }];
}

/** Reads an image file: its pages recognised, and kept for the facsimile pane. */
export async function readImageFile(
  bytes: Uint8Array,
  extension: string,
  options: OcrOptions = {},
): Promise<ScanSide> {
  const images = await imagePages(bytes, extension);
  const results = await recognisePages(
    images.map((image, i) => ({ number: i + 1, render: () => Promise.resolve(image) })),
    options,
  );
  const laid: LaidOutPage[] = results.map((result, i) => ({
    number: result.number,
    width: images[i]!.width,
    height: images[i]!.height,
    items: result.items,
  }));
  const passages = readingText(laid);
  if (passages.length === 0) throw badFile('No text was recognised in this image.');
  return {
    passages,
    pages: images.map((image, i) => ({
      number: i + 1,
      width: image.width,
      height: image.height,
      image,
    })),
    recognised: images.length,
  };
}
