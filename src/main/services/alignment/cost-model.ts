// The cost of one alignment group in nats (negative log-probability, up to a constant):
// a Gale–Church length term with a ratio and variance calibrated on the input, the prior of the
// group's shape, and the evidence of evidence.ts and of the translation lexicon (lexicon.ts) as
// bonuses and penalties. The same terms, read as log-likelihood ratios against a random pairing,
// are the group's support (`support`): how much evidence there is that its two sides say the
// same thing, which decides whether a group is paired at all (align.ts).

import type { FeatureTables, SideFeatures } from './features';
import type { Band } from './band';
import { LengthScorer, type LengthParams } from './length-model';
import type { CoverageStats, WordLinks } from './word-links';

/**
 * The group shapes the dynamic programme considers, as (originals, translations) consumed:
 * 1–1, 1–0, 0–1, 2–1, 1–2, 2–2, 3–1, 1–3, 3–2, 2–3 and 3–3. Index 0 is 1–1; the order is shared
 * with the lattice.
 */
export const MOVE_ORIGINALS = Int8Array.from([1, 1, 0, 2, 1, 2, 3, 1, 3, 2, 3]);
export const MOVE_TRANSLATIONS = Int8Array.from([1, 0, 1, 1, 2, 2, 1, 3, 2, 3, 3]);
export const MOVE_COUNT = 11;
export const MOVE_ONE_TO_ONE = 0;
export const MOVE_ORIGINAL_ONLY = 1;
export const MOVE_TRANSLATION_ONLY = 2;
/** The shapes of Gale & Church's aligner: 1–1, 1–0, 0–1, 2–1, 1–2 and 2–2. */
export const SMALL_MOVE_COUNT = 6;

/** Probabilities of the pairing shapes (the lone shapes are priced by skipCost). */
export interface ShapePriors {
  /** Per move index; entries 1 and 2 are unused. */
  probability: Float64Array;
}

// Gale & Church (1993) measured 1–1 0.89, 2–1 and 1–2 0.089 between them and 2–2 0.011 on
// sentences; groups of three are rarer still. Paragraphs cut differently on each side make all
// of these commoner: align.ts re-estimates them from the text.
export const DEFAULT_SHAPE_PRIORS: ShapePriors = {
  probability: Float64Array.from([
    0.89, 0, 0, 0.0445, 0.0445, 0.011, 0.002, 0.002, 0.0015, 0.0015, 0.001,
  ]),
};

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
// Word evidence is a binomial log-likelihood ratio over content words. The words of one pair are
// not independent (a free translation misses many partners, a literal one finds most), so the
// ratio of n words is divided by the variance inflation 1 + (n − 1)·δ of a beta-binomial with
// this intra-pair correlation δ.
const WORD_CORRELATION = 0.1;
const WORD_WEIGHT = 1;
// A length that fits as well as a random pair's would (|z| ≈ 1.3) is no evidence either way;
// in the support, a length that fits badly counts at most this much against a pair (free
// translations and glosses make lengths an unreliable witness on their own).
const LENGTH_NEUTRAL = 1.5;
const LENGTH_FLOOR = -3;

/** Cost of leaving a segment with one-sidedness `oneSided` unpaired. */
export function skipCost(oneSided: number): number {
  return -Math.log(BASE_SKIP_PROBABILITY + ONE_SIDED_SKIP_PROBABILITY * oneSided);
}

