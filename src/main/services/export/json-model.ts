// Marginalia's own JSON: every record in full (metadata, both texts, the alignment) with its
// annotations, glossary and entities. Versioned, so a later Marginalia can read an older file
// and refuse a newer one with a clear reason.
import { fullCitation } from '@shared/citation';
import type { AnnotationReply, Category, Side, TranslationNoteType } from '@shared/model';
import { portableRecord, type PortableRecord } from '@shared/portable-record';
import type { ExportBundle, ExportEntity, ExportGlossaryEntry } from './bundle';

export const JSON_FORMAT = 'marginalia-export';
export const JSON_VERSION = 1;

export interface JsonTarget {
  side: Side;
  passageIndex: number;
  quote: { exact: string; prefix: string; suffix: string };
  position: { start: number; end: number };
  orphaned: boolean;
}

export interface JsonAnnotation {
  id: string;
  category: string;
  comment: { json: string | null; text: string };
  tags: string[];
  noteType: TranslationNoteType | null;
  replies: { id: string; created: string; modified: string; json: string | null; text: string }[];
  targets: JsonTarget[];
  created: string;
  modified: string;
}

/** A record as the CLI prints it, with its citation, annotations, glossary and entities. */
export interface JsonRecord extends PortableRecord {
  /** The full citation (Chicago), as the record is footnoted. */
  citation: string;
  annotations: JsonAnnotation[];
  glossary: ExportGlossaryEntry[];
  entities: ExportEntity[];
}

export interface JsonExport {
  format: typeof JSON_FORMAT;
  version: number;
  exported: string;
  generator: { name: string; version: string };
  categories: Category[];
  records: JsonRecord[];
}

const iso = (ms: number): string => new Date(ms).toISOString();

function replyJson(reply: AnnotationReply): JsonAnnotation['replies'][number] {
  return {
    id: reply.id,
    created: iso(reply.createdAt),
    modified: iso(reply.updatedAt),
    json: reply.body.json,
    text: reply.body.text,
  };
}

function toJsonRecord(bundle: ExportBundle): JsonRecord {
  const { record } = bundle;
  // The citation follows the title; the other fields keep the portable order.
  const { id, title, ...rest } = portableRecord(record);
  return {
    id,
    title,
    citation: fullCitation(record),
    ...rest,
    annotations: bundle.annotations.map((a) => ({
      id: a.id,
      category: a.categoryId,
      comment: { json: a.comment.json, text: a.comment.text },
      tags: a.tags,
      noteType: a.noteType,
      replies: a.replies.map(replyJson),
      targets: a.targets.map((t) => ({
        side: t.side,
        passageIndex: t.passageIndex,
        quote: { exact: t.quote.exact, prefix: t.quote.prefix, suffix: t.quote.suffix },
        position: { start: t.position.start, end: t.position.end },
        orphaned: t.orphaned,
      })),
      created: iso(a.createdAt),
      modified: iso(a.updatedAt),
    })),
    glossary: bundle.glossary,
    entities: bundle.entities,
  };
}

export function renderJson(bundles: ExportBundle[]): string {
  const first = bundles[0];
  if (!first) throw new RangeError('Nothing to export');
  const document: JsonExport = {
    format: JSON_FORMAT,
    version: JSON_VERSION,
    exported: first.exportedAt.toISOString(),
    generator: first.generator,
    categories: first.categories,
    records: bundles.map(toJsonRecord),
  };
  return JSON.stringify(document, null, 2) + '\n';
}
