// Per-segment evidence packed into typed arrays, so that the dynamic programme can score
// millions of candidate groups without allocating: numbers and names are interned to integers
// and stored in compressed rows; name comparisons are cached per pair of distinct names.

import { scanEvidence } from './evidence';
import { SegmentScan } from './scan';
import { nameKeysMatch, type NameKey } from '@shared/text/transliterate';
import { WordIndex, type SideWords } from './words';

/** Evidence of one side of the alignment, indexed by segment. */
export interface SideFeatures {
  count: number;
  /** Length in non-space characters (the Gale–Church length measure). */
  length: Float64Array;
  oneSided: Float64Array;
  editorial: Uint8Array;
  opensQuote: Uint8Array;
  closesQuote: Uint8Array;
  /** Interned list marker, -1 when the segment does not open with one. */
  listMarker: Int32Array;
  /** Numbers of segment i are numbers[numberStart[i] .. numberStart[i + 1]). */
  numberStart: Int32Array;
  numbers: Int32Array;
  /** Names of segment i are names[nameStart[i] .. nameStart[i + 1]), ids into nameKeys. */
  nameStart: Int32Array;
  names: Int32Array;
  nameKeys: NameKey[];
  /** Stems of the segments' words, for the translation lexicon. */
  words: SideWords;
}

class Interner {
  private readonly ids = new Map<string, number>();
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(value, id);
    }
    return id;
  }
}

function buildSide(
  texts: readonly string[],
  lang: string,
  numberIds: Interner,
  markerIds: Interner,
  nameCache: Map<string, NameKey | null>,
): SideFeatures {
  const count = texts.length;
  const side: SideFeatures = {
    count,
    length: new Float64Array(count),
    oneSided: new Float64Array(count),
    editorial: new Uint8Array(count),
    opensQuote: new Uint8Array(count),
    closesQuote: new Uint8Array(count),
    listMarker: new Int32Array(count).fill(-1),
    numberStart: new Int32Array(count + 1),
    numbers: new Int32Array(0),
    nameStart: new Int32Array(count + 1),
    names: new Int32Array(0),
    nameKeys: [],
    words: {
      start: new Int32Array(1),
      ids: new Int32Array(0),
      stems: [],
      content: new Uint8Array(0),
      distinctStart: new Int32Array(1),
      distinct: new Int32Array(0),
    },
  };
  const scan = new SegmentScan();
  const lengthScan = new SegmentScan();
  const wordIndex = new WordIndex();
  const numbers: number[] = [];
  // Candidate names of all segments, flat: id, and whether it opens a sentence of a line
  // longer than a signature. Segment i owns candidates[candidateStart[i] .. [i + 1]).
  const candidates: number[] = [];
  const candidateInitial: boolean[] = [];
  const candidateStart = new Int32Array(count + 1);
  const nameIds = new Map<NameKey, number>();
  // A capitalised word opening a sentence counts as a name only if the same word (up to its
  // ending) is capitalised inside a sentence somewhere in this text, or the line is short
  // (signatures, headers). This drops "Затем", "Send" and keeps "Сталин говорит".
  const capitalisedInside = new Set<string>();
  for (let i = 0; i < count; i++) {
    const text = texts[i] ?? '';
    const evidence = scanEvidence(text, lang, scan, nameCache);
    wordIndex.addSegment(scan.text, scan);
    // The scan saw the text without its list marker ("1. "); the length counts the marker too.
    const { characters, words } = evidence.listMarker === null ? scan : lengthScan.scan(text);
    side.length[i] = characters;
    side.oneSided[i] = evidence.oneSided;
    side.editorial[i] = evidence.editorial ? 1 : 0;
    side.opensQuote[i] = evidence.opensQuote ? 1 : 0;
    side.closesQuote[i] = evidence.closesQuote ? 1 : 0;
    if (evidence.listMarker !== null) side.listMarker[i] = markerIds.id(evidence.listMarker);
    side.numberStart[i] = numbers.length;
    for (const value of evidence.numbers) numbers.push(numberIds.id(value));
    candidateStart[i] = candidates.length;
    for (const [k, key] of evidence.names.entries()) {
      let id = nameIds.get(key);
      if (id === undefined) {
        id = side.nameKeys.length;
        nameIds.set(key, id);
        side.nameKeys.push(key);
      }
      const initial = evidence.nameInitial[k] === true;
      if (!initial) capitalisedInside.add(key.stem ?? key.key);
      candidates.push(id);
      candidateInitial.push(initial && words > SHORT_LINE_WORDS);
    }
  }
  candidateStart[count] = candidates.length;
  const names: number[] = [];
  for (let i = 0; i < count; i++) {
    side.nameStart[i] = names.length;
    for (let c = candidateStart[i] ?? 0; c < (candidateStart[i + 1] ?? 0); c++) {
      const id = candidates[c] ?? 0;
      const key = side.nameKeys[id];
      if (
        candidateInitial[c] === true &&
        key !== undefined &&
        !capitalisedInside.has(key.stem ?? key.key)
      ) {
        continue;
      }
      names.push(id);
    }
  }
  side.numberStart[count] = numbers.length;
  side.nameStart[count] = names.length;
  side.numbers = Int32Array.from(numbers);
  side.names = Int32Array.from(names);
  side.words = wordIndex.side();
  return side;
}

