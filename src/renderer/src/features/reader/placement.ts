// Where to put something that floats beside text (the selection toolbar, the comment dialog) so
// that it never covers the words it is about and stays inside the window.

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Placement {
  left: number;
  top: number;
  side: 'above' | 'below' | 'left' | 'right';
  /** Set when the box must be shorter (and scroll) to stay off the words. */
  maxHeight?: number;
}

const clamp = (value: number, min: number, max: number): number =>
  Math.min(Math.max(value, min), Math.max(min, max));

/**
 * Above the words when there is room, else below them; horizontally at their start, moved in
 * to stay `margin` inside the viewport. When neither above nor below has room for the whole
 * box, the side with more room is taken and the box is made as short as that room (maxHeight):
 * it scrolls rather than covering the words.
 */
export function placeAboveOrBelow(
  target: Rect,
  box: Size,
  viewport: Size,
  options: { gap?: number; margin?: number } = {},
): Placement {
  const gap = options.gap ?? 8;
  const margin = options.margin ?? 8;
  const left = clamp(target.left, margin, viewport.width - box.width - margin);
  const above = target.top - gap - box.height;
  const below = target.bottom + gap;
  if (above >= margin) return { left, top: above, side: 'above' };
  if (below + box.height <= viewport.height - margin) return { left, top: below, side: 'below' };
  const roomAbove = target.top - gap - margin;
  const roomBelow = viewport.height - margin - below;
  if (roomAbove >= roomBelow) {
    return { left, top: margin, side: 'above', maxHeight: Math.max(0, roomAbove) };
  }
  return { left, top: below, side: 'below', maxHeight: Math.max(0, roomBelow) };
}

export interface SidePlacement extends Placement {
  width: number;
}

/**
 * Beside the words, on the side with more room (a dialog about words in the right column goes
 * over the left one), as wide as `box.width` or as that side allows down to `minWidth`,
 * top-aligned with the words and held inside the viewport. Above or below them, full width,
 * only when neither side has `minWidth` to spare.
 */
export function placeBeside(
  target: Rect,
  box: Size & { minWidth: number },
  viewport: Size,
  options: { gap?: number; margin?: number } = {},
): SidePlacement {
  const gap = options.gap ?? 16;
  const margin = options.margin ?? 8;
  const roomLeft = target.left - gap - margin;
  const roomRight = viewport.width - target.right - gap - margin;
  const top = clamp(target.top - 24, margin, viewport.height - box.height - margin);
  const room = Math.max(roomLeft, roomRight);
  if (room >= box.minWidth) {
    const width = Math.min(box.width, room);
    return roomLeft >= roomRight
      ? { left: target.left - gap - width, top, width, side: 'left' }
      : { left: target.right + gap, top, width, side: 'right' };
  }
  const width = Math.min(box.width, viewport.width - 2 * margin);
  return { ...placeAboveOrBelow(target, { ...box, width }, viewport, { gap, margin }), width };
}
