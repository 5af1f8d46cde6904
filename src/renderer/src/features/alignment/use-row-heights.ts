import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';

interface Measurements {
  heights: Map<string, { original: number; translation: number }>;
  /** Rows measured before the virtualiser knew their key; applied after the next render. */
  pending: Set<string>;
  virtualizer: Virtualizer<HTMLElement, Element>;
  indexOfKey: (key: string) => number;
}

function apply(state: Measurements, keys: Iterable<string>): void {
  for (const key of keys) {
    const index = state.indexOfKey(key);
    const row = state.heights.get(key);
    if (index < 0 || !row) {
      state.pending.add(key);
      continue;
    }
    state.pending.delete(key);
    state.virtualizer.resizeItem(index, Math.max(row.original, row.translation));
  }
}

/**
 * Measures aligned rows whose two cells live in different columns: each cell's content is
 * observed, and the row takes the height of the taller one. Returns the ref callback to put on
 * every cell's content element (which carries data-row-key and data-side).
 */
export function useRowHeights(
  virtualizer: Virtualizer<HTMLElement, Element>,
  indexOfKey: (key: string) => number,
): (element: HTMLElement | null) => (() => void) | undefined {
  const state = useRef<Measurements>({
    heights: new Map(),
    pending: new Set(),
    virtualizer,
    indexOfKey,
  });
  const observer = useRef<ResizeObserver | null>(null);
  // Before the browser delivers the new cells' sizes, the lookups must know the new rows.
  useLayoutEffect(() => {
    state.current.virtualizer = virtualizer;
    state.current.indexOfKey = indexOfKey;
    if (state.current.pending.size > 0) apply(state.current, [...state.current.pending]);
  });
  useEffect(() => () => observer.current?.disconnect(), []);

  return useCallback((element: HTMLElement | null) => {
    if (!element) return undefined;
    observer.current ??= new ResizeObserver((entries) => {
      const measured = state.current;
      const touched = new Set<string>();
      for (const entry of entries) {
        const target = entry.target as HTMLElement;
        const key = target.dataset['rowKey'];
        const side = target.dataset['side'];
        if (key === undefined || (side !== 'original' && side !== 'translation')) continue;
        const height = entry.borderBoxSize[0]?.blockSize ?? target.offsetHeight;
        const row = measured.heights.get(key) ?? { original: 0, translation: 0 };
        row[side] = Math.ceil(height);
        measured.heights.set(key, row);
        touched.add(key);
      }
      apply(measured, touched);
    });
    const watching = observer.current;
    watching.observe(element);
    return () => watching.unobserve(element);
  }, []);
}
