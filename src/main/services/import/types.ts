/** What an importer extracts from a file, before it is aligned and stored. */
export interface ParsedRecord {
  meta: ParsedMeta;
  original: ParsedText;
  translation: ParsedText;
}

export interface ParsedMeta {
  title: string;
  date: string | null;
  recordId: string | null;
  type: string | null;
  source: string | null;
  rights: string | null;
  summary: string | null;
  url: string | null;
  uploaded: string | null;
}

export interface ParsedText {
  /** BCP 47 language tag; "und" when the side is empty or unknown. */
  lang: string;
  paragraphs: string[];
}
