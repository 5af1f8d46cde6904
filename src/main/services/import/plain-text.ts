// Paragraphs of a plain-text original or translation. Two layouts are common: one paragraph
// per line (text copied from a page), and hard-wrapped lines with blank lines between
// paragraphs (a typed or OCR'd text). Short lines — headers, signatures, dates — stay lines.

/**
 * The wrap width of hard-wrapped text, or null when lines are not wrapped. Only lines that
 * another line follows tell: in wrapped text they nearly all reach the margin, while lines that
 * are whole paragraphs vary in length (and end long before or far beyond a typewriter's width).
 */
function wrapWidth(lines: string[]): number | null {
  const continued: number[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i] !== '' && lines[i + 1] !== '') continued.push(lines[i]!.length);
  }
  if (continued.length < 2) return null;
  const width = Math.max(...continued);
  if (width < 40 || width > 110) return null;
  const nearMargin = continued.filter((n) => n >= width - 20).length;
  return nearMargin >= continued.length * 0.6 ? width : null;
}

/**
 * Splits text into paragraphs: blank lines always separate; inside a block, a line that reaches
 * the wrap margin continues on the next line, and any other line ends its paragraph.
 */
export function plainTextParagraphs(text: string): string[] {
  const lines = text.split('\n').map((l) => l.replace(/[\u00a0\s]+/g, ' ').trim());
  const width = wrapWidth(lines);
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    if (current !== '') paragraphs.push(current);
    current = '';
  };
  for (const line of lines) {
    if (line === '') {
      flush();
      continue;
    }
    current = current === '' ? line : joinWrapped(current, line);
    const continues = width !== null && line.length >= width - 20;
    if (!continues) flush();
  }
  flush();
  return paragraphs;
}

/** Joins a wrapped line to the next; a word hyphenated at the margin is joined whole. */
function joinWrapped(before: string, after: string): string {
  if (/\p{L}-$/u.test(before) && /^\p{Ll}/u.test(after)) return before.slice(0, -1) + after;
  return `${before} ${after}`;
}
