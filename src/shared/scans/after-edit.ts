// Where a passage's line boxes and doubtful words are after "Correct text" changed its words:
// the boxes keep their place on the page and take the offsets of the same characters in the new
// text, and a doubtful word the user changed is no longer marked (one left as it was still is).
import type { PassageFacsimile } from './facsimile';

type Spans = Pick<PassageFacsimile, 'boxes' | 'uncertain'>;

/**
 * Maps offsets in `before` to offsets in `after`. The text both share at the start and at the
 * end maps exactly; what lies between (the part the user rewrote) maps in proportion, so that
 * several words corrected in one save still leave each line close to its own words.
 */
export function editOffsetMap(before: string, after: string): (offset: number) => number {
  let prefix = 0;
  const shorter = Math.min(before.length, after.length);
  while (prefix < shorter && before[prefix] === after[prefix]) prefix += 1;
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  ) {
    suffix += 1;
  }
  const oldEnd = before.length - suffix;
  const newEnd = after.length - suffix;
  return (offset) => {
    if (offset <= prefix) return offset;
    if (offset >= oldEnd) return offset - oldEnd + newEnd;
    return prefix + Math.round(((offset - prefix) * (newEnd - prefix)) / (oldEnd - prefix));
  };
}

/** A passage's boxes and doubtful words, as they stand in its corrected text. */
export function spansAfterEdit(before: string, after: string, spans: Spans): Spans {
  const map = editOffsetMap(before, after);
  const boxes = spans.boxes.map((box) => {
    const start = Math.min(map(box.start), after.length);
    return { ...box, start, end: Math.max(start, Math.min(map(box.end), after.length)) };
  });
  const uncertain = spans.uncertain.flatMap((word) => {
    const start = map(word.start);
    const end = map(word.end);
    // Kept only where the very same word still stands: one the user rewrote has been checked.
    const same = end > start && after.slice(start, end) === before.slice(word.start, word.end);
    return same ? [{ ...word, start, end }] : [];
  });
  return { boxes, uncertain };
}
