// Where the user is reading: the passage holding the caret (or the focused passage) and the
// caret's offset in its text, so the page image can outline that passage and line.
import { useEffect, useRef, useState } from 'react';

export interface ReadingSpot {
  passageId: number;
  offset: number;
}

/** The offset of (node, offset) within `root`'s text. */
function textOffset(root: Element, node: Node, offset: number): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let total = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n === node) return total + offset;
    total += n.textContent?.length ?? 0;
  }
  return 0;
}

function spotOf(node: Node | null, offset: number): ReadingSpot | null {
  const element = node instanceof Element ? node : node?.parentElement;
  const passage = element?.closest<HTMLElement>('[data-passage-id]');
  if (!passage || !node) return null;
  return {
    passageId: Number(passage.dataset['passageId']),
    offset: node === passage ? 0 : textOffset(passage, node, offset),
  };
}

/** The reading spot; `onMove` hears of each change (to turn the page image to it). */
export function useReadingSpot(onMove: (spot: ReadingSpot) => void): ReadingSpot | null {
  const [spot, setSpot] = useState<ReadingSpot | null>(null);
  const listener = useRef(onMove);
  useEffect(() => {
    listener.current = onMove;
  });
  useEffect(() => {
    let last: ReadingSpot | null = null;
    const update = (next: ReadingSpot | null): void => {
      if (!next || (last && last.passageId === next.passageId && last.offset === next.offset))
        return;
      last = next;
      setSpot(next);
      listener.current(next);
    };
    const onSelection = (): void => {
      const selection = document.getSelection();
      if (selection && selection.rangeCount > 0)
        update(spotOf(selection.focusNode, selection.focusOffset));
    };
    const onFocus = (e: FocusEvent): void => {
      const target = e.target as Element | null;
      if (target?.closest?.('[data-passage-id]')) update(spotOf(target, 0));
    };
    document.addEventListener('selectionchange', onSelection);
    document.addEventListener('focusin', onFocus);
    return () => {
      document.removeEventListener('selectionchange', onSelection);
      document.removeEventListener('focusin', onFocus);
    };
  }, []);
  return spot;
}
