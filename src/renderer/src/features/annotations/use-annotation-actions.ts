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
import type { UndoEntry } from '../undo/undo-stack';
import { publishAnnotations } from './annotation-events';

export interface NewAnnotationDetails {
  /** The draft's id: saving the same draft again returns the first note (one save, one note). */
  draftId: string;
  commentJson: string | null;
  categoryId: string;
  tags?: string[];
  noteType?: Annotation['noteType'];
}

type Span = Pick<PassageSelection, 'passageId' | 'start' | 'end'>;

const spanOf = (s: Span) => ({ passageId: s.passageId, start: s.start, end: s.end });

/** How to take a thing out of the library and put it back exactly as it was. */
interface Removable<T extends { id: string }> {
  remove(id: string): Promise<T>;
  restore(item: T): Promise<T>;
}

const REPLIES: Removable<AnnotationReply> = {
  remove: (id) => api.call('annotations.deleteReply', { id }),
  restore: (reply) => api.call('annotations.restoreReply', { reply }),
};

const GLOSSARY: Removable<GlossaryEntry> = {
  remove: (id) => api.call('glossary.delete', { id }),
  restore: (entry) => api.call('glossary.restore', { entry }),
};

/**
 * The undo entry of a thing just created (undo removes it, redo puts it back) or just removed
 * (the other way round). It follows the latest copy the API returned.
 */
function presenceEntry<T extends { id: string }>(
  label: string,
  item: T,
  ops: Removable<T>,
  happened: 'created' | 'removed',
): UndoEntry {
  let current = item;
  const remove = async (): Promise<void> => {
    current = await ops.remove(current.id);
  };
  const restore = async (): Promise<void> => {
    current = await ops.restore(current);
  };
  return happened === 'created'
    ? { label, undo: remove, redo: restore }
    : { label, undo: restore, redo: remove };
}

/** "1 note", "3 notes". */
export function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

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
        draftId: details.draftId,
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

  /** Deletes several notes in one call; one undo step brings them all back. */
  const removeMany = useCallback(
    async (annotations: Annotation[]): Promise<Annotation[]> => {
      let snapshots = await api.call('annotations.deleteMany', {
        ids: annotations.map((a) => a.id),
      });
      publishAnnotations({ remove: snapshots.map((a) => a.id) });
      done({
        label: `Delete ${countOf(snapshots.length, 'note')}`,
        undo: async () => {
          snapshots = await api.call('annotations.restoreMany', { annotations: snapshots });
          publishAnnotations({ upsert: snapshots });
        },
        redo: async () => {
          snapshots = await api.call('annotations.deleteMany', {
            ids: snapshots.map((a) => a.id),
          });
          publishAnnotations({ remove: snapshots.map((a) => a.id) });
        },
      });
      return snapshots;
    },
    [done],
  );

  /** Re-categorises and/or tags several notes in one call; one undo step takes it back. */
  const updateMany = useCallback(
    async (
      ids: string[],
      patch: { categoryId?: string; addTags?: string[] },
      label: string,
    ): Promise<Annotation[]> => {
      const { before, after } = await api.call('annotations.updateMany', { ids, ...patch });
      publishAnnotations({ upsert: after });
      done({
        label,
        undo: async () =>
          publishAnnotations({
            upsert: await api.call('annotations.putMany', { annotations: before }),
          }),
        redo: async () =>
          publishAnnotations({
            upsert: await api.call('annotations.putMany', { annotations: after }),
          }),
      });
      return after;
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
    async (annotationId: string, json: string, draftId: string): Promise<AnnotationReply> => {
      const reply = await api.call('annotations.addReply', {
        draftId,
        annotationId,
        body: { json },
      });
      done(presenceEntry('Reply', reply, REPLIES, 'created'));
      return reply;
    },
    [done],
  );

  const removeReply = useCallback(
    async (reply: AnnotationReply): Promise<void> => {
      const snapshot = await REPLIES.remove(reply.id);
      done(presenceEntry('Delete reply', snapshot, REPLIES, 'removed'));
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
      const entry = await api.call('glossary.create', input);
      done(presenceEntry('Add to glossary', entry, GLOSSARY, 'created'));
      return entry;
    },
    [done],
  );

  const removeGlossaryEntry = useCallback(
    async (entry: GlossaryEntry): Promise<void> => {
      const snapshot = await GLOSSARY.remove(entry.id);
      done(presenceEntry('Delete glossary entry', snapshot, GLOSSARY, 'removed'));
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
      removeMany,
      updateMany,
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
      removeMany,
      updateMany,
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