// Bonus for M matches: weight · (2 − 2·0.5^M), i.e. 1, 1.5, 1.75 … times the weight.
const MATCH_FACTOR = Float64Array.from({ length: 9 }, (_, m) => 2 - 2 * Math.pow(0.5, m));
function matchBonus(weight: number, matches: number): number {
  return weight * (MATCH_FACTOR[matches < 8 ? matches : 8] ?? 2);
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * Word evidence of a text. A content word facing m content words on the other side has a partner
 * by chance with probability 1 − (1 − ρ)^m; in a true pair it also has its own translation, found
 * with probability π, so P(partner | true) = 1 − (1 − π)(1 − ρ)^m. Each covered word then adds
 * log(P(partner | true) / P(partner | chance)), which shrinks as the other side grows (a group
 * of three lines offers more chance partners than one), and each uncovered word log(1 − π).
 */
export interface WordEvidence {
  links: WordLinks;
  /**
   * The same evidence with each training pair's own links left out and calibrated on that
   * (null: then the words tell nothing apart); how sure a chosen pair is rests on this.
   */
  discounted?: WordEvidence | null;
  /** Per m (the other side's content words, capped): the covered word's log-likelihood ratio. */
  covered: Float64Array;
  uncovered: number;
}

const MAX_OTHER_WORDS = 4096;
const COVERAGE_PRIOR = 0.35;
const COVERAGE_PRIOR_PAIRS = 40;

/**
 * The word evidence of a lexicon from the coverage its presumed true pairs show and the coverage
 * the same pairs show when shifted against each other (random pairs); null when the lexicon
 * cannot tell them apart.
 */
export function wordEvidence(
  links: WordLinks,
  truePairs: CoverageStats,
  randomPairs: CoverageStats,
): WordEvidence | null {
  if (truePairs.pairs < 2 || randomPairs.otherWords <= 0 || truePairs.otherWords <= 0) return null;
  const pr = Math.min(Math.max(randomPairs.coverage, 0.005), 0.5);
  // Pairs translated freely find fewer partners than literal ones: the rate a true pair is
  // expected to reach is taken from its lowest fifth, not the mean, so that a free but true pair
  // is not counted as evidence against itself.
  // The lexicon was learned from these very pairs, so on few pairs their coverage overstates
  // what other true pairs will show: it is shrunk towards a modest rate, with the weight of
  // COVERAGE_PRIOR_PAIRS pairs.
  const pc = Math.min(
    (truePairs.lowCoverage * truePairs.pairs + COVERAGE_PRIOR * COVERAGE_PRIOR_PAIRS) /
      (truePairs.pairs + COVERAGE_PRIOR_PAIRS),
    0.95,
  );
  if (pc < pr * 2) return null;
  // Chance of a partner per word of the other side, and of finding the word's own translation.
  const rho = 1 - Math.pow(1 - pr, 1 / randomPairs.otherWords);
  const missed = Math.min(Math.max((1 - pc) / Math.pow(1 - rho, truePairs.otherWords), 0.05), 0.95);
  const covered = new Float64Array(MAX_OTHER_WORDS + 1);
  for (let m = 1; m <= MAX_OTHER_WORDS; m++) {
    const chance = 1 - Math.pow(1 - rho, m);
    covered[m] = WORD_WEIGHT * Math.log((1 - missed * (1 - chance)) / chance);
  }
  return { links, covered, uncovered: WORD_WEIGHT * Math.log(missed) };
}

/** What made a group: each kind of evidence as a log-likelihood ratio, and the counts behind it. */
export interface GroupEvidence {
  /** Length fit: positive when the lengths agree better than a random pair's would. */
  length: number;
  /** The length deviation in standard deviations. */
  lengthZ: number;
  numbers: number;
  numbersMatched: number;
  names: number;
  namesMatched: number;
  words: number;
  wordsCovered: number;
  wordsTotal: number;
  /** Quotation and list structure. */
  structure: number;
  /** The sum: how much evidence says the two sides correspond. */
  support: number;
}

/** Scores candidate groups; `move(k, i, j)` prices the group of shape k ending at cell (i, j). */
export class CostModel {
  readonly params: LengthParams;
  readonly skipOriginal: Float64Array;
  readonly skipTranslation: Float64Array;
  private readonly o: SideFeatures;
  private readonly t: SideFeatures;
  private readonly length: LengthScorer;
  private readonly shapeCost: Float64Array;
  private words: WordEvidence | null = null;
  /** Cost of a lone original before or after all translations (excerpt hypothesis). */
  private edgeSkip: number | null = null;
  // Per (original, translation) pair, stored at the lattice cell (i + 1, j + 1) of the current
  // band: match counts packed as numbers | names << 5 (0xffff until computed), and with word
  // evidence, where in `bits` the pair's bitsets of covered content words start (word-links.ts).
  // Every pair is needed by up to sixteen groups (all the shapes that contain it).
  private pairMemo: Uint16Array | null = null;
  private bitsAt: Int32Array | null = null;
  // Grown as needed (reserveBits): a model per paragraph row is common in sentence alignment.
  private bits = new Uint32Array(1 << 10);
  private bitsUsed = 0;
  private memoBand: Band | null = null;
  // Where the last pairEvidence() left its bitsets (original's, then translation's).
  private lastBits = 0;
  private scratchBits = new Uint32Array(64);

  /**
   * `light` drops the name, quotation, list and word evidence: the anchor pass only needs the
   * rough course of the path, and names are the costly comparison.
   */
  constructor(
    readonly tables: FeatureTables,
    params: LengthParams,
    readonly light = false,
    priors: ShapePriors = DEFAULT_SHAPE_PRIORS,
  ) {
    this.params = params;
    this.o = tables.original;
    this.t = tables.translation;
    this.length = new LengthScorer(params);
    this.skipOriginal = this.o.oneSided.map(skipCost);
    this.skipTranslation = this.t.oneSided.map(skipCost);
    this.shapeCost = priors.probability.map((p) => (p > 0 ? -Math.log(p) : 0));
  }

  /** Adds the translation lexicon's evidence (or removes it with null). */
  useWords(words: WordEvidence | null): void {
    this.words = words;
    this.pairMemo?.fill(0xffff);
    this.bitsUsed = 0;
  }

  /**
   * Leaves out of the word evidence, for each pair the text's lexicon was trained on, the links
   * that pair alone taught (word-links.ts): the evidence that says how sure a chosen pair is.
   */
  discountOwnLinks(): void {
    if (this.words !== null) this.useWords(this.words.discounted ?? null);
  }

  /**
   * Makes originals before the first translation and after the last one cheap to leave
   * unpaired, at `cost` each (null: priced like any other). This is the hypothesis that the
   * translation covers an excerpt of the original: the untranslated stretches before and after
   * the translated one stand alone.
   */
  useEdgeSkip(cost: number | null): void {
    this.edgeSkip = cost;
  }

  /**
   * Groups agreeing with a finer alignment: `componentO[i]` and `componentT[j]` number the
   * groups of paragraphs that an alignment of their sentences joins (sentences paired across
   * two paragraphs put them in one component). A group made of whole components, no more and
   * no less, is cheaper by `bonus`; null stops this.
   */
  useAgreement(
    agreement: { componentO: Int32Array; componentT: Int32Array; bonus: number } | null,
  ): void {
    this.agreement = agreement;
  }

  private agreement: { componentO: Int32Array; componentT: Int32Array; bonus: number } | null =
    null;

  /** Whether originals [i0, i1) and translations [j0, j1) are exactly whole components. */
  private agrees(i0: number, i1: number, j0: number, j1: number): boolean {
    const a = this.agreement;
    if (a === null) return false;
    const o = a.componentO;
    const t = a.componentT;
    if (i1 > i0) {
      if (i0 > 0 && o[i0] === o[i0 - 1]) return false;
      if (i1 < o.length && o[i1] === o[i1 - 1]) return false;
    }
    if (j1 > j0) {
      if (j0 > 0 && t[j0] === t[j0 - 1]) return false;
      if (j1 < t.length && t[j1] === t[j1 - 1]) return false;
    }
    // Only pairings are rewarded: a segment whose sentences found no partner may still pair
    // as a whole (a signature line, a name).
    return i1 > i0 && j1 > j0 && o[i0] === t[j0] && o[i1 - 1] === t[j1 - 1];
  }

  /** Extra cost of pairing each original (to find other candidate stretches), or none. */
  usePairPenalty(penalty: Float64Array | null): void {
    this.pairPenalty = penalty;
  }

  private pairPenalty: Float64Array | null = null;

  /** Caches pair evidence for the cells of `band` (or stops caching when null). */
  useBand(band: Band | null): void {
    this.memoBand = band;
    const cells = band === null ? 0 : (band.offset[band.rows + 1] ?? 0);
    this.pairMemo = band === null ? null : new Uint16Array(cells).fill(0xffff);
    this.bitsAt = band === null ? null : new Int32Array(cells);
    this.bitsUsed = 0;
  }

  /** Room for `words` more 32-bit words in the bitset pool; returns where they start. */
  private reserveBits(words: number): number {
    if (this.bitsUsed + words > this.bits.length) {
      const grown = new Uint32Array(Math.max(this.bits.length * 2, this.bitsUsed + words));
      grown.set(this.bits.subarray(0, this.bitsUsed));
      this.bits = grown;
    }
    const at = this.bitsUsed;
    this.bitsUsed += words;
    return at;
  }

  /**
   * Numbers | names << 5 matched between original a and translation b; with word evidence, also
   * leaves in lastBits where their bitsets of covered words start in `bits`.
   */
  private pairEvidence(a: number, b: number): number {
    const band = this.memoBand;
    const memo = this.pairMemo;
    const links = this.light ? null : (this.words?.links ?? null);
    let index = -1;
    if (band !== null && memo !== null && a + 1 <= band.rows) {
      const lo = band.lo[a + 1] ?? 0;
      if (b + 1 >= lo && b + 1 <= (band.hi[a + 1] ?? 0)) {
        index = (band.offset[a + 1] ?? 0) + b + 1 - lo;
        const cached = memo[index] ?? 0xffff;
        if (cached !== 0xffff) {
          this.lastBits = this.bitsAt?.[index] ?? 0;
          return cached;
        }
      }
    }
    const names = this.light ? 0 : this.tables.nameMatches(a, b);
    const packed = Math.min(this.tables.numberMatches(a, b), 31) | (Math.min(names, 31) << 5);
    if (links !== null) {
      const wordsO = links.wordsO(a);
      if (index >= 0) {
        this.lastBits = this.reserveBits(wordsO + links.wordsT(b));
        links.bitsets(a, b, this.bits, this.lastBits, this.lastBits + wordsO);
      } else {
        // Outside the band (rare): scratch space, valid until the next call.
        if (this.scratchBits.length < wordsO + links.wordsT(b)) {
          this.scratchBits = new Uint32Array(2 * (wordsO + links.wordsT(b)));
        }
        links.bitsets(a, b, this.scratchBits, 0, wordsO);
        this.lastBits = -1;
      }
    }
    if (index >= 0 && memo !== null) {
      memo[index] = packed;
      if (this.bitsAt !== null) this.bitsAt[index] = this.lastBits;
    }
    return packed;
  }

  /** Gale–Church length cost of pairing l1 original characters with l2 translation ones. */
  lengthCost(l1: number, l2: number): number {
    return this.length.cost(l1, l2);
  }

  /** The length deviation of such a pair, in standard deviations. */
  lengthZ(l1: number, l2: number): number {
    return this.length.z(l1, l2);
  }

  /**
   * Cost of pairing original i0 with translation j0 in the anchor pass, for a light model: the
   * same as {@link move} for that 1–1 group, without the generality of multi-segment groups,
   * since this runs for every cell of a wide band.
   */
  anchorPairCost(i0: number, j0: number): number {
    const o = this.o;
    const t = this.t;
    let cost = (this.shapeCost[0] ?? 0) + this.lengthCost(o.length[i0] ?? 0, t.length[j0] ?? 0);
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
    return this.move(k, i, j) - (this.shapeCost[k] ?? 0);
  }

  /** Cost of the group of shape `k` covering originals [i − di, i) and translations [j − dj, j). */
  move(k: number, i: number, j: number): number {
    const cost = this.moveCost(k, i, j);
    if (this.agreement === null) return cost;
    const i0 = i - (MOVE_ORIGINALS[k] ?? 0);
    const j0 = j - (MOVE_TRANSLATIONS[k] ?? 0);
    return this.agrees(i0, i, j0, j) ? cost - this.agreement.bonus : cost;
  }

  private moveCost(k: number, i: number, j: number): number {
    if (k === MOVE_ORIGINAL_ONLY) {
      if (this.edgeSkip !== null && (j === 0 || j === this.t.count)) return this.edgeSkip;
      return this.skipOriginal[i - 1] ?? 0;
    }
    if (k === MOVE_TRANSLATION_ONLY) return this.skipTranslation[j - 1] ?? 0;
    const o = this.o;
    const t = this.t;
    const di = MOVE_ORIGINALS[k] ?? 1;
    const dj = MOVE_TRANSLATIONS[k] ?? 1;
    const i0 = i - di;
    const j0 = j - dj;
    let l1 = 0;
    let oneSidedO = 0;
    let editorial = 0;
    for (let a = i0; a < i; a++) {
      l1 += o.length[a] ?? 0;
      oneSidedO += o.oneSided[a] ?? 0;
      editorial += o.editorial[a] ?? 0;
    }
    let l2 = 0;
    let oneSidedT = 0;
    for (let b = j0; b < j; b++) {
      l2 += t.length[b] ?? 0;
      oneSidedT += t.oneSided[b] ?? 0;
      editorial += t.editorial[b] ?? 0;
    }
    let cost = (this.shapeCost[k] ?? 0) + this.lengthCost(l1, l2);
    cost += ONE_SIDED_MISMATCH * Math.abs(oneSidedO / di - oneSidedT / dj);
    if (this.pairPenalty !== null) for (let a = i0; a < i; a++) cost += this.pairPenalty[a] ?? 0;
    if (editorial > 0) cost += EDITORIAL_IN_GROUP;
    return cost + this.evidenceCost(i0, di, j0, dj);
  }

  /** Evidence term of a group: negative when numbers, names, words and structure agree. */
  evidenceCost(i0: number, di: number, j0: number, dj: number): number {
    const e = this.measure(i0, di, j0, dj, false);
    return -(e.numbers + e.names + e.words + e.structure);
  }

  /**
   * The evidence of the group of originals [i0, i0 + di) and translations [j0, j0 + dj), with
   * its length fit and support (for confidence and the reader's explanation).
   */
  evidence(i0: number, di: number, j0: number, dj: number): GroupEvidence {
    return { ...this.measure(i0, di, j0, dj, true) };
  }

  private union = new Uint32Array(64);

  // Reused by measure(), which runs for every candidate group.
  private readonly scratch: GroupEvidence = {
    length: 0,
    lengthZ: 0,
    numbers: 0,
    numbersMatched: 0,
    names: 0,
    namesMatched: 0,
    words: 0,
    wordsCovered: 0,
    wordsTotal: 0,
    structure: 0,
    support: 0,
  };

  private measure(i0: number, di: number, j0: number, dj: number, full: boolean): GroupEvidence {
    const o = this.o;
    const t = this.t;
    let numbers = 0;
    let names = 0;
    let words = 0;
    let structure = 0;
    const numbersO = (o.numberStart[i0 + di] ?? 0) - (o.numberStart[i0] ?? 0);
    const numbersT = (t.numberStart[j0 + dj] ?? 0) - (t.numberStart[j0] ?? 0);
    const namesO = (o.nameStart[i0 + di] ?? 0) - (o.nameStart[i0] ?? 0);
    const namesT = (t.nameStart[j0 + dj] ?? 0) - (t.nameStart[j0] ?? 0);
    const compareNumbers = numbersO > 0 && numbersT > 0;
    const compareNames = !this.light && namesO > 0 && namesT > 0;
    const wordEvidence = this.light ? null : this.words;
    let numberMatches = 0;
    let nameMatches = 0;
    let coveredO = 0;
    let coveredT = 0;
    if (numbersO + numbersT > 1 && !compareNumbers) {
      numbers -= NUMBER_LEFT_OVER * Math.min(numbersO + numbersT - 1, MAX_LEFT_OVER);
    }
    if (compareNumbers || compareNames || wordEvidence !== null) {
      const links = wordEvidence?.links ?? null;
      let offsetT = 0;
      let size = 0;
      if (links !== null) {
        // Union of the bitsets: original a's covered words over the group's translations, and
        // each translation's over the group's originals. Layout: originals, then translations.
        for (let a = 0; a < di; a++) size += links.wordsO(i0 + a);
        offsetT = size;
        for (let b = 0; b < dj; b++) size += links.wordsT(j0 + b);
        if (this.union.length < size) this.union = new Uint32Array(size * 2);
        this.union.fill(0, 0, size);
      }
      let atO = 0;
      for (let a = 0; a < di; a++) {
        let atT = offsetT;
        const wordsO = links === null ? 0 : links.wordsO(i0 + a);
        for (let b = 0; b < dj; b++) {
          const packed = this.pairEvidence(i0 + a, j0 + b);
          numberMatches += packed & 31;
          nameMatches += (packed >>> 5) & 31;
          if (links !== null) {
            const source = this.lastBits < 0 ? this.scratchBits : this.bits;
            const at = this.lastBits < 0 ? 0 : this.lastBits;
            const wordsT = links.wordsT(j0 + b);
            for (let w = 0; w < wordsO; w++) this.union[atO + w]! |= source[at + w] ?? 0;
            for (let w = 0; w < wordsT; w++) this.union[atT + w]! |= source[at + wordsO + w] ?? 0;
            atT += wordsT;
          }
        }
        atO += wordsO;
      }
      if (links !== null) {
        for (let w = 0; w < offsetT; w++) coveredO += popcount(this.union[w] ?? 0);
        for (let w = offsetT; w < size; w++) coveredT += popcount(this.union[w] ?? 0);
      }
    }
    if (compareNumbers) {
      numberMatches = Math.min(numberMatches, numbersO, numbersT);
      numbers += matchBonus(NUMBER_WEIGHT, numberMatches);
      numbers -=
        NUMBER_MISMATCH *
        Math.min(numbersO - numberMatches, numbersT - numberMatches, MAX_MISMATCHES);
      const leftOver = Math.max(numbersO, numbersT) - numberMatches - 1;
      if (leftOver > 0) numbers -= NUMBER_LEFT_OVER * Math.min(leftOver, MAX_LEFT_OVER);
    }
    if (compareNames) {
      nameMatches = Math.min(nameMatches, namesO, namesT);
      names += matchBonus(NAME_WEIGHT, nameMatches);
      names -= NAME_MISMATCH * Math.min(namesO - nameMatches, namesT - nameMatches, MAX_MISMATCHES);
    } else {
      nameMatches = 0;
    }
    let wordsTotal = 0;
    let wordsCovered = 0;
    if (wordEvidence !== null) {
      let totalO = 0;
      for (let a = i0; a < i0 + di; a++) totalO += wordEvidence.links.originalWords[a] ?? 0;
      let totalT = 0;
      for (let b = j0; b < j0 + dj; b++) totalT += wordEvidence.links.translationWords[b] ?? 0;
      if (totalO > 0 && totalT > 0) {
        wordsTotal = totalO + totalT;
        coveredO = Math.min(coveredO, totalO);
        coveredT = Math.min(coveredT, totalT);
        wordsCovered = coveredO + coveredT;
        const table = wordEvidence.covered;
        words =
          (coveredO * (table[Math.min(totalT, MAX_OTHER_WORDS)] ?? 0) +
            coveredT * (table[Math.min(totalO, MAX_OTHER_WORDS)] ?? 0) +
            (wordsTotal - wordsCovered) * wordEvidence.uncovered) /
          (1 + (wordsTotal - 1) * WORD_CORRELATION);
      }
    }
    if (!this.light) {
      const opensO = o.opensQuote[i0] ?? 0;
      const opensT = t.opensQuote[j0] ?? 0;
      if (opensO + opensT === 2) structure -= QUOTE_BOTH_OPEN;
      else if (opensO + opensT === 1) structure -= QUOTE_ONE_OPEN;
      const closesO = o.closesQuote[i0 + di - 1] ?? 0;
      const closesT = t.closesQuote[j0 + dj - 1] ?? 0;
      if (closesO + closesT === 2) structure -= QUOTE_BOTH_CLOSE;
      else if (closesO + closesT === 1) structure -= QUOTE_ONE_CLOSES;
      const markerO = o.listMarker[i0] ?? -1;
      const markerT = t.listMarker[j0] ?? -1;
      if (markerO >= 0 && markerT >= 0)
        structure -= markerO === markerT ? LIST_SAME_MARKER : LIST_OTHER_MARKER;
      else if (markerO >= 0 || markerT >= 0) structure -= LIST_ONE_MARKER;
    }
    let length = 0;
    let lengthZ = 0;
    if (full) {
      let l1 = 0;
      for (let a = i0; a < i0 + di; a++) l1 += o.length[a] ?? 0;
      let l2 = 0;
      for (let b = j0; b < j0 + dj; b++) l2 += t.length[b] ?? 0;
      length = LENGTH_NEUTRAL - this.lengthCost(l1, l2);
      lengthZ = this.length.z(l1, l2);
    }
    const out = this.scratch;
    out.length = length;
    out.lengthZ = lengthZ;
    out.numbers = numbers;
    out.numbersMatched = compareNumbers ? numberMatches : 0;
    out.names = names;
    out.namesMatched = nameMatches;
    out.words = words;
    out.wordsCovered = wordsCovered;
    out.wordsTotal = wordsTotal;
    out.structure = structure;
    out.support = Math.max(length, LENGTH_FLOOR) + numbers + names + words + structure;
    return out;
  }
}
