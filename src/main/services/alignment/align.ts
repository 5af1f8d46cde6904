// Aligns two sequences of segments (paragraphs, lines or sentences) of a text and its translation.
//
// Approach, over the lattice of lattice.ts (bands from band.ts):
//  1. Anchor pass. A band of ±w cells around the diagonal implied by cumulative character
//     lengths, w = 10 + 0.15·√N, with the length ratio of the input's prose lines and Gale &
//     Church's variance. Only 1–1, 1–0 and 0–1 moves, priced by length, numbers and
//     one-sidedness: this pass only has to find the rough course of the path. Whenever the best
//     path runs along the band's edge (the band may be cutting off the true path, e.g. after a
//     long omission) the band is doubled and the pass repeated.
//  2. Lexicon. The anchor path's runs of well-fitting 1–1 pairs train a translation lexicon
//     (IBM Model 1 over stems, lexicon.ts), together with the library's lexicon when the caller
//     passes one, as hunalign's -realign learns its dictionary from its own first alignment.
//  3. Calibrated pass. The length ratio and variance are re-estimated from the anchor pass's 1–1
//     pairs, and the path is computed with all eleven group shapes (up to 3–3) and all the
//     evidence, words included, in a narrow band (±5, widened the same way) around the anchor
//     path, together with the posterior probability of each chosen group. The shares of the
//     shapes on that path then replace the default priors and the pass runs once more, so a
//     text of one segment per line keeps its 1–1 pairs while a re-paragraphed one gets its
//     groups.
//  4. Excerpt hypothesis (small texts). The translation may cover one stretch of the original,
//     marked by "[…]" or not. The same model with the originals before the first translation
//     and after the last one cheap to leave alone is searched in the whole lattice; when it
//     explains the texts better by a clear margin, its path is taken.
//  5. Honest gaps. A group is paired only when its support (length, numbers, names, words and
//     structure, as log-likelihood ratios against a random pair) clears a threshold; below it
//     its segments stand alone, with a low confidence that marks them doubtful for the reader.
// The passes touch O(N·w) cells, so time and memory grow linearly with the length of the text;
// widening stops at a fixed number of cells so that two unrelated texts cannot exhaust memory.
// Inputs of up to FULL_LATTICE_CELLS cells skip the band and use the full model in every pass.
//
// Confidence of a group = its posterior probability (how much of the probability mass of all
// alignments in the band agrees on it) × a fit factor: logistic in the group's support for a
// pair; 0.6 for a line of prose left unpaired (an unpaired header or editorial mark is expected
// and keeps its posterior, and so do the untranslated stretches of an excerpt).

import type { AlignmentGroup } from '@shared/model';
import {
  CostModel,
  DEFAULT_SHAPE_PRIORS,
  MOVE_COUNT,
  MOVE_ONE_TO_ONE,
  MOVE_ORIGINAL_ONLY,
  MOVE_ORIGINALS,
  MOVE_TRANSLATION_ONLY,
  MOVE_TRANSLATIONS,
  SMALL_MOVE_COUNT,
  wordEvidence,
  type GroupEvidence,
  type ShapePriors,
  type WordEvidence,
} from './cost-model';
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
import { buildLexicon, type Lexicon, type TrainingPair } from './lexicon';
import { sentenceSpans } from './segment';
import type { AlignOptions } from './types';
import { WordLinks } from './word-links';

