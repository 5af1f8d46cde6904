// Aligns two sequences of segments (paragraphs or sentences) of a text and its translation.
//
// Approach, in two banded passes over the lattice of lattice.ts (bands from band.ts):
//  1. Anchor pass. A band of ±w cells around the diagonal implied by cumulative character
//     lengths, w = 10 + 0.15·√N, with the length ratio of the input's prose lines and Gale &
//     Church's variance. Only 1–1, 1–0 and 0–1 moves, priced by length, numbers and
//     one-sidedness: this pass only has to find the rough course of the path. Whenever the best
//     path runs along the band's edge (the band may be cutting off the true path, e.g. after a
//     long omission) the band is doubled and the pass repeated.
//  2. Calibrated pass. The ratio and variance are re-estimated from the anchor pass's 1–1 pairs,
//     and the final path is computed with all six group shapes and all the evidence in a narrow
//     band (±5, widened the same way) around the anchor path, together with the posterior
//     probability of each chosen group.
// Both passes touch O(N·w) cells, so time and memory grow linearly with the length of the text;
// widening stops at a fixed number of cells so that two unrelated texts cannot exhaust memory.
// Inputs of up to FULL_LATTICE_CELLS cells skip the band and use the full model in both passes.
//
// Confidence of a group = its posterior probability (how much of the probability mass of all
// alignments in the band agrees on it) × a fit factor: low for a pair whose own lengths, numbers
// and names disagree even when no better partner exists, and 0.6 for a line of prose left
// unpaired (an unpaired header or editorial mark is expected and keeps its posterior).

import type { AlignmentGroup } from '@shared/model';
import { CostModel, MOVE_ONE_TO_ONE, MOVE_ORIGINALS, MOVE_TRANSLATIONS } from './cost-model';
import { calibrateLengthParams, initialLengthParams, type LengthParams } from './length-model';
import { FeatureTables } from './features';
import {
  bandAroundPath,
  diagonalBand,
  fullBand,
  touchesEdge,
  type Band,
  type LatticePath,
} from './band';
import { anchorPath, bestPath, bestPathWithPosteriors } from './lattice';
import type { AlignOptions } from './types';

// Lattices up to this many cells are searched whole.
const FULL_LATTICE_CELLS = 40_000;
// Widening stops before a band exceeds these sizes: the anchor pass keeps 1 byte per cell, the
// calibrated pass about 33 bytes (back pointer, soft forward cost, six move costs).
const MAX_ANCHOR_CELLS = 32_000_000;
const MAX_CALIBRATED_CELLS = 2_000_000;
const CALIBRATED_HALF_WIDTH = 5;
const EDGE_MARGIN = 2;
const TEMPERATURE = 1;
// Fit of a pairing group: logistic in its misfit (nats), one half at FIT_CENTRE.
const FIT_CENTRE = 3;
const FIT_SCALE = 0.8;

// The cumulative-length diagonal drifts from the true path like a random walk pinned at both
// ends, so the first band grows with √N; a path that reaches its edge makes it double.
function initialHalfWidth(rows: number, columns: number): number {
  return 10 + Math.ceil(0.15 * Math.sqrt(Math.max(rows, columns)));
}

const cellsOf = (band: Band): number => band.offset[band.rows + 1] ?? 0;

/**
 * Runs `search` in ever wider bands until its path keeps clear of the band's edges, the band
 * covers the whole lattice, or a wider band would exceed `maxCells`.
 */
function searchWithWidening<T extends { path: LatticePath }>(
  makeBandOf: (halfWidth: number) => Band,
  halfWidth: number,
  maxCells: number,
  search: (band: Band) => T,
): T & { halfWidth: number; cells: number } {
  let width = halfWidth;
  let band = makeBandOf(width);
  for (;;) {
    const result = search(band);
    const done = { ...result, halfWidth: band.full ? 0 : width, cells: cellsOf(band) };
    if (band.full || !touchesEdge(band, result.path, EDGE_MARGIN)) return done;
    const wider = makeBandOf(width * 2);
    if (cellsOf(wider) > maxCells) return done;
    width *= 2;
    band = wider;
  }
}

function oneToOneLengths(path: LatticePath, tables: FeatureTables): { o: number[]; t: number[] } {
  const o: number[] = [];
  const t: number[] = [];
  for (let p = 0; p < path.moves.length; p++) {
    if (path.moves[p] !== MOVE_ONE_TO_ONE) continue;
    const i = path.cellI[p] ?? 0;
    const j = path.cellJ[p] ?? 0;
    if ((tables.original.oneSided[i] ?? 0) >= 0.5 || (tables.translation.oneSided[j] ?? 0) >= 0.5)
      continue;
    o.push(tables.original.length[i] ?? 0);
    t.push(tables.translation.length[j] ?? 0);
  }
  return { o, t };
}

