// Reads a PDF as scholars receive them: a published translation with a text layer, or an
// archive's scan (pages that are only images), with pdfjs-dist. Text-layer pages give their
// positioned text to the reading-text rebuilder; image-only pages are rendered and recognised
// (./ocr.ts). A PDF that is encrypted, carries JavaScript, has a broken cross-reference table or
// no pages is refused with the reason, before anything is read from it.
import { constants as zlibConstants, inflateSync } from 'node:zlib';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readingText, type LaidOutPage, type PlacedText } from '@shared/scans/reading-text';
import { stripControls } from '@shared/text/controls';
import { badFile, tooMuch } from './errors';
import { assertImageSize } from './images';
import type { ScanImage, ScanPage, ScanProgress, ScanSide } from './scan-model';
import { encodePng, recognisePages, type OcrOptions } from './ocr';

type PdfJs = typeof PdfJsModule;
type PdfTask = ReturnType<PdfJs['getDocument']>;
type PdfDocument = Awaited<PdfTask['promise']>;
type RenderCanvas = Parameters<Awaited<ReturnType<PdfDocument['getPage']>>['render']>[0]['canvas'];

let pdfjsLoaded: Promise<PdfJs> | null = null;

/** pdfjs with its worker code in this thread (Node has no web workers; ours is a parse worker). */
function pdfjs(): Promise<PdfJs> {
  pdfjsLoaded ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjsLoaded;
}

/** Pages of a PDF we read; past this, a file is refused rather than half-read. */
export const MAX_PDF_PAGES = 2000;
/** The resolution pages are shown at beside the text, and recognised at. */
export const DISPLAY_DPI = 110;
export const OCR_DPI = 300;
/** A page larger than this (in points: 2 m on a side) is not a document page. */
const MAX_PAGE_POINTS = 5670;

const latin1 = new TextDecoder('latin1');

/**
 * What the bytes say before pdfjs reads them: a PDF header, no encryption dictionary, no
 * JavaScript, and a `startxref` that points at a cross-reference table or stream.
 */
export function screenPdf(bytes: Uint8Array): void {
  if (bytes.byteLength === 0) throw badFile('The file is empty.');
  const head = latin1.decode(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) throw badFile('This is not a PDF (it has no PDF header).');
  const text = latin1.decode(bytes);
  // Names may spell letters as #xx escapes ("/J#61vaScript"); read them as the PDF reader would.
  const names = text.replace(/#([0-9a-f]{2})/gi, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
  if (/\/Encrypt\b/.test(names)) {
    throw badFile(
      'This PDF is encrypted (password-protected). Marginalia does not open encrypted files: save an unprotected copy and import that.',
    );
  }
  if (/\/(?:JavaScript|JS)\b/.test(names)) {
    throw badFile(
      'This PDF contains JavaScript. Marginalia never runs scripts from files, and refuses PDFs that carry them: print it to a new PDF and import that.',
    );
  }
  const tail = text.slice(-2048);
  const starts = [...tail.matchAll(/startxref\s+(\d+)/g)];
  const last = starts[starts.length - 1];
  const offset = last ? Number(last[1]) : NaN;
  const target = Number.isFinite(offset) ? text.slice(offset, offset + 64) : '';
  if (!/^\s*(?:xref\b|\d+\s+\d+\s+obj\b)/.test(target)) {
    throw badFile(
      'This PDF is damaged: its cross-reference table is broken (startxref points nowhere). Marginalia does not guess at damaged files: re-save it with a PDF reader and import that.',
    );
  }
  screenStreams(bytes, text);
}

const MiB = 1024 * 1024;
/** What one PDF's streams other than images (pages' content, fonts) may unpack to, together. */
export const MAX_PDF_UNPACKED = 256 * MiB;
/** What one such stream may unpack to: a page's drawing or a font is a few MB at most. */
export const MAX_PDF_STREAM_UNPACKED = 64 * MiB;

/** A PDF's streams, found in its bytes: each one's dictionary and where its data lie. */
function* rawStreams(text: string): Generator<{ dict: string; start: number; end: number }> {
  const keyword = /\bstream\r?\n/g;
  for (let match = keyword.exec(text); match; match = keyword.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) return;
    const open = text.lastIndexOf(' obj', match.index);
    yield { dict: text.slice(Math.max(open, match.index - 4096, 0), match.index), start, end };
    keyword.lastIndex = end + 'endstream'.length;
  }
}