// Lattices up to this many cells are searched whole.
const FULL_LATTICE_CELLS = 2_500;
// Widening stops before a band exceeds these sizes: the anchor pass keeps 1 byte per cell, the
// calibrated pass about 57 bytes (back pointer, soft forward cost, eleven move costs, memo).
const MAX_ANCHOR_CELLS = 32_000_000;
const MAX_CALIBRATED_CELLS = 2_000_000;
const CALIBRATED_HALF_WIDTH = 5;
const EDGE_MARGIN = 2;
const TEMPERATURE = 1;
// The excerpt hypothesis is tried on lattices up to this many cells (whole-lattice search).
const EXCERPT_CELLS = 60_000;
// Cost of a lone segment at either end of the other side under the excerpt hypothesis, and the
// margin by which that hypothesis must win.
const EDGE_SKIP_COST = 1.5;
// Candidate stretches tried, and the cost that keeps a later candidate off an earlier one's.
const EXCERPT_CANDIDATES = 4;
// The hypothesis is tried when the original has this many times as many segments as the
// translation, or when fewer than this share of its segments are in well-supported pairs.
const EXCERPT_COUNT_RATIO = 1.25;
const EXCERPT_SUPPORTED_SHARE = 0.6;
const FORBIDDEN = 50;
// An excerpt whose stretch beats every other by less than this keeps only the pairs whose own
// support reaches UNSURE_SUPPORT_MIN.
const EXCERPT_SURE = 10;
const UNSURE_SUPPORT_MIN = 4;
const EXCERPT_MARGIN = 6;
// Training pairs for the text's own lexicon: 1–1 pairs of the anchor path inside a run of at
// least three, whose lengths fit within this many standard deviations.
const TRAINING_Z = 1.5;
const MAX_TRAINING_PAIRS = 2500;
const MIN_TRAINING_PAIRS = 8;
// Shape priors are re-estimated from a path of at least this many groups, with the defaults
// weighing as this many groups.
const MIN_GROUPS_FOR_PRIORS = 30;
const PRIOR_WEIGHT = 50;
const MIN_EXCERPT_GROUPS_FOR_PRIORS = 8;
// Share of pairs in groups of two or more above which the final pass tries groups of three (and
// share of groups other than well-supported 1–1 pairs above which a large text is realigned).
const GROUPED_SHARE = 0.03;
const WEAK_SHARE = 0.05;
// Paragraphs average at least this many sentences (on both sides) for their sentences'
// alignment to count as evidence, worth this much to a group that agrees with it.
const MIN_SENTENCES_PER_PARAGRAPH = 1.3;
const SENTENCE_SAMPLE = 200;
const AGREEMENT_BONUS = 6;
// A pairing group whose support is below this stands alone instead, marked doubtful.
const SUPPORT_MIN = 0;
// A pair framed by pairs with at least this support (the nearest on either side, over at most
// CONTEXT_REACH other pairs and no lone segment but one-sided ones; or the text's start or end)
// is taken unless its own evidence speaks
// against it by more than CONTEXT_FLOOR.
const CONTEXT_SUPPORT = 3;
const CONTEXT_REACH = 3;
const CONTEXT_FLOOR = -8;
const ONE_SIDED_LONE = 0.5;
// Confidence of a lone segment whose group was unpaired for lack of support.
const UNSUPPORTED_CONFIDENCE = 0.3;
// Fit of a pairing group: logistic in its support (nats), one half at FIT_CENTRE.
const FIT_CENTRE = 0;
const FIT_SCALE = 1;

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
): T & { halfWidth: number; cells: number; band: Band } {
  let width = halfWidth;
  let band = makeBandOf(width);
  for (;;) {
    const result = search(band);
    const done = { ...result, halfWidth: band.full ? 0 : width, cells: cellsOf(band), band };
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

/**
 * Pairs to learn the text's own lexicon from: 1–1 pairs of `path` whose neighbours are 1–1 pairs
 * too and whose lengths fit, spread evenly over the text when there are many.
 */
function trainingPairs(path: LatticePath, tables: FeatureTables, model: CostModel): TrainingPair[] {
  const pairs: TrainingPair[] = [];
  const moves = path.moves;
  for (let p = 0; p < moves.length; p++) {
    if (moves[p] !== MOVE_ONE_TO_ONE) continue;
    const previous = p === 0 || moves[p - 1] === MOVE_ONE_TO_ONE;
    const next = p === moves.length - 1 || moves[p + 1] === MOVE_ONE_TO_ONE;
    if (!previous || !next) continue;
    const i = path.cellI[p] ?? 0;
    const j = path.cellJ[p] ?? 0;
    if ((tables.original.oneSided[i] ?? 0) >= 0.5 || (tables.translation.oneSided[j] ?? 0) >= 0.5)
      continue;
    const z = model.lengthZ(tables.original.length[i] ?? 0, tables.translation.length[j] ?? 0);
    if (Math.abs(z) > TRAINING_Z) continue;
    pairs.push({ o0: i, o1: i + 1, t0: j, t1: j + 1 });
  }
  if (pairs.length <= MAX_TRAINING_PAIRS) return pairs;
  const step = pairs.length / MAX_TRAINING_PAIRS;
  return Array.from({ length: MAX_TRAINING_PAIRS }, (_, k) => pairs[Math.floor(k * step)]!);
}

/** Training pairs from the pairing groups of a final path (1–1 and larger). */
function pairsOfPath(path: LatticePath): TrainingPair[] {
  const pairs: TrainingPair[] = [];
  for (let p = 0; p < path.moves.length; p++) {
    const move = path.moves[p] ?? 0;
    if (move === MOVE_ORIGINAL_ONLY || move === MOVE_TRANSLATION_ONLY) continue;
    const i = path.cellI[p] ?? 0;
    const j = path.cellJ[p] ?? 0;
    pairs.push({
      o0: i,
      o1: i + (MOVE_ORIGINALS[move] ?? 1),
      t0: j,
      t1: j + (MOVE_TRANSLATIONS[move] ?? 1),
    });
  }
  if (pairs.length <= MAX_TRAINING_PAIRS) return pairs;
  const step = pairs.length / MAX_TRAINING_PAIRS;
  return Array.from({ length: MAX_TRAINING_PAIRS }, (_, k) => pairs[Math.floor(k * step)]!);
}

/**
 * The word evidence of a lexicon learned from `pairs` (and the library's, when given), with the
 * coverage that its 1–1 pairs show and that the same pairs shifted against each other show (a
 * random pairing of this text).
 */
export function lexiconEvidence(
  tables: FeatureTables,
  pairs: readonly TrainingPair[],
  options: AlignOptions,
): { lexicon: Lexicon | null; words: WordEvidence | null } {
  const library = options.lexicon ?? null;
  if (pairs.length < MIN_TRAINING_PAIRS && library === null) return { lexicon: null, words: null };
  const lexicon = buildLexicon(tables.original.words, tables.translation.words, pairs, library);
  const links = new WordLinks(tables.original.words, tables.translation.words, lexicon);
  // Coverage of the 1–1 training pairs, and of the same pairs shifted against each other.
  const singles = pairs
    .filter((p) => p.o1 - p.o0 === 1 && p.t1 - p.t0 === 1)
    .map((p) => [p.o0, p.t0] as const);
  const shift = Math.max(1, Math.floor(singles.length / 3));
  const shifted = singles.map(
    ([i], k) => [i, singles[(k + shift) % singles.length]?.[1] ?? 0] as const,
  );
  const words = wordEvidence(links, links.stats(singles), links.stats(shifted));
  if (words !== null) {
    const own = links.withoutOwnLinks();
    words.discounted = wordEvidence(own, own.stats(singles), own.stats(shifted));
  }
  return { lexicon, words };
}

/**
 * The paragraphs that an alignment of the texts' sentences joins: for each paragraph, the
 * number of its component (paragraphs of both sides linked by paired sentences; a component of
 * one side only is numbered below zero). Null when the paragraphs are mostly single sentences,
 * where this says nothing new.
 */
function sentenceComponents(
  original: readonly string[],
  translation: readonly string[],
  options: AlignOptions,
): { componentO: Int32Array; componentT: Int32Array } | null {
  const split = (paragraphs: readonly string[], lang: string) => {
    const paragraphOf: number[] = [];
    const texts: string[] = [];
    paragraphs.forEach((text, p) => {
      for (const span of sentenceSpans(text, lang)) {
        paragraphOf.push(p);
        texts.push(text.slice(span.start, span.end));
      }
    });
    return { paragraphOf, texts };
  };
  // A sample of paragraphs first: most long texts are one sentence per line.
  const sampled = (paragraphs: readonly string[], lang: string): number => {
    const step = Math.max(1, Math.floor(paragraphs.length / SENTENCE_SAMPLE));
    let sentences = 0;
    let count = 0;
    for (let p = 0; p < paragraphs.length; p += step, count++) {
      sentences += sentenceSpans(paragraphs[p] ?? '', lang).length;
    }
    return sentences / Math.max(1, count);
  };
  if (
    Math.min(
      sampled(original, options.originalLang),
      sampled(translation, options.translationLang),
    ) < MIN_SENTENCES_PER_PARAGRAPH
  ) {
    return null;
  }
  const o = split(original, options.originalLang);
  const t = split(translation, options.translationLang);
  // Only the grouping matters here: one quick pass, without realignment or excerpts.
  const groups = alignSequences(o.texts, t.texts, {
    ...options,
    excerpt: false,
    sentences: false,
    quick: true,
  });
  const n = original.length;
  const parent = Int32Array.from({ length: n + translation.length }, (_, k) => k);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x] ?? x] ?? x;
      x = parent[x] ?? x;
    }
    return x;
  };
  for (const group of groups) {
    if (group.original.length === 0 || group.translation.length === 0) continue;
    const first = find(o.paragraphOf[group.original[0] ?? 0] ?? 0);
    for (const k of group.original) parent[find(o.paragraphOf[k] ?? 0)] = first;
    for (const k of group.translation) parent[find(n + (t.paragraphOf[k] ?? 0))] = first;
  }
  const both = new Set<number>();
  for (let i = 0; i < n; i++) both.add(find(i));
  const withBoth = new Set<number>();
  for (let j = 0; j < translation.length; j++) if (both.has(find(n + j))) withBoth.add(find(n + j));
  let lone = -1;
  const componentO = Int32Array.from({ length: n }, (_, i) =>
    withBoth.has(find(i)) ? find(i) : lone--,
  );
  const componentT = Int32Array.from({ length: translation.length }, (_, j) =>
    withBoth.has(find(n + j)) ? find(n + j) : lone--,
  );
  return { componentO, componentT };
}

