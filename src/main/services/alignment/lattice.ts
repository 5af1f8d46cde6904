// Banded dynamic programme over the alignment lattice. Cell (i, j) means "the first i originals
// and the first j translations are aligned"; a move of shape k from cell (i − di, j − dj) to
// (i, j) is one group. Only cells inside a band around the expected diagonal exist, so time and
// memory grow with (length × band width) rather than length².
//
// Memory: costs are kept for four rows at a time; the band stores one byte per cell (the best
// move into it), plus, in the posterior pass, the soft forward cost and the six move costs of
// every cell, which is affordable because that pass runs in a narrow band. The band itself is
// built in band.ts.

import {
  MOVE_COUNT,
  MOVE_ONE_TO_ONE,
  MOVE_ORIGINAL_ONLY,
  MOVE_ORIGINALS,
  MOVE_TRANSLATION_ONLY,
  MOVE_TRANSLATIONS,
  type CostModel,
} from './cost-model';
import type { Band, LatticePath } from './band';

const NO_MOVE = 255;
// Rows of costs kept at a time: a move consumes at most three originals.
const RING = 4;

function traceBack(band: Band, back: Uint8Array): LatticePath {
  const cellsI: number[] = [];
  const cellsJ: number[] = [];
  const moves: number[] = [];
  let i = band.rows;
  let j = band.columns;
  cellsI.push(i);
  cellsJ.push(j);
  while (i > 0 || j > 0) {
    const move = back[(band.offset[i] ?? 0) + j - (band.lo[i] ?? 0)] ?? NO_MOVE;
    if (move === NO_MOVE) throw new Error('alignment lattice: end cell unreachable');
    i -= MOVE_ORIGINALS[move] ?? 0;
    j -= MOVE_TRANSLATIONS[move] ?? 0;
    moves.push(move);
    cellsI.push(i);
    cellsJ.push(j);
  }
  return {
    cellI: Int32Array.from(cellsI.reverse()),
    cellJ: Int32Array.from(cellsJ.reverse()),
    moves: Uint8Array.from(moves.reverse()),
  };
}

/**
 * Forward sweep over the first `moveCount` move shapes: best (Viterbi) cost with back pointers,
 * and optionally the soft-min (log-sum-exp) cost of all paths into every cell at the given
 * temperature, and the cost of every move into every cell (so the backward sweep need not
 * price them again).
 */
function forward(
  band: Band,
  model: CostModel,
  moveCount: number,
  soft: Float64Array | null,
  temperature: number,
  moveCosts: Float32Array | null,
): Uint8Array {
  const { rows, lo, hi, offset, width } = band;
  const back = new Uint8Array(offset[rows + 1] ?? 0).fill(NO_MOVE);
  const best = Array.from({ length: RING }, () => new Float64Array(width));
  const candidates = new Float64Array(MOVE_COUNT);
  for (let i = 0; i <= rows; i++) {
    const row = best[i % RING] ?? new Float64Array(0);
    const rowLo = lo[i] ?? 0;
    const rowHi = hi[i] ?? 0;
    const rowOffset = offset[i] ?? 0;
    for (let j = rowLo; j <= rowHi; j++) {
      if (i === 0 && j === 0) {
        row[0] = 0;
        if (soft !== null) soft[rowOffset] = 0;
        continue;
      }
      let bestCost = Infinity;
      let bestMove = NO_MOVE;
      let softMin = Infinity;
      for (let k = 0; k < moveCount; k++) {
        candidates[k] = Infinity;
        const pi = i - (MOVE_ORIGINALS[k] ?? 0);
        const pj = j - (MOVE_TRANSLATIONS[k] ?? 0);
        if (pi < 0 || pj < 0) continue;
        const pLo = lo[pi] ?? 0;
        if (pj < pLo || pj > (hi[pi] ?? 0)) continue;
        const previous = (best[pi % RING] ?? row)[pj - pLo] ?? Infinity;
        if (previous === Infinity) continue;
        const cost = model.move(k, i, j);
        if (moveCosts !== null) moveCosts[(rowOffset + j - rowLo) * MOVE_COUNT + k] = cost;
        const total = previous + cost;
        if (total < bestCost) {
          bestCost = total;
          bestMove = k;
        }
        if (soft !== null) {
          const softTotal = (soft[(offset[pi] ?? 0) + pj - pLo] ?? Infinity) + cost;
          candidates[k] = softTotal;
          if (softTotal < softMin) softMin = softTotal;
        }
      }
      row[j - rowLo] = bestCost;
      back[rowOffset + j - rowLo] = bestMove;
      if (soft !== null) {
        let sum = 0;
        if (softMin < Infinity) {
          for (let k = 0; k < moveCount; k++) {
            const value = candidates[k] ?? Infinity;
            if (value < Infinity) sum += Math.exp((softMin - value) / temperature);
          }
        }
        soft[rowOffset + j - rowLo] =
          softMin < Infinity ? softMin - temperature * Math.log(sum) : Infinity;
      }
    }
  }
  return back;
}

