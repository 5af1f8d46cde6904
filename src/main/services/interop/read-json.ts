// Reads Marginalia's own JSON export back: every record with its texts, alignment and
// annotations. The file is checked against its schema first, so a damaged or foreign file is
// refused with the place that is wrong, and a newer version of the format is refused outright.
import { z } from 'zod';
import { TRANSLATION_NOTE_TYPES } from '@shared/model';
import { JSON_FORMAT, JSON_VERSION } from '../export/json-model';
import { creditsFor } from '../import/credits';
import { lexicalFromPlainText } from './lexical-build';
import type { ImportedGroup, ParsedAnnotationFile } from './model';

const text = z.string().max(2_000_000);
const nullableText = text.nullable();
const time = z.string().refine((t) => Number.isFinite(Date.parse(t)), 'is not a date and time');

const schema = z.object({
  format: z.literal(JSON_FORMAT),
  version: z.number().int().positive(),
  records: z
    .array(
      z.object({
        id: z.string().max(64),
        title: text.min(1),
        date: nullableText,
        recordId: nullableText,
        type: nullableText,
        source: nullableText,
        rights: nullableText,
        summary: nullableText,
        url: nullableText,
        uploaded: nullableText.optional(),
        translator: nullableText.optional(),
        contributor: nullableText.optional(),
        original: z.object({ lang: z.string().max(35), paragraphs: z.array(text).max(100_000) }),
        translation: z.object({ lang: z.string().max(35), paragraphs: z.array(text).max(100_000) }),
        alignment: z
          .array(
            z.object({
              original: z.array(z.number().int().nonnegative()),
              translation: z.array(z.number().int().nonnegative()),
              confidence: z.number().min(0).max(1),
              confirmed: z.boolean(),
            }),
          )
          .max(200_000),
        annotations: z
          .array(
            z.object({
              id: z.string().max(64),
              category: z.string().max(64),
              comment: z.object({ json: z.string().nullable(), text: z.string() }),
              tags: z.array(z.string().max(200)).max(64).default([]),
              noteType: z.enum(TRANSLATION_NOTE_TYPES).nullable().default(null),
              replies: z
                .array(
                  z.object({
                    id: z.string().max(64).optional(),
                    created: time,
                    json: z.string().nullable(),
                    text: z.string(),
                  }),
                )
                .default([]),
              targets: z
                .array(
                  z.object({
                    side: z.enum(['original', 'translation']),
                    passageIndex: z.number().int().nonnegative(),
                    quote: z.object({ exact: z.string(), prefix: z.string(), suffix: z.string() }),
                    position: z.object({
                      start: z.number().int().nonnegative(),
                      end: z.number().int().nonnegative(),
                    }),
                    orphaned: z.boolean(),
                  }),
                )
                .min(1)
                .max(8),
              created: time,
              modified: time,
            }),
          )
          .max(100_000),
      }),
    )
    .min(1, 'holds no records'),
});

export function looksLikeMarginaliaJson(document: unknown): boolean {
  return (
    typeof document === 'object' &&
    document !== null &&
    (document as { format?: unknown }).format === JSON_FORMAT
  );
}

export class FormatError extends Error {}

export function readMarginaliaJson(document: unknown): ParsedAnnotationFile {
  const version = (document as { version?: unknown }).version;
  if (typeof version === 'number' && version > JSON_VERSION) {
    throw new FormatError(
      `This file was written by a newer Marginalia (format version ${version}; this one reads up to ${JSON_VERSION}). Update Marginalia to import it.`,
    );
  }
  const parsed = schema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new FormatError(
      `This Marginalia JSON file is damaged: ${issue.path.join('.') || 'the file'} ${issue.message}.`,
    );
  }
  const groups: ImportedGroup[] = parsed.data.records.map((r) => ({
    hints: { id: r.id, recordId: r.recordId, url: r.url, title: r.title },
    record: {
      meta: {
        title: r.title,
        date: r.date,
        recordId: r.recordId,
        type: r.type,
        source: r.source,
        rights: r.rights,
        summary: r.summary,
        url: r.url,
        uploaded: r.uploaded ?? null,
        // Files written before the fields existed still credit people in their source line.
        ...creditsFor(r.source, { translator: r.translator, contributor: r.contributor }),
      },
      original: r.original,
      translation: r.translation,
      alignment: r.alignment,
    },
    annotations: r.annotations.map((a) => ({
      id: a.id,
      categoryId: a.category,
      categoryName: null,
      noteType: a.noteType,
      comment: a.comment.json ?? lexicalFromPlainText(a.comment.text),
      tags: a.tags,
      replies: a.replies.map((reply) => ({
        id: reply.id ?? null,
        createdAt: Date.parse(reply.created),
        json: reply.json ?? lexicalFromPlainText(reply.text),
      })),
      createdAt: Date.parse(a.created),
      updatedAt: Date.parse(a.modified),
      targets: a.targets.map((t) => ({
        side: t.side,
        lang: null,
        passage: { index: t.passageIndex, start: t.position.start, end: t.position.end },
        sidePosition: null,
        quote: t.quote,
      })),
    })),
  }));
  return { format: 'json', groups, warnings: [] };
}