/** Shares of the pairing shapes on a path, smoothed towards the defaults. */
function priorsOf(path: LatticePath, least = MIN_GROUPS_FOR_PRIORS): ShapePriors | null {
  const counts = new Float64Array(MOVE_COUNT);
  let total = 0;
  for (const move of path.moves) {
    if (move === MOVE_ORIGINAL_ONLY || move === MOVE_TRANSLATION_ONLY) continue;
    counts[move] = (counts[move] ?? 0) + 1;
    total++;
  }
  if (total < least) return null;
  const defaults = DEFAULT_SHAPE_PRIORS.probability;
  return {
    probability: defaults.map((p, k) =>
      k === MOVE_ORIGINAL_ONLY || k === MOVE_TRANSLATION_ONLY
        ? 0
        : ((counts[k] ?? 0) + PRIOR_WEIGHT * p) / (total + PRIOR_WEIGHT),
    ),
  };
}

function pathCost(model: CostModel, path: LatticePath): number {
  let cost = 0;
  for (let p = 0; p < path.moves.length; p++) {
    cost += model.move(path.moves[p] ?? 0, path.cellI[p + 1] ?? 0, path.cellJ[p + 1] ?? 0);
  }
  return cost;
}

function range(start: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => start + k);
}

function round(value: number): number {
  return Math.round(Math.min(Math.max(value, 0), 1) * 1000) / 1000;
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
  /** Pairs of the text that trained its lexicon, and whether word evidence was used. */
  lexiconPairs: number;
  words: boolean;
  /** Whether the texts were aligned as an excerpt and the rest of the other text. */
  excerpt: boolean;
}

