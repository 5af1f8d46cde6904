// The domain every process agrees on. Plain data only: these objects cross IPC, HTTP and the
// CLI's JSON output unchanged.

/** Which of a record's two texts a passage belongs to. */
export type Side = 'original' | 'translation';
export const SIDES: readonly Side[] = ['original', 'translation'];

/** Catalogue metadata of one archival record. */
export interface RecordMeta {
  id: string;
  title: string;
  /** ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD) when known. */
  date: string | null;
  /** The archive's own identifier ("Record ID" on the page). */
  recordId: string | null;
  type: string | null;
  /** The archival citation exactly as the archive gives it. */
  source: string | null;
  rights: string | null;
  summary: string | null;
  url: string | null;
  /** Date the archive published the record, when the page says. */
  uploaded: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface Passage {
  id: number;
  side: Side;
  /** Position within its side, from 0. */
  index: number;
  text: string;
}

export interface TextVersion {
  /** BCP 47 language tag, e.g. "ru", "en"; "und" when unknown. */
  lang: string;
  passages: Passage[];
}

/**
 * One row of the aligned view: passage indexes of each side that correspond. Either list may be
 * empty (a line that exists in one language only).
 */
export interface AlignmentGroup {
  original: number[];
  translation: number[];
  /** 0..1: how sure the aligner is; 1 for rows a user confirmed. */
  confidence: number;
  confirmed: boolean;
}

export interface RecordDocument extends RecordMeta {
  original: TextVersion;
  translation: TextVersion;
  alignment: AlignmentGroup[];
}

export interface RecordSummary {
  id: string;
  title: string;
  date: string | null;
  recordId: string | null;
  type: string | null;
  originalLang: string;
  translationLang: string;
  annotationCount: number;
}

/** W3C Web Annotation TextQuoteSelector; prefix and suffix hold up to 32 characters. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation TextPositionSelector, UTF-16 offsets into the passage's text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface AnnotationTarget {
  /** The passage the span lies in; null once that passage no longer exists (then orphaned). */
  passageId: number | null;
  side: Side;
  /** Index of the passage within its side when the target was last anchored. */
  passageIndex: number;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  /** True when the text changed so that the span could not be placed with confidence. */
  orphaned: boolean;
}

export interface AnnotationComment {
  /** Serialised Lexical editor state, or null for a bare highlight. */
  json: string | null;
  /** Plain text of the comment, for search and previews. */
  text: string;
}

export interface Category {
  id: string;
  name: string;
  color: string;
}

export interface Annotation {
  id: string;
  recordId: string;
  categoryId: string;
  comment: AnnotationComment;
  targets: AnnotationTarget[];
  createdAt: number;
  updatedAt: number;
}
