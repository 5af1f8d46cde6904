// One pass over a segment's characters that finds what every kind of evidence needs: its length
// in non-space characters, its whitespace words, its letters and capitals (for one-sidedness),
// whether it has digits, and its word tokens with a hash of their lower-case letters. The
// aligner runs this over every segment of texts of 100,000 lines, so it reads character codes
// into reusable typed arrays and creates no strings; names, months and stems then look only at
// the few tokens that concern them.

/** The token starts with a capital letter. */
export const FIRST_UPPER = 1;
/** The token holds combining marks (stress accents) or apostrophes to drop when it is read. */
export const HAS_MARKS = 2;
/** The token is immediately followed by a full stop. */
export const DOT_AFTER = 4;

/** lowerCode(first) · 2048 + lowerCode(second) of a two-letter string, as SegmentScan.head. */
export function headOf(word: string): number {
  return (lowerCode(word.charCodeAt(0)) & 0xffff) * 2048 + (lowerCode(word.charCodeAt(1)) & 0x7ff);
}

/** Whether a UTF-16 code is a letter for tokenizing (Latin, Cyrillic, Greek and other scripts). */
export function isLetterCode(code: number): boolean {
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  if (code >= 0x400 && code <= 0x4ff) return code < 0x482 || code > 0x489;
  if (code >= 0xc0 && code <= 0x24f) return code !== 0xd7 && code !== 0xf7;
  if (code < 0xc0) return code === 0xaa || code === 0xb5 || code === 0xba;
  if (code >= 0x300 && code <= 0x36f) return false;
  return OTHER_LETTER.test(String.fromCharCode(code));
}

const OTHER_LETTER = /\p{L}/u;

/** Capital letters of Latin, Latin-1 and Cyrillic; other scripts by their lower-case form. */
export function isUpperCode(code: number): boolean {
  if (code < 0x80) return code >= 65 && code <= 90;
  if (code >= 0x410 && code <= 0x42f) return true;
  if (code >= 0x400 && code <= 0x40f) return true;
  if (code >= 0x430 && code < 0x460) return false;
  if (code >= 0xc0 && code <= 0xde) return code !== 0xd7;
  if (code < 0xc0) return false;
  const ch = String.fromCharCode(code);
  return ch !== ch.toLowerCase() && OTHER_LETTER.test(ch);
}

/** The lower-case form of a letter's code as hashed (ё folds to е); other codes unchanged. */
function lowerCode(code: number): number {
  if (code < 0x80) return code >= 65 && code <= 90 ? code + 32 : code;
  if (code >= 0x410 && code <= 0x42f) return code + 32;
  if (code === 0x451 || code === 0x401) return 0x435;
  if (code >= 0x400 && code <= 0x40f) return code + 80;
  if (code >= 0xc0 && code <= 0xde && code !== 0xd7) return code + 32;
  return code;
}

function isSpaceCode(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x202f;
}

/** What a scan of one segment found; token arrays are valid until the next scan. */
export class SegmentScan {
  /** The text scanned last. */
  text = '';
  /** Non-space characters (the Gale–Church length measure). */
  characters = 0;
  /** Whitespace-separated words. */
  words = 0;
  /** Cased letters and capitals (the line shape of one-sided.ts). */
  letters = 0;
  upper = 0;
  hasDigit = false;
  tokens = 0;
  start = new Int32Array(256);
  end = new Int32Array(256);
  flags = new Uint8Array(256);
  /** Two 32-bit hashes of each token's lower-case letters (marks and apostrophes left out). */
  hash1 = new Int32Array(256);
  hash2 = new Int32Array(256);
  /** The first two lower-case letters of each token, as lowerCode(first) · 2048 + second. */
  head = new Int32Array(256);

  private grow(): void {
    const size = this.start.length * 2;
    const copy = <T extends Int32Array | Uint8Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.start = copy(this.start, new Int32Array(size));
    this.end = copy(this.end, new Int32Array(size));
    this.flags = copy(this.flags, new Uint8Array(size));
    this.hash1 = copy(this.hash1, new Int32Array(size));
    this.hash2 = copy(this.hash2, new Int32Array(size));
    this.head = copy(this.head, new Int32Array(size));
  }

  /** Scans `text`, replacing what the previous scan found. */
  scan(text: string): this {
    this.text = text;
    let characters = 0;
    let words = 0;
    let letters = 0;
    let upper = 0;
    let hasDigit = false;
    let tokens = 0;
    let inWord = false;
    let tokenStart = -1;
    let flags = 0;
    let h1 = 0x811c9dc5;
    let h2 = 0;
    let head = 0;
    let letterCount = 0;
    const length = text.length;
    for (let c = 0; c <= length; c++) {
      const code = c < length ? text.charCodeAt(c) : 32;
      if (isSpaceCode(code)) {
        inWord = false;
      } else {
        characters++;
        if (!inWord) words++;
        inWord = true;
      }
      const letter = code > 64 && isLetterCode(code);
      if (letter) {
        const isUpper = isUpperCode(code);
        // Letters and capitals as one-sided.ts counts them: cased letters only.
        if (code < 0x460 || isUpper) {
          letters++;
          if (isUpper) upper++;
        } else {
          const ch = String.fromCharCode(code);
          if (ch.toUpperCase() !== ch) letters++;
        }
        if (tokenStart < 0) {
          tokenStart = c;
          flags = isUpper ? FIRST_UPPER : 0;
          h1 = 0x811c9dc5;
          h2 = 0;
          letterCount = 0;
        }
        const lower = lowerCode(code);
        if (letterCount === 0) head = (lower & 0xffff) * 2048;
        else if (letterCount === 1) head += lower & 0x7ff;
        letterCount++;
        h1 = Math.imul(h1 ^ lower, 16777619);
        h2 = (Math.imul(h2, 31) + lower) | 0;
        continue;
      }
      if (tokenStart >= 0) {
        // Stress marks stay inside the word; so do apostrophes between letters ("O'Brien").
        if ((code >= 0x300 && code <= 0x36f) || code === 0xad) {
          flags |= HAS_MARKS;
          continue;
        }
        if (
          (code === 39 || code === 0x2019) &&
          c + 1 < length &&
          isLetterCode(text.charCodeAt(c + 1))
        ) {
          flags |= HAS_MARKS;
          continue;
        }
        if (tokens === this.start.length) this.grow();
        this.start[tokens] = tokenStart;
        this.end[tokens] = c;
        this.flags[tokens] = code === 46 ? flags | DOT_AFTER : flags;
        this.hash1[tokens] = h1;
        this.hash2[tokens] = h2;
        this.head[tokens] = head;
        tokens++;
        tokenStart = -1;
      }
      if (code >= 48 && code <= 57) hasDigit = true;
    }
    this.characters = characters;
    this.words = words;
    this.letters = letters;
    this.upper = upper;
    this.hasDigit = hasDigit;
    this.tokens = tokens;
    return this;
  }

  /** The lower-case text of token k, without stress marks or apostrophes. */
  lowerWord(text: string, k: number): string {
    const word = text.slice(this.start[k] ?? 0, this.end[k] ?? 0).toLowerCase();
    return ((this.flags[k] ?? 0) & HAS_MARKS) !== 0
      ? word.replace(/[\u0300-\u036f\u00ad'’]/g, '')
      : word;
  }
}