/**
 * The evidence of a row: for a pair, what made it; for a lone segment left alone because the
 * pairing the aligner considered had too little support, that pairing and its evidence.
 */
export type RowEvidence = GroupEvidence & {
  rejected?: { original: number[]; translation: number[] };
};

/** An alignment with the evidence of each group (null for lone segments nothing was said of). */
export interface DetailedAlignment {
  groups: AlignmentGroup[];
  evidence: (RowEvidence | null)[];
  excerpt: boolean;
}

interface Search {
  model: CostModel;
  path: LatticePath;
  posterior: Float64Array;
  halfWidth: number;
  cells: number;
}

/** The calibrated pass (with posteriors) in a band around `around`, or the whole lattice. */
function calibratedPass(
  model: CostModel,
  rows: number,
  columns: number,
  small: boolean,
  around: LatticePath,
  moveCount: number,
  posteriors: boolean,
): Search {
  const result = searchWithWidening(
    (width) => (small ? fullBand(rows, columns) : bandAroundPath(around, rows, columns, width)),
    CALIBRATED_HALF_WIDTH,
    MAX_CALIBRATED_CELLS,
    (band) => {
      model.useBand(band);
      if (posteriors) return bestPathWithPosteriors(band, model, TEMPERATURE, moveCount);
      const path = bestPath(band, model, moveCount);
      return { path, posterior: new Float64Array(path.moves.length) };
    },
  );
  model.useBand(null);
  return { model, ...result };
}

