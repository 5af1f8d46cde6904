// The domain every process agrees on. Plain data only: these objects cross IPC, HTTP and the
// CLI's JSON output unchanged.

/** Which of a record's two texts a passage belongs to. */
export type Side = 'original' | 'translation';
export const SIDES: readonly Side[] = ['original', 'translation'];

/** The catalogue fields of one archival record, as the archive gives them. */
export interface CatalogueFields {
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
  /** Who translated the record, as credited ("Mark Kramer"). */
  translator: string | null;
  /** Who contributed (obtained, donated) the record to the archive. */
  contributor: string | null;
}

/** Catalogue metadata of one record in the library. */
export interface RecordMeta extends CatalogueFields {
  id: string;
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

/** How a category's marks are underlined, so categories differ without colour (print). */
export type MarkLine = 'solid' | 'dashed' | 'dotted' | 'double' | 'wavy';
export const MARK_LINES: readonly MarkLine[] = ['solid', 'dashed', 'dotted', 'double', 'wavy'];

export interface Category {
  id: string;
  name: string;
  /** #RRGGBB. */
  color: string;
  line: MarkLine;
}

export interface Annotation {
  id: string;
  recordId: string;
  categoryId: string;
  comment: AnnotationComment;
  /**
   * W3C multiple targets: usually one span; a bilingual note has one in the original and its
   * counterpart in the translation.
   */
  targets: AnnotationTarget[];
  /** Free-form tags, in the order given, unique ignoring case. */
  tags: string[];
  /** For a translation note: what kind of difference it records; otherwise null. */
  noteType: TranslationNoteType | null;
  /** The person, place or organisation this span names (a mention of it), or null. */
  entityId: string | null;
  /** Follow-up entries under the comment, oldest first. */
  replies: AnnotationReply[];
  createdAt: number;
  updatedAt: number;
}

/** What `reanchorRecord` did to a record's annotation targets. */
export interface ReanchorReport {
  recordId: string;
  /** Targets of the record's annotations that were looked at (all of them). */
  targets: number;
  /** Targets still at their passage and offsets. */
  unchanged: number;
  /** Targets placed again (by position in a new passage, exact quote or fuzzy quote). */
  reanchored: number;
  /** How the re-anchored targets were found. */
  byMethod: { position: number; exact: number; fuzzy: number };
  /** Targets that could not be placed with confidence and are now (or still) orphaned. */
  orphaned: number;
  /** Of `orphaned`, those that were anchored before this run. */
  newlyOrphaned: number;
  /** Ids of the annotations with at least one orphaned target, in no particular order. */
  orphanedAnnotationIds: string[];
  /**
   * Ids of the annotations whose targets were rewritten (placed again or orphaned), so a client
   * can update just those instead of asking for the whole list again.
   */
  changedAnnotationIds: string[];
}

/** Kinds of translation note. */
export const TRANSLATION_NOTE_TYPES = [
  'omission',
  'addition',
  'mistranslation',
  'rendering-choice',
  'name-variant',
  'illegible',
] as const;
export type TranslationNoteType = (typeof TRANSLATION_NOTE_TYPES)[number];
export const TRANSLATION_NOTE_LABELS: Record<TranslationNoteType, string> = {
  omission: 'Omission',
  addition: 'Addition',
  mistranslation: 'Mistranslation',
  'rendering-choice': 'Rendering choice',
  'name-variant': 'Name / transliteration variant',
  illegible: 'Illegible or garbled in the original',
};

/** One dated follow-up entry in an annotation's thread. */
export interface AnnotationReply {
  id: string;
  annotationId: string;
  body: AnnotationComment;
  createdAt: number;
  updatedAt: number;
}

/** The scholar's own rich-text essay on a record; links `marginalia://annotation/ID` cite notes. */
export interface RecordNote {
  recordId: string;
  /** Lexical JSON and its plain text; json is null while the note is empty. */
  body: AnnotationComment;
  /** Null when the note was never written. */
  updatedAt: number | null;
}

/** What a draft is written about: selected words (a new note), or an existing note. */
export type DraftTarget =
  | { kind: 'span'; passageId: number; start: number; end: number; quote: string }
  | { kind: 'note'; annotationId: string };

/**
 * Words being written, kept in the library as they are typed so that a reload or a crash loses
 * nothing: a new note's comment, an edit of a note's comment, or a reply. One per record and
 * target; saving it (under its id) or discarding it removes it.
 */
export interface Draft {
  /** Made by the client when the editor opened; the note saved from it is created under it. */
  id: string;
  recordId: string;
  kind: 'comment' | 'reply';
  target: DraftTarget;
  /** Lexical JSON, or null while nothing is written. */
  json: string | null;
  categoryId: string | null;
  tags: string[];
  noteType: TranslationNoteType | null;
  /** Increases with every save from the client; an older one arriving late changes nothing. */
  revision: number;
  updatedAt: number;
}

/** A place in a record's text where a term or name occurs. */
export interface TextOccurrence {
  recordId: string;
  recordTitle: string;
  side: Side;
  passageId: number;
  passageIndex: number;
  start: number;
  end: number;
  /** The words as they stand in the text (e.g. the inflected form "перемирии"). */
  text: string;
}

/** A glossary entry: an original term and how it is rendered in the translation. */
export interface GlossaryEntry {
  id: string;
  term: string;
  /** BCP 47 tag of the term's language (usually the originals', e.g. "ru"). */
  termLang: string;
  renderings: string[];
  renderingLang: string;
  note: string;
  /** The record and annotation the entry was made from, when it was. */
  recordId: string | null;
  annotationId: string | null;
  createdAt: number;
  updatedAt: number;
}

/** A glossary entry with every occurrence of its term (by stem) and of its renderings. */
export interface GlossaryEntryView extends GlossaryEntry {
  occurrences: TextOccurrence[];
  renderingOccurrences: TextOccurrence[];
}

/** One original term whose occurrences are rendered differently across records. */
export interface GlossaryInconsistency {
  term: string;
  termLang: string;
  entryIds: string[];
  records: {
    recordId: string;
    recordTitle: string;
    /** Occurrences of the term in this record's original. */
    occurrences: number;
    /** Renderings found in the aligned translation of those occurrences, with counts. */
    renderings: { rendering: string; count: number }[];
    /** Occurrences whose aligned translation holds none of the known renderings. */
    unrendered: number;
  }[];
}

export type EntityKind = 'person' | 'place' | 'organisation';
export const ENTITY_KINDS: readonly EntityKind[] = ['person', 'place', 'organisation'];

/** A person, place or organisation with every spelling it goes by (the first is preferred). */
export interface Entity {
  id: string;
  kind: EntityKind;
  names: string[];
  note: string;
  createdAt: number;
  updatedAt: number;
}

/** An annotation that names an entity. */
export interface EntityMention {
  annotationId: string;
  recordId: string;
  recordTitle: string;
  side: Side;
  passageId: number | null;
  quote: string;
  orphaned: boolean;
}

/** An entity with its linked mentions and unlinked occurrences of its names (by stem). */
export interface EntityView extends Entity {
  mentions: EntityMention[];
  occurrences: TextOccurrence[];
}
