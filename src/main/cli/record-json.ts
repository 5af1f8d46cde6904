import type { RecordDocument } from '@shared/model';

/** A record as the CLI prints it with --json (documented in the README). */
export interface RecordJson {
  id: string;
  title: string;
  date: string | null;
  recordId: string | null;
  type: string | null;
  source: string | null;
  rights: string | null;
  summary: string | null;
  url: string | null;
  original: { lang: string; paragraphs: string[] };
  translation: { lang: string; paragraphs: string[] };
  alignment: {
    original: number[];
    translation: number[];
    confidence: number;
    confirmed: boolean;
  }[];
}

export function recordJson(record: RecordDocument): RecordJson {
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
      confidence: Math.round(g.confidence * 1000) / 1000,
      confirmed: g.confirmed,
    })),
  };
}
