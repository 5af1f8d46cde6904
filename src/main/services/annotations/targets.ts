// Changes to where an annotation points: a counterpart span in the other language (a bilingual
// note), removing one span, re-attaching an orphan to newly selected text, and putting back a
// snapshot (undo of any of these).
import type { ParsedInput } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import type { Annotation } from '@shared/model';
import type { AppContext } from '../context';
import {
  checkedTargets,
  commentFrom,
  requireAnnotation,
  requireCategory,
  requireEntity,
  targetFromSelection,
} from './annotations-service';
import { normaliseTags } from './tags';

function save(ctx: AppContext, annotation: Annotation): Annotation {
  const updated = { ...annotation, updatedAt: Math.max(ctx.now(), annotation.updatedAt) };
  ctx.annotations.update(updated, true);
  return updated;
}

/**
 * Links a span in the other language to the annotation. A note made in the original gets its
 * rendering in the translation, and the other way round; linking again replaces that span.
 */
export function linkCounterpart(
  ctx: AppContext,
  input: ParsedInput<'annotations.linkCounterpart'>,
): Annotation {
  const annotation = requireAnnotation(ctx, input.id);
  const target = targetFromSelection(ctx, annotation.recordId, input.target, 'target');
  const first = annotation.targets[0];
  if (first && first.side === target.side && annotation.targets.length === 1) {
    throw new ApiError(
      'invalid_input',
      'Select the counterpart in the other language: this span is on the same side as the note.',
      [{ path: 'target', message: 'same side as the annotation' }],
    );
  }
  const others = annotation.targets.filter((t) => t.side !== target.side);
  const targets = first?.side === 'original' ? [...others, target] : [target, ...others];
  return save(ctx, { ...annotation, targets });
}

export function unlinkTarget(
  ctx: AppContext,
  input: ParsedInput<'annotations.unlinkTarget'>,
): Annotation {
  const annotation = requireAnnotation(ctx, input.id);
  if (input.targetIndex >= annotation.targets.length) {
    throw new ApiError('invalid_input', 'This annotation has no such span.', [
      { path: 'targetIndex', message: 'out of range' },
    ]);
  }
  if (annotation.targets.length === 1) {
    throw new ApiError(
      'invalid_input',
      'An annotation needs at least one span; delete the annotation instead.',
    );
  }
  const targets = annotation.targets.filter((_, i) => i !== input.targetIndex);
  return save(ctx, { ...annotation, targets });
}

/** Attaches one span of an annotation (typically an orphan) to newly selected text. */
export function reattachTarget(
  ctx: AppContext,
  input: ParsedInput<'annotations.reattach'>,
): Annotation {
  const annotation = requireAnnotation(ctx, input.id);
  const current = annotation.targets[input.targetIndex];
  if (!current) {
    throw new ApiError('invalid_input', 'This annotation has no such span.', [
      { path: 'targetIndex', message: 'out of range' },
    ]);
  }
  const target = targetFromSelection(ctx, annotation.recordId, input.target, 'target');
  if (target.side !== current.side && annotation.targets.some((t) => t.side === target.side)) {
    throw new ApiError(
      'invalid_input',
      'The annotation already has a span in that language; select text on the same side.',
      [{ path: 'target', message: 'other side already taken' }],
    );
  }
  const targets = annotation.targets.map((t, i) => (i === input.targetIndex ? target : t));
  return save(ctx, { ...annotation, targets });
}

/** Overwrites an annotation with a snapshot the API returned earlier (undo, redo). */
export function putAnnotation(ctx: AppContext, input: ParsedInput<'annotations.put'>): Annotation {
  const given = input.annotation;
  const current = requireAnnotation(ctx, given.id);
  if (current.recordId !== given.recordId) {
    throw new ApiError('invalid_input', 'An annotation cannot move to another record.');
  }
  const snapshot: Annotation = {
    ...current,
    categoryId: requireCategory(ctx, given.categoryId),
    comment: commentFrom(given.comment),
    tags: normaliseTags(given.tags ?? current.tags),
    noteType: given.noteType === undefined ? current.noteType : given.noteType,
    entityId: given.entityId === undefined ? current.entityId : requireEntity(ctx, given.entityId),
    targets: [],
  };
  snapshot.targets = checkedTargets(ctx, { ...snapshot, targets: given.targets });
  return save(ctx, snapshot);
}
