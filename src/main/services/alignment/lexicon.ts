// A translation lexicon learned without any download: IBM Model 1 (Brown et al., 1993) over the
// stems of content words, trained by expectation maximisation on segment pairs believed to
// correspond, as hunalign's -realign learns its dictionary from its own first alignment.
//
// The pairs come from two places: the confident pairs of the text being aligned (align.ts picks
// them from its first pass), and the library's lexicon, which every confirmed or corrected row
// of every record has trained (its expected counts, kept by stem; see LexiconCounts). The
// library's counts join the text's own as pseudo-counts, so alignment gets better as the
// library grows.
//
// For the aligner the model is reduced to links: stem f links to stem e when t(e | f) is high.
// A pair of segments is then scored by how many of its content words have a linked partner on
// the other side (word-links.ts, cost-model.ts).
//
// Model 1 links the rare words of any training pair to each other, right or wrong, so a pair
// always finds its own words "translated" by the links it taught. Each link therefore remembers
// the one training pair it was learned from, when only one taught it; the evidence that decides
// how sure a pair is leaves such links out for that pair (leave-one-out, word-links.ts).

import { WordIndex, type SideWords } from './words';

/** Expected counts c(f, e) by stem, as kept per library for one language pair. */
export interface LexiconCounts {
  /** Source stem → target stem → expected count. */
  counts: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** A training example: consecutive segments [o0, o1) of the source and [t0, t1) of the target. */
export interface TrainingPair {
  o0: number;
  o1: number;
  t0: number;
  t1: number;
}

const ITERATIONS = 4;
/** t(e | f) at or above which f links to e. */
const LINK_THRESHOLD = 0.12;
const MAX_LINKS = 6;
// Expected count given to NULL per target word, so that unexplained words do not force links.
const NULL_WEIGHT = 0.5;

/** Links of every source stem id: targets of f are target[start[f] .. start[f + 1]). */
export interface Lexicon {
  start: Int32Array;
  target: Int32Array;
  /**
   * Per link: the index in `pairs` of the one training pair that taught it, or −1 when several
   * pairs or the library's lexicon did.
   */
  onlyPair: Int32Array;
  pairs: readonly TrainingPair[];
  /** Training pairs from the text and entries from the library that built it. */
  textPairs: number;
  libraryStems: number;
}

/** Per entry (f, e) of the training pairs: its key and, after training, count and t. */
interface Entries {
  f: Int32Array;
  e: Int32Array;
  /** Per training target word: its entries are entry[wordStart[w] .. wordStart[w + 1]). */
  wordStart: Int32Array;
  entry: Int32Array;
  /** Per entry: the one training pair it occurs in, or −1 when it occurs in several. */
  onlyPair: Int32Array;
}

/** The distinct content stems of segments [from, to) (a stem in two of them counts twice). */
function contentWords(side: SideWords, from: number, to: number): Int32Array {
  return side.distinct.subarray(side.distinctStart[from] ?? 0, side.distinctStart[to] ?? 0);
}

/** Entries (f, e) numbered in order of first sight, in an open-addressing table of int pairs. */
class EntryTable {
  private slots = new Int32Array(1 << 14);
  private keysF = new Int32Array(1 << 14);
  private keysE = new Int32Array(1 << 14);
  f: number[] = [];
  e: number[] = [];

  private static hash(fi: number, ei: number): number {
    return Math.imul(fi, 0x9e3779b1) ^ Math.imul(ei + 0x632be5ab, 0x85ebca77);
  }

  private grow(): void {
    const size = this.slots.length * 2;
    this.slots = new Int32Array(size);
    this.keysF = new Int32Array(size);
    this.keysE = new Int32Array(size);
    for (let k = 0; k < this.f.length; k++) this.place(this.f[k] ?? 0, this.e[k] ?? 0, k);
  }

  private place(fi: number, ei: number, entry: number): void {
    const mask = this.slots.length - 1;
    let at = EntryTable.hash(fi, ei) & mask;
    while ((this.slots[at] ?? 0) !== 0) at = (at + 1) & mask;
    this.slots[at] = entry + 1;
    this.keysF[at] = fi;
    this.keysE[at] = ei;
  }

