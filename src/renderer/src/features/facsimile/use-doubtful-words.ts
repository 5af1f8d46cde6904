// Marks in the text the words OCR was unsure of (a wavy underline), without touching the text's
// elements: a CSS Custom Highlight over ranges of the passages' text nodes, renewed whenever the
// reader renders more rows.
import { useEffect, type RefObject } from 'react';
import type { RecordFacsimile } from '@shared/scans/facsimile';

const NAME = 'ocr-doubt';

/** A range over characters [start, end) of `root`'s text. */
function rangeIn(root: Element, start: number, end: number): Range | null {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let total = 0;
  let started = false;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const length = n.textContent?.length ?? 0;
    if (!started && start < total + length) {
      range.setStart(n, start - total);
      started = true;
    }
    if (started && end <= total + length) {
      range.setEnd(n, end - total);
      return range;
    }
    total += length;
  }
  return null;
}

export function useDoubtfulWords(
  area: RefObject<HTMLElement | null>,
  facsimile: RecordFacsimile | null,
): void {
  useEffect(() => {
    const root = area.current;
    const highlights = (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS
      ?.highlights;
    const HighlightClass = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown })
      .Highlight;
    if (!root || !facsimile || !highlights || !HighlightClass) return;
    const doubts = facsimile.passages.filter((p) => p.uncertain.length > 0);
    if (doubts.length === 0) return;
    const paint = (): void => {
      const ranges: Range[] = [];
      for (const p of doubts) {
        const el = root.querySelector(`[data-passage-id="${p.passageId}"]`);
        if (!el) continue;
        for (const u of p.uncertain) {
          const range = rangeIn(el, u.start, u.end);
          if (range) ranges.push(range);
        }
      }
      highlights.set(NAME, new HighlightClass(...ranges));
    };
    paint();
    const observer = new MutationObserver(paint);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      highlights.delete(NAME);
    };
  }, [area, facsimile]);
}
