// The one portable shape of a record, for everything that carries a record out of the app or into
// it as text: the CLI's --json, Marginalia JSON exports, and Markdown front matter (exported and
// imported). Its catalogue fields are the model's; each format only chooses which of them to
// write and under what name.
import type { AlignmentGroup, CatalogueFields, RecordDocument } from './model';

/** One side of a record as plain text: its language and its paragraphs, in order. */
export interface PortableText {
  lang: string;
  paragraphs: string[];
}

export interface PortableRecord extends CatalogueFields {
  id: string;
  original: PortableText;
  translation: PortableText;
  alignment: AlignmentGroup[];
}

export interface PortableOptions {
  /** Round alignment confidences to this many decimals (the CLI prints 3); default: as stored. */
  confidenceDecimals?: number;
}

/** The record as plain data: catalogue fields, both texts, and the rows that align them. */
export function portableRecord(
  record: RecordDocument,
  options: PortableOptions = {},
): PortableRecord {
  const scale = options.confidenceDecimals === undefined ? null : 10 ** options.confidenceDecimals;
  return {
    id: record.id,
    title: record.title,
    date: record.date,
    recordId: record.recordId,
    type: record.type,
    source: record.source,
    rights: record.rights,
    summary: record.summary,
    url: record.url,
    uploaded: record.uploaded,
    translator: record.translator,
    contributor: record.contributor,
    original: {
      lang: record.original.lang,
      paragraphs: record.original.passages.map((p) => p.text),
    },
    translation: {
      lang: record.translation.lang,
      paragraphs: record.translation.passages.map((p) => p.text),
    },
    alignment: record.alignment.map((g) => ({
      original: g.original,
      translation: g.translation,
      confidence: scale === null ? g.confidence : Math.round(g.confidence * scale) / scale,
      confirmed: g.confirmed,
    })),
  };
}

/**
 * The name of each catalogue field in Markdown front matter (YAML, snake_case as Obsidian users
 * write it). The record's archival citation is `archive_citation`, since `citation` holds the
 * formatted footnote.
 */
export const FRONT_MATTER_KEYS: Readonly<Record<keyof CatalogueFields, string>> = {
  title: 'title',
  date: 'date',
  recordId: 'record_id',
  type: 'type',
  source: 'archive_citation',
  rights: 'rights',
  summary: 'summary',
  url: 'url',
  uploaded: 'uploaded',
  translator: 'translator',
  contributor: 'contributor',
};

/** Other names a hand-written front matter may use for a field. */
const FRONT_MATTER_ALIASES: Partial<Record<keyof CatalogueFields, string[]>> = {
  recordId: ['recordid'],
  source: ['source', 'citation'],
  translator: ['translated_by'],
  contributor: ['contributed_by'],
};

/**
 * The catalogue fields a Markdown file's front matter gives (keys compared in lower case);
 * null for each it does not.
 */
export function catalogueFromFrontMatter(meta: Readonly<Record<string, string>>): CatalogueFields {
  const lower = new Map(Object.entries(meta).map(([k, v]) => [k.toLowerCase(), v]));
  const pick = (field: keyof CatalogueFields): string | null => {
    for (const key of [FRONT_MATTER_KEYS[field], ...(FRONT_MATTER_ALIASES[field] ?? [])]) {
      const value = lower.get(key);
      if (value !== undefined) return value;
    }
    return null;
  };
  return {
    title: pick('title') ?? '',
    date: pick('date'),
    recordId: pick('recordId'),
    type: pick('type'),
    source: pick('source'),
    rights: pick('rights'),
    summary: pick('summary'),
    url: pick('url'),
    uploaded: pick('uploaded'),
    translator: pick('translator'),
    contributor: pick('contributor'),
  };
}
