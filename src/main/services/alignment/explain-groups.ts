// The evidence behind rows that already exist (stored, corrected, confirmed): the reader shows
// what made each row, and the rows were not necessarily made by the aligner in this session.
// The same model as align.ts prices them: lengths calibrated on the rows' own 1–1 pairs, and a
// lexicon learned from the rows themselves together with the library's, each row's own links
// left out of its evidence.

import type { AlignmentGroup } from '@shared/model';
import { lexiconEvidence, type RowEvidence } from './align';
import { CostModel } from './cost-model';
import { FeatureTables } from './features';
import { calibrateLengthParams, initialLengthParams } from './length-model';
import type { TrainingPair } from './lexicon';
import type { AlignOptions } from './types';

function consecutive(indexes: readonly number[]): boolean {
  return indexes.every((k, i) => i === 0 || k === (indexes[i - 1] ?? 0) + 1);
}

/** The evidence of every pairing row of `groups` (null for lone units and odd rows). */
export function explainGroups(
  original: readonly string[],
  translation: readonly string[],
  groups: readonly AlignmentGroup[],
  options: AlignOptions,
): (RowEvidence | null)[] {
  if (original.length === 0 || translation.length === 0) return groups.map(() => null);
  const tables = new FeatureTables(
    original,
    translation,
    options.originalLang,
    options.translationLang,
  );
  const pairs: TrainingPair[] = [];
  const lengthsO: number[] = [];
  const lengthsT: number[] = [];
  for (const group of groups) {
    const i0 = group.original[0];
    const j0 = group.translation[0];
    if (i0 === undefined || j0 === undefined) continue;
    if (!consecutive(group.original) || !consecutive(group.translation)) continue;
    pairs.push({
      o0: i0,
      o1: i0 + group.original.length,
      t0: j0,
      t1: j0 + group.translation.length,
    });
    if (group.original.length === 1 && group.translation.length === 1) {
      lengthsO.push(tables.original.length[i0] ?? 0);
      lengthsT.push(tables.translation.length[j0] ?? 0);
    }
  }
  const params = calibrateLengthParams(initialLengthParams(tables), lengthsO, lengthsT);
  const model = new CostModel(tables, params);
  model.useWords(lexiconEvidence(tables, pairs, options).words);
  // The rows trained that lexicon: a row's evidence counts none of the links it alone taught.
  model.discountOwnLinks();
  return groups.map((group) => {
    const i0 = group.original[0];
    const j0 = group.translation[0];
    if (i0 === undefined || j0 === undefined) return null;
    if (!consecutive(group.original) || !consecutive(group.translation)) return null;
    return model.evidence(i0, group.original.length, j0, group.translation.length);
  });
}
