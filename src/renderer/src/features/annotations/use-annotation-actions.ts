import { useCallback } from 'react';
import type { Annotation } from '@shared/model';
import { api } from '../../api/client';
import { useAppState } from '../../app-state';
import type { PassageSelection } from '../reader/selection';

export interface AnnotationActions {
  /** Creates an annotation on a selection; undoable. */
  create(
    target: PassageSelection,
    commentJson: string | null,
    categoryId: string,
  ): Promise<Annotation>;
  /** Changes an annotation's comment and category; undoable. */
  update(before: Annotation, commentJson: string | null, categoryId: string): Promise<Annotation>;
  /** Deletes an annotation; undoable. */
  remove(annotation: Annotation): Promise<void>;
}

/** Every change to annotations goes through here, so each one lands in the undo history. */
export function useAnnotationActions(recordId: string): AnnotationActions {
  const { done } = useAppState();

  const create = useCallback<AnnotationActions['create']>(
    async (target, commentJson, categoryId) => {
      const created = await api.call('annotations.create', {
        recordId,
        targets: [{ passageId: target.passageId, start: target.start, end: target.end }],
        categoryId,
        ...(commentJson ? { comment: { json: commentJson } } : {}),
      });
      let current = created;
      done({
        label: commentJson ? 'Comment' : 'Highlight',
        undo: async () => {
          current = await api.call('annotations.delete', { id: current.id });
        },
        redo: async () => {
          current = await api.call('annotations.restore', { annotation: current });
        },
      });
      return created;
    },
    [recordId, done],
  );

  const update = useCallback<AnnotationActions['update']>(
    async (before, commentJson, categoryId) => {
      const updated = await api.call('annotations.update', {
        id: before.id,
        categoryId,
        comment: { json: commentJson },
      });
      done({
        label: 'Edit comment',
        undo: async () => {
          await api.call('annotations.update', {
            id: before.id,
            categoryId: before.categoryId,
            comment: { json: before.comment.json },
          });
        },
        redo: async () => {
          await api.call('annotations.update', {
            id: before.id,
            categoryId: updated.categoryId,
            comment: { json: updated.comment.json },
          });
        },
      });
      return updated;
    },
    [done],
  );

  const remove = useCallback<AnnotationActions['remove']>(
    async (annotation) => {
      let snapshot = await api.call('annotations.delete', { id: annotation.id });
      done({
        label: 'Delete annotation',
        undo: async () => {
          snapshot = await api.call('annotations.restore', { annotation: snapshot });
        },
        redo: async () => {
          snapshot = await api.call('annotations.delete', { id: snapshot.id });
        },
      });
    },
    [done],
  );

  return { create, update, remove };
}
