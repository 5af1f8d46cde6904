// The annotated edition and the teaching handout as plain data: which rows, which languages,
// which notes, numbered and placed. The HTML, PDF and Word renderers and the handout preview in
// the app all draw this one model, so what the preview shows is what the files contain.
import type { Category, TranslationNoteType } from './model';

export type LanguageChoice = 'both' | 'original' | 'translation';

export interface HandoutRecordChoice {
  recordId: string;
  /** Indexes of the aligned rows to keep, in reading order; null keeps every row. */
  rows: number[] | null;
}

/** What a teacher chooses in the handout builder (and what the edition uses by default). */
export interface HandoutOptions {
  /** Empty: the record's title (one record) or “Handout”. */
  title: string;
  /** Plain text; blank lines separate paragraphs. */
  instructions: string;
  records: HandoutRecordChoice[];
  languages: LanguageChoice;
  /** Categories whose notes become numbered notes; null includes every category. */
  categories: string[] | null;
  glossary: boolean;
  questions: boolean;
  /** More questions typed in the builder, one per line, asked after those from annotations. */
  extraQuestions: string;
}

/** Settings the handout builder remembers between sessions (everything but the records). */
export type HandoutSettings = Omit<HandoutOptions, 'records'> & {
  format: 'docx' | 'pdf' | 'html';
};

export const DEFAULT_HANDOUT_SETTINGS: HandoutSettings = {
  title: '',
  instructions: '',
  languages: 'both',
  categories: null,
  glossary: true,
  questions: true,
  extraQuestions: '',
  format: 'docx',
};

/** A stretch of passage text with the same notes over it. */
export interface EditionRun {
  text: string;
  /** Categories of the annotations covering this text (for the mark's colour). */
  categoryIds: string[];
  /** Note numbers of the annotations covering this text. */
  notes: number[];
  /** Note references placed right after this text (the spans that end here). */
  refs: EditionRef[];
}

export interface EditionRef {
  /** "3" for a note, "Q1" for a question. */
  label: string;
  kind: 'note' | 'question';
  number: number;
  /** False for the second span of a bilingual note: the note is referenced once, elsewhere. */
  primary: boolean;
}

export interface EditionPassage {
  index: number;
  runs: EditionRun[];
}

export interface EditionRow {
  /** Index of the aligned row in the record. */
  row: number;
  original: EditionPassage[];
  translation: EditionPassage[];
}

export interface EditionQuote {
  side: 'original' | 'translation';
  lang: string;
  text: string;
}

export interface EditionNote {
  number: number;
  annotationId: string;
  categoryId: string;
  categoryName: string;
  quotes: EditionQuote[];
  /** Serialised Lexical state of the comment, or null. */
  commentJson: string | null;
  commentText: string;
  tags: string[];
  noteType: TranslationNoteType | null;
  thread: { createdAt: number; json: string | null; text: string }[];
  /** A link that opens the app at this note's span. */
  link: string;
  /** True when the span could not be placed in the current text. */
  orphaned: boolean;
}

export interface EditionQuestion {
  number: number;
  text: string;
  commentJson: string | null;
  /** The passage it asks about, when it comes from an annotation. */
  quote: string | null;
  recordTitle: string | null;
}

export interface EditionGlossaryEntry {
  term: string;
  termLang: string;
  renderings: string[];
  renderingLang: string;
  note: string;
}

export interface EditionEntity {
  id: string;
  kind: 'person' | 'place' | 'organisation';
  name: string;
  variants: string[];
}

export interface EditionSection {
  recordId: string;
  title: string;
  facts: { label: string; value: string }[];
  citation: string;
  rights: string | null;
  summary: string | null;
  url: string | null;
  languages: {
    original: { lang: string; name: string };
    translation: { lang: string; name: string };
  };
  rows: EditionRow[];
  /** Notes placed in this section's text, in reading order. */
  notes: EditionNote[];
  /** Notes whose span no longer fits the text (listed, never dropped). */
  unplaced: EditionNote[];
  entities: EditionEntity[];
}

export interface EditionDocument {
  kind: 'edition' | 'handout';
  title: string;
  instructions: string[];
  languages: LanguageChoice;
  sections: EditionSection[];
  /** Categories that appear in marks, for the legend. */
  categories: Category[];
  glossary: EditionGlossaryEntry[] | null;
  questions: EditionQuestion[] | null;
  generatedAt: string;
  generator: string;
}
