// Finding and showing annotation marks in the reader. Marks carry the ids of every annotation
// that covers them (data-annotations), passages their id (data-passage-id).

export function marksOf(id: string, root: ParentNode = document): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`mark[data-annotations~="${CSS.escape(id)}"]`)];
}

/** Scrolls to an annotation's first mark, focuses it and makes all its marks flash. */
export function flashAnnotation(id: string, focus = false): void {
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

/** Selects [start, end) of a passage's text and scrolls it into view (to show an occurrence). */
export function showTextRange(passageId: number, start: number, end: number): boolean {
  const passage = document.querySelector<HTMLElement>(`[data-passage-id="${passageId}"]`);
  if (!passage) return false;
  const walker = document.createTreeWalker(passage, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let offset = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (!started && start <= offset + length) {
      range.setStart(node, start - offset);
      started = true;
    }
    if (started && end <= offset + length) {
      range.setEnd(node, end - offset);
      passage.scrollIntoView({ block: 'center', behavior: 'smooth' });
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
