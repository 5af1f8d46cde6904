// The words of each segment as stem ids, for the translation lexicon (lexicon.ts): a tokenizer
// that reads character codes rather than running regular expressions (it sees every letter of a
// 100,000-line text), Snowball's Russian stemmer and Porter's English one (compiled, from
// @orama/stemmers: they start in milliseconds, where a cold Snowball port takes a few hundred),
// each distinct word stemmed once, and function words set aside so that "и" and "the" are not
// taken for evidence.

import { stemmer as englishStem } from '@orama/stemmers/english';
import { stemmer as russianStem } from '@orama/stemmers/russian';
import { SegmentScan } from './scan';

// Function words and the commonest verbs of each language: they occur in nearly every segment,
// so a link between them says nothing about which segments correspond.
const FUNCTION_WORDS = new Set(
  (
    'и в во не на я быть он с со что а по это она этот к ко но они мы как из у который то за ' +
    'свой весь так же от для вы ты все о об бы ли если уже или ни да нет еще ещё даже до при ' +
    'его ее её их им ему ей ним нем ней них мне меня нас вас вам нам тот та те то сам себя ' +
    'был была было были будет будут есть где когда там тут здесь чтобы потому также тоже ' +
    'the a an and or but of to in on at by for with from as is are was were be been being ' +
    'it its this that these those he she they we you i me him her them us his their our your ' +
    'my not no nor so if then than there which who whom what when where why how all any ' +
    'have has had do did does shall will would should may might can could unto upon into ' +
    'ye thee thou thy thine hath doth'
  ).split(' '),
);

/** Words of one side as stem ids: segment k owns ids[start[k] .. start[k + 1]). */
export interface SideWords {
  start: Int32Array;
  ids: Int32Array;
  /** Stem of each id. */
  stems: string[];
  /** Per id: 1 for content words, 0 for function words. */
  content: Uint8Array;
  /**
   * Distinct content stems of each segment, sorted: segment k owns
   * distinct[distinctStart[k] .. distinctStart[k + 1]).
   */
  distinctStart: Int32Array;
  distinct: Int32Array;
}

// Stems already computed: the sentence alignment builds a word index per paragraph row, and a
// long record repeats its vocabulary across thousands of rows. Bounded: cleared when full.
const STEMS = new Map<string, string>();
const MAX_CACHED_STEMS = 200_000;

/** The stem of a lower-case word: Russian for Cyrillic, English for Latin, else a prefix. */
export function lexiconStem(word: string): string {
  const cached = STEMS.get(word);
  if (cached !== undefined) return cached;
  const code = word.charCodeAt(0);
  const stem =
    code >= 0x400 && code <= 0x4ff
      ? russianStem(word.replace(/ё/g, 'е'))
      : code < 0x250
        ? englishStem(word)
        : word.slice(0, 6);
  if (STEMS.size >= MAX_CACHED_STEMS) STEMS.clear();
  STEMS.set(word, stem);
  return stem;
}

/**
 * Builds stem ids for the segments of one side, segment by segment from their scans; each
 * distinct word is stemmed once (tokens are told apart by the scanner's hash of their letters).
 */
export class WordIndex {
  // Open addressing on the scanner's two hashes: slot → id + 1 (0 = empty). Small at first
  // (an index per paragraph row is common), doubled as it fills.
  private slots = new Int32Array(1 << 8);
  private keys1 = new Int32Array(1 << 8);
  private keys2 = new Int32Array(1 << 8);
  private used = 0;
  private readonly idOfStem = new Map<string, number>();
  readonly stems: string[] = [];
  private readonly contentOf: number[] = [];
  private readonly start: number[] = [0];
  private readonly ids: number[] = [];

  private idOfWord(word: string): number {
    const stem = lexiconStem(word);
    const content = word.length > 2 && !FUNCTION_WORDS.has(word) ? 1 : 0;
    let id = this.idOfStem.get(stem);
    if (id === undefined) {
      id = this.stems.length;
      this.stems.push(stem);
      this.idOfStem.set(stem, id);
      this.contentOf.push(content);
    } else if (content === 1) {
      this.contentOf[id] = 1;
    }
    return id;
  }

  private rehash(): void {
    const old = { slots: this.slots, keys1: this.keys1, keys2: this.keys2 };
    const size = this.slots.length * 2;
    this.slots = new Int32Array(size);
    this.keys1 = new Int32Array(size);
    this.keys2 = new Int32Array(size);
    for (let s = 0; s < old.slots.length; s++) {
      const value = old.slots[s] ?? 0;
      if (value === 0) continue;
      let at = (old.keys1[s] ?? 0) & (size - 1);
      while ((this.slots[at] ?? 0) !== 0) at = (at + 1) & (size - 1);
      this.slots[at] = value;
      this.keys1[at] = old.keys1[s] ?? 0;
      this.keys2[at] = old.keys2[s] ?? 0;
    }
  }

  /** Adds the next segment's words from a scan of its text. */
  addSegment(text: string, scan: SegmentScan): void {
    for (let k = 0; k < scan.tokens; k++) {
      const h1 = scan.hash1[k] ?? 0;
      const h2 = scan.hash2[k] ?? 0;
      const mask = this.slots.length - 1;
      let at = h1 & mask;
      let id = -1;
      for (;;) {
        const value = this.slots[at] ?? 0;
        if (value === 0) break;
        if (this.keys1[at] === h1 && this.keys2[at] === h2) {
          id = value - 1;
          break;
        }
        at = (at + 1) & mask;
      }
      if (id < 0) {
        id = this.idOfWord(scan.lowerWord(text, k));
        this.slots[at] = id + 1;
        this.keys1[at] = h1;
        this.keys2[at] = h2;
        if (++this.used * 2 > this.slots.length) this.rehash();
      }
      this.ids.push(id);
    }
    this.start.push(this.ids.length);
  }

  /** The words of the segments added so far. */
  side(): SideWords {
    const start = Int32Array.from(this.start);
    const ids = Int32Array.from(this.ids);
    const content = Uint8Array.from(this.contentOf);
    const count = start.length - 1;
    const distinctStart = new Int32Array(count + 1);
    const distinct = new Int32Array(ids.length);
    const seen = new Int32Array(this.stems.length).fill(-1);
    let used = 0;
    for (let k = 0; k < count; k++) {
      distinctStart[k] = used;
      const from = used;
      for (let p = start[k] ?? 0; p < (start[k + 1] ?? 0); p++) {
        const id = ids[p] ?? 0;
        if (content[id] !== 1 || seen[id] === k) continue;
        seen[id] = k;
        distinct[used++] = id;
      }
      distinct.subarray(from, used).sort();
    }
    distinctStart[count] = used;
    return {
      start,
      ids,
      stems: this.stems,
      content,
      distinctStart,
      distinct: distinct.slice(0, used),
    };
  }

  /** Stem ids of every segment of `texts`. */
  static of(texts: readonly string[]): SideWords {
    const index = new WordIndex();
    const scan = new SegmentScan();
    for (const text of texts) index.addSegment(text, scan.scan(text));
    return index.side();
  }
}

/** Stems of one text's content words (for the library lexicon and the evidence display). */
export function contentStems(text: string): string[] {
  const side = WordIndex.of([text]);
  const stems: string[] = [];
  for (const id of side.ids) if (side.content[id] === 1) stems.push(side.stems[id] ?? '');
  return stems;
}
