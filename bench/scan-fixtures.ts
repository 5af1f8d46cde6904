// Makes PDFs and page images from known text, so the PDF and OCR importers can be measured
// against a gold text: a small typesetter (pdf-lib with DejaVu fonts) that sets paragraphs in
// justified-width lines, hyphenates long words at line ends as a printer would, and adds
// running heads, page numbers and footnotes; and a renderer of the same pages to images for
// OCR, clean or degraded (noise, skew, low contrast, JPEG artefacts).
import fs from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { parseArchivePage } from '../src/main/services/import/archive-page';

export const FONTS = {
  serif: '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf',
  serifBold: '/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf',
  typewriter: '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf',
} as const;

/** A block of a document: a heading, a paragraph, with footnotes hung on it. */
export interface Block {
  kind: 'heading' | 'paragraph';
  text: string;
  /** Footnotes whose marks follow this block's text (numbered through the document). */
  notes?: string[];
}

export interface TypesetOptions {
  face?: 'serif' | 'typewriter';
  size?: number;
  /** Text at the top of every page (a running head), and whether pages carry a number. */
  runningHead?: string | null;
  pageNumbers?: boolean;
  /** Text width in points (A4 less margins by default). */
  width?: number;
  /** Hyphenate long words at line ends (default true). */
  hyphenate?: boolean;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { left: 72, top: 72, bottom: 72 };

interface SetLine {
  text: string;
  size: number;
  bold: boolean;
  indent: number;
  gapBefore: number;
}

/** A break point inside a long word: after a vowel, at least 3 letters either side. */
function hyphenPoint(word: string, fits: (head: string) => boolean): number | null {
  const letters = /^[\p{L}]+$/u;
  if (!letters.test(word) || word.length < 7) return null;
  for (let i = word.length - 3; i >= 3; i -= 1) {
    if (/[aeiouyаеёиоуыэюя]/iu.test(word[i - 1]!) && !/[ьъй]/iu.test(word[i]!)) {
      if (fits(`${word.slice(0, i)}-`)) return i;
    }
  }
  return null;
}

/** Breaks a paragraph into lines no wider than `width`, hyphenating where a word would spill. */
function breakLines(
  text: string,
  font: PDFFont,
  size: number,
  width: number,
  firstIndent: number,
  hyphenate: boolean,
): string[] {
  const lines: string[] = [];
  let line = '';
  let limit = width - firstIndent;
  const measure = (s: string): number => font.widthOfTextAtSize(s, size);
  const words = text.split(/\s+/).filter(Boolean);
  for (let word of words) {
    for (;;) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate) <= limit) {
        line = candidate;
        break;
      }
      const prefix = line ? `${line} ` : '';
      const dash = word.indexOf('-');
      if (
        dash > 0 &&
        dash < word.length - 1 &&
        measure(prefix + word.slice(0, dash + 1)) <= limit
      ) {
        lines.push(prefix + word.slice(0, dash + 1));
        word = word.slice(dash + 1);
      } else {
        const at = hyphenate
          ? hyphenPoint(word.replace(/[^\p{L}]+$/u, ''), (head) => measure(prefix + head) <= limit)
          : null;
        if (at !== null) {
          lines.push(`${prefix}${word.slice(0, at)}-`);
          word = word.slice(at);
        } else if (line) {
          lines.push(line);
        } else {
          lines.push(word);
          word = '';
        }
      }
      line = '';
      limit = width;
      if (word === '') break;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** What a typeset document holds: its PDF, and the reading text a reader should get back. */
export interface Typeset {
  pdf: Uint8Array;
  pages: number;
  /** The gold reading text: headings and paragraphs in order, then the footnotes. */
  gold: string[];
}

/** Typesets blocks into an A4 PDF with a text layer. */
export async function typesetPdf(
  blocks: readonly Block[],
  options: TypesetOptions = {},
): Promise<Typeset> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const face = options.face ?? 'serif';
  const regular = await doc.embedFont(
    fs.readFileSync(face === 'serif' ? FONTS.serif : FONTS.typewriter),
    { subset: true },
  );
  const bold = await doc.embedFont(
    fs.readFileSync(face === 'serif' ? FONTS.serifBold : FONTS.typewriter),
    { subset: true },
  );
  const size = options.size ?? 11;
  const width = options.width ?? A4.width - 2 * MARGIN.left;
  const leading = size * 1.35;
  const noteSize = size * 0.75;
  const hyphenate = options.hyphenate ?? true;

