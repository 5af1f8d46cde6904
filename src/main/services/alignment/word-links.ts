// How many content words of a pair of segments have a partner on the other side according to
// the translation lexicon, for every pair the dynamic programme considers. Each segment's words
// are prepared once as sorted integer arrays, so that a pair costs one merge of two short lists.
// The view of withoutOwnLinks() leaves out, for each training pair, the links only it taught.

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
  // Per link: the training pair that alone taught it (its ranges below), or −1.
  private readonly linkOnly: Int32Array;
  private readonly pairO0: Int32Array;
  private readonly pairO1: Int32Array;
  private readonly pairT0: Int32Array;
  private readonly pairT1: Int32Array;
  private excludeOwn = false;
  private stamp: Int32Array;
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
    this.linkOnly = new Int32Array(used).fill(-1);
    for (let k = 0; k < used; k++) {
      const value = packed[k] ?? 0;
      this.linkTarget[k] = Math.floor(value / 65536);
      this.linkSource[k] = value % 65536;
    }
    // The training pair that alone taught each link, found again through the link's source stem.
    for (let i = 0; i < n; i++) {
      const from = original.distinctStart[i] ?? 0;
      for (let k = this.lStart[i] ?? 0; k < (this.lStart[i + 1] ?? 0); k++) {
        const f = original.distinct[from + (this.linkSource[k] ?? 0)] ?? 0;
        const e = this.linkTarget[k] ?? 0;
        for (let q = lexicon.start[f] ?? 0; q < (lexicon.start[f + 1] ?? 0); q++) {
          if (lexicon.target[q] !== e) continue;
          this.linkOnly[k] = lexicon.onlyPair[q] ?? -1;
          break;
        }
      }
    }
    this.pairO0 = Int32Array.from(lexicon.pairs, (p) => p.o0);
    this.pairO1 = Int32Array.from(lexicon.pairs, (p) => p.o1);
    this.pairT0 = Int32Array.from(lexicon.pairs, (p) => p.t0);
    this.pairT1 = Int32Array.from(lexicon.pairs, (p) => p.t1);
    this.stamp = new Int32Array(longest + 1);
    const vocabulary = translation.stems.length;
    this.markLinked = new Int32Array(vocabulary);
    this.markPresent = new Int32Array(vocabulary);
  }

  private markLinked: Int32Array;
  private markPresent: Int32Array;

  /**
   * The same links, except that a link one training pair alone taught is no evidence for that
   * pair: how much a pair's words say once its own training is discounted. Without this, any
   * pair of the first pass, right or wrong, finds its rare words linked to each other.
   */
  withoutOwnLinks(): WordLinks {
    const view = Object.assign(Object.create(WordLinks.prototype) as WordLinks, this);
    view.excludeOwn = true;
    // Scratch marks of its own: the two views number their generations independently.
    view.stamp = new Int32Array(this.stamp.length);
    view.markLinked = new Int32Array(this.markLinked.length);
    view.markPresent = new Int32Array(this.markPresent.length);
    view.generation = 0;
    return view;
  }

  /**
   * Whether link k, of original i, is left out for translations [j0, j1): this view leaves out
   * own links, and the one training pair that taught it holds original i and one of them.
   */
  private ownLink(k: number, i: number, j0: number, j1: number): boolean {
    if (!this.excludeOwn) return false;
    const p = this.linkOnly[k] ?? -1;
    return (
      p >= 0 &&
      i >= (this.pairO0[p] ?? 0) &&
      i < (this.pairO1[p] ?? 0) &&
      j1 > (this.pairT0[p] ?? 0) &&
      j0 < (this.pairT1[p] ?? 0)
    );
  }

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
      else if (this.ownLink(a, i, j, j + 1)) a++;
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
        if (!this.ownLink(p, i, j0, j0 + dj)) linked[this.linkTarget[p] ?? 0] = generation;
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
        if (this.ownLink(p, i, j0, j0 + dj)) continue;
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
