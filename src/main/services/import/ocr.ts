// Recognises the text of page images on this machine, offline: Tesseract compiled to WebAssembly
// (tesseract.js), Russian and English together, with the language data shipped in the app's
// resources (never fetched). Each line comes back with its box and the words the recogniser was
// unsure of; pages are done one at a time, with progress after each and a cancel that stops the
// engine at once.
import fs from 'node:fs';
import path from 'node:path';
import type { Canvas } from '@napi-rs/canvas';
import type { PlacedText } from '@shared/scans/reading-text';
import { RESOURCES_DIR } from '../../paths';
import { badFile } from './errors';
import type { ScanImage, ScanProgress } from './scan-model';

/** Words recognised with less confidence than this (0–100) are marked for the user to check. */
export const LOW_CONFIDENCE = 70;
/** The languages recognised on every page: Russian and English, alone or mixed. */
export const OCR_LANGUAGES = ['rus', 'eng'] as const;

export interface OcrOptions {
  signal?: AbortSignal;
  onProgress?(progress: ScanProgress): void;
}

/**
 * Where the language data is: MARGINALIA_TESSDATA when set (a custom install), else the app's
 * resources/tessdata, which `npm install` fills (scripts/ocr-data.mjs).
 */
export function tessdataDir(): string {
  const fromEnv = process.env['MARGINALIA_TESSDATA'];
  if (fromEnv) return fromEnv;
  // A packaged app keeps it beside app.asar (electron-builder's extraResources).
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged && fs.existsSync(path.join(packaged, 'tessdata')))
    return path.join(packaged, 'tessdata');
  return path.join(RESOURCES_DIR, 'tessdata');
}

function assertLanguageData(dir: string): void {
  const missing = OCR_LANGUAGES.filter((l) => !fs.existsSync(path.join(dir, `${l}.traineddata`)));
  if (missing.length > 0) {
    throw badFile(
      `Text recognition is not installed: ${missing.map((l) => `${l}.traineddata`).join(', ')} missing from ${dir}. Run “npm run ocr-data” (it copies Debian's tesseract-ocr-rus and -eng data).`,
    );
  }
}

/** A page to recognise: its number, and how to get its image (rendered only when its turn comes). */
export interface OcrPage {
  number: number;
  render(): Promise<ScanImage>;
}

export interface OcrResult {
  number: number;
  /** The lines found, in the image's pixels. */
  items: PlacedText[];
  /** Mean word confidence on the page, 0–100. */
  confidence: number;
}

interface TessBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface TessWord {
  text: string;
  confidence: number;
}
interface TessLine {
  words: TessWord[];
  bbox: TessBox;
  rowAttributes?: { row_height?: number };
}
interface TessPage {
  confidence: number;
  blocks: { paragraphs: { lines: TessLine[] }[] }[] | null;
}

/** A recognised line as positioned text, its doubtful words as offsets into it. */
export function lineItem(line: TessLine): PlacedText | null {
  let text = '';
  const uncertain: NonNullable<PlacedText['uncertain']> = [];
  for (const word of line.words) {
    const value = word.text.trim();
    if (value === '') continue;
    if (text !== '') text += ' ';
    if (word.confidence < LOW_CONFIDENCE) {
      uncertain.push({
        start: text.length,
        end: text.length + value.length,
        confidence: Math.round(word.confidence),
      });
    }
    text += value;
  }
  if (text === '') return null;
  const { x0, y0, x1, y1 } = line.bbox;
  const size = line.rowAttributes?.row_height ?? y1 - y0;
  return {
    text: text.normalize('NFC'),
    x: x0,
    y: y0,
    w: x1 - x0,
    h: y1 - y0,
    size,
    uncertain,
  };
}

/**
 * Recognises pages one by one. Progress is reported before and after each page; an abort
 * terminates the engine mid-page and rejects with the abort reason.
 */
export async function recognisePages(
  pages: readonly OcrPage[],
  options: OcrOptions = {},
): Promise<OcrResult[]> {
  const dir = tessdataDir();
  assertLanguageData(dir);
  options.signal?.throwIfAborted();
  const { createWorker, OEM } = await import('tesseract.js');
  options.onProgress?.({ stage: 'Starting text recognition', done: 0, total: pages.length });
  const worker = await createWorker([...OCR_LANGUAGES], OEM.LSTM_ONLY, {
    langPath: dir,
    gzip: false,
    cacheMethod: 'none',
    logger: () => undefined,
    errorHandler: () => undefined,
  });
  let stop: (() => void) | null = null;
  const aborted = new Promise<never>((_, reject) => {
    stop = () => reject(options.signal?.reason ?? new Error('Cancelled'));
    options.signal?.addEventListener('abort', stop, { once: true });
  });
  aborted.catch(() => undefined);
  try {
    const results: OcrResult[] = [];
    for (const [i, page] of pages.entries()) {
      options.onProgress?.({
        stage: `Recognising page ${page.number}`,
        done: i,
        total: pages.length,
      });
      const image = await Promise.race([page.render(), aborted]);
      const { data } = (await Promise.race([
        worker
          .recognize(Buffer.from(image.bytes), { rotateAuto: true }, { blocks: true, text: false })
          .catch(() => {
            // The engine reads the image itself; what it cannot decode is a damaged file.
            throw badFile(
              pages.length === 1
                ? 'This image is damaged: its pixels cannot be decoded (the file may be cut short or corrupted).'
                : `Page ${page.number} is damaged: its image cannot be decoded (the file may be cut short or corrupted).`,
            );
          }),
        aborted,
      ])) as { data: TessPage };
      const items: PlacedText[] = [];
      for (const block of data.blocks ?? []) {
        for (const paragraph of block.paragraphs) {
          for (const line of paragraph.lines) {
            const item = lineItem(line);
            if (item) items.push(item);
          }
        }
      }
      results.push({ number: page.number, items, confidence: data.confidence });
      options.onProgress?.({ stage: 'Recognised', done: i + 1, total: pages.length });
    }
    return results;
  } finally {
    if (stop) options.signal?.removeEventListener('abort', stop);
    await worker.terminate().catch(() => undefined);
  }
}

/** A canvas as PNG bytes. */
export function encodePng(canvas: Canvas): Uint8Array {
  return new Uint8Array(canvas.toBuffer('image/png'));
}
