// The reader's annotation tools: what is being edited or linked, the sticky category, the
// keyboard (H, C, L, E, J/K, 1–9, Esc), and the actions behind the toolbar and the panel.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Annotation, Category, Draft, RecordDocument } from '@shared/model';
import { errorMessage } from '../../api/client';
import { useAppState } from '../../app-state';
import { readPassageSelection, selectedBox, type PassageSelection } from '../reader/selection';
import type { MarkDisplay } from './mark-display';
import { flashAnnotation, focusedNoteId, isTyping, passageRange } from './marks';
import { countOf, useAnnotationActions } from './use-annotation-actions';
import { afterUse, chooseCategory, FIRST_CATEGORY, type NextCategory } from './next-category';
import { NO_NOTES, type NoteSelection } from './note-selection';
import { sameTarget, spanTarget, useDrafts, waitForPassage } from './use-drafts';

/** The comment being written: on selected words, or on a note; `resumed` when from a draft. */
export type Editing =
  | { mode: 'new'; selection: PassageSelection; resumed?: Draft }
  | { mode: 'edit'; annotation: Annotation; resumed?: Draft };

/** An action waiting for the user to select text: a counterpart, or new text for an orphan. */
export type Pending =
  | { kind: 'link'; annotation: Annotation }
  | { kind: 'reattach'; annotation: Annotation; targetIndex: number };

export interface PassageEditing {
  passageId: number;
  text: string;
  label: string;
}

function clearSelection(): void {
  window.getSelection()?.removeAllRanges();
}

/** After an action on `span` is done: clears the selection unless the user moved on to new words. */
function doneWith(span: PassageSelection): void {
  const now = readPassageSelection(window.getSelection());
  const same =
    now !== null &&
    now !== 'across-passages' &&
    now.passageId === span.passageId &&
    now.start === span.start &&
    now.end === span.end;
  if (same) clearSelection();
}

