// How many content words of a pair of segments have a partner on the other side according to
// the translation lexicon, for every pair the dynamic programme considers. Each segment's words
// are prepared once as sorted integer arrays, so that a pair costs one merge of two short lists.

import type { Lexicon } from './lexicon';
import type { SideWords } from './words';

/** Coverage of one pair: original words with a partner, translation words with a partner. */
export interface Coverage {
  original: number;
  translation: number;
}

/** How often content words have a partner, and how many words the other side offered. */
export interface CoverageStats {
  /** Share of content words with a partner. */
  coverage: number;
  /** The same share in the pair at the lowest fifth (pairs ranked by their share). */
  lowCoverage: number;
  /** Mean number of content words of the other segment. */
  otherWords: number;
  pairs: number;
}

/** Words of both sides prepared for coverage counting under one lexicon. */
export class WordLinks {
  /** Distinct content stems per segment. */
  readonly originalWords: Int32Array;
  readonly translationWords: Int32Array;
  // Translation side: sorted distinct content stem ids of segment j in targets[tStart[j]..).
  private readonly tStart: Int32Array;
  private readonly targets: Int32Array;
  // Original side: the (target, source position) links of segment i, sorted by target.
  private readonly lStart: Int32Array;
  private readonly linkTarget: Int32Array;
  private readonly linkSource: Int32Array;
  private readonly stamp: Int32Array;
  private generation = 0;

  constructor(original: SideWords, translation: SideWords, lexicon: Lexicon) {
    const n = original.distinctStart.length - 1;
    const m = translation.distinctStart.length - 1;
    this.tStart = translation.distinctStart;
    this.targets = translation.distinct;
    this.translationWords = new Int32Array(m);
    for (let j = 0; j < m; j++) {
      this.translationWords[j] = (this.tStart[j + 1] ?? 0) - (this.tStart[j] ?? 0);
    }
    this.originalWords = new Int32Array(n);
    this.lStart = new Int32Array(n + 1);
    // Links as target · 65536 + position, sorted per segment (positions stay below 65536).
    let total = 0;
    for (let i = 0; i < n; i++) {
      for (let p = original.distinctStart[i] ?? 0; p < (original.distinctStart[i + 1] ?? 0); p++) {
        const f = original.distinct[p] ?? 0;
        total += (lexicon.start[f + 1] ?? 0) - (lexicon.start[f] ?? 0);
      }
    }
    const packed = new Float64Array(total);
    let used = 0;
    let longest = 0;
    for (let i = 0; i < n; i++) {
      this.lStart[i] = used;
      const from = original.distinctStart[i] ?? 0;
      const to = original.distinctStart[i + 1] ?? 0;
      this.originalWords[i] = to - from;
      longest = Math.max(longest, to - from);
      const segmentFrom = used;
      for (let p = from; p < to; p++) {
        const f = original.distinct[p] ?? 0;
        const position = Math.min(p - from, 0xffff);
        for (let q = lexicon.start[f] ?? 0; q < (lexicon.start[f + 1] ?? 0); q++) {
          packed[used++] = (lexicon.target[q] ?? 0) * 65536 + position;
        }
      }
      packed.subarray(segmentFrom, used).sort();
    }
    this.lStart[n] = used;
    this.linkTarget = new Int32Array(used);
    this.linkSource = new Int32Array(used);
    for (let k = 0; k < used; k++) {
      const value = packed[k] ?? 0;
      this.linkTarget[k] = Math.floor(value / 65536);
      this.linkSource[k] = value % 65536;
    }
    this.stamp = new Int32Array(longest + 1);
    const vocabulary = translation.stems.length;
    this.markLinked = new Int32Array(vocabulary);
    this.markPresent = new Int32Array(vocabulary);
  }

  private readonly markLinked: Int32Array;
  private readonly markPresent: Int32Array;

  /** 32-bit words of the bitset over original i's distinct content words. */
  wordsO(i: number): number {
    return ((this.originalWords[i] ?? 0) + 31) >>> 5 || 1;
  }

  /** 32-bit words of the bitset over translation j's distinct content words. */
  wordsT(j: number): number {
    return ((this.translationWords[j] ?? 0) + 31) >>> 5 || 1;
  }

