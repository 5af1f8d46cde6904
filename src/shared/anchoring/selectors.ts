// Describing a span of a passage with W3C selectors (quote with context, and position).
import type { TextPositionSelector, TextQuoteSelector } from '../model';

/** Characters of context kept on each side of a quote, as Hypothesis does. */
export const QUOTE_CONTEXT = 32;

/**
 * Describes the span [start, end) of a passage's text with both W3C selectors, so the span can
 * be found again by position while the text is unchanged, and by quote once it has changed.
 */
export function describeSpan(
  text: string,
  start: number,
  end: number,
): { quote: TextQuoteSelector; position: TextPositionSelector } {
  if (!(start >= 0 && end > start && end <= text.length)) {
    throw new RangeError(`Span ${start}–${end} lies outside a text of ${text.length} characters`);
  }
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT), start),
      suffix: text.slice(end, end + QUOTE_CONTEXT),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}