/**
 * The anchor pass: the cheapest path using only 1–1 (priced by `anchorPairCost`), 1–0 and 0–1
 * moves. Written out move by move because it runs over the widest band.
 */
export function anchorPath(band: Band, model: CostModel): LatticePath {
  const { rows, lo, hi, offset, width } = band;
  const back = new Uint8Array(offset[rows + 1] ?? 0).fill(NO_MOVE);
  const skipO = model.skipOriginal;
  const skipT = model.skipTranslation;
  let previous = new Float64Array(width).fill(Infinity);
  let current = new Float64Array(width);
  let previousLo = 0;
  let previousHi = -1;
  for (let i = 0; i <= rows; i++) {
    const rowLo = lo[i] ?? 0;
    const rowHi = hi[i] ?? 0;
    const rowOffset = offset[i] ?? 0;
    const skipThisOriginal = i > 0 ? (skipO[i - 1] ?? 0) : Infinity;
    for (let j = rowLo; j <= rowHi; j++) {
      const column = j - rowLo;
      if (i === 0 && j === 0) {
        current[0] = 0;
        continue;
      }
      let best = Infinity;
      let move = NO_MOVE;
      if (j - 1 >= previousLo && j - 1 <= previousHi) {
        const before = previous[j - 1 - previousLo] ?? Infinity;
        if (before < Infinity) {
          best = before + model.anchorPairCost(i - 1, j - 1);
          move = MOVE_ONE_TO_ONE;
        }
      }
      if (j >= previousLo && j <= previousHi) {
        const candidate = (previous[j - previousLo] ?? Infinity) + skipThisOriginal;
        if (candidate < best) {
          best = candidate;
          move = MOVE_ORIGINAL_ONLY;
        }
      }
      if (column > 0) {
        const candidate = (current[column - 1] ?? Infinity) + (skipT[j - 1] ?? 0);
        if (candidate < best) {
          best = candidate;
          move = MOVE_TRANSLATION_ONLY;
        }
      }
      current[column] = best;
      back[rowOffset + column] = move;
    }
    [previous, current] = [current, previous];
    previousLo = rowLo;
    previousHi = rowHi;
  }
  return traceBack(band, back);
}

/** The cheapest path through the band (Viterbi) using the first `moveCount` move shapes. */
export function bestPath(band: Band, model: CostModel, moveCount = MOVE_COUNT): LatticePath {
  return traceBack(band, forward(band, model, moveCount, null, 1, null));
}

/**
 * The cheapest path and, for each of its moves, a posterior probability under the distribution
 * exp(−cost / temperature) over all paths in the band: for a pairing group, the probability
 * that an alignment contains that very group; for a lone segment, the probability that the
 * segment is unpaired (summed over positions, since where a lone segment sits among other lone
 * segments is arbitrary).
 */
