// Structural checks of an alignment, shared by realign, the sentence aligner and the tests.

import type { AlignmentGroup } from '@shared/model';

function consecutive(indexes: readonly number[]): boolean {
  for (let k = 1; k < indexes.length; k++) {
    if (indexes[k] !== (indexes[k - 1] ?? 0) + 1) return false;
  }
  return true;
}

/**
 * Describes the first way in which `groups` fails to be a complete alignment of `originalCount`
 * and `translationCount` segments (every index exactly once, groups in order, indexes within a
 * group consecutive, no empty group), or returns null when it is one.
 */
export function alignmentProblem(
  groups: readonly AlignmentGroup[],
  originalCount: number,
  translationCount: number,
): string | null {
  let nextO = 0;
  let nextT = 0;
  for (const [position, group] of groups.entries()) {
    if (group.original.length === 0 && group.translation.length === 0)
      return `group ${position} is empty`;
    if (!consecutive(group.original) || !consecutive(group.translation)) {
      return `group ${position} has non-consecutive indexes`;
    }
    if (group.original.length > 0 && group.original[0] !== nextO) {
      return `group ${position} starts at original ${group.original[0]}, expected ${nextO}`;
    }
    if (group.translation.length > 0 && group.translation[0] !== nextT) {
      return `group ${position} starts at translation ${group.translation[0]}, expected ${nextT}`;
    }
    nextO += group.original.length;
    nextT += group.translation.length;
    if (!(group.confidence >= 0 && group.confidence <= 1))
      return `group ${position} has confidence ${group.confidence}`;
  }
  if (nextO !== originalCount) return `covers ${nextO} of ${originalCount} originals`;
  if (nextT !== translationCount) return `covers ${nextT} of ${translationCount} translations`;
  return null;
}
