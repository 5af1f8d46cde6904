// Notes and text find each other: a click on a highlight in the text opens that note's card in
// the panel (the innermost note, where marks overlap).
import { useEffect, type RefObject } from 'react';

export function useMarkClicks(
  area: RefObject<HTMLElement | null>,
  ready: boolean,
  openCard: (annotationId: string) => void,
): void {
  useEffect(() => {
    const root = area.current;
    if (!root) return;
    const onClick = (event: MouseEvent): void => {
      if (event.button !== 0 || event.shiftKey || event.ctrlKey || event.metaKey) return;
      // The end of a drag that selected words is not a click on a note.
      if (window.getSelection()?.isCollapsed === false) return;
      const mark = (event.target as Element | null)?.closest<HTMLElement>('mark[data-annotations]');
      const ids = (mark?.dataset['annotations'] ?? '').split(' ').filter(Boolean);
      const innermost = ids.at(-1);
      if (innermost) openCard(innermost);
    };
    root.addEventListener('click', onClick);
    return () => root.removeEventListener('click', onClick);
  }, [area, ready, openCard]);
}
