// The reader's annotation tools: what is being edited or linked, the sticky category, the
// keyboard (H, C, L, E, J/K, 1–9, Esc), and the actions behind the toolbar and the panel.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Annotation, Category, RecordDocument } from '@shared/model';
import { errorMessage } from '../../api/client';
import { useAppState } from '../../app-state';
import { readPassageSelection, type PassageSelection } from '../reader/selection';
import type { MarkDisplay } from './mark-display';
import { flashAnnotation, isTyping } from './marks';
import { useAnnotationActions } from './use-annotation-actions';

export type Editing =
  { mode: 'new'; selection: PassageSelection } | { mode: 'edit'; annotation: Annotation };

/** An action waiting for the user to select text: a counterpart, or new text for an orphan. */
export type Pending =
  | { kind: 'link'; annotation: Annotation }
  | { kind: 'reattach'; annotation: Annotation; targetIndex: number };

export interface PassageEditing {
  passageId: number;
  text: string;
  label: string;
}

const DEFAULT_CATEGORY = 'note';

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
  const [stickyCategory, setStickyCategory] = useState(DEFAULT_CATEGORY);
  const [currentId, setCurrentId] = useState<string | null>(null);

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
    async (categoryId = stickyCategory) => {
      if (!selection) return;
      try {
        const created = await actions.create(selection, {
          draftId: selection.draftId,
          commentJson: null,
          categoryId,
        });
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
    [selection, stickyCategory, actions, notify, categoryName, fail],
  );

  const startComment = useCallback(() => {
    if (selection) setEditing({ mode: 'new', selection });
  }, [selection]);

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
          categoryId: stickyCategory,
        });
        doneWith(selection);
        setPending({ kind: 'link', annotation: created });
      } catch (error) {
        fail('Could not start a link', error);
      }
      return;
    }
    const current = annotations.find((a) => a.id === currentId);
    if (current) setPending({ kind: 'link', annotation: current });
  }, [pending, selection, completePending, actions, stickyCategory, annotations, currentId, fail]);

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

  const pickCategory = useCallback(
    (index: number) => {
      const category = categories[index];
      if (!category) return;
      setStickyCategory(category.id);
      if (selection) void highlight(category.id);
      else
        notify({ kind: 'info', text: `Category: ${category.name}. H marks a selection with it.` });
    },
    [categories, selection, highlight, notify],
  );

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
    actions,
    notifyDeleted,
    editing,
    setEditing,
    pending,
    setPending,
    passageEditing,
    setPassageEditing,
    startPassageEdit,
    stickyCategory,
    setStickyCategory,
    currentId,
    setCurrentId,
    highlight,
    startComment,
    link,
    completePending,
    display,
    fail,
  };
}

export type AnnotationTools = ReturnType<typeof useAnnotationTools>;
