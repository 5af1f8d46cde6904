// The reader's text selection, made as a user expects of a document: a mouse drag selects from
// where the button went down to where it is, inside that column only, and the selection counts
// (the annotation toolbar appears) once the button is released.
import { useEffect, useState, type RefObject } from 'react';
import { readPassageSelection, type PassageSelection } from './selection';

/** The column a drag started in: while it lasts, nothing outside that column is selectable. */
export const SELECTING_ATTRIBUTE = 'data-selecting-in';

const COLUMN_SELECTOR = '.column';

function columnOf(node: Node | null): HTMLElement | null {
  const element = node instanceof Element ? node : (node?.parentElement ?? null);
  return element?.closest<HTMLElement>(COLUMN_SELECTOR) ?? null;
}

/** The caret position at a point, or null where there is no text. */
function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  if (typeof document.caretPositionFromPoint === 'function') {
    const position = document.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/**
 * Keeps the selection's moving end inside `column`: when it went outside (the pointer crossed
 * into the other column or the notes), it is put at the caret nearest the pointer's place
 * brought back inside the column's box.
 */
export function keepSelectionInColumn(column: HTMLElement, x: number, y: number): void {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || !selection.anchorNode) return;
  if (column.contains(selection.focusNode)) return;
  const box = column.getBoundingClientRect();
  const inside = {
    x: Math.min(Math.max(x, box.left + 2), box.right - 2),
    y: Math.min(Math.max(y, box.top + 2), Math.min(box.bottom, window.innerHeight) - 2),
  };
  const caret = caretAt(inside.x, inside.y);
  if (caret && column.contains(caret.node)) {
    selection.setBaseAndExtent(
      selection.anchorNode,
      selection.anchorOffset,
      caret.node,
      caret.offset,
    );
  } else {
    selection.collapse(selection.anchorNode, selection.anchorOffset);
  }
}

/**
 * The user's current text selection inside `area`, as a span of one passage (or null). During
 * a mouse drag it stays null: the selection is taken when the button comes up.
 */
export function usePassageSelection(area: RefObject<HTMLElement | null>): PassageSelection | null {
  const [selection, setSelection] = useState<PassageSelection | null>(null);
  useEffect(() => {
    let dragColumn: HTMLElement | null = null;
    const root = document.documentElement;

    const update = (): void => {
      if (dragColumn) return;
      const current = window.getSelection();
      const read = readPassageSelection(current);
      const inside = !!current?.anchorNode && !!area.current?.contains(current.anchorNode);
      if (!read || read === 'across-passages' || !inside) return setSelection(null);
      setSelection((previous) => {
        const same =
          previous !== null &&
          previous.passageId === read.passageId &&
          previous.start === read.start &&
          previous.end === read.end;
        return { ...read, draftId: same ? previous.draftId : crypto.randomUUID() };
      });
    };

    const onDown = (event: PointerEvent): void => {
      if (event.button !== 0 || event.pointerType === 'touch') return;
      const target = event.target as Node;
      if (!area.current?.contains(target)) return;
      const column = columnOf(target);
      if (!column) return;
      dragColumn = column;
      const side = column.classList.contains('column-original') ? 'original' : 'translation';
      root.setAttribute(SELECTING_ATTRIBUTE, side);
      setSelection(null);
    };
    const onMove = (event: PointerEvent): void => {
      if (dragColumn && (event.buttons & 1) === 1) {
        keepSelectionInColumn(dragColumn, event.clientX, event.clientY);
      }
    };
    const onUp = (event: PointerEvent): void => {
      if (!dragColumn) return;
      keepSelectionInColumn(dragColumn, event.clientX, event.clientY);
      dragColumn = null;
      root.removeAttribute(SELECTING_ATTRIBUTE);
      update();
    };

    document.addEventListener('selectionchange', update);
    document.addEventListener('pointerdown', onDown, true);
    document.addEventListener('pointermove', onMove, true);
    document.addEventListener('pointerup', onUp, true);
    document.addEventListener('pointercancel', onUp, true);
    return () => {
      document.removeEventListener('selectionchange', update);
      document.removeEventListener('pointerdown', onDown, true);
      document.removeEventListener('pointermove', onMove, true);
      document.removeEventListener('pointerup', onUp, true);
      document.removeEventListener('pointercancel', onUp, true);
      root.removeAttribute(SELECTING_ATTRIBUTE);
    };
  }, [area]);
  return selection;
}
