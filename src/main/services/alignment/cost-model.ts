// The cost of one alignment group in nats (negative log-probability, up to a constant):
// a Gale–Church length term with a ratio and variance calibrated on the input, the prior of the
// group's shape, and the evidence of evidence.ts as bonuses and penalties.

import type { FeatureTables, SideFeatures } from './features';
import type { Band } from './band';
import { LengthScorer, type LengthParams } from './length-model';

/**
 * The group shapes the dynamic programme considers, as (originals, translations) consumed.
 * Index 0 is 1–1; the order is shared with the lattice.
 */
export const MOVE_ORIGINALS = Int8Array.from([1, 1, 0, 2, 1, 2]);
export const MOVE_TRANSLATIONS = Int8Array.from([1, 0, 1, 1, 2, 2]);
export const MOVE_COUNT = 6;
export const MOVE_ONE_TO_ONE = 0;
export const MOVE_ORIGINAL_ONLY = 1;
export const MOVE_TRANSLATION_ONLY = 2;

// Priors of the pairing shapes from Gale & Church (1993): 1–1 0.89, 2–1 and 1–2 0.089 between
// them, 2–2 0.011. Lone segments are priced per segment by skipCost below.
const ONE_TO_ONE_PRIOR = -Math.log(0.89);
const SHAPE_PRIOR = Float64Array.from([
  ONE_TO_ONE_PRIOR,
  0,
  0,
  -Math.log(0.0445),
  -Math.log(0.0445),
  -Math.log(0.011),
]);

// Probability of leaving a segment unpaired: Gale & Church's ~0.005 for prose, rising to about
// 0.6 for lines that look one-sided (headers, dates, reference numbers, editorial marks).
const BASE_SKIP_PROBABILITY = 0.005;
const ONE_SIDED_SKIP_PROBABILITY = 0.6;

// Evidence weights, in nats. Matching numbers and names are strong signs of correspondence
// (each further match adds half as much as the previous one); numbers present on both sides
// that do not match are a strong sign against; names on both sides that do not match a weaker
// one, since translators drop, add and paraphrase names and English capitalises more words.
const NUMBER_WEIGHT = 2.5;
const NUMBER_MISMATCH = 1.5;
// Numbers on one side without a counterpart: translators keep numbers, so each one left over
// (beyond the first, which may be spelled out or a reference mark) counts against the group.
const NUMBER_LEFT_OVER = 0.6;
const MAX_LEFT_OVER = 3;
const NAME_WEIGHT = 2.0;
const NAME_MISMATCH = 0.5;
const MAX_MISMATCHES = 2;
const QUOTE_BOTH_OPEN = -1.0;
const QUOTE_ONE_OPEN = 0.7;
const QUOTE_BOTH_CLOSE = -0.7;
const QUOTE_ONE_CLOSES = 0.3;
const LIST_SAME_MARKER = -2.0;
const LIST_OTHER_MARKER = 2.0;
const LIST_ONE_MARKER = 0.5;
// A header is more likely paired with a header than with prose.
const ONE_SIDED_MISMATCH = 2.0;
// Editorial marks elide different things in each edition: they never pair.
const EDITORIAL_IN_GROUP = 6.0;

/** Cost of leaving a segment with one-sidedness `oneSided` unpaired. */
export function skipCost(oneSided: number): number {
  return -Math.log(BASE_SKIP_PROBABILITY + ONE_SIDED_SKIP_PROBABILITY * oneSided);
}

// Bonus for M matches: weight · (2 − 2·0.5^M), i.e. 1, 1.5, 1.75 … times the weight.
const MATCH_FACTOR = Float64Array.from({ length: 9 }, (_, m) => 2 - 2 * Math.pow(0.5, m));
function matchBonus(weight: number, matches: number): number {
  return weight * (MATCH_FACTOR[matches < 8 ? matches : 8] ?? 2);
}

/** Scores candidate groups; `move(k, i, j)` prices the group of shape k ending at cell (i, j). */
export class CostModel {
  readonly params: LengthParams;
  readonly skipOriginal: Float64Array;
  readonly skipTranslation: Float64Array;
  private readonly o: SideFeatures;
  private readonly t: SideFeatures;
  private readonly length: LengthScorer;
  // Match counts per (original, translation) pair, packed as numbers | names << 5 and stored at
  // the lattice cell (i + 1, j + 1) of the current band; -1 until computed. Every pair is
  // needed by up to nine groups (the 1–1, 2–1, 1–2 and 2–2 groups that contain it).
  private pairMemo: Int16Array | null = null;
  private memoBand: Band | null = null;

