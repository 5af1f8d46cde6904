// Finding a quoted span again in a text that may have changed since the quote was taken. The
// approach is Hypothesis's (exact search first, then approximate search with Myers' bit-vector
// algorithm, candidates ranked by how well the quote, its prefix, its suffix and its expected
// position agree), with one difference: every score is kept apart, so the caller can refuse a
// candidate whose context does not support it instead of silently moving an annotation.
import approxSearch from 'approx-string-match';

export interface QuoteContext {
  /** Text expected just before the quote ('' when the quote began its passage). */
  prefix?: string;
  /** Text expected just after the quote ('' when the quote ended its passage). */
  suffix?: string;
  /** Expected start offset in the searched text; only breaks ties between candidates. */
  hint?: number;
}

export interface QuoteMatch {
  start: number;
  end: number;
  /** Edits (insertions, deletions, substitutions) between the quote and the matched text. */
  errors: number;
  /** 1 − errors / quote length. */
  quoteScore: number;
  /** 0..1: how well the text around the match agrees with the stored prefix and suffix. */
  contextScore: number;
  /** 0..1: Hypothesis's weighted blend of quote, prefix, suffix and position. */
  score: number;
}

// Hypothesis's weights: the quote matters most, context next, position only breaks ties.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/**
 * Context that was empty when the quote was taken (the quote began or ended its passage) says
 * nothing about a candidate elsewhere: it counts as half agreement, neither support nor contrary
 * evidence. It agrees fully where the candidate also touches the edge of the text.
 */
const NEUTRAL_CONTEXT = 0.5;

/** Start offsets of every exact occurrence of `quote` in `text`. */
export function exactOccurrences(
  text: string,
  quote: string,
  from = 0,
  to = text.length,
): number[] {
  const found: number[] = [];
  if (quote.length === 0) return found;
  let at = text.indexOf(quote, from);
  while (at !== -1 && at + quote.length <= to) {
    found.push(at);
    at = text.indexOf(quote, at + 1);
  }
  return found;
}

/**
 * 0..1: how closely `expected` occurs within `actual` (1 − edit distance of the best
 * approximate occurrence / length of `expected`). Empty `expected` gives 1.
 */
export function similarity(actual: string, expected: string): number {
  if (expected.length === 0) return 1;
  if (actual.length === 0) return 0;
  if (actual.includes(expected)) return 1;
  const matches = approxSearch(actual, expected, expected.length);
  const best = matches.reduce((min, m) => Math.min(min, m.errors), expected.length);
  return 1 - best / expected.length;
}

function prefixScore(text: string, start: number, prefix: string | undefined): number {
  if (prefix === undefined) return 1;
  if (prefix === '') return start === 0 ? 1 : NEUTRAL_CONTEXT;
  return similarity(text.slice(Math.max(0, start - prefix.length), start), prefix);
}

function suffixScore(text: string, end: number, suffix: string | undefined): number {
  if (suffix === undefined) return 1;
  if (suffix === '') return end === text.length ? 1 : NEUTRAL_CONTEXT;
  return similarity(text.slice(end, end + suffix.length), suffix);
}

/** Scores one candidate span [start, end) with `errors` edits against the quote. */
export function scoreCandidate(
  text: string,
  quote: string,
  candidate: { start: number; end: number; errors: number },
  context: QuoteContext,
): QuoteMatch {
  const quoteScore = 1 - candidate.errors / quote.length;
  const before = prefixScore(text, candidate.start, context.prefix);
  const after = suffixScore(text, candidate.end, context.suffix);
  const position =
    context.hint === undefined || text.length === 0
      ? 1
      : 1 - Math.min(1, Math.abs(candidate.start - context.hint) / text.length);
  return {
    start: candidate.start,
    end: candidate.end,
    errors: candidate.errors,
    quoteScore,
    contextScore:
      (before * PREFIX_WEIGHT + after * SUFFIX_WEIGHT) / (PREFIX_WEIGHT + SUFFIX_WEIGHT),
    score:
      (quoteScore * QUOTE_WEIGHT +
        before * PREFIX_WEIGHT +
        after * SUFFIX_WEIGHT +
        position * POSITION_WEIGHT) /
      TOTAL_WEIGHT,
  };
}

/** Orders candidates best first: score, then nearness to the hint. */
export function compareMatches(hint: number | undefined) {
  return (a: QuoteMatch, b: QuoteMatch): number => {
    if (b.score !== a.score) return b.score - a.score;
    if (hint === undefined) return a.start - b.start;
    return Math.abs(a.start - hint) - Math.abs(b.start - hint);
  };
}

/**
 * Every exact occurrence of `quote` in text[from, to), scored, best first. Offsets are in
 * `text`'s coordinates; context is read beyond the window, so a quote at a window's edge still
 * sees its neighbours.
 */
export function matchExact(
  text: string,
  quote: string,
  context: QuoteContext,
  from = 0,
  to = text.length,
): QuoteMatch[] {
  return exactOccurrences(text, quote, from, to)
    .map((start) =>
      scoreCandidate(text, quote, { start, end: start + quote.length, errors: 0 }, context),
    )
    .sort(compareMatches(context.hint));
}

/**
 * Largest number of edits tolerated when searching approximately. A quarter of the quote: a
 * corrected typo or two pass, a rewritten phrase does not (its annotation becomes an orphan).
 */
export function maxFuzzyErrors(quote: string): number {
  return Math.min(256, Math.floor(quote.length / 4));
}

/**
 * Approximate occurrences of `quote` in text[from, to) with at most `maxFuzzyErrors` edits,
 * scored, best first. Empty when the quote is too short to allow any edit.
 */
export function matchFuzzy(
  text: string,
  quote: string,
  context: QuoteContext,
  from = 0,
  to = text.length,
): QuoteMatch[] {
  const maxErrors = maxFuzzyErrors(quote);
  if (maxErrors === 0 || to <= from) return [];
  return approxSearch(text.slice(from, to), quote, maxErrors)
    .map((m) =>
      scoreCandidate(
        text,
        quote,
        { start: m.start + from, end: m.end + from, errors: m.errors },
        context,
      ),
    )
    .sort(compareMatches(context.hint));
}
