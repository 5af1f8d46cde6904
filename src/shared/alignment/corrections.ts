// Corrections a reader makes to an alignment, as pure functions over its rows. They work the
// same at paragraph and at sentence level (rows of units either way), never touch the text, and
// refuse with a sentence the reader can act on when a correction makes no sense. Rows a
// correction shapes come out confirmed (confidence 1), so re-alignment keeps them.
//
// The renderer uses them too, to tell beforehand which corrections apply to the current row.

import { ApiError } from '../api/errors';
import type { AlignmentGroup, Side } from '../model';
import type { AlignmentLevel } from './view';

export interface Correction {
  groups: AlignmentGroup[];
  /** What happened, e.g. "Merge rows 4 and 5". */
  description: string;
}

export type Direction = 'up' | 'down';

const SIDE_WORD: Record<Side, string> = { original: 'original', translation: 'translation' };

export function unitWord(level: AlignmentLevel): string {
  return level === 'sentence' ? 'sentence' : 'passage';
}

function refuse(message: string): never {
  throw new ApiError('invalid_input', message);
}

function confirmed(original: number[], translation: number[]): AlignmentGroup {
  return { original, translation, confidence: 1, confirmed: true };
}

function sameIndexes(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, k) => value === b[k]);
}

/** Position of the row holding exactly these units; refuses when the alignment changed since. */
export function findRow(
  groups: readonly AlignmentGroup[],
  row: { original: readonly number[]; translation: readonly number[] },
): number {
  const at = groups.findIndex(
    (group) =>
      sameIndexes(group.original, row.original) && sameIndexes(group.translation, row.translation),
  );
  if (at < 0) {
    refuse(
      'That row is no longer in the alignment (it changed since the view was loaded). ' +
        'Reload the record and try again.',
    );
  }
  return at;
}

/** Position of the row holding a unit of one side. */
export function rowOfUnit(groups: readonly AlignmentGroup[], side: Side, unit: number): number {
  const at = groups.findIndex((group) => group[side].includes(unit));
  if (at < 0) refuse(`There is no ${SIDE_WORD[side]} unit ${unit + 1} in this alignment.`);
  return at;
}

/** Joins row `at` with the row after it. */
export function mergeWithNext(groups: readonly AlignmentGroup[], at: number): Correction {
  const row = groups[at];
  const next = groups[at + 1];
  if (!row) refuse(`There is no row ${at + 1}.`);
  if (!next) {
    refuse(`Row ${at + 1} is the last row; there is no row after it to merge it with.`);
  }
  const merged = confirmed(
    [...row.original, ...next.original],
    [...row.translation, ...next.translation],
  );
  return {
    groups: [...groups.slice(0, at), merged, ...groups.slice(at + 2)],
    description: `Merge rows ${at + 1} and ${at + 2}`,
  };
}

/**
 * Cuts row `at` in two at a unit boundary: the first `keepOriginal` originals and the first
 * `keepTranslation` translations stay in the upper row, the rest go to a new row below it.
 */
export function splitRow(
  groups: readonly AlignmentGroup[],
  at: number,
  keepOriginal: number,
  keepTranslation: number,
  level: AlignmentLevel = 'paragraph',
): Correction {
  const row = groups[at];
  if (!row) refuse(`There is no row ${at + 1}.`);
  const units = row.original.length + row.translation.length;
  if (units < 2) {
    refuse(`Row ${at + 1} holds a single ${unitWord(level)}; there is nothing to split.`);
  }
  if (
    !Number.isInteger(keepOriginal) ||
    !Number.isInteger(keepTranslation) ||
    keepOriginal < 0 ||
    keepTranslation < 0 ||
    keepOriginal > row.original.length ||
    keepTranslation > row.translation.length
  ) {
    refuse(
      `Row ${at + 1} has ${row.original.length} original and ${row.translation.length} ` +
        `translation ${unitWord(level)}s; the split point lies outside it.`,
    );
  }
  const upper = confirmed(
    row.original.slice(0, keepOriginal),
    row.translation.slice(0, keepTranslation),
  );
  const lower = confirmed(row.original.slice(keepOriginal), row.translation.slice(keepTranslation));
  if (keepOriginal + keepTranslation === 0 || keepOriginal + keepTranslation === units) {
    refuse(`A split must leave at least one ${unitWord(level)} in each part of row ${at + 1}.`);
  }
  return {
    groups: [...groups.slice(0, at), upper, lower, ...groups.slice(at + 1)],
    description: `Split row ${at + 1}`,
  };
}

/**
 * Where to split row `at` so that `unit` of `side` opens the lower part: the other side is cut
 * where its share of characters best matches. `lengths` gives each unit's length per side.
 */
export function proposeSplit(
  groups: readonly AlignmentGroup[],
  at: number,
  side: Side,
  unit: number,
  lengths: Record<Side, (unit: number) => number>,
  level: AlignmentLevel = 'paragraph',
): { original: number; translation: number } {
  const row = groups[at];
  if (!row) refuse(`There is no row ${at + 1}.`);
  const own = row[side];
  const position = own.indexOf(unit);
  if (position < 0) refuse(`That ${unitWord(level)} is not in row ${at + 1}.`);
  const other: Side = side === 'original' ? 'translation' : 'original';
  if (position === 0) {
    refuse(
      `The split goes before the ${unitWord(level)} you choose, and this is the first ` +
        `${SIDE_WORD[side]} ${unitWord(level)} of row ${at + 1}: choose a later one.`,
    );
  }
  const total = own.reduce((sum, u) => sum + lengths[side](u), 0);
  const before = own.slice(0, position).reduce((sum, u) => sum + lengths[side](u), 0);
  const share = total > 0 ? before / total : position / own.length;
  const otherUnits = row[other];
  const otherTotal = otherUnits.reduce((sum, u) => sum + lengths[other](u), 0);
  let keepOther = 0;
  let bestGap = Infinity;
  let running = 0;
  for (let k = 0; k <= otherUnits.length; k++) {
    const gap = Math.abs((otherTotal > 0 ? running / otherTotal : k / otherUnits.length) - share);
    if (gap < bestGap) {
      bestGap = gap;
      keepOther = k;
    }
    running += lengths[other](otherUnits[k] ?? 0);
  }
  return side === 'original'
    ? { original: position, translation: keepOther }
    : { original: keepOther, translation: position };
}