/**
 * The shapes the final pass needs: all eleven when the first pass grouped a noticeable share of
 * segments in twos (a re-paragraphed text, where groups of three occur too), or when sentence
 * evidence is at hand; Gale & Church's six otherwise (a text of one segment per line), which
 * halves the work.
 */
function movesAfter(path: LatticePath, sentences: boolean): number {
  if (sentences) return MOVE_COUNT;
  let grouped = 0;
  let pairs = 0;
  for (const move of path.moves) {
    if (move === MOVE_ORIGINAL_ONLY || move === MOVE_TRANSLATION_ONLY) continue;
    pairs++;
    if (move !== MOVE_ONE_TO_ONE) grouped++;
  }
  return grouped > pairs * GROUPED_SHARE ? MOVE_COUNT : SMALL_MOVE_COUNT;
}

/**
 * Whether a first pass needs no realignment: nearly all its groups are 1–1 pairs, and nearly all
 * of them are well supported.
 */
function looksClean(search: Search): boolean {
  const { model, path } = search;
  let grouped = 0;
  let weak = 0;
  for (let p = 0; p < path.moves.length; p++) {
    if (path.moves[p] !== MOVE_ONE_TO_ONE) {
      grouped++;
      continue;
    }
    const found = model.evidence(path.cellI[p] ?? 0, 1, path.cellJ[p] ?? 0, 1);
    if (found.support < SUPPORT_MIN) weak++;
  }
  const groups = path.moves.length;
  return grouped <= groups * GROUPED_SHARE && weak <= groups * WEAK_SHARE;
}

/**
 * Whether an alignment looks like the translation may cover only part of the original: it has
 * many more originals than translations, or few of its originals are in well-supported pairs.
 * Only then is the (costlier) excerpt hypothesis tried.
 */
function looksPartial(search: Search): boolean {
  const { model, path } = search;
  const rows = model.tables.original.count;
  const columns = model.tables.translation.count;
  if (rows > columns * EXCERPT_COUNT_RATIO) return true;
  let supported = 0;
  for (let p = 0; p < path.moves.length; p++) {
    const move = path.moves[p] ?? 0;
    const di = MOVE_ORIGINALS[move] ?? 0;
    const dj = MOVE_TRANSLATIONS[move] ?? 0;
    if (di === 0 || dj === 0) continue;
    const found = model.evidence(path.cellI[p] ?? 0, di, path.cellJ[p] ?? 0, dj);
    if (found.support >= CONTEXT_SUPPORT) supported += di;
  }
  return supported < rows * EXCERPT_SUPPORTED_SHARE;
}

/**
 * The excerpt hypothesis: the same evidence, with the originals before the first translation
 * and after the last one cheap to leave alone, searched in the whole lattice. The ratio of the
 * texts' totals says nothing when one is an excerpt, so the length model starts from the
 * calibrated one with a neutral ratio and is calibrated again on the pairs found.
 *
 * Lengths, names and numbers alone may fit some other stretch of the original as well as the
 * right one (in a long text of similar paragraphs), so several candidate stretches are found,
 * each with the stretches before it forbidden; one lexicon is learned from all their pairs,
 * where the right stretch's pairs teach consistent translations and the others' only noise,
 * and the search is run again with the words.
 */
