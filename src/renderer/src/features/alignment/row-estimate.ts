// First guesses of row heights, so a long record scrolls smoothly before its rows are measured.
import type { AlignmentGroup, Side } from '@shared/model';

// Typography of the reader (alignment.css): 17px serif, line height 1.6, 6px between units,
// 6px padding above and below a cell.
const LINE = 27.2;
const UNIT_GAP = 6;
const PADDING = 12;
const EMPTY_CELL = 26;
/** Average width of a character of the reader's text (17px serif), in CSS pixels. */
export const CHAR_WIDTH = 8.4;

/** First guesses of the heights of a row's two cells, from their text lengths. */
export function estimateCellHeights(
  group: AlignmentGroup,
  length: Record<Side, (unit: number) => number>,
  columnWidth: number,
): Record<Side, number> {
  const perLine = Math.max(12, Math.floor((columnWidth - 16) / CHAR_WIDTH));
  const side = (s: Side): number => {
    if (group[s].length === 0) return EMPTY_CELL + PADDING;
    let height = -UNIT_GAP;
    for (const unit of group[s]) {
      height += Math.max(1, Math.ceil(length[s](unit) / perLine)) * LINE + UNIT_GAP;
    }
    return Math.ceil(height + PADDING);
  };
  return { original: side('original'), translation: side('translation') };
}

/**
 * A first guess of a row's height before it is measured: the taller cell side by side, both
 * cells one above the other when stacked.
 */
export function estimateRowHeight(
  group: AlignmentGroup,
  length: Record<Side, (unit: number) => number>,
  columnWidth: number,
  stacked = false,
): number {
  const cells = estimateCellHeights(group, length, columnWidth);
  return stacked ? cells.original + cells.translation : Math.max(cells.original, cells.translation);
}