  const gold: string[] = [];
  const notesGold: string[] = [];
  let noteNumber = 0;
  let page: PDFPage | null = null;
  let y = 0;
  let pageNotes: string[] = [];
  let pageCount = 0;
  const bottomLimit = (): number => MARGIN.bottom + 20 + pageNotes.length * noteSize * 1.3 * 2;

  const finishPage = (): void => {
    if (!page) return;
    let ny = MARGIN.bottom + 10 + (pageNotes.length - 1) * noteSize * 1.3 * 2;
    for (const note of pageNotes) {
      const noteLines = breakLines(note, regular, noteSize, width, 0, false);
      for (const text of noteLines) {
        page.drawText(text, { x: MARGIN.left, y: ny, size: noteSize, font: regular });
        ny -= noteSize * 1.3;
      }
    }
    if (options.pageNumbers ?? true) {
      const label = `— ${pageCount} —`;
      page.drawText(label, {
        x: A4.width / 2 - regular.widthOfTextAtSize(label, 9) / 2,
        y: 40,
        size: 9,
        font: regular,
      });
    }
    pageNotes = [];
  };
  const newPage = (): void => {
    finishPage();
    page = doc.addPage([A4.width, A4.height]);
    pageCount += 1;
    y = A4.height - MARGIN.top;
    if (options.runningHead) {
      page.drawText(options.runningHead, {
        x: MARGIN.left,
        y: A4.height - 40,
        size: 9,
        font: regular,
      });
    }
  };
  newPage();

  for (const block of blocks) {
    const isHeading = block.kind === 'heading';
    const lineSize = isHeading ? size * 1.4 : size;
    const font = isHeading ? bold : regular;
    const indent = isHeading ? 0 : size * 1.5;
    const marks = (block.notes ?? []).map(() => String((noteNumber += 1)));
    gold.push(block.text + marks.join(''));
    block.notes?.forEach((note, i) => notesGold.push(`${marks[i]} ${note}`));
    const lines = breakLines(block.text, font, lineSize, width, indent, hyphenate && !isHeading);
    const set: SetLine[] = lines.map((text, i) => ({
      text,
      size: lineSize,
      bold: isHeading,
      indent: i === 0 ? indent : 0,
      gapBefore: i === 0 && isHeading ? size : 0,
    }));
    set.forEach((line, i) => {
      if (y - line.gapBefore - line.size < bottomLimit()) newPage();
      y -= line.gapBefore;
      page!.drawText(line.text, {
        x: MARGIN.left + line.indent,
        y: y - line.size,
        size: line.size,
        font: line.bold ? bold : font,
      });
      if (i === set.length - 1 && marks.length > 0) {
        const after = MARGIN.left + line.indent + font.widthOfTextAtSize(line.text, line.size);
        page!.drawText(marks.join(''), {
          x: after,
          y: y - line.size + size * 0.35,
          size: size * 0.6,
          font: regular,
        });
        for (const [n, note] of (block.notes ?? []).entries())
          pageNotes.push(`${marks[n]} ${note}`);
      }
      y -= isHeading ? line.size * 1.35 + size * 0.6 : leading;
    });
  }
  finishPage();
  const pdf = await doc.save({ useObjectStreams: false });
  return { pdf, pages: pageCount, gold: [...gold, ...notesGold] };
}