  /**
   * `light` drops the name, quotation and list evidence: the anchor pass only needs the rough
   * course of the path, and names are the costly comparison.
   */
  constructor(
    readonly tables: FeatureTables,
    params: LengthParams,
    readonly light = false,
  ) {
    this.params = params;
    this.o = tables.original;
    this.t = tables.translation;
    this.length = new LengthScorer(params);
    this.skipOriginal = this.o.oneSided.map(skipCost);
    this.skipTranslation = this.t.oneSided.map(skipCost);
  }

  /** Caches pair evidence for the cells of `band` (or stops caching when null). */
  useBand(band: Band | null): void {
    this.memoBand = band;
    this.pairMemo = band === null ? null : new Int16Array(band.offset[band.rows + 1] ?? 0).fill(-1);
  }

  private pairEvidence(a: number, b: number): number {
    const band = this.memoBand;
    const memo = this.pairMemo;
    let index = -1;
    if (band !== null && memo !== null && a + 1 <= band.rows) {
      const lo = band.lo[a + 1] ?? 0;
      if (b + 1 >= lo && b + 1 <= (band.hi[a + 1] ?? 0)) {
        index = (band.offset[a + 1] ?? 0) + b + 1 - lo;
        const cached = memo[index] ?? -1;
        if (cached >= 0) return cached;
      }
    }
    const names = this.light ? 0 : this.tables.nameMatches(a, b);
    const packed = Math.min(this.tables.numberMatches(a, b), 31) | (Math.min(names, 31) << 5);
    if (index >= 0 && memo !== null) memo[index] = packed;
    return packed;
  }

  /** Gale–Church length cost of pairing l1 original characters with l2 translation ones. */
  lengthCost(l1: number, l2: number): number {
    return this.length.cost(l1, l2);
  }

  /**
   * Cost of pairing original i0 with translation j0 in the anchor pass, for a light model: the
   * same as {@link move} for that 1–1 group, without the generality of multi-segment groups,
   * since this runs for every cell of a wide band.
   */
  anchorPairCost(i0: number, j0: number): number {
    const o = this.o;
    const t = this.t;
    let cost = ONE_TO_ONE_PRIOR + this.lengthCost(o.length[i0] ?? 0, t.length[j0] ?? 0);
    cost += ONE_SIDED_MISMATCH * Math.abs((o.oneSided[i0] ?? 0) - (t.oneSided[j0] ?? 0));
    if ((o.editorial[i0] ?? 0) + (t.editorial[j0] ?? 0) > 0) cost += EDITORIAL_IN_GROUP;
    // In light mode the evidence is numbers only; most segments have none.
    const numbers = (o.numberStart[i0 + 1] ?? 0) - (o.numberStart[i0] ?? 0);
    if (numbers + (t.numberStart[j0 + 1] ?? 0) - (t.numberStart[j0] ?? 0) > 0) {
      cost += this.evidenceCost(i0, 1, j0, 1);
    }
    return cost;
  }

  /**
   * How badly the group of shape `k` ending at (i, j) fits on its own terms: its cost without
   * the shape prior (length deviation, one-sidedness and evidence). Around 0 for a clean pair,
   * several nats for a pair whose numbers and names contradict each other.
   */
  misfit(k: number, i: number, j: number): number {
    return this.move(k, i, j) - (SHAPE_PRIOR[k] ?? 0);
  }