function excerptPass(
  tables: FeatureTables,
  options: AlignOptions,
  calibrated: LengthParams,
): Search & { gain: number; margin: number } {
  const rows = tables.original.count;
  const columns = tables.translation.count;
  const band = fullBand(rows, columns);
  let params: LengthParams = { ratio: 1, variance: calibrated.variance };
  let priors = DEFAULT_SHAPE_PRIORS;
  const excerptModel = (words: WordEvidence | null, penalty: Float64Array | null): CostModel => {
    const model = new CostModel(tables, params, false, priors);
    model.useEdgeSkip(EDGE_SKIP_COST);
    model.usePairPenalty(penalty);
    model.useBand(band);
    model.useWords(words);
    return model;
  };
  let path = bestPath(band, excerptModel(null, null));
  const lengths = oneToOneLengths(path, tables);
  params = calibrateLengthParams(params, lengths.o, lengths.t);
  const candidates: TrainingPair[] = [];
  const penalty = new Float64Array(rows);
  for (let k = 0; k < EXCERPT_CANDIDATES; k++) {
    path = bestPath(band, excerptModel(null, penalty));
    const pairs = pairsOfPath(path);
    if (pairs.length === 0) break;
    candidates.push(...pairs);
    for (const pair of pairs) for (let i = pair.o0; i < pair.o1; i++) penalty[i] = FORBIDDEN;
  }
  const words = lexiconEvidence(tables, candidates, options).words;
  let model = excerptModel(words, null);
  path = bestPath(band, model);
  // Once more with the length model and the shape priors of the pairs found.
  const found = oneToOneLengths(path, tables);
  params = calibrateLengthParams(params, found.o, found.t);
  priors = priorsOf(path, MIN_EXCERPT_GROUPS_FOR_PRIORS) ?? priors;
  model = excerptModel(words, null);
  path = bestPath(band, model);
  // The same model without the cheap ends: how much the excerpt hypothesis explains better.
  model.useEdgeSkip(null);
  const without = pathCost(model, bestPath(band, model));
  model.useEdgeSkip(EDGE_SKIP_COST);
  const cost = pathCost(model, path);
  const gain = without - cost;
  // How sure the stretch is: the best path that pairs none of its originals must cost more.
  const elsewhere = new Float64Array(rows);
  for (const pair of pairsOfPath(path))
    for (let i = pair.o0; i < pair.o1; i++) elsewhere[i] = FORBIDDEN;
  model.usePairPenalty(elsewhere);
  const other = bestPath(band, model);
  model.usePairPenalty(null);
  const margin = pathCost(model, other) - cost;
  const result = bestPathWithPosteriors(band, model, TEMPERATURE);
  model.useBand(null);
  return { model, ...result, halfWidth: 0, cells: cellsOf(band), gain, margin };
}

/**
 * Aligns `original` with `translation` (segments of the same granularity) and returns groups
 * of up to three segments a side (1–1, 1–2, 2–1, 2–2, 1–3, 3–1, 2–3, 3–2, 3–3) and lone
 * segments (1–0, 0–1), in order, covering every index exactly once, each with a confidence in
 * 0..1 and `confirmed: false`, with the evidence that made each pairing group.
 */