/** The seed record's Russian original and English translation, paragraph by paragraph. */
export function seedTexts(): { ru: string[]; en: string[] } {
  // From the sources (bench/) or the built bundle (out/main/), the project root is above.
  const root = ['..', '../..']
    .map((up) => path.resolve(import.meta.dirname, up))
    .find((dir) => fs.existsSync(path.join(dir, 'resources/sample')));
  const text = fs.readFileSync(
    path.join(root ?? '.', 'resources/sample/wilson-center-110374.txt'),
    'utf8',
  );
  const record = parseArchivePage(text.replace(/\r\n?/g, '\n'));
  return { ru: record.original.paragraphs, en: record.translation.paragraphs };
}

/** How a scan is spoiled: noise, skew, low contrast, JPEG artefacts. */
export interface Degradation {
  /** Share of pixels flipped to random grey (0–1). */
  noise?: number;
  /** Rotation in degrees. */
  skew?: number;
  /** 0–1: 1 keeps black black; 0.4 prints dark grey on light grey. */
  contrast?: number;
  /** JPEG quality (1–100), or none for PNG. */
  jpeg?: number;
}

/** A page image spoiled as a poor scan is, deterministically (a seeded noise). */
export async function degrade(
  png: Uint8Array,
  how: Degradation,
): Promise<{ bytes: Uint8Array; mediaType: 'image/png' | 'image/jpeg' }> {
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const image = await loadImage(Buffer.from(png));
  const canvas = createCanvas(image.width, image.height);
  const g = canvas.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  if (how.skew) {
    g.translate(canvas.width / 2, canvas.height / 2);
    g.rotate((how.skew * Math.PI) / 180);
    g.translate(-canvas.width / 2, -canvas.height / 2);
  }
  g.drawImage(image, 0, 0);
  g.setTransform(1, 0, 0, 1, 0, 0);
  const data = g.getImageData(0, 0, canvas.width, canvas.height);
  const contrast = how.contrast ?? 1;
  let seed = 12345;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  for (let i = 0; i < data.data.length; i += 4) {
    let v = data.data[i]!;
    v = 255 - (255 - v) * contrast;
    if (how.noise && random() < how.noise) v = Math.round(random() * 255);
    data.data[i] = data.data[i + 1] = data.data[i + 2] = v;
  }
  g.putImageData(data, 0, 0);
  if (how.jpeg)
    return {
      bytes: new Uint8Array(canvas.toBuffer('image/jpeg', how.jpeg)),
      mediaType: 'image/jpeg',
    };
  return { bytes: new Uint8Array(canvas.toBuffer('image/png')), mediaType: 'image/png' };
}

/** A PDF whose pages are only images (as an archive's scan is), from page images. */
export async function imageOnlyPdf(
  images: readonly { bytes: Uint8Array; mediaType: 'image/png' | 'image/jpeg' }[],
  dpi = 300,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const image of images) {
    const embedded =
      image.mediaType === 'image/png'
        ? await doc.embedPng(image.bytes)
        : await doc.embedJpg(image.bytes);
    const k = 72 / dpi;
    const page = doc.addPage([embedded.width * k, embedded.height * k]);
    page.drawImage(embedded, {
      x: 0,
      y: 0,
      width: embedded.width * k,
      height: embedded.height * k,
    });
  }
  return doc.save({ useObjectStreams: false });
}

/** Levenshtein distance over characters, for the character error rate. */
function editDistance(a: readonly string[], b: readonly string[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Character error rate of a recognised text against the gold: edits per gold character, with
 * white space runs counted as one space (line breaks are layout, not text).
 */
export function characterErrorRate(recognised: string, gold: string): number {
  const norm = (s: string): string[] => [...s.normalize('NFC').replace(/\s+/g, ' ').trim()];
  const g = norm(gold);
  return g.length === 0 ? 0 : editDistance(norm(recognised), g) / g.length;
}
