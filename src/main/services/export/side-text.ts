// A record's text in one language as one string, its passages joined by line breaks, and offsets
// into it both as JavaScript counts them (UTF-16 code units, as stored) and as the W3C Web
// Annotation model requires (Unicode code points). Exports and imports of TextPositionSelectors
// go through here, so both directions agree on the text they count in.
import type { Passage } from '@shared/model';

export const PASSAGE_SEPARATOR = '\n';

const SURROGATE = /[\uD800-\uDFFF]/;

function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

export class SideOffsets {
  /** UTF-16 offset of each passage's first character in the joined text. */
  private readonly starts: number[] = [];
  /** Code-point offset of each passage's first character. */
  private readonly pointStarts: number[] = [];
  private readonly astral: boolean;
  readonly text: string;

  constructor(private readonly passages: readonly Pick<Passage, 'text'>[]) {
    let offset = 0;
    let points = 0;
    for (const passage of passages) {
      this.starts.push(offset);
      this.pointStarts.push(points);
      offset += passage.text.length + PASSAGE_SEPARATOR.length;
      points += codePointLength(passage.text) + PASSAGE_SEPARATOR.length;
    }
    this.text = passages.map((p) => p.text).join(PASSAGE_SEPARATOR);
    this.astral = SURROGATE.test(this.text);
  }

  /** Code-point offset in the joined text of a UTF-16 offset inside one passage. */
  toPoints(passageIndex: number, local: number): number {
    const passage = this.passages[passageIndex];
    if (passage === undefined) return local;
    if (!this.astral) return this.starts[passageIndex]! + local;
    return this.pointStarts[passageIndex]! + codePointLength(passage.text.slice(0, local));
  }

  /** The passage and UTF-16 offset inside it of a code-point offset in the joined text. */
  fromPoints(points: number): { passage: number; offset: number } | null {
    const starts = this.astral ? this.pointStarts : this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    if (hi < 0 || points < 0) return null;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= points) lo = mid;
      else hi = mid - 1;
    }
    const passage = this.passages[lo]!;
    const inside = points - starts[lo]!;
    if (!this.astral) return inside <= passage.text.length ? { passage: lo, offset: inside } : null;
    let offset = 0;
    for (let n = 0; n < inside; n++) {
      if (offset >= passage.text.length) return null;
      const c = passage.text.charCodeAt(offset);
      offset += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    }
    return { passage: lo, offset };
  }
}