export function alignDetailed(
  original: readonly string[],
  translation: readonly string[],
  options: AlignOptions,
  diagnostics?: (info: AlignmentDiagnostics) => void,
): DetailedAlignment {
  const rows = original.length;
  const columns = translation.length;
  if (rows === 0 || columns === 0) {
    const groups = unpairedGroups(rows, columns);
    return { groups, evidence: groups.map(() => null), excerpt: false };
  }

  const tables = new FeatureTables(
    original,
    translation,
    options.originalLang,
    options.translationLang,
  );
  const cells = (rows + 1) * (columns + 1);
  const small = cells <= FULL_LATTICE_CELLS;
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
  // Paragraphs of several sentences: how an alignment of their sentences groups them.
  const agreement =
    options.sentences === false ? null : sentenceComponents(original, translation, options);
  const agree = (target: CostModel): CostModel => {
    if (agreement !== null) target.useAgreement({ ...agreement, bonus: AGREEMENT_BONUS });
    return target;
  };
  let model = agree(new CostModel(tables, calibrated));
  const training = trainingPairs(anchor, tables, model);
  const { words } = lexiconEvidence(tables, training, options);
  model.useWords(words);
  // First pass: Gale & Church's shapes (all of them when sentence evidence speaks for groups).
  // A large text it leaves clean (nearly all 1–1 pairs with support) is done; otherwise its
  // groups train the lexicon again (all shapes now, not only the anchor's 1–1 pairs), their
  // shapes give the priors, and the realign pass runs with posteriors.
  const realign = options.quick !== true && agreement !== null;
  const allShapes = small || agreement !== null;
  let search = calibratedPass(
    model,
    rows,
    columns,
    small,
    anchor,
    allShapes ? MOVE_COUNT : SMALL_MOVE_COUNT,
    !realign,
  );
  if (realign || (options.quick !== true && !looksClean(search))) {
    const priors = priorsOf(search.path) ?? DEFAULT_SHAPE_PRIORS;
    model = agree(new CostModel(tables, calibrated, false, priors));
    model.useWords(lexiconEvidence(tables, pairsOfPath(search.path), options).words);
    search = calibratedPass(
      model,
      rows,
      columns,
      small,
      search.path,
      movesAfter(search.path, allShapes),
      true,
    );
  }

  let excerpt = false;
  let supportMin = SUPPORT_MIN;
  if (
    options.excerpt !== false &&
    cells <= EXCERPT_CELLS &&
    rows > 1 &&
    columns > 1 &&
    looksPartial(search)
  ) {
    const candidate = excerptPass(tables, options, calibrated);
    if (candidate.gain > EXCERPT_MARGIN) {
      search = candidate;
      excerpt = true;
      // Another stretch nearly as good: only pairs that stand on their own evidence are kept,
      // and words learned from the candidate stretches cannot vouch for them (they were learned
      // from these very pairs).
      if (candidate.margin < EXCERPT_SURE) {
        supportMin = UNSURE_SUPPORT_MIN;
        candidate.model.useWords(null);
      }
    }
  }

  diagnostics?.({
    initial,
    calibrated,
    anchorHalfWidth: anchorSearch.halfWidth,
    finalHalfWidth: search.halfWidth,
    finalCells: search.cells,
    lexiconPairs: training.length,
    words: words !== null,
    excerpt,
  });
  return { ...groupsOf(search, excerpt, supportMin), excerpt };
}

