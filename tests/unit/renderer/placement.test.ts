// Floating boxes never cover their words: above, below, beside, and — when no side has room for
// the whole box — made shorter (to scroll) rather than laid over the words.
import { describe, expect, it } from 'vitest';
import {
  placeAboveOrBelow,
  placeBeside,
} from '../../../src/renderer/src/features/reader/placement';

const viewport = { width: 1024, height: 700 };
const overlaps = (
  a: { left: number; top: number; right: number; bottom: number },
  b: { left: number; top: number; right: number; bottom: number },
) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('placing a box by its words', () => {
  it('goes above when there is room, else below, inside the window', () => {
    const words = { left: 900, top: 300, right: 1000, bottom: 320 };
    const up = placeAboveOrBelow(words, { width: 400, height: 50 }, viewport);
    expect(up).toEqual({ left: 616, top: 242, side: 'above' });
    const high = { left: 10, top: 20, right: 100, bottom: 40 };
    expect(placeAboveOrBelow(high, { width: 400, height: 50 }, viewport)).toEqual({
      left: 10,
      top: 48,
      side: 'below',
    });
  });

  it('a dialog about words across the whole width never covers them: it gets shorter', () => {
    // Stacked rows at 1024×700: the words span the column, with 360 px above and 320 below.
    const words = { left: 52, top: 360, right: 720, bottom: 386 };
    const placed = placeBeside(words, { width: 560, minWidth: 340, height: 400 }, viewport);
    expect(placed.side).toBe('above');
    expect(placed.maxHeight).toBe(360 - 16 - 8);
    const box = {
      left: placed.left,
      top: placed.top,
      right: placed.left + placed.width,
      bottom: placed.top + Math.min(400, placed.maxHeight!),
    };
    expect(overlaps(box, words)).toBe(false);
    expect(box.top).toBeGreaterThanOrEqual(8);
  });
});
