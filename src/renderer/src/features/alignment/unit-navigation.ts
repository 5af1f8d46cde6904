// Where the arrow keys lead from a unit of the aligned text: Up/Down in its column (Page Up/Down
// by ten, Home/End to the first/last), Left/Right to its counterpart in the other column.
import type { AlignmentView } from '@shared/alignment/view';
import type { Side } from '@shared/model';

export interface UnitRef {
  side: Side;
  unit: number;
}

const PAGE_UNITS = 10;

/** The first unit of `side` in `row`, or in the nearest row that has one. */
function nearestCounterpart(view: AlignmentView, row: number, side: Side): number | null {
  const groups = view.groups;
  for (let distance = 0; distance < groups.length; distance++) {
    for (const r of [row + distance, row - distance]) {
      const unit = groups[r]?.[side][0];
      if (unit !== undefined) return unit;
    }
  }
  return null;
}

/**
 * The unit `key` leads to from `from`; `undefined` when the key is not a navigation key (let it
 * do what it does), null when it is one but leads nowhere (stay).
 */
export function unitAfterKey(
  view: AlignmentView,
  rowOf: Record<Side, ArrayLike<number>>,
  from: UnitRef,
  key: string,
): UnitRef | null | undefined {
  const { side, unit } = from;
  const last = view[side].units.length - 1;
  switch (key) {
    case 'ArrowDown':
      return { side, unit: Math.min(last, unit + 1) };
    case 'ArrowUp':
      return { side, unit: Math.max(0, unit - 1) };
    case 'PageDown':
      return { side, unit: Math.min(last, unit + PAGE_UNITS) };
    case 'PageUp':
      return { side, unit: Math.max(0, unit - PAGE_UNITS) };
    case 'Home':
      return { side, unit: 0 };
    case 'End':
      return { side, unit: last };
    case 'ArrowLeft':
    case 'ArrowRight': {
      const other: Side = key === 'ArrowLeft' ? 'original' : 'translation';
      if (other === side) return null;
      const counterpart = nearestCounterpart(view, rowOf[side][unit] ?? 0, other);
      return counterpart === null ? null : { side: other, unit: counterpart };
    }
    default:
      return undefined;
  }
}
