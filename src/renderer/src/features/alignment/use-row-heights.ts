// Measured heights of aligned rows whose two cells live in different columns (or are stacked).
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';

export interface CellHeights {
  original: number;
  translation: number;
}

interface Measurements {
  heights: Map<string, CellHeights>;
  /** Rows measured before the virtualiser knew their key; applied after the next render. */
  pending: Set<string>;
  virtualizer: Virtualizer<HTMLElement, Element>;
  indexOfKey: (key: string) => number;
  stacked: boolean;
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
    state.virtualizer.resizeItem(
      index,
      state.stacked ? row.original + row.translation : Math.max(row.original, row.translation),
    );
  }
}

export interface RowHeights {
  /** The ref callback to put on every cell's content element (with data-row-key, data-side). */
  observe(element: HTMLElement | null): (() => void) | undefined;
  /** The measured heights of a row's cells, once both were seen. */
  measured(key: string): CellHeights | undefined;
}

/**
 * Measures aligned rows whose two cells live in different columns: each cell's content is
 * observed, and the row takes the height of the taller one side by side, or of both when the
 * cells are stacked one above the other (a narrow window).
 */
export function useRowHeights(
  virtualizer: Virtualizer<HTMLElement, Element>,
  indexOfKey: (key: string) => number,
  stacked: boolean,
): RowHeights {
  const state = useRef<Measurements>({
    heights: new Map(),
    pending: new Set(),
    virtualizer,
    indexOfKey,
    stacked,
  });
  const observer = useRef<ResizeObserver | null>(null);
  // Before the browser delivers the new cells' sizes, the lookups must know the new rows.
  useLayoutEffect(() => {
    state.current.virtualizer = virtualizer;
    state.current.indexOfKey = indexOfKey;
    if (state.current.pending.size > 0) apply(state.current, [...state.current.pending]);
  });
  // Side by side ↔ stacked: every row measured so far takes its other height.
  useLayoutEffect(() => {
    if (state.current.stacked === stacked) return;
    state.current.stacked = stacked;
    state.current.virtualizer.measure();
    apply(state.current, [...state.current.heights.keys()]);
  }, [stacked]);
  useEffect(() => () => observer.current?.disconnect(), []);

  const observe = useCallback((element: HTMLElement | null) => {
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

  return useMemo(
    () => ({
      observe,
      measured: (key: string) => {
        const row = state.current.heights.get(key);
        return row && row.original > 0 && row.translation > 0 ? row : undefined;
      },
    }),
    [observe],
  );
}
