// Rebuilds the reading text of a laid-out document (a PDF's text layer, or the lines an OCR
// engine found on a scan): lines from positioned pieces of text, running headers, footers and
// page numbers dropped, footnotes kept apart, paragraphs and headings from the layout, and words
// hyphenated at line ends joined again. Pure: the PDF and OCR readers feed it plain data.

/** A rectangle on a page, in the page's own units, origin top left. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A piece of text placed on a page (a PDF text run, or an OCR line). */
export interface PlacedText extends Box {
  text: string;
  /** The font size (the line height for OCR), in page units. */
  size: number;
  bold?: boolean;
  /** Words the recogniser was unsure of, as offsets into `text` (OCR only). */
  uncertain?: { start: number; end: number; confidence: number }[];
}

export interface LaidOutPage {
  /** 1-based page number, as a reader counts pages. */
  number: number;
  width: number;
  height: number;
  items: PlacedText[];
}

/** Where a stretch of a passage's text lies: a line's box on a page, and its offsets. */
export interface PassageBox extends Box {
  page: number;
  /** Offsets of the line's text in the passage. */
  start: number;
  end: number;
}

export type PassageKind = 'paragraph' | 'heading' | 'footnote';

/** A passage of the reading text, with the page and boxes it came from. */
export interface ReadingPassage {
  text: string;
  kind: PassageKind;
  /** The page it starts on. */
  page: number;
  boxes: PassageBox[];
  /** Words to check (OCR below the confidence threshold), as offsets into `text`. */
  uncertain: { start: number; end: number; confidence: number }[];
}

interface Line extends Box {
  page: number;
  text: string;
  size: number;
  bold: boolean;
  uncertain: { start: number; end: number; confidence: number }[];
}

/** Share of the page height at the top and bottom where running heads and folios live. */
const MARGIN_ZONE = 0.1;

/** Groups a page's pieces of text into lines, top to bottom, each read left to right. */
export function pageLines(page: LaidOutPage): Line[] {
  const items = page.items.filter((item) => item.text.trim() !== '' && item.h > 0);
  // Larger text first, so a line's body sets its extent before a superscript note mark joins it.
  items.sort((a, b) => b.h - a.h || a.y - b.y || a.x - b.x);
  const rows: { top: number; bottom: number; items: PlacedText[] }[] = [];
  for (const item of items) {
    let best: (typeof rows)[number] | null = null;
    let bestOverlap = 0;
    for (const row of rows) {
      const overlap = Math.min(row.bottom, item.y + item.h) - Math.max(row.top, item.y);
      if (overlap > bestOverlap) [best, bestOverlap] = [row, overlap];
    }
    const smaller = Math.min(item.h, best ? best.bottom - best.top : item.h);
    if (best && bestOverlap >= smaller * 0.5) best.items.push(item);
    else rows.push({ top: item.y, bottom: item.y + item.h, items: [item] });
  }
  const lines = rows.map((row) => joinRow(page.number, row.items));
  return lines.sort((a, b) => a.y - b.y || a.x - b.x);
}

function joinRow(page: number, row: PlacedText[]): Line {
  row.sort((a, b) => a.x - b.x);
  let text = '';
  const uncertain: Line['uncertain'] = [];
  let right = -Infinity;
  for (const item of row) {
    const gap = item.x - right;
    if (text !== '' && !/\s$/.test(text) && !/^\s/.test(item.text) && gap > item.size * 0.15) {
      text += ' ';
    }
    const offset = text.length;
    text += item.text;
    for (const u of item.uncertain ?? []) {
      uncertain.push({ start: u.start + offset, end: u.end + offset, confidence: u.confidence });
    }
    right = Math.max(right, item.x + item.w);
  }
  const leading = text.length - text.trimStart().length;
  const trimmed = text.trim();
  const x = Math.min(...row.map((i) => i.x));
  const y = Math.min(...row.map((i) => i.y));
  const sizes = row.map((i) => i.size).sort((a, b) => b - a);
  return {
    page,
    text: trimmed.replace(/\s+/g, ' '),
    x,
    y,
    w: right - x,
    h: Math.max(...row.map((i) => i.y + i.h)) - y,
    size: sizes[0]!,
    bold: row.every((i) => i.bold === true),
    uncertain: trimmed === text.replace(/\s+/g, ' ').trim() ? shift(uncertain, -leading) : [],
  };
}

function shift(list: Line['uncertain'], by: number): Line['uncertain'] {
  return list.map((u) => ({ ...u, start: u.start + by, end: u.end + by }));
}

const PAGE_NUMBER =
  /^(?:[-–—]\s*)?(?:(?:page|p\.|стр\.?|страница|с\.)\s*)?(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*[-–—])?$/iu;

