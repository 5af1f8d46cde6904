// Putting stored sentence rows back in reading order. Rows with units on both sides order
// themselves; a row with units on one side only could go before or after a neighbour with units
// on the other side only, so the order they were stored in decides.

import type { AlignmentGroup, Side } from '@shared/model';

export interface LocalGroup extends AlignmentGroup {
  ordinal: number;
}

/** Orders stored rows of one paragraph row; null unless they cover its sentences exactly. */
export function orderedCover(
  stored: readonly LocalGroup[],
  range: { original: [number, number]; translation: [number, number] },
): AlignmentGroup[] | null {
  const remaining = [...stored].sort((a, b) => a.ordinal - b.ordinal);
  const ordered: AlignmentGroup[] = [];
  let nextO = range.original[0];
  let nextT = range.translation[0];
  while (remaining.length > 0) {
    const at = remaining.findIndex(
      (g) =>
        (g.original.length === 0 || g.original[0] === nextO) &&
        (g.translation.length === 0 || g.translation[0] === nextT),
    );
    if (at < 0) return null;
    const [group] = remaining.splice(at, 1);
    nextO += group!.original.length;
    nextT += group!.translation.length;
    ordered.push({
      original: group!.original,
      translation: group!.translation,
      confidence: group!.confidence,
      confirmed: group!.confirmed,
    });
  }
  return nextO === range.original[1] && nextT === range.translation[1] ? ordered : null;
}

/**
 * Puts disjoint rows in an order consistent on both sides (one-sided rows go as early as they
 * can); null when two rows cross, which no alignment allows.
 */
export function inReadingOrder(groups: readonly AlignmentGroup[]): AlignmentGroup[] | null {
  const bySide = (side: Side): AlignmentGroup[] =>
    groups.filter((g) => g[side].length > 0).sort((a, b) => a[side][0]! - b[side][0]!);
  const originals = bySide('original');
  const translations = bySide('translation');
  const ordered: AlignmentGroup[] = [];
  while (originals.length > 0 || translations.length > 0) {
    const o = originals[0];
    const t = translations[0];
    if (o && o === t) {
      originals.shift();
      translations.shift();
      ordered.push(o);
    } else if (o && o.translation.length === 0) {
      ordered.push(originals.shift()!);
    } else if (t && t.original.length === 0) {
      ordered.push(translations.shift()!);
    } else {
      return null;
    }
  }
  return ordered;
}