export function bestPathWithPosteriors(
  band: Band,
  model: CostModel,
  temperature: number,
  moveCount = MOVE_COUNT,
): { path: LatticePath; posterior: Float64Array } {
  const { rows, columns, lo, hi, offset, width } = band;
  const cells = offset[rows + 1] ?? 0;
  const softForward = new Float64Array(cells);
  const moveCosts = new Float32Array(cells * MOVE_COUNT).fill(Infinity);
  const path = traceBack(
    band,
    forward(band, model, moveCount, softForward, temperature, moveCosts),
  );
  const total = softForward[(offset[rows] ?? 0) + columns - (lo[rows] ?? 0)] ?? 0;

  // Backward sweep in reverse cell order, keeping three rows of soft costs to the end and
  // recording them at the path's cells (visited in the same reverse order).
  const softBackward = new Float64Array(path.cellI.length);
  const rowsBack = Array.from({ length: RING }, () => new Float64Array(width));
  const candidates = new Float64Array(MOVE_COUNT);
  const unpairedO = new Float64Array(rows);
  const unpairedT = new Float64Array(columns);
  let pointer = path.cellI.length - 1;
  for (let i = rows; i >= 0; i--) {
    const row = rowsBack[i % RING] ?? new Float64Array(0);
    const rowLo = lo[i] ?? 0;
    for (let j = hi[i] ?? 0; j >= rowLo; j--) {
      let value: number;
      if (i === rows && j === columns) {
        value = 0;
      } else {
        let softMin = Infinity;
        for (let k = 0; k < moveCount; k++) {
          candidates[k] = Infinity;
          const ni = i + (MOVE_ORIGINALS[k] ?? 0);
          const nj = j + (MOVE_TRANSLATIONS[k] ?? 0);
          if (ni > rows || nj > columns) continue;
          const nLo = lo[ni] ?? 0;
          if (nj < nLo || nj > (hi[ni] ?? 0)) continue;
          const next = (rowsBack[ni % RING] ?? row)[nj - nLo] ?? Infinity;
          if (next === Infinity) continue;
          const cost = moveCosts[((offset[ni] ?? 0) + nj - nLo) * MOVE_COUNT + k] ?? Infinity;
          if (cost === Infinity) continue;
          const candidate = next + cost;
          candidates[k] = candidate;
          if (candidate < softMin) softMin = candidate;
        }
        let sum = 0;
        if (softMin < Infinity) {
          for (let k = 0; k < moveCount; k++) {
            const candidate = candidates[k] ?? Infinity;
            if (candidate < Infinity) sum += Math.exp((softMin - candidate) / temperature);
          }
        }
        value = softMin < Infinity ? softMin - temperature * Math.log(sum) : Infinity;
        const into = softForward[(offset[i] ?? 0) + j - rowLo] ?? Infinity;
        if (into < Infinity) {
          const skipO = candidates[MOVE_ORIGINAL_ONLY] ?? Infinity;
          const skipT = candidates[MOVE_TRANSLATION_ONLY] ?? Infinity;
          if (skipO < Infinity)
            unpairedO[i] = (unpairedO[i] ?? 0) + Math.exp(-(into + skipO - total) / temperature);
          if (skipT < Infinity)
            unpairedT[j] = (unpairedT[j] ?? 0) + Math.exp(-(into + skipT - total) / temperature);
        }
      }
      row[j - rowLo] = value;
      if (pointer >= 0 && path.cellI[pointer] === i && path.cellJ[pointer] === j) {
        softBackward[pointer] = value;
        pointer--;
      }
    }
  }

  const posterior = new Float64Array(path.moves.length);
  for (let p = 0; p < path.moves.length; p++) {
    const i = path.cellI[p] ?? 0;
    const j = path.cellJ[p] ?? 0;
    const move = path.moves[p] ?? 0;
    if (move === MOVE_ORIGINAL_ONLY || move === MOVE_TRANSLATION_ONLY) {
      const unpaired = move === MOVE_ORIGINAL_ONLY ? unpairedO[i] : unpairedT[j];
      posterior[p] = Math.min(1, unpaired ?? 0);
      continue;
    }
    const into = softForward[(offset[i] ?? 0) + j - (lo[i] ?? 0)] ?? Infinity;
    const ni = path.cellI[p + 1] ?? 0;
    const nj = path.cellJ[p + 1] ?? 0;
    const cost =
      moveCosts[((offset[ni] ?? 0) + nj - (lo[ni] ?? 0)) * MOVE_COUNT + move] ?? Infinity;
    const logPosterior = -(into + cost + (softBackward[p + 1] ?? 0) - total) / temperature;
    posterior[p] = Math.min(1, Math.exp(logPosterior));
  }
  return { path, posterior };
}