function range(start: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => start + k);
}

function round(value: number): number {
  return Math.round(Math.min(Math.max(value, 0), 1) * 1000) / 1000;
}

function fitOf(model: CostModel, move: number, i0: number, j0: number): number {
  const di = MOVE_ORIGINALS[move] ?? 0;
  const dj = MOVE_TRANSLATIONS[move] ?? 0;
  if (di === 0 || dj === 0) {
    // An unpaired header is expected; an unpaired line of prose deserves a look.
    const tables = model.tables;
    const oneSided =
      di === 0 ? (tables.translation.oneSided[j0] ?? 0) : (tables.original.oneSided[i0] ?? 0);
    return Math.min(1, 0.6 + 0.8 * oneSided);
  }
  const misfit = model.misfit(move, i0 + di, j0 + dj);
  return 1 / (1 + Math.exp((misfit - FIT_CENTRE) / FIT_SCALE));
}

/** One group per segment of a side, as when the other side is empty. */
function unpairedGroups(originalCount: number, translationCount: number): AlignmentGroup[] {
  return [
    ...range(0, originalCount).map((i) => ({
      original: [i],
      translation: [],
      confidence: 1,
      confirmed: false,
    })),
    ...range(0, translationCount).map((j) => ({
      original: [],
      translation: [j],
      confidence: 1,
      confirmed: false,
    })),
  ];
}

/** What the aligner settled on for one input (for tests, benchmarks and debugging). */
export interface AlignmentDiagnostics {
  initial: LengthParams;
  calibrated: LengthParams;
  /** Half-widths of the bands finally used; 0 when the whole lattice was searched. */
  anchorHalfWidth: number;
  finalHalfWidth: number;
  /** Lattice cells visited by the final pass. */
  finalCells: number;
}

/**
 * Aligns `original` with `translation` (segments of the same granularity) and returns groups
 * of 1–1, 1–2, 2–1, 2–2, 1–0 and 0–1 segments, in order, covering every index exactly once,
 * each with a confidence in 0..1 and `confirmed: false`.
 */
export function alignSequences(
  original: readonly string[],
  translation: readonly string[],
  options: AlignOptions,
  diagnostics?: (info: AlignmentDiagnostics) => void,
): AlignmentGroup[] {
  const rows = original.length;
  const columns = translation.length;
  if (rows === 0 || columns === 0) return unpairedGroups(rows, columns);

  const tables = new FeatureTables(
    original,
    translation,
    options.originalLang,
    options.translationLang,
  );
  const small = (rows + 1) * (columns + 1) <= FULL_LATTICE_CELLS;
  const initial = initialLengthParams(tables);
  const anchorModel = new CostModel(tables, initial, !small);
  const anchorSearch = searchWithWidening(
    (width) =>
      small
        ? fullBand(rows, columns)
        : diagonalBand(tables.original.length, tables.translation.length, width),
    initialHalfWidth(rows, columns),
    MAX_ANCHOR_CELLS,
    // A large text's anchor pass needs only the rough course of the path: 1–1, 1–0 and 0–1
    // moves priced without names suffice. A small one gets the full model in the full lattice.
    (band) => ({ path: small ? bestPath(band, anchorModel) : anchorPath(band, anchorModel) }),
  );
  const anchor = anchorSearch.path;

  const lengths = oneToOneLengths(anchor, tables);
  const calibrated = calibrateLengthParams(initial, lengths.o, lengths.t);
  const model = new CostModel(tables, calibrated);
  const final = searchWithWidening(
    (width) => (small ? fullBand(rows, columns) : bandAroundPath(anchor, rows, columns, width)),
    CALIBRATED_HALF_WIDTH,
    MAX_CALIBRATED_CELLS,
    (band) => {
      model.useBand(band);
      return bestPathWithPosteriors(band, model, TEMPERATURE);
    },
  );
  model.useBand(null);
  const { path, posterior } = final;
  diagnostics?.({
    initial,
    calibrated,
    anchorHalfWidth: anchorSearch.halfWidth,
    finalHalfWidth: final.halfWidth,
    finalCells: final.cells,
  });

  const groups: AlignmentGroup[] = [];
  for (let p = 0; p < path.moves.length; p++) {
    const move = path.moves[p] ?? 0;
    const i0 = path.cellI[p] ?? 0;
    const j0 = path.cellJ[p] ?? 0;
    groups.push({
      original: range(i0, MOVE_ORIGINALS[move] ?? 0),
      translation: range(j0, MOVE_TRANSLATIONS[move] ?? 0),
      confidence: round((posterior[p] ?? 0) * fitOf(model, move, i0, j0)),
      confirmed: false,
    });
  }
  return groups;
}