/** How many Flate filters a stream's data goes through first (the ones unpacked here). */
function flateStages(dict: string): number {
  const single = /\/Filter\s*\/(\w+)/.exec(dict);
  if (single) return single[1] === 'FlateDecode' || single[1] === 'Fl' ? 1 : 0;
  const list = /\/Filter\s*\[([^\]]*)\]/.exec(dict);
  if (!list) return 0;
  let stages = 0;
  for (const name of list[1]!.match(/\/\w+/g) ?? []) {
    if (name !== '/FlateDecode' && name !== '/Fl') break;
    stages += 1;
  }
  return stages;
}

/** Inflates at most `max` bytes; null when the data is damaged (pdfjs then decides). */
function inflateAtMost(data: Uint8Array, max: number): Buffer | 'too much' | null {
  try {
    return inflateSync(data, {
      maxOutputLength: max + 1,
      finishFlush: zlibConstants.Z_SYNC_FLUSH,
    });
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'too much' : null;
  }
}

/**
 * A PDF bomb is refused before pdfjs unpacks it: every Flate-packed stream is unpacked here
 * under a bound, and nothing of it kept. An image may unpack to what its size in pixels needs
 * (at most 8 bytes a pixel) and no more, and its size is checked as a scan's would be; other
 * streams to MAX_PDF_STREAM_UNPACKED each and MAX_PDF_UNPACKED together.
 */
function screenStreams(bytes: Uint8Array, text: string): void {
  const packed = `${(bytes.byteLength / MiB).toFixed(1)} MB`;
  const bomb = (limit: number, what: string): Error =>
    tooMuch(
      'unpacked',
      `This PDF unpacks to more than ${Math.round(limit / MiB)} MB ${what} (it is ${packed} packed): far more than any archival document, as a “decompression bomb” would. It was not read; nothing was saved.`,
    );
  let total = 0;
  for (const { dict, start, end } of rawStreams(text)) {
    const stages = flateStages(dict);
    if (stages === 0) continue;
    let max = MAX_PDF_STREAM_UNPACKED;
    let what = 'in one stream';
    const image = /\/Subtype\s*\/Image\b/.test(dict);
    if (image) {
      const width = Number(/\/Width\s+(\d+)/.exec(dict)?.[1] ?? 0);
      const height = Number(/\/Height\s+(\d+)/.exec(dict)?.[1] ?? 0);
      if (width > 0 && height > 0) {
        assertImageSize(width, height, 'An image in this PDF');
        max = width * height * 8 + height + 4096;
        what = `in one image of ${width.toLocaleString('en')} × ${height.toLocaleString('en')} pixels`;
      }
    }
    let data: Uint8Array = bytes.subarray(start, end);
    for (let stage = 0; stage < stages; stage += 1) {
      const out = inflateAtMost(data, max);
      if (out === 'too much') throw bomb(max, what);
      if (out === null) break;
      data = out;
    }
    if (!image) {
      total += data.byteLength;
      if (total > MAX_PDF_UNPACKED) throw bomb(MAX_PDF_UNPACKED, 'in all');
    }
  }
}

async function open(bytes: Uint8Array): Promise<{ task: PdfTask; doc: PdfDocument }> {
  const lib = await pdfjs();
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    enableXfa: false,
    stopAtErrors: true,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  try {
    return { task, doc: await task.promise };
  } catch (error) {
    await task.destroy();
    const name = (error as Error).name;
    if (name === 'PasswordException') {
      throw badFile(
        'This PDF is encrypted (password-protected). Save an unprotected copy and import that.',
      );
    }
    throw badFile(`This PDF cannot be read: ${(error as Error).message}`);
  }
}

/** Pieces of text with at least this many letters make a page a text page; fewer, a scan. */
const MIN_TEXT_LETTERS = 20;

async function pageText(doc: PdfDocument, number: number): Promise<LaidOutPage> {
  const page = await doc.getPage(number);
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const items: PlacedText[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const [a, b, c, d, e, f] = item.transform as number[];
    const size = Math.hypot(c!, d!) || Math.hypot(a!, b!);
    const [x, baseline] = viewport.convertToViewportPoint(e!, f!) as [number, number];
    const h = item.height || size;
    items.push({
      text: stripControls(item.str).normalize('NFC'),
      x,
      y: baseline - h * 0.8,
      w: item.width,
      h,
      size,
    });
  }
  page.cleanup();
  return { number, width: viewport.width, height: viewport.height, items };
}

const letters = (page: LaidOutPage): number =>
  page.items.reduce((n, item) => n + (item.text.match(/\p{L}/gu)?.length ?? 0), 0);

async function renderPage(doc: PdfDocument, number: number, dpi: number): Promise<ScanImage> {
  const page = await doc.getPage(number);
  const viewport = page.getViewport({ scale: dpi / 72 });
  const { createCanvas } = await import('@napi-rs/canvas');
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvas: canvas as unknown as RenderCanvas, viewport }).promise;
  page.cleanup();
  return {
    width: canvas.width,
    height: canvas.height,
    mediaType: 'image/png',
    bytes: encodePng(canvas),
  };
}