export function useAnnotationTools(options: {
  recordId: string;
  record: RecordDocument | null;
  annotations: Annotation[];
  categories: Category[];
  selection: PassageSelection | null;
}) {
  const { recordId, record, annotations, categories, selection } = options;
  const { notify } = useAppState();
  const actions = useAnnotationActions(recordId);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [passageEditing, setPassageEditing] = useState<PassageEditing | null>(null);
  /** The category the next highlight gets: shown in the toolbar, back to Note after one use. */
  const [nextCategory, setNextCategory] = useState<NextCategory>(FIRST_CATEGORY);
  /** The notes selected in the panel (bulk actions, number keys). */
  const [noteSelection, setNoteSelection] = useState<NoteSelection>(NO_NOTES);
  const [currentId, setCurrentId] = useState<string | null>(null);
  /** A request to show a note's card in the panel (a click on its mark); seq tells repeats. */
  const [cardRequest, setCardRequest] = useState<{ id: string; seq: number } | null>(null);

  const openCard = useCallback((id: string) => {
    setCurrentId(id);
    setCardRequest((request) => ({ id, seq: (request?.seq ?? 0) + 1 }));
  }, []);

  const categoryName = useCallback(
    (id: string) => categories.find((c) => c.id === id)?.name ?? id,
    [categories],
  );
  const fail = useCallback(
    (what: string, error: unknown) =>
      notify({ kind: 'error', text: `${what}: ${errorMessage(error)}` }),
    [notify],
  );

  const highlight = useCallback(
    async (categoryId = nextCategory.id) => {
      if (!selection) return;
      try {
        const created = await actions.create(selection, {
          draftId: selection.draftId,
          commentJson: null,
          categoryId,
        });
        setNextCategory((next) => afterUse(next, categoryId));
        doneWith(selection);
        setCurrentId(created.id);
        notify({
          kind: 'info',
          text: `Highlighted “${selection.text}” as ${categoryName(categoryId)}.`,
        });
      } catch (error) {
        fail('Could not highlight', error);
      }
    },
    [selection, nextCategory, actions, notify, categoryName, fail],
  );

  /** Gives notes another category: one undo step, however many. */
  const recategorise = useCallback(
    async (ids: string[], categoryId: string) => {
      const notes = annotations.filter((a) => ids.includes(a.id) && a.categoryId !== categoryId);
      if (notes.length === 0) return;
      const name = categoryName(categoryId);
      try {
        if (notes.length === 1) {
          await actions.update(notes[0]!, { categoryId }, `Category ${name}`);
        } else {
          await actions.updateMany(
            notes.map((a) => a.id),
            { categoryId },
            `Category ${name} for ${countOf(notes.length, 'note')}`,
          );
        }
        const what = notes.length === 1 ? 'The note is' : `${countOf(notes.length, 'note')} are`;
        notify({ kind: 'info', text: `${what} now ${name}. Ctrl+Z undoes.` });
      } catch (error) {
        fail('Could not change the category', error);
      }
    },
    [annotations, actions, categoryName, notify, fail],
  );

  const drafts = useDrafts(recordId);
  const { waiting, take } = drafts;

  /** Opens a kept draft again in its dialog (comments) — the row is brought into view first. */
  const resume = useCallback(
    async (draft: Draft): Promise<boolean> => {
      const target = draft.target;
      if (target.kind === 'note') {
        const annotation = annotations.find((a) => a.id === target.annotationId);
        if (!annotation) return false;
        await flashAnnotation(annotation.id);
        take(draft.id);
        setEditing({ mode: 'edit', annotation, resumed: draft });
        return true;
      }
      await waitForPassage(target.passageId, target.start);
      const box = passageRange(target.passageId, target.start, target.end)?.getBoundingClientRect();
      const rect = box
        ? { top: box.top, left: box.left, bottom: box.bottom, right: box.right }
        : { top: 0, left: 0, bottom: 0, right: 0 };
      const { passageId, start, end, quote: text } = target;
      const restored = { passageId, start, end, text, rect, draftId: draft.id };
      take(draft.id);
      setEditing({ mode: 'new', selection: restored, resumed: draft });
      return true;
    },
    [annotations, take],
  );

  // As the record opens, the newest comment kept from before comes back in its dialog (one on
  // a note waits until the record's notes are loaded).
  const autoResumed = useRef(false);
  useEffect(() => {
    if (autoResumed.current || waiting === null || !record) return;
    const newest = waiting.find((d) => d.kind === 'comment');
    const target = newest?.target;
    if (target?.kind === 'note' && !annotations.some((a) => a.id === target.annotationId)) return;
    autoResumed.current = true;
    // resume() sets state only after awaiting the reader's rows, never within this effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (newest) void resume(newest);
  }, [waiting, record, annotations, resume]);

  const startComment = useCallback(() => {
    if (!selection) return;
    // Words with a comment kept from before: go on with it.
    const target = spanTarget(selection);
    const kept = waiting?.find((d) => d.kind === 'comment' && sameTarget(d.target, target));
    if (kept) {
      void resume(kept);
      return;
    }
    // The words' box now: the page may have scrolled since they were selected.
    setEditing({ mode: 'new', selection: { ...selection, rect: selectedBox(selection.rect) } });
  }, [selection, waiting, resume]);

  const completePending = useCallback(async () => {
    if (!pending || !selection) return;
    try {
      if (pending.kind === 'link') {
        await actions.linkCounterpart(pending.annotation, selection);
        notify({ kind: 'info', text: `Linked “${selection.text}” as the counterpart.` });
      } else {
        await actions.reattach(pending.annotation, pending.targetIndex, selection);
        notify({ kind: 'info', text: `Re-attached the note to “${selection.text}”.` });
      }
      setCurrentId(pending.annotation.id);
      setPending(null);
      doneWith(selection);
    } catch (error) {
      fail(pending.kind === 'link' ? 'Could not link' : 'Could not re-attach', error);
    }
  }, [pending, selection, actions, notify, fail]);

  /** L: with a pending link, finish it; else annotate the selection and wait for its counterpart. */
  const link = useCallback(async () => {
    if (pending && selection) return completePending();
    if (selection) {
      try {
        const created = await actions.create(selection, {
          draftId: selection.draftId,
          commentJson: null,
          categoryId: nextCategory.id,
        });
        setNextCategory((next) => afterUse(next, next.id));
        doneWith(selection);
        setPending({ kind: 'link', annotation: created });
      } catch (error) {
        fail('Could not start a link', error);
      }
      return;
    }
    const current = annotations.find((a) => a.id === currentId);
    if (current) setPending({ kind: 'link', annotation: current });
  }, [pending, selection, completePending, actions, nextCategory, annotations, currentId, fail]);

  const step = useCallback(
    (direction: 1 | -1) => {
      const placed = annotations.filter((a) => a.targets.some((t) => !t.orphaned));
      if (placed.length === 0) return;
      const at = placed.findIndex((a) => a.id === currentId);
      const next =
        at < 0
          ? direction === 1
            ? placed[0]!
            : placed[placed.length - 1]!
          : placed[(at + direction + placed.length) % placed.length]!;
      setCurrentId(next.id);
      void flashAnnotation(next.id, true);
    },
    [annotations, currentId],
  );

  /**
   * A number key: the selected words are highlighted with that category; else the notes selected
   * in the panel, or the note in focus (its mark or its card), take it; else it becomes the
   * category of the next highlight.
   */
  const pickCategory = useCallback(
    (index: number) => {
      const category = categories[index];
      if (!category) return;
      if (selection) {
        void highlight(category.id);
        return;
      }
      const selected = [...noteSelection.ids].filter((id) => annotations.some((a) => a.id === id));
      const focused = focusedNoteId();
      const targets = selected.length > 0 ? selected : focused ? [focused] : [];
      if (targets.length > 0) {
        void recategorise(targets, category.id);
        return;
      }
      setNextCategory((next) => chooseCategory(next, category.id));
      notify({
        kind: 'info',
        text: `The next highlight will be ${category.name}${nextCategory.locked ? '' : ' (once)'}.`,
      });
    },
    [
      categories,
      selection,
      highlight,
      noteSelection,
      annotations,
      recategorise,
      notify,
      nextCategory,
    ],
  );

  /** Delete with notes selected in the panel: all of them, one undo step. */
  const deleteSelected = useCallback(async () => {
    const notes = annotations.filter((a) => noteSelection.ids.has(a.id));
    if (notes.length === 0) return;
    try {
      await actions.removeMany(notes);
      setNoteSelection(NO_NOTES);
      notify({ kind: 'info', text: `Deleted ${countOf(notes.length, 'note')}. Ctrl+Z undoes.` });
    } catch (error) {
      fail('Could not delete', error);
    }
  }, [annotations, noteSelection, actions, notify, fail]);

  const startPassageEdit = useCallback(
    (passageId: number) => {
      if (!record) return;
      for (const side of ['original', 'translation'] as const) {
        const passage = record[side].passages.find((p) => p.id === passageId);
        if (passage) {
          const label = `${side === 'original' ? 'Original' : 'Translation'}, passage ${passage.index + 1}`;
          setPassageEditing({ passageId, text: passage.text, label });
        }
      }
    },
    [record],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (editing || passageEditing || isTyping(event.target)) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const key = event.key.toLowerCase();
      let handled = true;
      if (key === 'h' && selection) void highlight();
      else if (key === 'c' && selection) startComment();
      else if (key === 'l' && (selection || currentId)) void link();
      else if (key === 'j') step(1);
      else if (key === 'k') step(-1);
      else if (/^[1-9]$/.test(key)) pickCategory(Number(key) - 1);
      else if (key === 'e') {
        const focused = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>(
          '[data-passage-id]',
        );
        const passageId = selection?.passageId ?? Number(focused?.dataset['passageId'] ?? NaN);
        if (Number.isFinite(passageId)) startPassageEdit(passageId);
        else handled = false;
      } else if (key === 'escape' && (pending || selection)) {
        setPending(null);
        clearSelection();
      } else if (key === 'escape' && noteSelection.ids.size > 0) {
        setNoteSelection(NO_NOTES);
      } else if ((key === 'delete' || key === 'backspace') && noteSelection.ids.size > 0) {
        void deleteSelected();
      } else handled = false;
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [
    editing,
    passageEditing,
    selection,
    pending,
    currentId,
    highlight,
    startComment,
    link,
    step,
    pickCategory,
    startPassageEdit,
    noteSelection,
    deleteSelected,
  ]);

  const display = useMemo<MarkDisplay>(() => {
    const byId = new Map(annotations.map((a) => [a.id, a]));
    const lines = new Map(categories.map((c) => [c.id, c]));
    return {
      lineOf: (id) => lines.get(byId.get(id)?.categoryId ?? '')?.line ?? 'solid',
      labelOf: (id) => {
        const a = byId.get(id);
        if (!a) return undefined;
        const name = lines.get(a.categoryId)?.name ?? a.categoryId;
        return a.comment.text ? `${name}: ${a.comment.text.slice(0, 80)}` : name;
      },
    };
  }, [annotations, categories]);

  const notifyDeleted = useCallback(
    (annotation: Annotation) =>
      notify({
        kind: 'info',
        text: `Deleted the annotation on “${annotation.targets[0]?.quote.exact ?? ''}”. Ctrl+Z undoes.`,
      }),
    [notify],
  );

  return {
    recordId,
    actions,
    drafts,
    resume,
    notifyDeleted,
    editing,
    setEditing,
    pending,
    setPending,
    passageEditing,
    setPassageEditing,
    startPassageEdit,
    nextCategory,
    setNextCategory,
    noteSelection,
    setNoteSelection,
    recategorise,
    deleteSelected,
    currentId,
    setCurrentId,
    cardRequest,
    openCard,
    highlight,
    startComment,
    link,
    completePending,
    display,
    fail,
  };
}

export type AnnotationTools = ReturnType<typeof useAnnotationTools>;
