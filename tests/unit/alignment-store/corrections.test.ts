import { describe, expect, it } from 'vitest';
import {
  findRow,
  markNoCounterpart,
  mergeWithNext,
  moveUnit,
  proposeSplit,
  setRowConfirmed,
  splitRow,
} from '@shared/alignment/corrections';
import { ApiError } from '@shared/api/errors';
import type { AlignmentGroup } from '@shared/model';
import { alignmentProblem } from '../../../src/main/services/alignment';

const row = (original: number[], translation: number[], confidence = 0.9): AlignmentGroup => ({
  original,
  translation,
  confidence,
  confirmed: false,
});
const sure = (original: number[], translation: number[]): AlignmentGroup => ({
  original,
  translation,
  confidence: 1,
  confirmed: true,
});
const shape = (groups: readonly AlignmentGroup[]): string[] =>
  groups.map((g) => `${g.original.join(',')}|${g.translation.join(',')}${g.confirmed ? '✓' : ''}`);

// o0 alone, o1–t0, o2+o3–t1, o4–t2+t3, t4 alone: 5 originals, 5 translations.
const ROWS: AlignmentGroup[] = [
  row([0], [], 0.8),
  row([1], [0]),
  row([2, 3], [1], 0.4),
  row([4], [2, 3]),
  row([], [4], 0.7),
];
const valid = (groups: readonly AlignmentGroup[]): void =>
  expect(alignmentProblem(groups, 5, 5)).toBeNull();

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('invalid_input');
    return (error as ApiError).message;
  }
  throw new Error('expected a refusal');
}

