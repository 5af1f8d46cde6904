// Placing a stored annotation target on one side of a record (its passages in order) after the
// text may have changed: a corrected transcription, passages split or merged by an alignment
// fix, or a whole record imported again. The order is fixed and the answer is honest:
//
//   1. position: the passage still has the quoted text at the stored offsets;
//   2. exact quote: in the target's own passage, then the neighbourhood of its old place, then
//      the whole side — the candidate whose context agrees best, nearest the old position on ties;
//   3. fuzzy quote (a few edits allowed), in the same widening order;
//
// and a candidate that the evidence does not support is refused: the target is orphaned (null),
// never silently moved. The side is searched as one text with the passages joined by a line
// break, so a quote that moved into a neighbour when a passage was split still finds its old
// context across the new boundary.
import type { TextPositionSelector, TextQuoteSelector } from '../model';
import {
  exactOccurrences,
  matchExact,
  matchFuzzy,
  type QuoteContext,
  type QuoteMatch,
} from './match-quote';

export type AnchorMethod = 'position' | 'exact' | 'fuzzy';

/** When a candidate is good enough to move an annotation to. */
export const ANCHOR_THRESHOLDS = {
  /** A fuzzy match must keep this share of the quote (1 − edits / length). */
  minQuoteScore: 0.75,
  /** …and reach this weighted score of quote, prefix and suffix. */
  minFuzzyScore: 0.65,
  /** A match needs context this good (0..1; one side agreeing fully gives 0.5). */
  minContext: 0.5,
  /** A quote this long, found exactly once on the side, is evidence enough by itself. */
  distinctiveLength: 16,
  /** How many passages either side of its own are searched before the whole side. */
  neighbourhood: 2,
  /** Characters of context that must still agree for the position alone to be trusted. */
  positionContext: 8,
} as const;

export interface TargetSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

export interface Anchored {
  /** Index of the passage (in the side's order) the span now lies in. */
  passage: number;
  start: number;
  end: number;
  method: AnchorMethod;
  /** 0..1 score of the chosen match (1 for position). */
  score: number;
}

/** A side's passages joined by line breaks, with offsets to map matches back to passages. */
export class SideText {
  readonly text: string;
  /** Offset of each passage's first character in `text`. */
  readonly starts: number[];

  constructor(readonly passages: readonly string[]) {
    this.starts = [];
    let offset = 0;
    for (const passage of passages) {
      this.starts.push(offset);
      offset += passage.length + 1;
    }
    this.text = passages.join('\n');
  }

  /** [from, to) of passages first..last (inclusive, clamped) in `text`. */
  range(first: number, last: number): [number, number] {
    const a = Math.max(0, first);
    const b = Math.min(this.passages.length - 1, last);
    if (this.passages.length === 0 || b < a) return [0, 0];
    return [this.starts[a]!, this.starts[b]! + this.passages[b]!.length];
  }

  /** The passage holding [start, end) whole, or null when the span crosses a boundary. */
  locate(start: number, end: number): { passage: number; start: number; end: number } | null {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= start) lo = mid;
      else hi = mid - 1;
    }
    const from = this.starts[lo];
    if (from === undefined) return null;
    const length = this.passages[lo]!.length;
    if (end > from + length) return null;
    return { passage: lo, start: start - from, end: end - from };
  }
}

/** True when `text` still holds the quote at the stored offsets, with some context agreeing. */
export function positionHolds(text: string, selectors: TargetSelectors): boolean {
  const { start, end } = selectors.position;
  const { exact, prefix, suffix } = selectors.quote;
  if (text.slice(start, end) !== exact) return false;
  // A short quote can reappear at the same offset by coincidence after an edit; one side of its
  // context must still be there too.
  const k = ANCHOR_THRESHOLDS.positionContext;
  const before = prefix.slice(-k);
  const after = suffix.slice(0, k);
  const prefixAgrees = before === '' ? start === 0 : text.slice(0, start).endsWith(before);
  const suffixAgrees = after === '' ? end === text.length : text.slice(end).startsWith(after);
  return prefixAgrees || suffixAgrees;
}

type Stage = { from: number; to: number };

function stagesFor(side: SideText, own: number | null, centre: number): Stage[] {
  const stages: Stage[] = [];
  if (own !== null) {
    const [from, to] = side.range(own, own);
    stages.push({ from, to });
  }
  const n = ANCHOR_THRESHOLDS.neighbourhood;
  const [from, to] = side.range(centre - n, centre + n);
  stages.push({ from, to });
  stages.push({ from: 0, to: side.text.length });
  return stages;
}

function place(side: SideText, match: QuoteMatch, method: AnchorMethod): Anchored | null {
  const where = side.locate(match.start, match.end);
  if (!where) return null;
  return { ...where, method, score: match.score };
}

export interface TargetWhereabouts {
  /** Index of the target's own passage on the side, when that passage still exists. */
  own: number | null;
  /** The passage index stored with the target (where it was when last anchored). */
  oldIndex: number;
}

/**
 * Finds where a target now lies on a side, or null when it cannot be placed with confidence (it
 * is then an orphan). The position is tried in the target's own passage or, when that is gone,
 * in the passage now at its old index (a re-imported record keeps its order); quotes are
 * searched in the own passage, then the neighbourhood of the old place, then the whole side.
 * Everywhere a candidate must be supported by its context (or be a long quote found exactly
 * once on the side): a short word that merely occurs elsewhere is not where the note belongs.
 */
export function anchorOnSide(
  side: SideText,
  selectors: TargetSelectors,
  where: TargetWhereabouts,
): Anchored | null {
  const count = side.passages.length;
  if (count === 0) return null;
  const { exact } = selectors.quote;
  const home = where.own ?? (where.oldIndex < count ? where.oldIndex : null);
  if (home !== null && positionHolds(side.passages[home]!, selectors)) {
    const { start, end } = selectors.position;
    return { passage: home, start, end, method: 'position', score: 1 };
  }
  const centre = home ?? count - 1;
  const context: QuoteContext = {
    prefix: selectors.quote.prefix,
    suffix: selectors.quote.suffix,
    hint: side.starts[centre]! + selectors.position.start,
  };
  const stages = stagesFor(side, where.own, centre);
  const t = ANCHOR_THRESHOLDS;

  let uniqueOnSide: boolean | null = null;
  for (const stage of stages) {
    for (const match of matchExact(side.text, exact, context, stage.from, stage.to)) {
      const placed = place(side, match, 'exact');
      if (!placed) continue;
      if (match.contextScore >= t.minContext) return placed;
      uniqueOnSide ??= exactOccurrences(side.text, exact).length === 1;
      if (uniqueOnSide && exact.length >= t.distinctiveLength) return placed;
      break; // the best candidate of this stage lacks support; the others score lower still
    }
  }

  for (const stage of stages) {
    for (const match of matchFuzzy(side.text, exact, context, stage.from, stage.to)) {
      if (match.quoteScore < t.minQuoteScore || match.score < t.minFuzzyScore) continue;
      if (match.contextScore < t.minContext) continue;
      const placed = place(side, match, 'fuzzy');
      if (placed) return placed;
    }
  }
  return null;
}