  entryOf(fi: number, ei: number): number {
    const mask = this.slots.length - 1;
    let at = EntryTable.hash(fi, ei) & mask;
    for (;;) {
      const value = this.slots[at] ?? 0;
      if (value === 0) break;
      if (this.keysF[at] === fi && this.keysE[at] === ei) return value - 1;
      at = (at + 1) & mask;
    }
    const entry = this.f.length;
    this.f.push(fi);
    this.e.push(ei);
    this.slots[at] = entry + 1;
    this.keysF[at] = fi;
    this.keysE[at] = ei;
    if (this.f.length * 2 > this.slots.length) this.grow();
    return entry;
  }
}

function collectEntries(source: SideWords, target: SideWords, pairs: readonly TrainingPair[]) {
  const nullId = source.stems.length;
  const table = new EntryTable();
  const wordStart: number[] = [];
  const entry: number[] = [];
  // Per entry: the training pair it was first seen in, or −1 once another pair shows it too.
  const seenIn: number[] = [];
  pairs.forEach((pair, p) => {
    const wordsO = contentWords(source, pair.o0, pair.o1);
    const wordsT = contentWords(target, pair.t0, pair.t1);
    if (wordsO.length === 0 || wordsT.length === 0) return;
    for (const ei of wordsT) {
      wordStart.push(entry.length);
      entry.push(table.entryOf(nullId, ei));
      for (const fi of wordsO) {
        const k = table.entryOf(fi, ei);
        entry.push(k);
        const seen = seenIn[k];
        if (seen === undefined) seenIn[k] = p;
        else if (seen !== p) seenIn[k] = -1;
      }
    }
  });
  wordStart.push(entry.length);
  return {
    f: Int32Array.from(table.f),
    e: Int32Array.from(table.e),
    wordStart: Int32Array.from(wordStart),
    entry: Int32Array.from(entry),
    onlyPair: Int32Array.from(table.f, (_, k) => seenIn[k] ?? -1),
  } satisfies Entries;
}

/** Library counts as an array aligned with the entries, plus the library's per-source totals. */
function libraryPrior(
  entries: Entries,
  source: SideWords,
  target: SideWords,
  library: LexiconCounts | null,
): { prior: Float64Array; totals: Float64Array } {
  const prior = new Float64Array(entries.f.length);
  const totals = new Float64Array(source.stems.length + 1);
  if (library === null) return { prior, totals };
  source.stems.forEach((stem, id) => {
    const row = library.counts.get(stem);
    if (row === undefined) return;
    let total = 0;
    for (const count of row.values()) total += count;
    totals[id] = total;
  });
  for (let k = 0; k < entries.f.length; k++) {
    const fi = entries.f[k] ?? 0;
    if (fi >= source.stems.length) continue;
    const row = library.counts.get(source.stems[fi] ?? '');
    const count = row?.get(target.stems[entries.e[k] ?? 0] ?? '');
    if (count !== undefined) prior[k] = count;
  }
  return { prior, totals };
}

/**
 * Trains IBM Model 1 on `pairs` (with the library's counts as pseudo-counts) and returns the
 * expected counts per entry together with the entries, so that callers can keep them (the
 * library) or turn them into links (the aligner).
 */
export function trainModel1(
  source: SideWords,
  target: SideWords,
  pairs: readonly TrainingPair[],
  library: LexiconCounts | null,
): { entries: Entries; counts: Float64Array; t: Float64Array } {
  const entries = collectEntries(source, target, pairs);
  const size = entries.f.length;
  const nullId = source.stems.length;
  const { prior, totals: libraryTotals } = libraryPrior(entries, source, target, library);
  const t = new Float64Array(size).fill(1);
  const counts = new Float64Array(size);
  const totals = new Float64Array(nullId + 1);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    counts.fill(0);
    for (let w = 0; w + 1 < entries.wordStart.length; w++) {
      const from = entries.wordStart[w] ?? 0;
      const to = entries.wordStart[w + 1] ?? 0;
      let sum = 0;
      for (let k = from; k < to; k++) {
        const entry = entries.entry[k] ?? 0;
        sum += (k === from ? NULL_WEIGHT : 1) * (t[entry] ?? 0);
      }
      if (sum <= 0) continue;
      for (let k = from; k < to; k++) {
        const entry = entries.entry[k] ?? 0;
        counts[entry] =
          (counts[entry] ?? 0) + ((k === from ? NULL_WEIGHT : 1) * (t[entry] ?? 0)) / sum;
      }
    }
    totals.fill(0);
    for (let k = 0; k < size; k++) {
      const fi = entries.f[k] ?? 0;
      totals[fi] = (totals[fi] ?? 0) + (counts[k] ?? 0);
    }
    for (let k = 0; k < size; k++) {
      const fi = entries.f[k] ?? 0;
      const total = (totals[fi] ?? 0) + (libraryTotals[fi] ?? 0);
      t[k] = total > 0 ? ((counts[k] ?? 0) + (prior[k] ?? 0)) / total : 0;
    }
  }
  return { entries, counts, t };
}

