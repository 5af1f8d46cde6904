// What every exporter reads: one record with everything said about it (the bundle), as plain
// types, so the modules that build a bundle and those that render one need not import each other.
import type { TextUnit } from '@shared/alignment/view';
import type {
  AlignmentGroup,
  Annotation,
  Category,
  EntityKind,
  RecordDocument,
  Side,
} from '@shared/model';
import type { RecordFacsimile } from '@shared/scans/facsimile';

export type ExportAnnotation = Annotation;

export interface ExportGlossaryEntry {
  id: string;
  term: string;
  termLang: string;
  renderings: string[];
  renderingLang: string;
  note: string;
}

/** A person, place or organisation with every name it goes by and the spans naming it. */
export interface ExportEntity {
  id: string;
  kind: EntityKind;
  /** The preferred name. */
  name: string;
  names: { text: string; lang: string }[];
  /** Annotations of this record that mention it. */
  annotationIds: string[];
  note: string;
}

/** The sentence rows of the record: groups over sentence units (a passage and a span in it). */
export interface SentenceAlignment {
  units: Record<Side, TextUnit[]>;
  groups: AlignmentGroup[];
}

export interface ExportBundle {
  record: RecordDocument;
  /** Sentence-level alignment, when the record's sentences could be aligned. */
  sentences: SentenceAlignment | null;
  /** In reading order. */
  annotations: ExportAnnotation[];
  categories: Category[];
  glossary: ExportGlossaryEntry[];
  entities: ExportEntity[];
  exportedAt: Date;
  generator: { name: string; version: string };
  /** The record's pages and passage layout, for exports that show the facsimile (TEI). */
  facsimile?: RecordFacsimile | null;
  /** The page images by hash, read with the facsimile. */
  pageImages?: Map<string, { mediaType: string; bytes: Uint8Array }>;
}