/** Groups of the chosen path, pairing only where the evidence supports it. */
function groupsOf(
  search: Search,
  excerpt: boolean,
  supportMin: number,
): { groups: AlignmentGroup[]; evidence: (RowEvidence | null)[] } {
  const { model, path, posterior } = search;
  const tables = model.tables;
  const groups: AlignmentGroup[] = [];
  const evidence: (RowEvidence | null)[] = [];
  const lone = (side: 'original' | 'translation', index: number, confidence: number): void => {
    groups.push({
      original: side === 'original' ? [index] : [],
      translation: side === 'translation' ? [index] : [],
      confidence: round(confidence),
      confirmed: false,
    });
    evidence.push(null);
  };
  // A pair's support counts no word links that the pair alone taught the lexicon: every pair of
  // the first pass, right or wrong, would otherwise find its own rare words linked.
  model.discountOwnLinks();
  // The support of every pairing group first: a group with little support of its own still
  // pairs when it sits between two well-supported pairs and its lengths fit (in a text of one
  // segment per line, the line between two sure pairs is their pair's neighbour).
  const supports = Array.from(path.moves, (move, p) =>
    MOVE_ORIGINALS[move] === 0 || MOVE_TRANSLATIONS[move] === 0
      ? null
      : model.evidence(
          path.cellI[p] ?? 0,
          MOVE_ORIGINALS[move] ?? 0,
          path.cellJ[p] ?? 0,
          MOVE_TRANSLATIONS[move] ?? 0,
        ),
  );
  const sure = (p: number): boolean => (supports[p]?.support ?? -Infinity) >= CONTEXT_SUPPORT;
  // A lone segment that looks one-sided (a header, a date line, an editorial mark) is expected
  // to stand alone: it does not break a frame.
  const expectedLone = (q: number): boolean => {
    const move = path.moves[q] ?? 0;
    if (move === MOVE_ORIGINAL_ONLY)
      return (tables.original.oneSided[path.cellI[q] ?? 0] ?? 0) >= ONE_SIDED_LONE;
    if (move === MOVE_TRANSLATION_ONLY)
      return (tables.translation.oneSided[path.cellJ[q] ?? 0] ?? 0) >= ONE_SIDED_LONE;
    return false;
  };
  // The nearest sure pair before (step −1) or after (step 1) group p, over at most CONTEXT_REACH
  // pairing groups and expected lone segments; the start and the end of the texts frame too,
  // as the two ends of every alignment are fixed.
  const framedBy = (p: number, step: number): boolean => {
    for (let q = p + step, k = 0; k < CONTEXT_REACH; q += step) {
      if (q < 0 || q >= supports.length) return true;
      if (supports[q] === null) {
        if (expectedLone(q)) continue;
        return false;
      }
      if (sure(q)) return true;
      k++;
    }
    return false;
  };
  for (let p = 0; p < path.moves.length; p++) {
    const move = path.moves[p] ?? 0;
    const i0 = path.cellI[p] ?? 0;
    const j0 = path.cellJ[p] ?? 0;
    const di = MOVE_ORIGINALS[move] ?? 0;
    const dj = MOVE_TRANSLATIONS[move] ?? 0;
    const probability = posterior[p] ?? 0;
    if (di === 0 || dj === 0) {
      const side = di === 0 ? 'translation' : 'original';
      const index = di === 0 ? j0 : i0;
      const atEdge = excerpt && di > 0 && (j0 === 0 || j0 === tables.translation.count);
      // An unpaired header is expected; an unpaired line of prose deserves a look.
      const oneSided =
        di === 0 ? (tables.translation.oneSided[j0] ?? 0) : (tables.original.oneSided[i0] ?? 0);
      lone(side, index, probability * (atEdge ? 1 : Math.min(1, 0.6 + 0.8 * oneSided)));
      continue;
    }
    const found = supports[p]!;
    const framed = found.support >= CONTEXT_FLOOR && framedBy(p, -1) && framedBy(p, 1);
    const kept = found.support >= supportMin || (framed && supportMin === SUPPORT_MIN);
    if (!kept) {
      const confidence = Math.min(UNSUPPORTED_CONFIDENCE, probability);
      const rejected = {
        ...found,
        rejected: { original: range(i0, di), translation: range(j0, dj) },
      };
      for (let i = i0; i < i0 + di; i++) {
        lone('original', i, confidence);
        evidence[evidence.length - 1] = rejected;
      }
      for (let j = j0; j < j0 + dj; j++) {
        lone('translation', j, confidence);
        evidence[evidence.length - 1] = rejected;
      }
      continue;
    }
    const fit = 1 / (1 + Math.exp(-(found.support - FIT_CENTRE) / FIT_SCALE));
    groups.push({
      original: range(i0, di),
      translation: range(j0, dj),
      confidence: round(probability * fit),
      confirmed: false,
    });
    evidence.push(found);
  }
  return { groups, evidence };
}

/**
 * Aligns `original` with `translation` (segments of the same granularity) and returns groups,
 * in order, covering every index exactly once, each with a confidence in 0..1 and
 * `confirmed: false` (see {@link alignDetailed}).
 */
export function alignSequences(
  original: readonly string[],
  translation: readonly string[],
  options: AlignOptions,
  diagnostics?: (info: AlignmentDiagnostics) => void,
): AlignmentGroup[] {
  return alignDetailed(original, translation, options, diagnostics).groups;
}
