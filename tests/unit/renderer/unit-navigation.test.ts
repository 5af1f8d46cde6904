import { describe, expect, it } from 'vitest';
import { rowsOfUnits, type AlignmentView } from '@shared/alignment/view';
import type { AlignmentGroup } from '@shared/model';
import { unitAfterKey } from '../../../src/renderer/src/features/alignment/unit-navigation';

const row = (original: number[], translation: number[]): AlignmentGroup => ({
  original,
  translation,
  confidence: 1,
  confirmed: false,
});
const units = (n: number) =>
  Array.from({ length: n }, (_, k) => ({ passage: k, start: 0, end: 1 }));
// English header lines first, then pairs, then a Russian line alone.
const groups = [row([], [0]), row([], [1]), row([0], [2]), row([1, 2], [3]), row([3], [])];
const view: AlignmentView = {
  recordId: 'r',
  level: 'paragraph',
  original: { lang: 'ru', passages: [], units: units(4) },
  translation: { lang: 'en', passages: [], units: units(4) },
  groups,
  notes: [],
  evidence: [],
};
const rows = rowsOfUnits(groups, { original: 4, translation: 4 });
const go = (side: 'original' | 'translation', unit: number, key: string) =>
  unitAfterKey(view, rows, { side, unit }, key);

describe('moving between units with the keyboard', () => {
  it('goes up and down a column, stopping at its ends', () => {
    expect(go('original', 1, 'ArrowDown')).toEqual({ side: 'original', unit: 2 });
    expect(go('original', 3, 'ArrowDown')).toEqual({ side: 'original', unit: 3 });
    expect(go('translation', 0, 'ArrowUp')).toEqual({ side: 'translation', unit: 0 });
    expect(go('translation', 1, 'End')).toEqual({ side: 'translation', unit: 3 });
    expect(go('original', 3, 'Home')).toEqual({ side: 'original', unit: 0 });
    expect(go('original', 0, 'PageDown')).toEqual({ side: 'original', unit: 3 });
  });

  it('goes across to the counterpart, or to the nearest row that has one', () => {
    expect(go('original', 2, 'ArrowRight')).toEqual({ side: 'translation', unit: 3 });
    expect(go('translation', 3, 'ArrowLeft')).toEqual({ side: 'original', unit: 1 });
    expect(go('translation', 0, 'ArrowLeft')).toEqual({ side: 'original', unit: 0 });
    expect(go('original', 3, 'ArrowRight')).toEqual({ side: 'translation', unit: 3 });
    expect(go('original', 1, 'ArrowLeft')).toBeNull();
  });

  it('leaves other keys alone', () => {
    expect(go('original', 1, 'm')).toBeUndefined();
  });
});
