// What an importer extracts from a file, before it is aligned and stored: the record's catalogue
// fields (the model's own) and the paragraphs of each side.
import type { CatalogueFields } from '@shared/model';

export interface ParsedRecord {
  meta: ParsedMeta;
  original: ParsedText;
  translation: ParsedText;
}

/** The catalogue fields a file gives; the library adds the id and the times. */
export type ParsedMeta = CatalogueFields;

export interface ParsedText {
  /** BCP 47 language tag; "und" when the side is empty or unknown. */
  lang: string;
  paragraphs: string[];
}