/**
 * Moves a unit into the neighbouring row: the first unit of its side in its row up into the
 * row above, or the last one down into the row below. A row left empty disappears.
 */
export function moveUnit(
  groups: readonly AlignmentGroup[],
  side: Side,
  unit: number,
  direction: Direction,
  level: AlignmentLevel = 'paragraph',
): Correction {
  const at = rowOfUnit(groups, side, unit);
  const row = groups[at]!;
  const word = `${SIDE_WORD[side]} ${unitWord(level)}`;
  const target = direction === 'up' ? at - 1 : at + 1;
  const neighbour = groups[target];
  if (!neighbour) {
    refuse(
      direction === 'up'
        ? `Row ${at + 1} is the first row; there is no row above to move into.`
        : `Row ${at + 1} is the last row; there is no row below to move into.`,
    );
  }
  const edge = direction === 'up' ? row[side][0] : row[side].at(-1);
  if (edge !== unit) {
    refuse(
      direction === 'up'
        ? `Only the first ${word} of row ${at + 1} can move up; split the row first.`
        : `Only the last ${word} of row ${at + 1} can move down; split the row first.`,
    );
  }
  const rest = row[side].filter((u) => u !== unit);
  const source: AlignmentGroup | null =
    rest.length === 0 && row[side === 'original' ? 'translation' : 'original'].length === 0
      ? null
      : side === 'original'
        ? confirmed(rest, [...row.translation])
        : confirmed([...row.original], rest);
  const joined = direction === 'up' ? [...neighbour[side], unit] : [unit, ...neighbour[side]];
  const receiving =
    side === 'original'
      ? confirmed(joined, [...neighbour.translation])
      : confirmed([...neighbour.original], joined);
  const pair = direction === 'up' ? [receiving, source] : [source, receiving];
  const first = Math.min(at, target);
  return {
    groups: [
      ...groups.slice(0, first),
      ...pair.filter((g): g is AlignmentGroup => g !== null),
      ...groups.slice(first + 2),
    ],
    description: `Move ${word} ${unit + 1} ${direction} into row ${target + 1}`,
  };
}

/**
 * Says a unit has no counterpart: it gets a row of its own, confirmed. The rest of its row stays
 * where it was, unconfirmed, so that re-alignment may find the rest a better partner.
 */
export function markNoCounterpart(
  groups: readonly AlignmentGroup[],
  side: Side,
  unit: number,
  level: AlignmentLevel = 'paragraph',
): Correction {
  const at = rowOfUnit(groups, side, unit);
  const row = groups[at]!;
  const other: Side = side === 'original' ? 'translation' : 'original';
  const word = `${SIDE_WORD[side]} ${unitWord(level)}`;
  const own = row[side];
  if (own.length === 1 && row[other].length === 0) {
    if (row.confirmed) refuse(`The ${word} in row ${at + 1} already stands alone, confirmed.`);
    // A lone unit the aligner left unpaired: saying so confirms it.
    const alone = confirmed([...row.original], [...row.translation]);
    return {
      groups: [...groups.slice(0, at), alone, ...groups.slice(at + 1)],
      description: `Confirm that ${word} ${unit + 1} has no counterpart`,
    };
  }
  const first = own[0] === unit;
  const last = own.at(-1) === unit;
  if (!first && !last) {
    refuse(
      `Only the first or last ${word} of row ${at + 1} can be marked as having no ` +
        'counterpart; split the row first.',
    );
  }
  const alone = side === 'original' ? confirmed([unit], []) : confirmed([], [unit]);
  const restOwn = own.filter((u) => u !== unit);
  const rest: AlignmentGroup = {
    original: side === 'original' ? restOwn : [...row.original],
    translation: side === 'translation' ? restOwn : [...row.translation],
    confidence: row.confidence,
    confirmed: false,
  };
  const pair = first ? [alone, rest] : [rest, alone];
  return {
    groups: [...groups.slice(0, at), ...pair, ...groups.slice(at + 1)],
    description: `Mark ${word} ${unit + 1} as having no counterpart`,
  };
}

/** Confirms a row as right (re-alignment keeps it) or takes the confirmation back. */
export function setRowConfirmed(
  groups: readonly AlignmentGroup[],
  at: number,
  value: boolean,
): Correction {
  const row = groups[at];
  if (!row) refuse(`There is no row ${at + 1}.`);
  if (row.confirmed === value) {
    refuse(`Row ${at + 1} is already ${value ? 'confirmed' : 'unconfirmed'}.`);
  }
  const changed: AlignmentGroup = value
    ? confirmed([...row.original], [...row.translation])
    : { ...row, original: [...row.original], translation: [...row.translation], confirmed: false };
  return {
    groups: [...groups.slice(0, at), changed, ...groups.slice(at + 1)],
    description: value ? `Confirm row ${at + 1}` : `Unconfirm row ${at + 1}`,
  };
}
