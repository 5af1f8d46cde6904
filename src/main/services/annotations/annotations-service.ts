// Annotations: a highlight or note on a span of a record's text, created from a selection,
// updated, deleted and put back (undo). Each call reads and writes through the repositories and
// returns the annotation as stored, so a client can apply the change without asking again.
import { sortInTextOrder } from '@shared/annotation-order';
import { describeSpan } from '@shared/anchoring/selectors';
import type { ParsedInput } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import { lexicalToPlainText } from '@shared/lexical/plain-text';
import type { Annotation, AnnotationComment, AnnotationTarget } from '@shared/model';
import type { AppContext } from '../context';
import { requireLiveRecord, requireRecord } from '../library/require-record';
import { requireOwnNote } from '../sharing/authors';
import { normaliseTags } from './tags';

const DEFAULT_CATEGORY = 'note';

export function requireCategory(ctx: AppContext, categoryId: string): string {
  if (!ctx.categories.exists(categoryId)) {
    throw new ApiError('invalid_input', `There is no category “${categoryId}”.`, [
      { path: 'categoryId', message: 'unknown category' },
    ]);
  }
  return categoryId;
}

export function requireEntity(ctx: AppContext, entityId: string | null): string | null {
  if (entityId === null) return null;
  if (!ctx.entities.exists(entityId)) {
    throw new ApiError(
      'invalid_input',
      `There is no person, place or organisation “${entityId}”.`,
      [{ path: 'entityId', message: 'unknown entity' }],
    );
  }
  return entityId;
}

export function commentFrom(input: { json: string | null } | undefined): AnnotationComment {
  const json = input?.json ?? null;
  const text = lexicalToPlainText(json);
  // An editor state with no text is no comment at all: store a bare highlight.
  return text === '' ? { json: null, text: '' } : { json, text };
}

export function listAnnotations(ctx: AppContext, recordId: string): Annotation[] {
  const record = requireRecord(ctx, recordId);
  return sortInTextOrder(ctx.annotations.listByRecord(recordId), record);
}

export function createAnnotation(
  ctx: AppContext,
  input: ParsedInput<'annotations.create'>,
): Annotation {
  requireLiveRecord(ctx, input.recordId);
  // A draft saved before (a repeated Ctrl+Enter, a retried request): the same note, unchanged.
  const earlier = input.draftId ? savedDraft(ctx, input.draftId, input.recordId) : null;
  if (earlier) return earlier;
  const targets = input.targets.map((target, i) =>
    targetFromSelection(ctx, input.recordId, target, `targets.${i}`),
  );
  const now = ctx.now();
  const annotation: Annotation = {
    id: ctx.newAnnotationId(),
    recordId: input.recordId,
    categoryId: requireCategory(ctx, input.categoryId ?? DEFAULT_CATEGORY),
    comment: commentFrom(input.comment),
    targets,
    tags: normaliseTags(input.tags ?? []),
    noteType: input.noteType ?? null,
    entityId: requireEntity(ctx, input.entityId ?? null),
    replies: [],
    createdAt: now,
    updatedAt: now,
  };
  if (!input.draftId) {
    ctx.annotations.insert(annotation);
    return annotation;
  }
  // Checked again inside the write's transaction: only one save of a draft ever writes.
  const draftId = input.draftId;
  const raced = ctx.annotations.insertKeyed(annotation, draftId);
  // The draft kept while it was typed is done (one left by a crash just here is never listed
  // again: its id is a creation key now).
  ctx.drafts.delete(draftId);
  return raced ? savedDraft(ctx, draftId, input.recordId)! : annotation;
}

/**
 * The note an earlier save of draft `draftId` created, or null when the draft was never saved.
 * A draft id is one draft's: one used for a reply or another record's note is refused.
 */
function savedDraft(ctx: AppContext, draftId: string, recordId: string): Annotation | null {
  const earlier = ctx.annotations.createdWithKey(draftId);
  if (!earlier) return null;
  const annotation = 'annotationId' in earlier ? ctx.annotations.get(earlier.annotationId) : null;
  if (!annotation || annotation.recordId !== recordId) throw draftUsedElsewhere();
  return annotation;
}

/** The error for a draft id sent again for a different kind of thing or another place. */
export function draftUsedElsewhere(): ApiError {
  return new ApiError('invalid_input', 'This draft was already saved as something else.', [
    { path: 'draftId', message: 'already used by another note or reply' },
  ]);
}

/**
 * Describes a selected span of a passage as an anchored target, refusing passages of other
 * records, spans beyond the text and blank spans. `path` names the input field in errors.
 */
