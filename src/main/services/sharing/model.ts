// What a shared collection's Yjs documents hold, and the checks every value from another machine
// passes before it touches SQLite: a member document is written by someone else, so nothing in it
// is trusted (sizes, types, ids).
import { z } from 'zod';
import { TRANSLATION_NOTE_TYPES } from '@shared/model';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const text = (max: number) => z.string().max(max);
const nullableText = (max: number) => z.string().max(max).nullable();
const time = z.number().int().nonnegative();

/** One record as its owner shares it: catalogue fields, both texts and the alignment. */
export const sharedRecordSchema = z.object({
  meta: z.object({
    id,
    title: text(2000),
    date: nullableText(100),
    recordId: nullableText(500),
    type: nullableText(500),
    source: nullableText(5000),
    rights: nullableText(5000),
    summary: nullableText(100_000),
    url: nullableText(5000),
    uploaded: nullableText(100),
    translator: nullableText(1000).default(null),
    contributor: nullableText(1000).default(null),
  }),
  original: z.object({ lang: text(35), paragraphs: z.array(text(200_000)).max(20_000) }),
  translation: z.object({ lang: text(35), paragraphs: z.array(text(200_000)).max(20_000) }),
  alignment: z
    .array(
      z.object({
        original: z.array(z.number().int().nonnegative()),
        translation: z.array(z.number().int().nonnegative()),
        confidence: z.number().min(0).max(1),
        confirmed: z.boolean(),
      }),
    )
    .max(40_000),
  updatedAt: time,
});
export type SharedRecord = z.infer<typeof sharedRecordSchema>;

const targetSchema = z.object({
  side: z.enum(['original', 'translation']),
  passageIndex: z.number().int().nonnegative(),
  exact: text(20_000),
  prefix: text(200),
  suffix: text(200),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

/** A note as its author shares it; passages are named by side and index, never by local row. */
export const sharedNoteSchema = z.object({
  recordId: id,
  category: id,
  comment: z.object({ json: nullableText(200_000), text: text(100_000) }),
  tags: z.array(text(100)).max(100),
  noteType: z.enum(TRANSLATION_NOTE_TYPES).nullable(),
  targets: z.array(targetSchema).min(1).max(20),
  created: time,
  updated: time,
});
export type SharedNote = z.infer<typeof sharedNoteSchema>;

export const sharedReplySchema = z.object({
  annotationId: id,
  json: text(200_000),
  text: text(100_000),
  created: time,
  updated: time,
});
export type SharedReply = z.infer<typeof sharedReplySchema>;

export const sharedGlossarySchema = z.object({
  term: text(500),
  termLang: text(35),
  renderings: z.array(text(500)).max(50),
  renderingLang: text(35),
  note: text(20_000),
  recordId: id.nullable(),
  created: time,
  updated: time,
});
export type SharedGlossaryEntry = z.infer<typeof sharedGlossarySchema>;

/** A roster entry, written by the server from a verified token. */
export const rosterEntrySchema = z.object({
  name: text(100),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  role: z.enum(['owner', 'member', 'reader']),
});

/** Parses a JSON value from a Yjs map with a schema; null for anything that does not fit. */
export function parseShared<T>(schema: z.ZodType<T>, value: unknown): T | null {
  if (typeof value !== 'string' || value.length > 2_000_000) return null;
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return null;
  }
  const result = schema.safeParse(json);
  return result.success ? result.data : null;
}

/** Okabe & Ito's colour-blind-safe palette, for authors' names and marks. */
export const AUTHOR_COLORS = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#7F6A00',
  '#6A3D9A',
] as const;

/** A stable colour for a member, from their id. */
export function colorForMember(memberId: string): string {
  let hash = 0;
  for (const char of memberId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return AUTHOR_COLORS[hash % AUTHOR_COLORS.length]!;
}