const SHORT_LINE_WORDS = 4;

// Above this many distinct-name pairs the cache becomes a Map instead of a dense table.
const DENSE_NAME_CACHE_LIMIT = 1 << 24;

/** Both sides' features plus cached pairwise comparisons. */
export class FeatureTables {
  readonly original: SideFeatures;
  readonly translation: SideFeatures;
  private readonly denseNameCache: Int8Array | null;
  private readonly sparseNameCache = new Map<number, boolean>();

  constructor(
    original: readonly string[],
    translation: readonly string[],
    originalLang: string,
    translationLang: string,
  ) {
    const numberIds = new Interner();
    const markerIds = new Interner();
    const nameCache = new Map<string, NameKey | null>();
    this.original = buildSide(original, originalLang, numberIds, markerIds, nameCache);
    this.translation = buildSide(translation, translationLang, numberIds, markerIds, nameCache);
    const pairs = this.original.nameKeys.length * this.translation.nameKeys.length;
    this.denseNameCache = pairs <= DENSE_NAME_CACHE_LIMIT ? new Int8Array(pairs) : null;
  }

  /** How many numbers of original segment i occur in translation segment j. */
  numberMatches(i: number, j: number): number {
    const o = this.original;
    const t = this.translation;
    const oStart = o.numberStart[i] ?? 0;
    const oEnd = o.numberStart[i + 1] ?? 0;
    const tStart = t.numberStart[j] ?? 0;
    const tEnd = t.numberStart[j + 1] ?? 0;
    if (oStart === oEnd || tStart === tEnd) return 0;
    let matches = 0;
    for (let a = oStart; a < oEnd; a++) {
      const value = o.numbers[a];
      for (let b = tStart; b < tEnd; b++) {
        if (t.numbers[b] === value) {
          matches++;
          break;
        }
      }
    }
    return Math.min(matches, tEnd - tStart);
  }

  /** How many names of original segment i have a match in translation segment j. */
  nameMatches(i: number, j: number): number {
    const o = this.original;
    const t = this.translation;
    const oStart = o.nameStart[i] ?? 0;
    const oEnd = o.nameStart[i + 1] ?? 0;
    const tStart = t.nameStart[j] ?? 0;
    const tEnd = t.nameStart[j + 1] ?? 0;
    if (oStart === oEnd || tStart === tEnd) return 0;
    let matches = 0;
    for (let a = oStart; a < oEnd; a++) {
      const left = o.names[a] ?? 0;
      for (let b = tStart; b < tEnd; b++) {
        if (this.namePairMatches(left, t.names[b] ?? 0)) {
          matches++;
          break;
        }
      }
    }
    return Math.min(matches, tEnd - tStart);
  }

  private namePairMatches(left: number, right: number): boolean {
    const index = left * this.translation.nameKeys.length + right;
    const dense = this.denseNameCache;
    if (dense !== null) {
      const cached = dense[index] ?? 0;
      if (cached !== 0) return cached === 2;
    } else {
      const cached = this.sparseNameCache.get(index);
      if (cached !== undefined) return cached;
    }
    const a = this.original.nameKeys[left];
    const b = this.translation.nameKeys[right];
    const match = a !== undefined && b !== undefined && nameKeysMatch(a, b);
    if (dense !== null) dense[index] = match ? 2 : 1;
    else this.sparseNameCache.set(index, match);
    return match;
  }
}