/** A line's text with its numbers masked, to recognise a running head that carries a folio. */
const shape = (text: string): string =>
  text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

/**
 * Lines in the top or bottom margin that repeat (numbers aside) on at least half the pages, or
 * are only a page number, are running heads, feet and folios: not part of the reading text.
 */
export function runningLines(pages: readonly LaidOutPage[], lines: Line[][]): Set<Line> {
  const drop = new Set<Line>();
  const inMargin = (line: Line, page: LaidOutPage): boolean =>
    line.y < page.height * MARGIN_ZONE || line.y + line.h > page.height * (1 - MARGIN_ZONE);
  const counts = new Map<string, number>();
  lines.forEach((pageLines, i) => {
    const seen = new Set<string>();
    for (const line of pageLines) if (inMargin(line, pages[i]!)) seen.add(shape(line.text));
    for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  const repeatedOn = Math.max(2, Math.ceil(pages.length / 2));
  const body = dominant(lines.flat().map((l) => [l.size, l.text.length]));
  lines.forEach((pageLines, i) => {
    const page = pages[i]!;
    pageLines.forEach((line, n) => {
      if (!inMargin(line, page)) return;
      // A page's first line, above the text in smaller type, is a running head even when the
      // document has one page and nothing repeats.
      const smallHead = n === 0 && line.y < page.height * MARGIN_ZONE && line.size < body * 0.9;
      if (
        smallHead ||
        PAGE_NUMBER.test(line.text) ||
        (counts.get(shape(line.text)) ?? 0) >= repeatedOn
      ) {
        drop.add(line);
      }
    });
  });
  return drop;
}

/** The most common value, weighted by how much text has it (the body's font size, its margin). */
export function dominant(values: [number, number][]): number {
  const weights = new Map<number, number>();
  for (const [value, weight] of values) {
    const key = Math.round(value * 2) / 2;
    weights.set(key, (weights.get(key) ?? 0) + weight);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [value, weight] of weights) {
    if (weight > bestWeight) [best, bestWeight] = [value, weight];
  }
  return best;
}

const FOOTNOTE_START = /^(?:\d{1,3}|[*†‡§]+)(?=[\s\p{L}(«"“])/u;

/**
 * A page's footnotes: the lines below the body text set smaller than the body, starting with a
 * note mark (a number or an asterisk), and the small lines that follow them.
 */
function footnoteLines(lines: Line[], bodySize: number): Set<Line> {
  const notes = new Set<Line>();
  const small = (line: Line): boolean => line.size < bodySize * 0.88;
  let start = lines.length;
  while (start > 0 && small(lines[start - 1]!)) start -= 1;
  let inNote = false;
  for (let i = start; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (FOOTNOTE_START.test(line.text)) inNote = true;
    if (inNote) notes.add(line);
  }
  return notes;
}

/** Words kept hyphenated after a Russian hyphen: "кто-нибудь", "что-то", "из-за". */
const RU_PARTICLES = /^(?:то|либо|нибудь|таки|ка|де|с|за|под)(?![\p{L}])/u;

/**
 * Joins a line ending in a hyphen to the next: the hyphen goes when it broke a word ("теле-
 * грамма" → "телеграмма"), and stays when the word is hyphenated anyway: a Russian particle
 * ("кто-нибудь"), a capital after it ("Soviet-American"), or the document spells the word with
 * its hyphen elsewhere and never without it.
 */
export function joinHyphenated(
  before: string,
  after: string,
  known: { hyphenated: Set<string>; solid: Set<string> },
): { text: string; joined: boolean } {
  const match = /(\p{L}+)[-\u00AD\u2010]$/u.exec(before);
  const next = /^(\p{L}+)/u.exec(after);
  if (!match || !next) return { text: `${before} ${after}`, joined: false };
  const head = match[1]!;
  const tail = next[1]!;
  const stem = before.slice(0, before.length - 1);
  if (before.endsWith('\u00AD')) return { text: stem + after, joined: true };
  const hyphenated = `${head}-${tail}`.toLowerCase();
  const solid = `${head}${tail}`.toLowerCase();
  const keep =
    /^\p{Lu}/u.test(tail) ||
    (/\p{Script=Cyrillic}/u.test(tail) && RU_PARTICLES.test(tail.toLowerCase())) ||
    (known.hyphenated.has(hyphenated) && !known.solid.has(solid));
  return keep ? { text: `${before}${after}`, joined: true } : { text: stem + after, joined: true };
}

/** The words of a text as written, hyphenated ones whole, for joinHyphenated's evidence. */
function vocabulary(lines: Line[]): { hyphenated: Set<string>; solid: Set<string> } {
  const hyphenated = new Set<string>();
  const solid = new Set<string>();
  for (const line of lines) {
    // A line's last word, if it ends in a hyphen, is not evidence: it is what is being decided.
    const text = line.text.replace(/\p{L}+[-\u00AD\u2010]$/u, '');
    for (const word of text.toLowerCase().match(/\p{L}+(?:-\p{L}+)*/gu) ?? []) {
      if (word.includes('-')) hyphenated.add(word);
      else solid.add(word);
    }
  }
  return { hyphenated, solid };
}

interface Draft {
  kind: PassageKind;
  lines: Line[];
}

/** Whether `line` opens a new paragraph after `prev` (same page or the next). */
function startsParagraph(
  prev: Line,
  line: Line,
  metrics: { size: number; left: number; right: number; spacing: number },
): boolean {
  const { size, left, right, spacing } = metrics;
  const indented = line.x > left + size * 0.8 && line.x < left + size * 6;
  if (indented) return true;
  const prevShort = prev.x + prev.w < right - size * 3;
  const prevEnds = /[.!?:;»"”)]$/.test(prev.text);
  if (prev.page !== line.page) return prevShort && prevEnds;
  const gap = line.y - (prev.y + prev.h);
  if (gap > Math.max(spacing * 1.6, size * 0.9)) return true;
  return prevShort && prevEnds;
}

/**
 * The reading text of a laid-out document, passage by passage: body paragraphs and headings in
 * reading order, then the footnotes, each with the page and line boxes it came from.
 */
export function readingText(pages: readonly LaidOutPage[]): ReadingPassage[] {
  const lines = pages.map(pageLines);
  const running = runningLines(pages, lines);
  const kept = lines.map((pageLines) => pageLines.filter((line) => !running.has(line)));
  const all = kept.flat();
  if (all.length === 0) return [];
  const size = dominant(all.map((l) => [l.size, l.text.length]));
  const left = dominant(all.filter((l) => l.size >= size * 0.88).map((l) => [l.x, l.text.length]));
  const rightEdges = all.filter((l) => l.size >= size * 0.88).map((l) => l.x + l.w);
  rightEdges.sort((a, b) => a - b);
  const right = rightEdges[Math.floor(rightEdges.length * 0.9)] ?? left;
  const gaps: [number, number][] = [];
  for (const pageLines of kept) {
    for (let i = 1; i < pageLines.length; i += 1) {
      const gap = pageLines[i]!.y - (pageLines[i - 1]!.y + pageLines[i - 1]!.h);
      if (gap >= 0) gaps.push([gap, 1]);
    }
  }
  const spacing = gaps.length > 0 ? dominant(gaps) : size * 0.3;
  const metrics = { size, left, right, spacing };

  const body: Draft[] = [];
  const notes: Draft[] = [];
  let prev: Line | null = null;
  for (const pageLines of kept) {
    const footnotes = footnoteLines(pageLines, size);
    for (const line of pageLines) {
      if (footnotes.has(line)) {
        const current = notes[notes.length - 1];
        if (FOOTNOTE_START.test(line.text) || !current) {
          notes.push({ kind: 'footnote', lines: [line] });
        } else current.lines.push(line);
        continue;
      }
      const heading = line.size >= size * 1.15 || (line.bold && line.text.length < 120);
      const current = body[body.length - 1];
      if (heading) {
        if (
          current?.kind === 'heading' &&
          prev &&
          line.page === prev.page &&
          line.y - (prev.y + prev.h) < size
        ) {
          current.lines.push(line);
        } else body.push({ kind: 'heading', lines: [line] });
      } else if (current?.kind === 'paragraph' && prev && !startsParagraph(prev, line, metrics)) {
        current.lines.push(line);
      } else {
        body.push({ kind: 'paragraph', lines: [line] });
      }
      prev = line;
    }
  }
  const known = vocabulary(all);
  return [...body, ...notes].map((draft) => toPassage(draft, known));
}

function toPassage(
  draft: Draft,
  known: { hyphenated: Set<string>; solid: Set<string> },
): ReadingPassage {
  let text = '';
  const boxes: PassageBox[] = [];
  const uncertain: ReadingPassage['uncertain'] = [];
  for (const line of draft.lines) {
    let start: number;
    if (text === '') {
      text = line.text;
      start = 0;
    } else {
      const joined = joinHyphenated(text, line.text, known);
      // Where the line's text begins in the joined passage: what was added, counted from the end.
      start = joined.text.length - line.text.length;
      text = joined.text;
    }
    boxes.push({
      page: line.page,
      x: line.x,
      y: line.y,
      w: line.w,
      h: line.h,
      start,
      end: text.length,
    });
    for (const u of line.uncertain) {
      uncertain.push({ start: u.start + start, end: u.end + start, confidence: u.confidence });
    }
  }
  return { text, kind: draft.kind, page: draft.lines[0]!.page, boxes, uncertain };
}
