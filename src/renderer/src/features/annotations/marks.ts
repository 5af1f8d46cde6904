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
 * Selects [start, end) of a passage's text and scrolls it into view (to show an occurrence).
 * The row is rendered first (long records draw only the rows near the window), and in the
 * sentence view the sentence holding `start` is the element searched.
 */
export async function showTextRange(
  passageId: number,
  start: number,
  end: number,
): Promise<boolean> {
  await revealPassage({ passageId, offset: start });
  const found = passageElementAt(passageId, start);
  if (!found) return false;
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
      element.scrollIntoView({ block: 'center', behavior: 'smooth' });
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return true;
    }
    offset += length;
  }
  return false;
}

/** True when keys typed here belong to a text field, not to the reader's shortcuts. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return !!target.closest('input, textarea, select, [contenteditable="true"], dialog');
}
