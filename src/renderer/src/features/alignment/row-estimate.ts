import type { AlignmentGroup, Side } from '@shared/model';

// Typography of the reader (alignment.css): 17px serif, line height 1.6, 6px between units,
// 6px padding above and below a cell.
const LINE = 27.2;
const UNIT_GAP = 6;
const PADDING = 12;
const EMPTY_CELL = 26;
const CHAR_WIDTH = 8.4;

/** A first guess of a row's height before it is measured, from its text lengths. */
export function estimateRowHeight(
  group: AlignmentGroup,
  length: Record<Side, (unit: number) => number>,
  columnWidth: number,
): number {
  const perLine = Math.max(12, Math.floor((columnWidth - 16) / CHAR_WIDTH));
  const side = (s: Side): number => {
    if (group[s].length === 0) return EMPTY_CELL;
    let height = -UNIT_GAP;
    for (const unit of group[s]) {
      height += Math.max(1, Math.ceil(length[s](unit) / perLine)) * LINE + UNIT_GAP;
    }
    return height;
  };
  return Math.ceil(Math.max(side('original'), side('translation')) + PADDING);
}
