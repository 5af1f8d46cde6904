// The reader's text selection, made as a user expects of a document: a mouse drag selects from
// where the button went down to where it is, inside that column only, the text stays still under
// a pointer that is over it, and the selection counts (the annotation toolbar appears) once the
// button is released.
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

/** The element that scrolls `element` (the reader's text area), or null. */
function scrollerOf(element: HTMLElement): HTMLElement | null {
  for (let at = element.parentElement; at; at = at.parentElement) {
    if (/auto|scroll/.test(getComputedStyle(at).overflowY)) return at;
  }
  return null;
}

/** Whether the pointer is over the scroller's visible box (not past its top or bottom edge). */
function over(scroller: HTMLElement, y: number): boolean {
  const box = scroller.getBoundingClientRect();
  return y >= box.top && y < Math.min(box.bottom, window.innerHeight);
}

/**
 * Puts the selection's moving end at the caret under the pointer, kept inside `column`. Used
 * after the text was held still under the pointer, when the browser had moved the end with it.
 */
function extendToPointer(column: HTMLElement, x: number, y: number): void {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || !selection.anchorNode) return;
  const caret = caretAt(x, y);
  if (caret && column.contains(caret.node)) {
    selection.setBaseAndExtent(
      selection.anchorNode,
      selection.anchorOffset,
      caret.node,
      caret.offset,
    );
  } else {
    keepSelectionInColumn(column, x, y);
  }
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
    // During a drag, the text area's scroller and where it stood: the browser scrolls a box on
    // its own while a selecting pointer is within about 20 px of its edge, which slid the words
    // under a pointer held still on the window's last line and ran the selection on for
    // paragraphs. Only a pointer taken past the edge scrolls the text now.
    let scroller: HTMLElement | null = null;
    let heldTop = 0;
    let pointer = { x: 0, y: 0 };
    const root = document.documentElement;

    /** Undoes a scroll the pointer did not ask for, and puts the selection back under it. */
    const holdStill = (): void => {
      if (!dragColumn || !scroller || scroller.scrollTop === heldTop) return;
      if (!over(scroller, pointer.y)) {
        heldTop = scroller.scrollTop;
        return;
      }
      scroller.scrollTo({ top: heldTop, behavior: 'instant' });
      extendToPointer(dragColumn, pointer.x, pointer.y);
    };

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
      scroller = scrollerOf(column);
      heldTop = scroller?.scrollTop ?? 0;
      pointer = { x: event.clientX, y: event.clientY };
      const side = column.classList.contains('column-original') ? 'original' : 'translation';
      root.setAttribute(SELECTING_ATTRIBUTE, side);
      setSelection(null);
    };
    const onMove = (event: PointerEvent): void => {
      if (dragColumn && (event.buttons & 1) === 1) {
        pointer = { x: event.clientX, y: event.clientY };
        holdStill();
        keepSelectionInColumn(dragColumn, event.clientX, event.clientY);
      }
    };
    const onUp = (event: PointerEvent): void => {
      if (!dragColumn) return;
      pointer = { x: event.clientX, y: event.clientY };
      holdStill();
      keepSelectionInColumn(dragColumn, event.clientX, event.clientY);
      dragColumn = null;
      scroller = null;
      root.removeAttribute(SELECTING_ATTRIBUTE);
      update();
    };

    document.addEventListener('selectionchange', update);
    document.addEventListener('scroll', holdStill, true);
    document.addEventListener('pointerdown', onDown, true);
    document.addEventListener('pointermove', onMove, true);
    document.addEventListener('pointerup', onUp, true);
    document.addEventListener('pointercancel', onUp, true);
    return () => {
      document.removeEventListener('selectionchange', update);
      document.removeEventListener('scroll', holdStill, true);
      document.removeEventListener('pointerdown', onDown, true);
      document.removeEventListener('pointermove', onMove, true);
      document.removeEventListener('pointerup', onUp, true);
      document.removeEventListener('pointercancel', onUp, true);
      root.removeAttribute(SELECTING_ATTRIBUTE);
    };
  }, [area]);
  return selection;
}
