// Acting on many notes at once (the Annotations panel's multi-select): delete, re-categorise and
// tag, each all or none in one transaction, so that one undo step takes it back.
import type { ParsedInput } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import type { Annotation } from '@shared/model';
import type { AppContext } from '../context';
import {
  deleteAnnotation,
  requireAnnotation,
  requireCategory,
  restoreAnnotation,
} from './annotations-service';
import { normaliseTags } from './tags';
import { putAnnotation } from './targets';

function distinct(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

export function deleteAnnotations(
  ctx: AppContext,
  input: ParsedInput<'annotations.deleteMany'>,
): Annotation[] {
  return ctx.transaction(() => distinct(input.ids).map((id) => deleteAnnotation(ctx, id)));
}

export function restoreAnnotations(
  ctx: AppContext,
  input: ParsedInput<'annotations.restoreMany'>,
): Annotation[] {
  return ctx.transaction(() =>
    input.annotations.map((annotation) => restoreAnnotation(ctx, { annotation })),
  );
}

export function updateAnnotations(
  ctx: AppContext,
  input: ParsedInput<'annotations.updateMany'>,
): { before: Annotation[]; after: Annotation[] } {
  if (input.categoryId) requireCategory(ctx, input.categoryId);
  return ctx.transaction(() => {
    const before = distinct(input.ids).map((id) => requireAnnotation(ctx, id));
    const now = ctx.now();
    const after = before.map((current) => {
      const updated: Annotation = {
        ...current,
        categoryId: input.categoryId ?? current.categoryId,
        tags: normaliseTags([...current.tags, ...(input.addTags ?? [])]),
        updatedAt: Math.max(now, current.updatedAt),
      };
      ctx.annotations.update(updated);
      return updated;
    });
    return { before, after };
  });
}

export function putAnnotations(
  ctx: AppContext,
  input: ParsedInput<'annotations.putMany'>,
): Annotation[] {
  const ids = input.annotations.map((a) => a.id);
  if (new Set(ids).size !== ids.length) {
    throw new ApiError('invalid_input', 'The same note is given twice.', [
      { path: 'annotations', message: 'duplicate id' },
    ]);
  }
  return ctx.transaction(() =>
    input.annotations.map((annotation) => putAnnotation(ctx, { annotation })),
  );
}
