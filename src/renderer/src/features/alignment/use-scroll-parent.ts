import { useLayoutEffect, useState, type RefObject } from 'react';

function scrollParentOf(element: HTMLElement): HTMLElement {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return document.scrollingElement as HTMLElement;
}

export interface ScrollParent {
  element: HTMLElement | null;
  /** Distance from the top of the scrolled content to the top of `anchor`. */
  margin: number;
}

/**
 * The element that scrolls `anchor` (the reader scrolls together with the record's header) and
 * where `anchor` starts inside it, kept up to date as the content above it changes height.
 */
export function useScrollParent(anchor: RefObject<HTMLElement | null>): ScrollParent {
  const [state, setState] = useState<ScrollParent>({ element: null, margin: 0 });
  useLayoutEffect(() => {
    const target = anchor.current;
    if (!target) return;
    const element = scrollParentOf(target);
    const update = (): void => {
      const margin = Math.round(
        target.getBoundingClientRect().top -
          element.getBoundingClientRect().top +
          element.scrollTop,
      );
      setState((s) => (s.element === element && s.margin === margin ? s : { element, margin }));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    // The header above the text may grow (a long title, the rights note opened).
    for (let node = target.parentElement; node && node !== element; node = node.parentElement) {
      observer.observe(node);
    }
    return () => observer.disconnect();
  }, [anchor]);
  return state;
}