  /**
   * Writes which content words of original i (bit = position among its distinct stems) have a
   * partner in translation j into `out` at `atO` (wordsO(i) words), and which of translation j's
   * have one in original i at `atT` (wordsT(j) words).
   */
  bitsets(i: number, j: number, out: Uint32Array, atO: number, atT: number): void {
    for (let w = this.wordsO(i) - 1; w >= 0; w--) out[atO + w] = 0;
    for (let w = this.wordsT(j) - 1; w >= 0; w--) out[atT + w] = 0;
    let a = this.lStart[i] ?? 0;
    const aEnd = this.lStart[i + 1] ?? 0;
    let b = this.tStart[j] ?? 0;
    const bStart = b;
    const bEnd = this.tStart[j + 1] ?? 0;
    while (a < aEnd && b < bEnd) {
      const e = this.linkTarget[a] ?? 0;
      const target = this.targets[b] ?? 0;
      if (e < target) a++;
      else if (e > target) b++;
      else {
        const bit = b - bStart;
        out[atT + (bit >>> 5)] = (out[atT + (bit >>> 5)] ?? 0) | (1 << (bit & 31));
        const position = this.linkSource[a] ?? 0;
        out[atO + (position >>> 5)] = (out[atO + (position >>> 5)] ?? 0) | (1 << (position & 31));
        a++;
      }
    }
  }

  /**
   * Covered content words of the group of originals [i0, i0 + di) and translations
   * [j0, j0 + dj), exactly: a word counts once however many segments of the other side it has
   * partners in. Packed as original | translation << 16.
   */
  groupCoverage(i0: number, di: number, j0: number, dj: number): number {
    const generation = ++this.generation;
    const linked = this.markLinked;
    const present = this.markPresent;
    for (let i = i0; i < i0 + di; i++) {
      for (let p = this.lStart[i] ?? 0; p < (this.lStart[i + 1] ?? 0); p++) {
        linked[this.linkTarget[p] ?? 0] = generation;
      }
    }
    let coveredT = 0;
    for (let j = j0; j < j0 + dj; j++) {
      for (let p = this.tStart[j] ?? 0; p < (this.tStart[j + 1] ?? 0); p++) {
        const e = this.targets[p] ?? 0;
        if (linked[e] === generation) coveredT++;
        present[e] = generation;
      }
    }
    let coveredO = 0;
    for (let i = i0; i < i0 + di; i++) {
      const positions = ++this.generation;
      for (let p = this.lStart[i] ?? 0; p < (this.lStart[i + 1] ?? 0); p++) {
        if (present[this.linkTarget[p] ?? 0] !== generation) continue;
        const position = this.linkSource[p] ?? 0;
        if (this.stamp[position] !== positions) {
          this.stamp[position] = positions;
          coveredO++;
        }
      }
    }
    return Math.min(coveredO, 0xffff) | (Math.min(coveredT, 0x7fff) << 16);
  }

  /** Covered words of original i and translation j, packed as original | translation << 16. */
  packed(i: number, j: number): number {
    return this.groupCoverage(i, 1, j, 1);
  }

  coverage(i: number, j: number): Coverage {
    const packed = this.packed(i, j);
    return { original: packed & 0xffff, translation: packed >>> 16 };
  }

  /** Coverage statistics of a list of (original, translation) pairs. */
  stats(pairs: readonly (readonly [number, number])[]): CoverageStats {
    let covered = 0;
    let words = 0;
    let other = 0;
    const shares: number[] = [];
    for (const [i, j] of pairs) {
      const nO = this.originalWords[i] ?? 0;
      const nT = this.translationWords[j] ?? 0;
      if (nO === 0 || nT === 0) continue;
      const packed = this.packed(i, j);
      const pairCovered = (packed & 0xffff) + (packed >>> 16);
      shares.push(pairCovered / (nO + nT));
      covered += pairCovered;
      words += nO + nT;
      // Each word's other side: nT for the original's words, nO for the translation's.
      other += 2 * nO * nT;
    }
    shares.sort((a, b) => a - b);
    return {
      coverage: words > 0 ? covered / words : 0,
      lowCoverage: shares[Math.floor(shares.length / 5)] ?? 0,
      otherWords: words > 0 ? other / words : 0,
      pairs: pairs.length,
    };
  }
}
