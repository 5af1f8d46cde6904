import { useEffect, type RefObject } from 'react';
import { marksOf } from './marks';

/**
 * Hovering or focusing a mark lights every mark of the same annotations — both spans of a
 * bilingual note — and brings a lit span that is out of sight into view.
 */
export function useLinkedMarks(area: RefObject<HTMLElement | null>, ready: boolean): void {
  useEffect(() => {
    const root = area.current;
    if (!root) return;
    let lit: HTMLElement[] = [];
    const clear = (): void => {
      for (const mark of lit) mark.classList.remove('mark-lit');
      lit = [];
    };
    const light = (event: Event): void => {
      const mark = (event.target as HTMLElement | null)?.closest<HTMLElement>(
        'mark[data-annotations]',
      );
      if (!mark) return;
      clear();
      const ids = (mark.dataset['annotations'] ?? '').split(' ').filter(Boolean);
      lit = ids.flatMap((id) => marksOf(id, root));
      for (const other of lit) other.classList.add('mark-lit');
      const away = lit.find((other) => {
        if (other.closest('[data-side]') === mark.closest('[data-side]')) return false;
        const box = other.getBoundingClientRect();
        return box.bottom < 0 || box.top > window.innerHeight;
      });
      away?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    };
    const unlight = (event: Event): void => {
      if ((event.target as HTMLElement | null)?.closest('mark[data-annotations]')) clear();
    };
    root.addEventListener('mouseover', light);
    root.addEventListener('focusin', light);
    root.addEventListener('mouseout', unlight);
    root.addEventListener('focusout', unlight);
    return () => {
      root.removeEventListener('mouseover', light);
      root.removeEventListener('focusin', light);
      root.removeEventListener('mouseout', unlight);
      root.removeEventListener('focusout', unlight);
      clear();
    };
  }, [area, ready]);
}