export function targetFromSelection(
  ctx: AppContext,
  recordId: string,
  target: { passageId: number; start: number; end: number },
  path: string,
): AnnotationTarget {
  const passage = ctx.records.passage(target.passageId);
  if (!passage || passage.recordId !== recordId) {
    throw new ApiError('invalid_input', `Passage ${target.passageId} is not part of this record.`, [
      { path: `${path}.passageId`, message: 'not a passage of this record' },
    ]);
  }
  if (target.end > passage.text.length) {
    throw new ApiError(
      'invalid_input',
      `The selection ends after the passage does (${target.end} > ${passage.text.length}).`,
      [{ path: `${path}.end`, message: 'beyond the end of the passage' }],
    );
  }
  const { quote, position } = describeSpan(passage.text, target.start, target.end);
  if (quote.exact.trim() === '') {
    throw new ApiError('invalid_input', 'Select some text to annotate, not just blank space.', [
      { path, message: 'the selected span is blank' },
    ]);
  }
  return {
    passageId: passage.id,
    side: passage.side,
    passageIndex: passage.index,
    quote,
    position,
    orphaned: false,
  };
}

export function requireAnnotation(ctx: AppContext, id: string): Annotation {
  const annotation = ctx.annotations.get(id);
  if (!annotation) throw new ApiError('not_found', `There is no annotation with id “${id}”.`);
  return annotation;
}

export function updateAnnotation(
  ctx: AppContext,
  input: ParsedInput<'annotations.update'>,
): Annotation {
  const current = requireAnnotation(ctx, input.id);
  requireOwnNote(ctx, current.id);
  const updated: Annotation = {
    ...current,
    categoryId: input.categoryId ? requireCategory(ctx, input.categoryId) : current.categoryId,
    comment: input.comment ? commentFrom(input.comment) : current.comment,
    tags: input.tags ? normaliseTags(input.tags) : current.tags,
    noteType: input.noteType === undefined ? current.noteType : input.noteType,
    entityId: input.entityId === undefined ? current.entityId : requireEntity(ctx, input.entityId),
    updatedAt: Math.max(ctx.now(), current.updatedAt),
  };
  const draftId = input.draftId;
  ctx.transaction(() => {
    ctx.annotations.update(updated);
    // The draft of this edit, kept while it was typed, goes with the save.
    if (draftId) ctx.drafts.delete(draftId);
  });
  return updated;
}

/** Deletes an annotation and returns it whole, so the caller can offer undo. */
export function deleteAnnotation(ctx: AppContext, id: string): Annotation {
  const annotation = requireAnnotation(ctx, id);
  requireOwnNote(ctx, id);
  ctx.annotations.delete(id);
  return annotation;
}

/** Puts back a deleted annotation exactly as it was (undo of delete). */
export function restoreAnnotation(
  ctx: AppContext,
  input: ParsedInput<'annotations.restore'>,
): Annotation {
  const given = input.annotation;
  const annotation: Annotation = {
    ...given,
    tags: normaliseTags(given.tags ?? []),
    noteType: given.noteType ?? null,
    entityId: given.entityId ?? null,
    replies: (given.replies ?? []).map((reply) => ({
      ...reply,
      annotationId: given.id,
      body: commentFrom(reply.body),
    })),
  };
  requireLiveRecord(ctx, annotation.recordId);
  if (ctx.annotations.get(annotation.id)) {
    throw new ApiError(
      'invalid_input',
      'This annotation already exists; there is nothing to restore.',
    );
  }
  requireCategory(ctx, annotation.categoryId);
  // The entity may have been deleted since; the mention then comes back unlinked.
  if (annotation.entityId !== null && !ctx.entities.exists(annotation.entityId)) {
    annotation.entityId = null;
  }
  const restored: Annotation = {
    ...annotation,
    comment: { json: annotation.comment.json, text: lexicalToPlainText(annotation.comment.json) },
    targets: checkedTargets(ctx, annotation),
  };
  ctx.annotations.insert(restored);
  return restored;
}

/**
 * Targets of an annotation given back by a client (undo): each keeps its passage only if that
 * passage belongs to the record, and is flagged orphaned unless its quote is still there.
 */
export function checkedTargets(ctx: AppContext, annotation: Annotation): AnnotationTarget[] {
  return annotation.targets.map((target) => {
    const passage = target.passageId === null ? null : ctx.records.passage(target.passageId);
    // The passage may have changed since: keep the target, but never claim it is anchored.
    const intact =
      passage !== null &&
      passage.recordId === annotation.recordId &&
      passage.text.slice(target.position.start, target.position.end) === target.quote.exact;
    return {
      ...target,
      passageId: passage && passage.recordId === annotation.recordId ? passage.id : null,
      orphaned: target.orphaned || !intact,
    };
  });
}