/** The positioned text of every page, as the PDF lays it out (for tests and the benchmark). */
export async function pdfLayout(bytes: Uint8Array): Promise<LaidOutPage[]> {
  screenPdf(bytes);
  const { task, doc } = await open(bytes);
  try {
    const pages: LaidOutPage[] = [];
    for (let n = 1; n <= doc.numPages; n += 1) pages.push(await pageText(doc, n));
    return pages;
  } finally {
    await task.destroy();
  }
}

/** Every page of a PDF rendered to PNG at `dpi` (for tests and the benchmark's scans). */
export async function renderPdfPages(bytes: Uint8Array, dpi: number): Promise<ScanImage[]> {
  const { task, doc } = await open(bytes);
  try {
    const images: ScanImage[] = [];
    for (let n = 1; n <= doc.numPages; n += 1) images.push(await renderPage(doc, n, dpi));
    return images;
  } finally {
    await task.destroy();
  }
}

export interface PdfOptions extends OcrOptions {
  /** Keep page images for the facsimile pane (default true). */
  images?: boolean;
}

/**
 * Reads a PDF into its reading text (text-layer pages rebuilt, scanned pages recognised), with
 * each passage's page and boxes and, unless told not to, each page's image.
 */
export async function readPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<ScanSide> {
  screenPdf(bytes);
  const { task, doc } = await open(bytes);
  try {
    return await readDocument(doc, options);
  } catch (error) {
    // pdf.js refuses a damaged page (stopAtErrors) with its own exception: say so in a sentence.
    if (error instanceof Error && /Exception$|^FormatError$/.test(error.name)) {
      throw badFile(
        `This PDF is damaged: Marginalia cannot read it (${error.message.replace(/\.$/, '')}). Nothing was saved.`,
      );
    }
    throw error;
  } finally {
    await task.destroy();
  }
}

/** The pages of an opened PDF read, recognised where scanned, and laid out as passages. */
async function readDocument(doc: PdfDocument, options: PdfOptions): Promise<ScanSide> {
  const count = doc.numPages;
  if (count === 0) throw badFile('This PDF has no pages.');
  if (count > MAX_PDF_PAGES) {
    throw badFile(`This PDF has ${count} pages; Marginalia reads PDFs of up to ${MAX_PDF_PAGES}.`);
  }
  const jsActions = await doc.getJSActions();
  if (jsActions && Object.keys(jsActions).length > 0) {
    throw badFile(
      'This PDF contains JavaScript. Marginalia never runs scripts from files, and refuses PDFs that carry them.',
    );
  }
  const laid: LaidOutPage[] = [];
  const scanned: number[] = [];
  for (let n = 1; n <= count; n += 1) {
    options.signal?.throwIfAborted();
    const page = await pageText(doc, n);
    if (page.width > MAX_PAGE_POINTS || page.height > MAX_PAGE_POINTS) {
      throw badFile(
        `Page ${n} of this PDF is ${Math.round(page.width)} × ${Math.round(page.height)} points: too large to be a document page.`,
      );
    }
    laid.push(page);
    if (letters(page) < MIN_TEXT_LETTERS) scanned.push(n);
    options.onProgress?.({ stage: 'Reading pages', done: n, total: count });
  }
  const pages: ScanPage[] = [];
  if (scanned.length > 0) {
    const ocr = await recognisePages(
      scanned.map((n) => ({ number: n, render: () => renderPage(doc, n, OCR_DPI) })),
      options,
    );
    for (const result of ocr) {
      const page = laid[result.number - 1]!;
      // OCR boxes are in pixels at OCR_DPI; the page is laid out in points.
      const k = 72 / OCR_DPI;
      page.items = result.items.map((item) => ({
        ...item,
        x: item.x * k,
        y: item.y * k,
        w: item.w * k,
        h: item.h * k,
        size: item.size * k,
      }));
    }
  }
  if (options.images !== false) {
    for (let n = 1; n <= count; n += 1) {
      options.signal?.throwIfAborted();
      const page = laid[n - 1]!;
      pages.push({
        number: n,
        width: page.width,
        height: page.height,
        image: await renderPage(doc, n, DISPLAY_DPI),
      });
      options.onProgress?.({ stage: 'Keeping page images', done: n, total: count });
    }
  } else {
    for (const page of laid)
      pages.push({ number: page.number, width: page.width, height: page.height, image: null });
  }
  const passages = readingText(laid);
  if (passages.length === 0)
    throw badFile('This PDF holds no text that could be read or recognised.');
  return { passages, pages, recognised: scanned.length };
}

export type { ScanProgress };
