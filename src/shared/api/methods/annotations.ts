// The annotation part of the contract: annotations, categories, replies and transcription edits.
import { z } from 'zod';
import {
  MARK_LINES,
  TRANSLATION_NOTE_TYPES,
  type Annotation,
  type AnnotationReply,
  type Category,
  type Passage,
  type ReanchorReport,
} from '../../model';
import { LIMITS } from '../limits';
import { commentInput, id, passageId, plainName, plainText, returns, side } from '../schemas';

/** A selected span: a passage and UTF-16 offsets into its text. */
const targetInput = z
  .strictObject({
    passageId,
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((t) => t.end > t.start, { message: 'end must be after start', path: ['end'] });

const tags = z.array(z.string().max(200, 'tag is too long')).max(64, 'too many tags');
const noteType = z.enum(TRANSLATION_NOTE_TYPES, 'is not a kind of translation note');
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1A2B3C');
const categoryName = plainName(40);
/**
 * The id the client gave the draft being saved (a UUID made when the editor opened). Saving the
 * same draft again returns what the first save created and writes nothing.
 */
const draftId = z.uuid('must be a UUID');
/** Most notes one bulk action (delete, re-categorise, tag) may change at once. */
const MAX_BULK = 10_000;
const storedComment = z.strictObject({
  json: commentInput.shape.json,
  text: z.string().max(LIMITS.maxCommentTextChars),
});

const replySnapshot = z.strictObject({
  id,
  annotationId: id,
  body: storedComment,
  createdAt: z.number(),
  updatedAt: z.number(),
});

/** An annotation exactly as the API returned it, given back for undo. */
const annotationSnapshot = z.strictObject({
  id,
  recordId: id,
  categoryId: id,
  comment: storedComment,
  targets: z
    .array(
      z.strictObject({
        passageId: passageId.nullable(),
        side: side,
        passageIndex: z.number().int().nonnegative(),
        quote: z.strictObject({
          type: z.literal('TextQuoteSelector'),
          exact: z.string(),
          prefix: z.string(),
          suffix: z.string(),
        }),
        position: z.strictObject({
          type: z.literal('TextPositionSelector'),
          start: z.number().int().nonnegative(),
          end: z.number().int().nonnegative(),
        }),
        orphaned: z.boolean(),
      }),
    )
    .min(1)
    .max(8),
  tags: tags.optional(),
  noteType: noteType.nullable().optional(),
  entityId: id.nullable().optional(),
  replies: z.array(replySnapshot).max(1000).optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});

export const annotationMethods = {
  'categories.list': {
    input: z.strictObject({}),
    output: returns<Category[]>(),
  },
  /** A new category at the end of the palette. */
  'categories.create': {
    input: z.strictObject({ name: categoryName, color, line: z.enum(MARK_LINES).optional() }),
    output: returns<Category>(),
  },
  'categories.update': {
    input: z.strictObject({
      id,
      name: categoryName.optional(),
      color: color.optional(),
      line: z.enum(MARK_LINES).optional(),
    }),
    output: returns<Category>(),
  },
  /**
   * Deletes a category; its annotations move to `reassignTo` (default "note"). Returns what
   * `categories.restore` needs to undo it.
   */
  'categories.delete': {
    input: z.strictObject({ id, reassignTo: id.optional() }),
    output: returns<{ category: Category; sort: number; annotationIds: string[] }>(),
  },
  'categories.restore': {
    input: z.strictObject({
      category: z.strictObject({ id, name: categoryName, color, line: z.enum(MARK_LINES) }),
      sort: z.number().int(),
      annotationIds: z.array(id).max(100_000),
    }),
    output: returns<Category>(),
  },
  'annotations.list': {
    input: z.strictObject({ recordId: id }),
    output: returns<Annotation[]>(),
  },
  /** A new note; with a `draftId`, saving the same draft twice still makes one note. */
  'annotations.create': {
    input: z.strictObject({
      draftId: draftId.optional(),
      recordId: id,
      targets: z.array(targetInput).min(1).max(2),
      categoryId: id.optional(),
      comment: commentInput.optional(),
      tags: tags.optional(),
      noteType: noteType.optional(),
      entityId: id.optional(),
    }),
    output: returns<Annotation>(),
  },
  /** Changes a note; with a `draftId`, the draft it was written in is removed with the change. */
  'annotations.update': {
    input: z.strictObject({
      id,
      draftId: draftId.optional(),
      categoryId: id.optional(),
      comment: commentInput.optional(),
      tags: tags.optional(),
      noteType: noteType.nullable().optional(),
      entityId: id.nullable().optional(),
    }),
    output: returns<Annotation>(),
  },
  'annotations.delete': {
    input: z.strictObject({ id }),
    output: returns<Annotation>(),
  },
  /** Puts back an annotation exactly as `annotations.delete` returned it (undo). */
  'annotations.restore': {
    input: z.strictObject({ annotation: annotationSnapshot }),
    output: returns<Annotation>(),
  },
  /** Overwrites an existing annotation with an earlier snapshot (undo of a change). */
  'annotations.put': {
    input: z.strictObject({ annotation: annotationSnapshot }),
    output: returns<Annotation>(),
  },
  /**
   * Deletes several notes at once, all or none (one undo step). Returns them whole, in the order
   * given, for `annotations.restoreMany`.
   */
  'annotations.deleteMany': {
    input: z.strictObject({ ids: z.array(id).min(1).max(MAX_BULK, 'too many notes at once') }),
    output: returns<Annotation[]>(),
  },
  /** Puts back notes exactly as `annotations.deleteMany` returned them, all or none (undo). */
  'annotations.restoreMany': {
    input: z.strictObject({
      annotations: z.array(annotationSnapshot).min(1).max(MAX_BULK, 'too many notes at once'),
    }),
    output: returns<Annotation[]>(),
  },
  /**
   * Changes several notes at once, all or none (one undo step): a new category, and/or tags
   * added. Returns each note before and after, for `annotations.putMany`.
   */
  'annotations.updateMany': {
    input: z
      .strictObject({
        ids: z.array(id).min(1).max(MAX_BULK, 'too many notes at once'),
        categoryId: id.optional(),
        addTags: tags.optional(),
      })
      .refine((i) => i.categoryId !== undefined || (i.addTags?.length ?? 0) > 0, {
        message: 'give a category or tags to add',
      }),
    output: returns<{ before: Annotation[]; after: Annotation[] }>(),
  },
  /** Overwrites several notes with earlier snapshots, all or none (undo of a change to many). */
  'annotations.putMany': {
    input: z.strictObject({
      annotations: z.array(annotationSnapshot).min(1).max(MAX_BULK, 'too many notes at once'),
    }),
    output: returns<Annotation[]>(),
  },
  /** Adds (or replaces) the annotation's span in the other language: a bilingual note. */
  'annotations.linkCounterpart': {
    input: z.strictObject({ id, target: targetInput }),
    output: returns<Annotation>(),
  },
  /** Removes one span of a bilingual annotation; the last span cannot be removed. */
  'annotations.unlinkTarget': {
    input: z.strictObject({ id, targetIndex: z.number().int().nonnegative() }),
    output: returns<Annotation>(),
  },
  /** Attaches an orphaned (or any) span of an annotation to newly selected text. */
  'annotations.reattach': {
    input: z.strictObject({ id, targetIndex: z.number().int().nonnegative(), target: targetInput }),
    output: returns<Annotation>(),
  },
  /** Places the record's annotations again after its text changed (see reanchorRecord). */
  'annotations.reanchor': {
    input: z.strictObject({ recordId: id }),
    output: returns<ReanchorReport>(),
  },
  /** Every tag used in the library, most used first (for autocomplete). */
  'annotations.tags': {
    input: z.strictObject({}),
    output: returns<{ tag: string; count: number }[]>(),
  },
  /** A dated follow-up entry under an annotation; with a `draftId`, one reply per draft. */
  'annotations.addReply': {
    input: z.strictObject({ draftId: draftId.optional(), annotationId: id, body: commentInput }),
    output: returns<AnnotationReply>(),
  },
  'annotations.updateReply': {
    input: z.strictObject({ id, body: commentInput }),
    output: returns<AnnotationReply>(),
  },
  'annotations.deleteReply': {
    input: z.strictObject({ id }),
    output: returns<AnnotationReply>(),
  },
  'annotations.restoreReply': {
    input: z.strictObject({ reply: replySnapshot }),
    output: returns<AnnotationReply>(),
  },
  /**
   * Corrects the transcription of one passage and re-anchors the record's annotations, in one
   * transaction. Returns the text it replaced, for undo.
   */
  'transcription.editPassage': {
    input: z.strictObject({
      passageId,
      text: plainText(200_000, 'is too long for one passage'),
    }),
    /** `annotations`: those the edit moved or orphaned, as now stored. */
    output: returns<{
      passage: Passage;
      previousText: string;
      report: ReanchorReport;
      annotations: Annotation[];
    }>(),
  },
} as const;