/** The aligner's lexicon: links from the model trained on `pairs` and the library's counts. */
export function buildLexicon(
  source: SideWords,
  target: SideWords,
  pairs: readonly TrainingPair[],
  library: LexiconCounts | null,
): Lexicon {
  const sourceCount = source.stems.length;
  const { entries, t } = trainModel1(source, target, pairs, library);
  const links: number[][] = Array.from({ length: sourceCount }, () => []);
  const weights: number[][] = Array.from({ length: sourceCount }, () => []);
  const only: number[][] = Array.from({ length: sourceCount }, () => []);
  const add = (fi: number, ei: number, weight: number, pair: number): void => {
    const row = links[fi];
    const w = weights[fi];
    const o = only[fi];
    if (!row || !w || !o) return;
    const at = row.indexOf(ei);
    if (at >= 0) {
      w[at] = Math.max(w[at] ?? 0, weight);
      // The library teaches it too: no longer one pair's own link.
      o[at] = -1;
      return;
    }
    row.push(ei);
    w.push(weight);
    o.push(pair);
  };
  for (let k = 0; k < entries.f.length; k++) {
    const fi = entries.f[k] ?? 0;
    if (fi >= sourceCount) continue;
    const weight = t[k] ?? 0;
    if (weight >= LINK_THRESHOLD) add(fi, entries.e[k] ?? 0, weight, entries.onlyPair[k] ?? -1);
  }
  let libraryStems = 0;
  if (library !== null) {
    const targetIds = new Map<string, number>();
    target.stems.forEach((stem, id) => {
      if (target.content[id] === 1) targetIds.set(stem, id);
    });
    source.stems.forEach((stem, fi) => {
      if (source.content[fi] !== 1) return;
      const row = library.counts.get(stem);
      if (row === undefined) return;
      libraryStems++;
      let total = 0;
      for (const count of row.values()) total += count;
      for (const [targetStem, count] of row) {
        const ei = targetIds.get(targetStem);
        if (ei !== undefined && count / total >= LINK_THRESHOLD) add(fi, ei, count / total, -1);
      }
    });
  }
  const start = new Int32Array(sourceCount + 1);
  const target32: number[] = [];
  const onlyPair: number[] = [];
  for (let fi = 0; fi < sourceCount; fi++) {
    start[fi] = target32.length;
    const row = links[fi] ?? [];
    const w = weights[fi] ?? [];
    const o = only[fi] ?? [];
    const order = row.map((_, k) => k).sort((a, b) => (w[b] ?? 0) - (w[a] ?? 0));
    for (const k of order.slice(0, MAX_LINKS)) {
      target32.push(row[k] ?? 0);
      onlyPair.push(o[k] ?? -1);
    }
  }
  start[sourceCount] = target32.length;
  return {
    start,
    target: Int32Array.from(target32),
    onlyPair: Int32Array.from(onlyPair),
    pairs,
    textPairs: pairs.length,
    libraryStems,
  };
}

// A count below this, from a library's confirmed rows, is noise and is not kept.
const MIN_KEPT_COUNT = 0.1;

/** One learned count of a library lexicon: original stem → translation stem. */
export interface LearnedCount {
  source: string;
  target: string;
  count: number;
}

/**
 * What a library keeps from rows a reader confirmed: Model 1's expected counts over the rows'
 * stems (each row one training pair), the noise left out. These are the pseudo-counts every later
 * alignment of the same language pair starts from.
 */
export function learnCounts(
  rows: readonly { original: string; translation: string }[],
): LearnedCount[] {
  if (rows.length === 0) return [];
  const source = WordIndex.of(rows.map((row) => row.original));
  const target = WordIndex.of(rows.map((row) => row.translation));
  const pairs = rows.map((_, k) => ({ o0: k, o1: k + 1, t0: k, t1: k + 1 }));
  const { entries, counts } = trainModel1(source, target, pairs, null);
  const learned: LearnedCount[] = [];
  for (let k = 0; k < entries.f.length; k++) {
    const fi = entries.f[k] ?? 0;
    const count = counts[k] ?? 0;
    if (fi >= source.stems.length || count < MIN_KEPT_COUNT) continue;
    learned.push({
      source: source.stems[fi] ?? '',
      target: target.stems[entries.e[k] ?? 0] ?? '',
      count: Math.round(count * 1000) / 1000,
    });
  }
  return learned;
}

/** A library's counts as the aligner takes them (null when the library has learned nothing). */
export function lexiconCounts(learned: readonly LearnedCount[]): LexiconCounts | null {
  if (learned.length === 0) return null;
  const counts = new Map<string, Map<string, number>>();
  for (const { source, target, count } of learned) {
    let row = counts.get(source);
    if (!row) counts.set(source, (row = new Map()));
    row.set(target, (row.get(target) ?? 0) + count);
  }
  return { counts };
}
