// Cutting a long text around its first hit, at word boundaries, for a search result.
import type { SearchRange, SearchSnippet } from '@shared/api/methods/search';

/** Texts up to this long are shown whole; longer ones are cut around the first hit. */
const WHOLE_TEXT = 320;
const CONTEXT_BEFORE = 80;
const WINDOW = 300;

/** Moves `at` to the nearest word boundary within `slack` characters, in `direction`. */
function snap(text: string, at: number, direction: -1 | 1, slack = 20): number {
  for (let i = 0; i < slack; i++) {
    const p = at + i * direction;
    if (p <= 0) return 0;
    if (p >= text.length) return text.length;
    if (/\s/u.test(text.charAt(p))) return direction === -1 ? p + 1 : p;
  }
  return at;
}

/**
 * The part of `text` to show for a hit: all of it when short, otherwise a window around the
 * first highlighted range, cut at word boundaries. Ranges are moved into the snippet's offsets.
 */
export function makeSnippet(text: string, ranges: readonly SearchRange[]): SearchSnippet {
  if (text.length <= WHOLE_TEXT) {
    return { text, ranges: [...ranges], offset: 0, cutStart: false, cutEnd: false };
  }
  const first = ranges[0]?.start ?? 0;
  let start = Math.max(0, first - CONTEXT_BEFORE);
  if (start > 0) start = snap(text, start, -1);
  let end = Math.min(text.length, start + WINDOW);
  if (end < text.length) end = snap(text, end, 1);
  const inside = ranges
    .filter((r) => r.end > start && r.start < end)
    .map((r) => ({ start: Math.max(r.start, start) - start, end: Math.min(r.end, end) - start }));
  return {
    text: text.slice(start, end),
    ranges: inside,
    offset: start,
    cutStart: start > 0,
    cutEnd: end < text.length,
  };
}
