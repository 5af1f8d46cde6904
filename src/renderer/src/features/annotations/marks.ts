import type { Annotation } from '@shared/model';
import { revealAnnotation, revealPassage } from '../alignment/reveal';
import { passageElementAt } from '../reader/selection';

// Finding and showing annotation marks in the reader. Marks carry the ids of every annotation
// that covers them (data-annotations), passages their id (data-passage-id).

export function marksOf(id: string, root: ParentNode = document): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`mark[data-annotations~="${CSS.escape(id)}"]`)];
}

/** The open record's notes, for finding where a note lives by its id alone. */
let lookup: (id: string) => Annotation | undefined = () => undefined;

/** The reader registers its notes here; returns the unregistration. */
export function provideAnnotations(find: (id: string) => Annotation | undefined): () => void {
  lookup = find;
  return () => {
    if (lookup === find) lookup = () => undefined;
  };
}

/**
 * Scrolls to an annotation's first mark, focuses it and makes all its marks flash. Its row is
 * rendered first, since long records draw only the rows near the window.
 */
export async function flashAnnotation(id: string, focus = false): Promise<void> {
  const annotation = lookup(id);
  if (annotation && marksOf(id).length === 0) await revealAnnotation(annotation);
  const marks = marksOf(id);
  marks[0]?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  if (focus) marks[0]?.focus({ preventScroll: true });
  for (const mark of marks) {
    mark.classList.remove('flash');
    void mark.offsetWidth; // restart the animation
    mark.classList.add('flash');
    window.setTimeout(() => mark.classList.remove('flash'), 1600);
  }
}

/**
 * The DOM range showing [start, end) of a passage's text, or null when that part is not in the
 * page. In the sentence view the sentence holding `start` is the element searched.
 */
export function passageRange(passageId: number, start: number, end: number): Range | null {
  const found = passageElementAt(passageId, start);
  if (!found) return null;
  const { element, start: base } = found;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let offset = base;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (!started && start <= offset + length) {
      range.setStart(node, start - offset);
      started = true;
    }
    if (started && end <= offset + length) {
      range.setEnd(node, end - offset);
      return range;
    }
    offset += length;
  }
  return null;
}

/**
 * Selects [start, end) of a passage's text and scrolls it into view (to show an occurrence).
 * The row is rendered first (long records draw only the rows near the window).
 */
export async function showTextRange(
  passageId: number,
  start: number,
  end: number,
): Promise<boolean> {
  await revealPassage({ passageId, offset: start });
  const range = passageRange(passageId, start, end);
  if (!range) return false;
  passageElementAt(passageId, start)?.element.scrollIntoView({
    block: 'center',
    behavior: 'smooth',
  });
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  return true;
}

/**
 * Paints [start, end) of a passage as the words being commented on (the CSS highlight
 * "comment-target"), since the selection itself moves into the comment editor. Returns the
 * function that takes the paint away.
 */
export function paintCommentTarget(passageId: number, start: number, end: number): () => void {
  const range = passageRange(passageId, start, end);
  if (!range || typeof Highlight === 'undefined' || !CSS.highlights) return () => undefined;
  const highlight = new Highlight(range);
  CSS.highlights.set('comment-target', highlight);
  return () => {
    if (CSS.highlights.get('comment-target') === highlight) CSS.highlights.delete('comment-target');
  };
}

/**
 * The note the keyboard focus is on: a focused mark in the text (the innermost of its notes) or
 * anything inside a note's card in the panel. Null elsewhere.
 */
export function focusedNoteId(): string | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement)) return null;
  const mark = active.closest<HTMLElement>('mark[data-annotations]');
  if (mark) return (mark.dataset['annotations'] ?? '').split(' ').filter(Boolean).at(-1) ?? null;
  return active.closest<HTMLElement>('[data-annotation-id]')?.dataset['annotationId'] ?? null;
}

/** True when keys typed here belong to a text field, not to the reader's shortcuts. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  // A checkbox (a note's selection box) takes no text: the reader's keys go on working there.
  const field = 'input:not([type="checkbox"]):not([type="radio"]):not([type="button"])';
  return !!target.closest(`${field}, textarea, select, [contenteditable="true"], dialog`);
}
