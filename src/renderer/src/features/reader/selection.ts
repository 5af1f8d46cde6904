// Maps the browser's selection onto passage text offsets, the coordinates annotations use.

export const PASSAGE_SELECTOR = '[data-passage-id]';
/**
 * In the sentence view an element with data-passage-id shows only a span of its passage; the
 * nearest ancestor with data-unit-start says where that span starts in the passage's text.
 */
export const UNIT_START_ATTRIBUTE = 'data-unit-start';

export interface PassageSelection {
  passageId: number;
  start: number;
  end: number;
  text: string;
  /** Where to show the annotation toolbar, in viewport coordinates. */
  rect: { top: number; left: number; bottom: number; right: number };
  /**
   * One id per selected span, kept while the same words stay selected: a highlight made from
   * it is one note however often H is pressed before the selection clears.
   */
  draftId: string;
}

function passageOf(node: Node | null): HTMLElement | null {
  const element = node instanceof Element ? node : (node?.parentElement ?? null);
  return element?.closest<HTMLElement>(PASSAGE_SELECTOR) ?? null;
}

/** Characters of the passage's text that come before (node, offset). */
export function offsetWithin(passage: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(passage);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** Where the text of a [data-passage-id] element starts in its passage (0 for a whole one). */
export function unitStartOf(passageElement: Element): number {
  const start = Number(
    passageElement.closest(`[${UNIT_START_ATTRIBUTE}]`)?.getAttribute(UNIT_START_ATTRIBUTE) ?? 0,
  );
  return Number.isFinite(start) ? start : 0;
}

/**
 * The element showing `offset` of a passage (the passage, or in the sentence view the sentence
 * holding it) and where that element's text starts in the passage; null when it is not in the
 * page (see revealPassage in features/alignment/reveal.ts).
 */
export function passageElementAt(
  passageId: number,
  offset: number,
  root: ParentNode = document,
): { element: HTMLElement; start: number } | null {
  let found: { element: HTMLElement; start: number } | null = null;
  for (const element of root.querySelectorAll<HTMLElement>(`[data-passage-id="${passageId}"]`)) {
    const start = unitStartOf(element);
    if (start <= offset && (found === null || start >= found.start)) found = { element, start };
  }
  return found;
}

export type SelectionProblem = 'across-passages';

/**
 * The selected words' box on screen now (the page may have scrolled since they were chosen),
 * or `fallback` when nothing is selected any more.
 */
export function selectedBox(fallback: PassageSelection['rect']): PassageSelection['rect'] {
  const current = window.getSelection();
  if (!current || current.rangeCount === 0 || current.isCollapsed) return fallback;
  const box = current.getRangeAt(0).getBoundingClientRect();
  if (box.width === 0 && box.height === 0) return fallback;
  return { top: box.top, left: box.left, bottom: box.bottom, right: box.right };
}

/**
 * Reads the current selection as a span of one passage, with surrounding blank space trimmed.
 * Returns null for no selection, or a problem when the selection spans several passages.
 */
export function readPassageSelection(
  selection: Selection | null,
): Omit<PassageSelection, 'draftId'> | SelectionProblem | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const startPassage = passageOf(range.startContainer);
  const endPassage = passageOf(range.endContainer);
  if (!startPassage && !endPassage) return null;
  if (!startPassage || startPassage !== endPassage) return 'across-passages';

  const fullText = startPassage.textContent ?? '';
  let start = offsetWithin(startPassage, range.startContainer, range.startOffset);
  let end = offsetWithin(startPassage, range.endContainer, range.endOffset);
  while (start < end && /\s/.test(fullText[start]!)) start++;
  while (end > start && /\s/.test(fullText[end - 1]!)) end--;
  if (end <= start) return null;

  const box = range.getBoundingClientRect();
  const base = unitStartOf(startPassage);
  return {
    passageId: Number(startPassage.dataset['passageId']),
    start: base + start,
    end: base + end,
    text: fullText.slice(start, end),
    rect: { top: box.top, left: box.left, bottom: box.bottom, right: box.right },
  };
}
