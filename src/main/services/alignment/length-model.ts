// The Gale–Church length model: translation length ≈ ratio × original length, with a variance
// proportional to length, both estimated from the input itself.

import type { FeatureTables, SideFeatures } from './features';

/** Gale & Church's variance of translation length per character. */
export const DEFAULT_VARIANCE = 6.8;

/** Length model: translation length ≈ ratio × original length, variance ∝ length. */
export interface LengthParams {
  ratio: number;
  variance: number;
}

// -ln(2·(1 − Φ(z))) tabulated for z in [0, TABLE_MAX) at TABLE_STEP.
const TABLE_STEP = 0.01;
const TABLE_MAX = 12;
const INVERSE_TABLE_STEP = 1 / TABLE_STEP;
const TAIL_COST = buildTailTable();

function erfc(x: number): number {
  // Numerical Recipes' Chebyshev approximation, relative error below 1.2e-7.
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

function buildTailTable(): Float64Array {
  const size = Math.ceil(TABLE_MAX / TABLE_STEP) + 1;
  const table = new Float64Array(size);
  for (let k = 0; k < size; k++) {
    const z = k * TABLE_STEP;
    table[k] = -Math.log(Math.max(erfc(z / Math.SQRT2), 1e-300));
  }
  return table;
}

/** -ln P(|Z| ≥ z) for a standard normal Z: the Gale–Church length cost of a deviation z. */
export function twoTailCost(z: number): number {
  const x = Math.abs(z);
  if (x < TABLE_MAX) return TAIL_COST[Math.round(x * INVERSE_TABLE_STEP)] ?? 0;
  return (x * x) / 2 + Math.log(x) + 0.5 * Math.log(Math.PI / 2);
}

/** Gale–Church length cost for fixed parameters, with the constants of the formula hoisted. */
export class LengthScorer {
  private readonly ratio: number;
  private readonly inverseRatio: number;
  private readonly inverseSd: number;

  constructor(params: LengthParams) {
    this.ratio = params.ratio;
    this.inverseRatio = 1 / params.ratio;
    this.inverseSd = 1 / Math.sqrt(params.variance);
  }

  /** The deviation z = (l2 − ratio·l1) / √(variance · mean length), signed. */
  z(l1: number, l2: number): number {
    const mean = (l1 + l2 * this.inverseRatio) * 0.5;
    return ((l2 - this.ratio * l1) * this.inverseSd) / Math.sqrt(mean > 1 ? mean : 1);
  }

  /**
   * -ln P(|Z| ≥ |z|) for z = (l2 − ratio·l1) / √(variance · mean length), the cost of pairing
   * l1 original characters with l2 translation characters.
   */
  cost(l1: number, l2: number): number {
    const mean = (l1 + l2 * this.inverseRatio) * 0.5;
    const z = (Math.abs(l2 - this.ratio * l1) * this.inverseSd) / Math.sqrt(mean > 1 ? mean : 1);
    const index = (z * INVERSE_TABLE_STEP + 0.5) | 0;
    return index < TAIL_COST.length ? (TAIL_COST[index] ?? 0) : twoTailCost(z);
  }
}

/** Length ratio from the totals of lines that do not look one-sided (all lines if none). */
export function initialLengthParams(tables: FeatureTables): LengthParams {
  const sum = (side: SideFeatures, prose: boolean): number => {
    let total = 0;
    for (let i = 0; i < side.count; i++) {
      if (!prose || (side.oneSided[i] ?? 0) < 0.5) total += side.length[i] ?? 0;
    }
    return total;
  };
  let lengthO = sum(tables.original, true);
  let lengthT = sum(tables.translation, true);
  if (lengthO === 0 || lengthT === 0) {
    lengthO = sum(tables.original, false);
    lengthT = sum(tables.translation, false);
  }
  const ratio = lengthO > 0 && lengthT > 0 ? lengthT / lengthO : 1;
  return { ratio: Math.min(Math.max(ratio, 0.2), 5), variance: DEFAULT_VARIANCE };
}

// Calibration shrinks the measured variance towards Gale & Church's value with the weight of
// this many pairs, so that a short text cannot talk itself into an extreme model.
const PRIOR_PAIRS = 20;
const MIN_VARIANCE = 1.5;
const MAX_VARIANCE = 40;

/**
 * Re-estimates ratio and variance from presumed 1–1 pairs (lists of lengths). Pairs beyond
 * three standard deviations of the current model are discarded, and the variance comes from the
 * median absolute deviation of the normalised residuals, so that the odd wrong pair (the anchor
 * pass forces 2–1 groups into 1–1 + 1–0) cannot inflate it.
 */
export function calibrateLengthParams(
  current: LengthParams,
  lengthsO: readonly number[],
  lengthsT: readonly number[],
): LengthParams {
  const keep: number[] = [];
  for (let k = 0; k < lengthsO.length; k++) {
    const l1 = lengthsO[k] ?? 0;
    const l2 = lengthsT[k] ?? 0;
    const mean = Math.max(1, (l1 + l2 / current.ratio) / 2);
    const z = (l2 - current.ratio * l1) / Math.sqrt(current.variance * mean);
    if (l1 > 0 && l2 > 0 && Math.abs(z) < 3) keep.push(k);
  }
  if (keep.length < 3) return current;
  let sumO = 0;
  let sumT = 0;
  for (const k of keep) {
    sumO += lengthsO[k] ?? 0;
    sumT += lengthsT[k] ?? 0;
  }
  const ratio = sumT / sumO;
  const residuals = keep
    .map((k) => {
      const l1 = lengthsO[k] ?? 0;
      const l2 = lengthsT[k] ?? 0;
      return Math.abs(l2 - ratio * l1) / Math.sqrt(Math.max(1, (l1 + l2 / ratio) / 2));
    })
    .sort((a, b) => a - b);
  // For a normal distribution the standard deviation is 1.4826 × the median absolute deviation.
  const sd = 1.4826 * (residuals[residuals.length >> 1] ?? 0);
  const measured = sd * sd;
  const variance =
    (measured * keep.length + DEFAULT_VARIANCE * PRIOR_PAIRS) / (keep.length + PRIOR_PAIRS);
  return {
    ratio: Math.min(Math.max(ratio, 0.2), 5),
    variance: Math.min(Math.max(variance, MIN_VARIANCE), MAX_VARIANCE),
  };
}
