// The band of the alignment lattice that the dynamic programme searches: for each row i (the
// number of originals consumed), the columns j (translations consumed) whose cells exist. A band
// around the expected diagonal keeps time and memory linear in the length of the text.

/** Which cells exist: for row i (originals consumed), columns lo[i]..hi[i] inclusive. */
export interface Band {
  rows: number;
  columns: number;
  lo: Int32Array;
  hi: Int32Array;
  /** Flat index of (i, lo[i]); offset[rows + 1] is the number of cells. */
  offset: Int32Array;
  width: number;
  /** True when the band is the whole lattice, so it cannot be too narrow. */
  full: boolean;
}

/** The best path: cells (i, j) in order from (0, 0) to (n, m) and the move into each. */
export interface LatticePath {
  cellI: Int32Array;
  cellJ: Int32Array;
  /** moves[p] leads from cell p to cell p + 1. */
  moves: Uint8Array;
}

/**
 * Makes a usable band from raw row limits: clamped, monotone (so every monotone path fits) and
 * connected (each row overlaps the previous one, so (n, m) is reachable from (0, 0)).
 */
export function makeBand(
  rawLo: ArrayLike<number>,
  rawHi: ArrayLike<number>,
  columns: number,
): Band {
  const rows = rawLo.length - 1;
  const lo = new Int32Array(rows + 1);
  const hi = new Int32Array(rows + 1);
  for (let i = 0; i <= rows; i++) {
    lo[i] = Math.min(Math.max(rawLo[i] ?? 0, 0), columns);
    hi[i] = Math.min(Math.max(rawHi[i] ?? columns, 0), columns);
  }
  lo[0] = 0;
  hi[rows] = columns;
  for (let i = rows - 1; i >= 0; i--) lo[i] = Math.min(lo[i] ?? 0, lo[i + 1] ?? 0);
  for (let i = 1; i <= rows; i++) hi[i] = Math.max(hi[i] ?? 0, hi[i - 1] ?? 0);
  for (let i = 1; i <= rows; i++) lo[i] = Math.min(lo[i] ?? 0, hi[i - 1] ?? 0);
  for (let i = 0; i <= rows; i++) hi[i] = Math.max(hi[i] ?? 0, lo[i] ?? 0);
  const offset = new Int32Array(rows + 2);
  let width = 0;
  let full = true;
  for (let i = 0; i <= rows; i++) {
    const rowWidth = (hi[i] ?? 0) - (lo[i] ?? 0) + 1;
    offset[i + 1] = (offset[i] ?? 0) + rowWidth;
    width = Math.max(width, rowWidth);
    if (rowWidth !== columns + 1) full = false;
  }
  return { rows, columns, lo, hi, offset, width, full };
}

/** The whole lattice. */
export function fullBand(rows: number, columns: number): Band {
  return makeBand(new Int32Array(rows + 1), new Int32Array(rows + 1).fill(columns), columns);
}

/**
 * A band of ±halfWidth around the diagonal implied by cumulative lengths: original i is
 * expected where the translation has covered the same share of its characters.
 */
export function diagonalBand(
  lengthO: ArrayLike<number>,
  lengthT: ArrayLike<number>,
  halfWidth: number,
): Band {
  const rows = lengthO.length;
  const columns = lengthT.length;
  // +1 per segment so that empty segments still advance the diagonal.
  let totalO = 0;
  for (let i = 0; i < rows; i++) totalO += (lengthO[i] ?? 0) + 1;
  let totalT = 0;
  for (let j = 0; j < columns; j++) totalT += (lengthT[j] ?? 0) + 1;
  const lo = new Int32Array(rows + 1);
  const hi = new Int32Array(rows + 1);
  let cumO = 0;
  let cumT = 0;
  let j = 0;
  for (let i = 0; i <= rows; i++) {
    const target = totalO > 0 ? (cumO / totalO) * totalT : 0;
    while (j < columns && cumT + ((lengthT[j] ?? 0) + 1) / 2 < target) {
      cumT += (lengthT[j] ?? 0) + 1;
      j++;
    }
    lo[i] = j - halfWidth;
    hi[i] = j + halfWidth;
    cumO += (lengthO[i] ?? 0) + 1;
  }
  return makeBand(lo, hi, columns);
}

/** A band of ±halfWidth around a previous path (rows the path jumps over are interpolated). */
export function bandAroundPath(
  path: LatticePath,
  rows: number,
  columns: number,
  halfWidth: number,
): Band {
  const lo = new Int32Array(rows + 1).fill(-1);
  const hi = new Int32Array(rows + 1).fill(-1);
  for (let p = 0; p < path.cellI.length; p++) {
    const i = path.cellI[p] ?? 0;
    const j = path.cellJ[p] ?? 0;
    if ((lo[i] ?? -1) < 0) lo[i] = j;
    hi[i] = j;
  }
  for (let i = 1; i <= rows; i++) {
    if ((lo[i] ?? -1) < 0) {
      lo[i] = hi[i - 1] ?? 0;
      hi[i] = hi[i - 1] ?? 0;
    }
  }
  for (let i = 0; i <= rows; i++) {
    lo[i] = (lo[i] ?? 0) - halfWidth;
    hi[i] = (hi[i] ?? 0) + halfWidth;
  }
  return makeBand(lo, hi, columns);
}

/** Whether the path runs within `margin` cells of an inner edge of the band. */
export function touchesEdge(band: Band, path: LatticePath, margin: number): boolean {
  if (band.full) return false;
  for (let p = 0; p < path.cellI.length; p++) {
    const i = path.cellI[p] ?? 0;
    const j = path.cellJ[p] ?? 0;
    const lo = band.lo[i] ?? 0;
    const hi = band.hi[i] ?? 0;
    if ((lo > 0 && j - lo < margin) || (hi < band.columns && hi - j < margin)) return true;
  }
  return false;
}