describe('alignment corrections', () => {
  it('merges a row with the next into one confirmed row', () => {
    const { groups, description } = mergeWithNext(ROWS, 1);
    valid(groups);
    expect(shape(groups)).toEqual(['0|', '1,2,3|0,1✓', '4|2,3', '|4']);
    expect(description).toBe('Merge rows 2 and 3');
    // The input is left alone: the caller keeps it for undo.
    expect(shape(ROWS)).toEqual(['0|', '1|0', '2,3|1', '4|2,3', '|4']);
  });

  it('merges a one-sided row into a pair', () => {
    const { groups } = mergeWithNext(ROWS, 0);
    valid(groups);
    expect(shape(groups)[0]).toBe('0,1|0✓');
  });

  it('refuses to merge the last row', () => {
    expect(refusal(() => mergeWithNext(ROWS, 4))).toMatch(/Row 5 is the last row/);
  });

  it('splits a row at a unit boundary into two confirmed rows', () => {
    const { groups, description } = splitRow(ROWS, 2, 1, 1);
    valid(groups);
    expect(shape(groups)).toEqual(['0|', '1|0', '2|1✓', '3|✓', '4|2,3', '|4']);
    expect(description).toBe('Split row 3');
    const other = splitRow(ROWS, 3, 1, 1);
    valid(other.groups);
    expect(shape(other.groups).slice(3, 5)).toEqual(['4|2✓', '|3✓']);
  });

  it('refuses splits that make no sense', () => {
    expect(refusal(() => splitRow(ROWS, 0, 1, 0))).toMatch(/single passage; there is nothing/);
    expect(refusal(() => splitRow(ROWS, 2, 0, 0))).toMatch(/at least one passage in each part/);
    expect(refusal(() => splitRow(ROWS, 2, 2, 1))).toMatch(/at least one passage in each part/);
    expect(refusal(() => splitRow(ROWS, 2, 3, 0))).toMatch(/outside it/);
    expect(refusal(() => splitRow(ROWS, 2, -1, 0))).toMatch(/outside it/);
    expect(refusal(() => splitRow(ROWS, 9, 1, 0))).toMatch(/There is no row 10/);
    expect(refusal(() => splitRow(ROWS, 0, 1, 0, 'sentence'))).toMatch(/single sentence/);
  });

  it('moves a unit up into the row above and down into the row below', () => {
    const up = moveUnit(ROWS, 'original', 2, 'up');
    valid(up.groups);
    expect(shape(up.groups)).toEqual(['0|', '1,2|0✓', '3|1✓', '4|2,3', '|4']);
    expect(up.description).toBe('Move original passage 3 up into row 2');

    const down = moveUnit(ROWS, 'translation', 3, 'down');
    valid(down.groups);
    expect(shape(down.groups)).toEqual(['0|', '1|0', '2,3|1', '4|2✓', '|3,4✓']);
  });

  it('drops a row that a move leaves empty', () => {
    const { groups } = moveUnit(ROWS, 'original', 0, 'down');
    valid(groups);
    expect(shape(groups)).toEqual(['0,1|0✓', '2,3|1', '4|2,3', '|4']);
  });

  it('refuses moves that would break the order of the text', () => {
    expect(refusal(() => moveUnit(ROWS, 'original', 3, 'up'))).toMatch(
      /Only the first original passage of row 3 can move up/,
    );
    expect(refusal(() => moveUnit(ROWS, 'original', 2, 'down'))).toMatch(
      /Only the last original passage of row 3 can move down/,
    );
    expect(refusal(() => moveUnit(ROWS, 'original', 0, 'up'))).toMatch(/Row 1 is the first row/);
    expect(refusal(() => moveUnit(ROWS, 'translation', 4, 'down'))).toMatch(
      /Row 5 is the last row/,
    );
    expect(refusal(() => moveUnit(ROWS, 'translation', 9, 'up'))).toMatch(/no translation unit 10/);
  });

  it('marks a unit as having no counterpart', () => {
    const first = markNoCounterpart(ROWS, 'original', 2);
    valid(first.groups);
    expect(shape(first.groups)).toEqual(['0|', '1|0', '2|✓', '3|1', '4|2,3', '|4']);
    // The rest of the row stays unconfirmed, so that re-alignment may pair it better.
    expect(first.groups[3]).toEqual(row([3], [1], 0.4));

    const last = markNoCounterpart(ROWS, 'translation', 3);
    valid(last.groups);
    expect(shape(last.groups).slice(3, 5)).toEqual(['4|2', '|3✓']);

    const pair = markNoCounterpart(ROWS, 'translation', 0);
    valid(pair.groups);
    expect(shape(pair.groups).slice(1, 3)).toEqual(['|0✓', '1|']);
  });

  it('confirms a unit the aligner left alone, and refuses what makes no sense', () => {
    const { groups, description } = markNoCounterpart(ROWS, 'original', 0);
    expect(shape(groups)[0]).toBe('0|✓');
    expect(description).toMatch(/Confirm that original passage 1 has no counterpart/);
    expect(refusal(() => markNoCounterpart(groups, 'original', 0))).toMatch(/already stands alone/);
    const three = [row([0, 1, 2], [0]), row([3, 4], [1, 2, 3, 4])];
    expect(refusal(() => markNoCounterpart(three, 'original', 1))).toMatch(
      /Only the first or last original passage of row 1/,
    );
  });

  it('confirms and unconfirms a row', () => {
    const on = setRowConfirmed(ROWS, 2, true);
    expect(on.groups[2]).toEqual(sure([2, 3], [1]));
    const off = setRowConfirmed(on.groups, 2, false);
    expect(off.groups[2]!.confirmed).toBe(false);
    expect(refusal(() => setRowConfirmed(on.groups, 2, true))).toMatch(/already confirmed/);
  });

  it('finds a row by its contents and notices when the alignment changed', () => {
    expect(findRow(ROWS, { original: [2, 3], translation: [1] })).toBe(2);
    expect(refusal(() => findRow(ROWS, { original: [2], translation: [1] }))).toMatch(
      /no longer in the alignment/,
    );
  });

  it('proposes where to split by the share of characters', () => {
    const rows = [row([0, 1], [0, 1, 2])];
    const lengths = {
      original: (u: number) => [100, 100][u] ?? 0,
      translation: (u: number) => [90, 20, 110][u] ?? 0,
    };
    expect(proposeSplit(rows, 0, 'original', 1, lengths)).toEqual({ original: 1, translation: 2 });
    expect(proposeSplit(rows, 0, 'translation', 2, lengths)).toEqual({
      original: 1,
      translation: 2,
    });
    expect(refusal(() => proposeSplit(rows, 0, 'original', 0, lengths))).toMatch(
      /first original passage of row 1: choose a later one/,
    );
  });
});
