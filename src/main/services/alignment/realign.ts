// Re-alignment around rows the reader has confirmed: those rows are fixed points, and only the
// stretches between them are aligned again.

import type { AlignmentGroup } from '@shared/model';
import { alignSequences } from './align';
import type { AlignOptions } from './types';

// Confidence of a machine group that had to be cut in two around a confirmed one-sided row.
const SPLIT_PENALTY = 0.5;

/** Maps a group of filtered indexes back, splitting it where a removed index falls inside. */
function mapBack(
  group: AlignmentGroup,
  mapO: readonly number[],
  mapT: readonly number[],
): AlignmentGroup[] {
  const original = group.original.map((i) => mapO[i] ?? i);
  const translation = group.translation.map((j) => mapT[j] ?? j);
  for (const [side, indexes] of [
    ['original', original],
    ['translation', translation],
  ] as const) {
    for (let k = 1; k < indexes.length; k++) {
      if (indexes[k] !== (indexes[k - 1] ?? 0) + 1) {
        const confidence = group.confidence * SPLIT_PENALTY;
        const head = indexes.slice(0, k);
        const tail = indexes.slice(k);
        return side === 'original'
          ? [
              { original: head, translation, confidence, confirmed: false },
              { original: tail, translation: [], confidence, confirmed: false },
            ]
          : [
              { original, translation: head, confidence, confirmed: false },
              { original: [], translation: tail, confidence, confirmed: false },
            ];
      }
    }
  }
  return [{ ...group, original, translation }];
}

/** Position before the first group holding an index above `index` on the given side. */
function insertionPoint(
  groups: readonly AlignmentGroup[],
  side: 'original' | 'translation',
  index: number,
): number {
  const at = groups.findIndex((group) => (group[side][0] ?? -1) > index);
  return at < 0 ? groups.length : at;
}

/**
 * Aligns originals [startO, endO) with translations [startT, endT) except the segments of the
 * one-sided kept rows in `pinned`, then puts those rows back in place.
 */
function alignStretch(
  original: readonly string[],
  translation: readonly string[],
  options: AlignOptions,
  bounds: { startO: number; endO: number; startT: number; endT: number },
  pinned: readonly AlignmentGroup[],
): AlignmentGroup[] {
  const pinnedO = new Set(pinned.flatMap((group) => group.original));
  const pinnedT = new Set(pinned.flatMap((group) => group.translation));
  const mapO: number[] = [];
  const mapT: number[] = [];
  for (let i = bounds.startO; i < bounds.endO; i++) if (!pinnedO.has(i)) mapO.push(i);
  for (let j = bounds.startT; j < bounds.endT; j++) if (!pinnedT.has(j)) mapT.push(j);
  const aligned = alignSequences(
    mapO.map((i) => original[i] ?? ''),
    mapT.map((j) => translation[j] ?? ''),
    options,
  );
  const groups = aligned.flatMap((group) => mapBack(group, mapO, mapT));
  for (const row of pinned) {
    const side = row.original.length > 0 ? 'original' : 'translation';
    const at = insertionPoint(groups, side, row[side][0] ?? 0);
    groups.splice(at, 0, confirmedCopy(row));
  }
  return groups;
}

function confirmedCopy(group: AlignmentGroup): AlignmentGroup {
  return {
    original: [...group.original],
    translation: [...group.translation],
    confidence: 1,
    confirmed: true,
  };
}

function checkKept(
  keep: readonly AlignmentGroup[],
  originalCount: number,
  translationCount: number,
): void {
  let lastO = -1;
  let lastT = -1;
  for (const [position, group] of keep.entries()) {
    if (group.original.length === 0 && group.translation.length === 0) {
      throw new RangeError(`realign: kept group ${position} is empty`);
    }
    for (const [indexes, last, count, side] of [
      [group.original, lastO, originalCount, 'original'],
      [group.translation, lastT, translationCount, 'translation'],
    ] as const) {
      for (const [k, index] of indexes.entries()) {
        const expected = k === 0 ? index > last : index === (indexes[k - 1] ?? 0) + 1;
        if (!Number.isInteger(index) || index >= count || !expected) {
          throw new RangeError(
            `realign: kept group ${position} has an invalid or out-of-order ${side} index ${index}`,
          );
        }
      }
    }
    lastO = group.original.at(-1) ?? lastO;
    lastT = group.translation.at(-1) ?? lastT;
  }
}

/**
 * Aligns `original` with `translation` keeping every group of `keep` (rows the user confirmed:
 * non-overlapping, in order, indexes valid) exactly as given, marked `confirmed: true` with
 * confidence 1, and aligning only the stretches between them with {@link alignSequences}.
 * A kept row pairing both sides splits the texts there; a kept one-sided row only takes its
 * segment out of its stretch. Throws RangeError when `keep` is inconsistent.
 */
export function realign(
  original: readonly string[],
  translation: readonly string[],
  options: AlignOptions,
  keep: readonly AlignmentGroup[],
): AlignmentGroup[] {
  checkKept(keep, original.length, translation.length);
  const result: AlignmentGroup[] = [];
  let startO = 0;
  let startT = 0;
  let pinned: AlignmentGroup[] = [];
  for (const group of keep) {
    const firstO = group.original[0];
    const firstT = group.translation[0];
    if (firstO === undefined || firstT === undefined) {
      pinned.push(group);
      continue;
    }
    result.push(
      ...alignStretch(
        original,
        translation,
        options,
        { startO, endO: firstO, startT, endT: firstT },
        pinned,
      ),
    );
    result.push(confirmedCopy(group));
    pinned = [];
    startO = (group.original.at(-1) ?? firstO) + 1;
    startT = (group.translation.at(-1) ?? firstT) + 1;
  }
  result.push(
    ...alignStretch(
      original,
      translation,
      options,
      { startO, endO: original.length, startT, endT: translation.length },
      pinned,
    ),
  );
  return result;
}
