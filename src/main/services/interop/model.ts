// What an annotation file says, whatever its format (W3C Web Annotation, Hypothesis, TEI,
// Marginalia JSON), before it is matched to a record and anchored: the readers produce this,
// one importer stores it.
import type { AlignmentGroup, Side, TranslationNoteType } from '@shared/model';
import type { ParsedRecord } from '../import';

export interface ImportedTarget {
  side: Side | null;
  lang: string | null;
  /** The span's passage and UTF-16 offsets inside it, when the file says exactly. */
  passage: { index: number; start: number; end: number } | null;
  /** Code-point offsets into the side's passages joined by line breaks (Web Annotation). */
  sidePosition: { start: number; end: number } | null;
  quote: { exact: string; prefix: string; suffix: string } | null;
}

export interface ImportedReply {
  /** The reply's own id when the file carries one of ours. */
  id?: string | null;
  createdAt: number | null;
  json: string | null;
}

export interface ImportedAnnotation {
  /** The annotation's own id (a UUID) when the file carries one of ours. */
  id: string | null;
  categoryId: string | null;
  categoryName: string | null;
  noteType: TranslationNoteType | null;
  /** Serialised Lexical state of the comment, or null for a bare highlight. */
  comment: string | null;
  tags: string[];
  replies: ImportedReply[];
  createdAt: number | null;
  updatedAt: number | null;
  targets: ImportedTarget[];
}

/** A record's texts and catalogue data, for formats that carry them (TEI, Marginalia JSON). */
export interface ImportedRecord extends ParsedRecord {
  /** The alignment when the file gives one; otherwise the aligner makes it. */
  alignment: AlignmentGroup[] | null;
}

/** Annotations on one record, with what the file says about which record that is. */
export interface ImportedGroup {
  hints: { id: string | null; recordId: string | null; url: string | null; title: string | null };
  record: ImportedRecord | null;
  annotations: ImportedAnnotation[];
}

export type AnnotationFileFormat = 'jsonld' | 'hypothesis' | 'tei' | 'json';

export interface ParsedAnnotationFile {
  format: AnnotationFileFormat;
  groups: ImportedGroup[];
  /** Things skipped while reading, one sentence each. */
  warnings: string[];
}

export const FORMAT_NAMES: Record<AnnotationFileFormat, string> = {
  jsonld: 'W3C Web Annotation (JSON-LD)',
  hypothesis: 'Hypothesis JSON',
  tei: 'TEI',
  json: 'Marginalia JSON',
};
