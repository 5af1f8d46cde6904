// What the units of a plain text are: blank-line paragraphs, or one segment per line (the format
// of hunalign, LF Aligner, Bertalign and Vecalign, of UN and UDHR texts, OPUS and Moses corpora
// and translators' exported segments). `align`, `import --pair` and the pair dialog detect it the
// same way, and the user can choose otherwise. Pure: the dialog runs it on the files it holds.

/** How a text is cut for alignment: sentences are cut from paragraphs (or lines). */
export type SegmentUnit = 'paragraph' | 'line' | 'sentence';
export const SEGMENT_UNITS: readonly SegmentUnit[] = ['paragraph', 'line', 'sentence'];

/** A unit choice: one of the units, or `auto` to detect paragraphs or lines. */
export type UnitChoice = SegmentUnit | 'auto';

/** What detection found in a text. */
export interface UnitDetection {
  unit: 'paragraph' | 'line';
  /** Blank-line paragraphs and non-blank lines of the text. */
  paragraphs: number;
  lines: number;
}

// A line holding only spaces, no-break spaces or zero-width characters counts as blank (archive
// pages use "&nbsp;" lines as spacers).
const BLANK_LINE = /^[\s\u200B\u2060\uFEFF]*$/u;
const EDGE_SPACE = /^[\s\u200B\u2060\uFEFF]+|[\s\u200B\u2060\uFEFF]+$/gu;

function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Paragraphs of `text`: runs of non-blank lines, trimmed, joined with "\n". */
export function splitParagraphs(text: string): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    const paragraph = current.join('\n').replace(EDGE_SPACE, '');
    if (paragraph !== '') paragraphs.push(paragraph);
    current = [];
  };
  for (const line of linesOf(text)) {
    if (BLANK_LINE.test(line)) flush();
    else current.push(line);
  }
  flush();
  return paragraphs;
}

/** The non-blank lines of `text`, trimmed: one segment per line. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  for (const line of linesOf(text)) {
    if (!BLANK_LINE.test(line)) lines.push(line.replace(EDGE_SPACE, ''));
  }
  return lines;
}

// Blank lines must be regular separators for a text to be read as paragraphs: either most lines
// are blank-separated (one paragraph per line, spaced out), or the blocks between blank lines are
// short (wrapped paragraphs). A long run of lines with a blank line only after a title is one
// segment per line.
const SPACED_SHARE = 0.5;
const MAX_LINES_PER_PARAGRAPH = 8;

/**
 * Paragraphs when the text separates them with blank lines, one segment per line otherwise.
 * A text of one line is one paragraph.
 */
export function detectUnit(text: string): UnitDetection {
  const paragraphs = splitParagraphs(text).length;
  const lines = splitLines(text).length;
  const spaced =
    paragraphs >= 2 &&
    (paragraphs >= lines * SPACED_SHARE || lines / paragraphs <= MAX_LINES_PER_PARAGRAPH);
  return { unit: spaced || lines <= 1 ? 'paragraph' : 'line', paragraphs, lines };
}

/** The unit a choice stands for in `text`: `auto` is detected, `sentence` keeps its base. */
export function baseUnit(text: string, choice: UnitChoice): 'paragraph' | 'line' {
  if (choice === 'paragraph' || choice === 'line') return choice;
  return detectUnit(text).unit;
}

/** A unit's name as the user reads it, in the plural ("paragraphs", "lines", "sentences"). */
export function unitNoun(unit: SegmentUnit, count = 2): string {
  const noun = unit === 'line' ? 'line' : unit;
  return count === 1 ? noun : `${noun}s`;
}
