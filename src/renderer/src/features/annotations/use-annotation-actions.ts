import { useCallback, useMemo } from 'react';
import type { MethodInput } from '@shared/api/contract';
import type {
  Annotation,
  AnnotationReply,
  Entity,
  GlossaryEntry,
  ReanchorReport,
} from '@shared/model';
import { api } from '../../api/client';
import { useAppState } from '../../app-state';
import type { PassageSelection } from '../reader/selection';
import { publishAnnotations } from './annotation-events';

export interface NewAnnotationDetails {
  commentJson: string | null;
  categoryId: string;
  tags?: string[];
  noteType?: Annotation['noteType'];
}

type Span = Pick<PassageSelection, 'passageId' | 'start' | 'end'>;

const spanOf = (s: Span) => ({ passageId: s.passageId, start: s.start, end: s.end });

const upsert = (annotation: Annotation): void => publishAnnotations({ upsert: [annotation] });
const removed = (id: string): void => publishAnnotations({ remove: [id] });

/**
 * Every change to annotations goes through here, so each one lands in the undo history. Changes
 * to notes are published at once (annotation-events) and marked as notes-only, so the reader
 * repaints the marks without reloading the record's text and alignment.
 */
export function useAnnotationActions(recordId: string) {
  const { done: doneAny } = useAppState();
  const done = useCallback(
    (entry: Parameters<typeof doneAny>[0]) => doneAny(entry, 'notes'),
    [doneAny],
  );

  /** Applies a change that returns the new annotation; undo puts the old snapshot back. */
  const change = useCallback(
    async (label: string, before: Annotation, run: () => Promise<Annotation>) => {
      const after = await run();
      upsert(after);
      done({
        label,
        undo: async () => upsert(await api.call('annotations.put', { annotation: before })),
        redo: async () => upsert(await api.call('annotations.put', { annotation: after })),
      });
      return after;
    },
    [done],
  );

  const create = useCallback(
    async (target: Span, details: NewAnnotationDetails): Promise<Annotation> => {
      const created = await api.call('annotations.create', {
        recordId,
        targets: [spanOf(target)],
        categoryId: details.categoryId,
        ...(details.commentJson ? { comment: { json: details.commentJson } } : {}),
        ...(details.tags?.length ? { tags: details.tags } : {}),
        ...(details.noteType ? { noteType: details.noteType } : {}),
      });
      upsert(created);
      let current = created;
      done({
        label: details.commentJson ? 'Comment' : 'Highlight',
        undo: async () => {
          current = await api.call('annotations.delete', { id: current.id });
          removed(current.id);
        },
        redo: async () => {
          current = await api.call('annotations.restore', { annotation: current });
          upsert(current);
        },
      });
      return created;
    },
    [recordId, done],
  );

  const update = useCallback(
    (
      before: Annotation,
      patch: Omit<MethodInput<'annotations.update'>, 'id'>,
      label = 'Edit note',
    ) => change(label, before, () => api.call('annotations.update', { id: before.id, ...patch })),
    [change],
  );

  const remove = useCallback(
    async (annotation: Annotation): Promise<void> => {
      let snapshot = await api.call('annotations.delete', { id: annotation.id });
      removed(snapshot.id);
      done({
        label: 'Delete annotation',
        undo: async () => {
          snapshot = await api.call('annotations.restore', { annotation: snapshot });
          upsert(snapshot);
        },
        redo: async () => {
          snapshot = await api.call('annotations.delete', { id: snapshot.id });
          removed(snapshot.id);
        },
      });
    },
    [done],
  );

  const linkCounterpart = useCallback(
    (before: Annotation, target: Span) =>
      change('Link counterpart', before, () =>
        api.call('annotations.linkCounterpart', { id: before.id, target: spanOf(target) }),
      ),
    [change],
  );

  const unlinkTarget = useCallback(
    (before: Annotation, targetIndex: number) =>
      change('Unlink span', before, () =>
        api.call('annotations.unlinkTarget', { id: before.id, targetIndex }),
      ),
    [change],
  );

  const reattach = useCallback(
    (before: Annotation, targetIndex: number, target: Span) =>
      change('Re-attach', before, () =>
        api.call('annotations.reattach', { id: before.id, targetIndex, target: spanOf(target) }),
      ),
    [change],
  );

  const addReply = useCallback(
    async (annotationId: string, json: string): Promise<AnnotationReply> => {
      let reply = await api.call('annotations.addReply', { annotationId, body: { json } });
      done({
        label: 'Reply',
        undo: async () => {
          reply = await api.call('annotations.deleteReply', { id: reply.id });
        },
        redo: async () => {
          reply = await api.call('annotations.restoreReply', { reply });
        },
      });
      return reply;
    },
    [done],
  );

  const removeReply = useCallback(
    async (reply: AnnotationReply): Promise<void> => {
      let snapshot = await api.call('annotations.deleteReply', { id: reply.id });
      done({
        label: 'Delete reply',
        undo: async () => {
          snapshot = await api.call('annotations.restoreReply', { reply: snapshot });
        },
        redo: async () => {
          snapshot = await api.call('annotations.deleteReply', { id: snapshot.id });
        },
      });
    },
    [done],
  );

  /** Links an annotation to an entity (new or existing), adding its words as a name variant. */
  const linkEntity = useCallback(
    async (
      before: Annotation,
      choice: { entity: Entity } | { kind: Entity['kind']; names: string[] },
    ): Promise<void> => {
      const quote = before.targets[0]?.quote.exact ?? '';
      if ('entity' in choice) {
        const previous = choice.entity;
        const known = previous.names.some(
          (n) => n.toLocaleLowerCase() === quote.toLocaleLowerCase(),
        );
        const names = known || quote === '' ? previous.names : [...previous.names, quote];
        if (names !== previous.names) await api.call('entities.update', { id: previous.id, names });
        const after = await api.call('annotations.update', {
          id: before.id,
          entityId: previous.id,
        });
        done({
          label: 'Link to entity',
          undo: async () => {
            await api.call('annotations.put', { annotation: before });
            await api.call('entities.update', { id: previous.id, names: previous.names });
          },
          redo: async () => {
            await api.call('entities.update', { id: previous.id, names });
            await api.call('annotations.put', { annotation: after });
          },
        });
        return;
      }
      let entity = await api.call('entities.create', {
        kind: choice.kind,
        names: choice.names,
        annotationIds: [before.id],
      });
      done({
        label: 'New entity',
        undo: async () => {
          entity = (await api.call('entities.delete', { id: entity.id })).entity;
        },
        redo: async () => {
          entity = await api.call('entities.restore', { entity, annotationIds: [before.id] });
        },
      });
    },
    [done],
  );

  const addGlossaryEntry = useCallback(
    async (input: MethodInput<'glossary.create'>): Promise<GlossaryEntry> => {
      let entry = await api.call('glossary.create', input);
      done({
        label: 'Add to glossary',
        undo: async () => {
          entry = await api.call('glossary.delete', { id: entry.id });
        },
        redo: async () => {
          entry = await api.call('glossary.restore', { entry });
        },
      });
      return entry;
    },
    [done],
  );

  const removeGlossaryEntry = useCallback(
    async (entry: GlossaryEntry): Promise<void> => {
      let snapshot = await api.call('glossary.delete', { id: entry.id });
      done({
        label: 'Delete glossary entry',
        undo: async () => {
          snapshot = await api.call('glossary.restore', { entry: snapshot });
        },
        redo: async () => {
          snapshot = await api.call('glossary.delete', { id: snapshot.id });
        },
      });
    },
    [done],
  );

  /** Corrects a passage's transcription; undo puts the old text back (and re-anchors again). */
  const editPassage = useCallback(
    async (passageId: number, text: string): Promise<ReanchorReport> => {
      const edit = await api.call('transcription.editPassage', { passageId, text });
      const previous = edit.previousText;
      // A corrected transcription changes the text itself: everything reloads.
      doneAny({
        label: 'Correct transcription',
        undo: async () =>
          void (await api.call('transcription.editPassage', { passageId, text: previous })),
        redo: async () => void (await api.call('transcription.editPassage', { passageId, text })),
      });
      return edit.report;
    },
    [doneAny],
  );

  return useMemo(
    () => ({
      create,
      update,
      remove,
      linkCounterpart,
      unlinkTarget,
      reattach,
      addReply,
      removeReply,
      linkEntity,
      addGlossaryEntry,
      removeGlossaryEntry,
      editPassage,
    }),
    [
      create,
      update,
      remove,
      linkCounterpart,
      unlinkTarget,
      reattach,
      addReply,
      removeReply,
      linkEntity,
      addGlossaryEntry,
      removeGlossaryEntry,
      editPassage,
    ],
  );
}

export type AnnotationActions = ReturnType<typeof useAnnotationActions>;
