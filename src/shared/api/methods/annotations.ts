import { z } from 'zod';
import type { Annotation, Category } from '../../model';
import { LIMITS } from '../limits';
import { commentInput, id, passageId, returns, side } from '../schemas';

const targetInput = z
  .strictObject({
    passageId,
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((t) => t.end > t.start, { message: 'end must be after start', path: ['end'] });

export const annotationMethods = {
  'categories.list': {
    input: z.strictObject({}),
    output: returns<Category[]>(),
  },
  'annotations.list': {
    input: z.strictObject({ recordId: id }),
    output: returns<Annotation[]>(),
  },
  'annotations.create': {
    input: z.strictObject({
      recordId: id,
      targets: z.array(targetInput).min(1).max(2),
      categoryId: id.optional(),
      comment: commentInput.optional(),
    }),
    output: returns<Annotation>(),
  },
  'annotations.update': {
    input: z.strictObject({
      id,
      categoryId: id.optional(),
      comment: commentInput.optional(),
    }),
    output: returns<Annotation>(),
  },
  'annotations.delete': {
    input: z.strictObject({ id }),
    output: returns<Annotation>(),
  },
  /** Puts back an annotation exactly as `annotations.delete` returned it (undo). */
  'annotations.restore': {
    input: z.strictObject({
      annotation: z.strictObject({
        id,
        recordId: id,
        categoryId: id,
        comment: z.strictObject({
          json: commentInput.shape.json,
          text: z.string().max(LIMITS.maxCommentTextChars),
        }),
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
          .max(2),
        createdAt: z.number(),
        updatedAt: z.number(),
      }),
    }),
    output: returns<Annotation>(),
  },
} as const;
