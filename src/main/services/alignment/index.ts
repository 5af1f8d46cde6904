// Public surface of the alignment engine: pure, synchronous functions over strings.

export {
  alignDetailed,
  alignSequences,
  type AlignmentDiagnostics,
  type DetailedAlignment,
  type RowEvidence,
} from './align';
export type { GroupEvidence } from './cost-model';
export { explainGroups } from './explain-groups';
export { learnCounts, lexiconCounts, type LearnedCount, type LexiconCounts } from './lexicon';
export { realign } from './realign';
export { alignSentences, type SentenceAlignment, type SentenceRef } from './sentences';
export { sentenceSpans, splitParagraphs, splitSentences, type Span } from './segment';
export { extractEvidence, isEditorialMark, oneSidedScore, type SegmentEvidence } from './evidence';
export { nameSimilarity, namesMatch, phoneticKey, transliterate } from '@shared/text/transliterate';
export { alignmentProblem } from './validate';
export type { AlignOptions } from './types';
