// Options of the alignment engine, shared by its modules.

import type { LexiconCounts } from './lexicon';

/** Languages of the two sequences, as BCP 47 tags ("ru", "en"), and what the caller knows. */
export interface AlignOptions {
  originalLang: string;
  translationLang: string;
  /** The library's translation lexicon for this language pair, to add to the text's own. */
  lexicon?: LexiconCounts | null;
  /** Whether to consider that one text is an excerpt of the other (default: yes). */
  excerpt?: boolean;
  /**
   * Whether paragraphs of several sentences are grouped with the help of an alignment of their
   * sentences (default: yes).
   */
  sentences?: boolean;
  /** One pass only: no realignment (for alignments that only inform another). */
  quick?: boolean;
}