  /** Cost of the group of shape `k` covering originals [i − di, i) and translations [j − dj, j). */
  move(k: number, i: number, j: number): number {
    if (k === MOVE_ORIGINAL_ONLY) return this.skipOriginal[i - 1] ?? 0;
    if (k === MOVE_TRANSLATION_ONLY) return this.skipTranslation[j - 1] ?? 0;
    const o = this.o;
    const t = this.t;
    const di = k === 3 || k === 5 ? 2 : 1;
    const dj = k === 4 || k === 5 ? 2 : 1;
    const i0 = i - di;
    const j0 = j - dj;
    let l1 = o.length[i0] ?? 0;
    let l2 = t.length[j0] ?? 0;
    let oneSidedO = o.oneSided[i0] ?? 0;
    let oneSidedT = t.oneSided[j0] ?? 0;
    let editorial = (o.editorial[i0] ?? 0) + (t.editorial[j0] ?? 0);
    if (di === 2) {
      l1 += o.length[i0 + 1] ?? 0;
      oneSidedO = (oneSidedO + (o.oneSided[i0 + 1] ?? 0)) / 2;
      editorial += o.editorial[i0 + 1] ?? 0;
    }
    if (dj === 2) {
      l2 += t.length[j0 + 1] ?? 0;
      oneSidedT = (oneSidedT + (t.oneSided[j0 + 1] ?? 0)) / 2;
      editorial += t.editorial[j0 + 1] ?? 0;
    }
    let cost = (SHAPE_PRIOR[k] ?? 0) + this.lengthCost(l1, l2);
    cost += ONE_SIDED_MISMATCH * Math.abs(oneSidedO - oneSidedT);
    if (editorial > 0) cost += EDITORIAL_IN_GROUP;
    return cost + this.evidenceCost(i0, di, j0, dj);
  }

  /** Evidence term of a group: negative when numbers, names and structure agree. */
  evidenceCost(i0: number, di: number, j0: number, dj: number): number {
    const o = this.o;
    const t = this.t;
    let cost = 0;
    const numbersO = (o.numberStart[i0 + di] ?? 0) - (o.numberStart[i0] ?? 0);
    const numbersT = (t.numberStart[j0 + dj] ?? 0) - (t.numberStart[j0] ?? 0);
    const namesO = (o.nameStart[i0 + di] ?? 0) - (o.nameStart[i0] ?? 0);
    const namesT = (t.nameStart[j0 + dj] ?? 0) - (t.nameStart[j0] ?? 0);
    const compareNumbers = numbersO > 0 && numbersT > 0;
    const compareNames = !this.light && namesO > 0 && namesT > 0;
    if (numbersO + numbersT > 1 && !compareNumbers) {
      cost += NUMBER_LEFT_OVER * Math.min(numbersO + numbersT - 1, MAX_LEFT_OVER);
    }
    if (compareNumbers || compareNames) {
      let numberMatches = 0;
      let nameMatches = 0;
      for (let a = 0; a < di; a++) {
        for (let b = 0; b < dj; b++) {
          const packed = this.pairEvidence(i0 + a, j0 + b);
          numberMatches += packed & 31;
          nameMatches += packed >> 5;
        }
      }
      if (compareNumbers) {
        const matches = Math.min(numberMatches, numbersO, numbersT);
        cost -= matchBonus(NUMBER_WEIGHT, matches);
        cost += NUMBER_MISMATCH * Math.min(numbersO - matches, numbersT - matches, MAX_MISMATCHES);
        const leftOver = Math.max(numbersO, numbersT) - matches - 1;
        if (leftOver > 0) cost += NUMBER_LEFT_OVER * Math.min(leftOver, MAX_LEFT_OVER);
      }
      if (compareNames) {
        const matches = Math.min(nameMatches, namesO, namesT);
        cost -= matchBonus(NAME_WEIGHT, matches);
        cost += NAME_MISMATCH * Math.min(namesO - matches, namesT - matches, MAX_MISMATCHES);
      }
    }
    if (this.light) return cost;
    const opensO = o.opensQuote[i0] ?? 0;
    const opensT = t.opensQuote[j0] ?? 0;
    if (opensO + opensT === 2) cost += QUOTE_BOTH_OPEN;
    else if (opensO + opensT === 1) cost += QUOTE_ONE_OPEN;
    const closesO = o.closesQuote[i0 + di - 1] ?? 0;
    const closesT = t.closesQuote[j0 + dj - 1] ?? 0;
    if (closesO + closesT === 2) cost += QUOTE_BOTH_CLOSE;
    else if (closesO + closesT === 1) cost += QUOTE_ONE_CLOSES;
    const markerO = o.listMarker[i0] ?? -1;
    const markerT = t.listMarker[j0] ?? -1;
    if (markerO >= 0 && markerT >= 0)
      cost += markerO === markerT ? LIST_SAME_MARKER : LIST_OTHER_MARKER;
    else if (markerO >= 0 || markerT >= 0) cost += LIST_ONE_MARKER;
    return cost;
  }
}
