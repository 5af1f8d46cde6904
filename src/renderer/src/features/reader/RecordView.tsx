import { useCallback, useEffect, useRef, useState, type JSX } from 'react';
import type { Annotation, Category, RecordDocument } from '@shared/model';
import { api, errorMessage } from '../../api/client';
import { useAppState } from '../../app-state';
import { AnnotationsPanel } from '../annotations/AnnotationsPanel';
import { CommentDialog } from '../annotations/CommentDialog';
import { ExportNotesButton } from '../export/ExportNotesButton';
import { AlignedText } from './AlignedText';
import { RecordHeader } from './RecordHeader';
import { SelectionToolbar } from './SelectionToolbar';
import { readPassageSelection, type PassageSelection } from './selection';

type Editing =
  { mode: 'new'; selection: PassageSelection } | { mode: 'edit'; annotation: Annotation };

const DEFAULT_CATEGORY = 'note';

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element?.closest('input, textarea, select, [contenteditable="true"], dialog');
}

/** Scrolls to an annotation's first mark and makes it flash, so the eye finds it. */
export function flashAnnotation(id: string): void {
  const marks = document.querySelectorAll<HTMLElement>(
    `mark[data-annotations~="${CSS.escape(id)}"]`,
  );
  marks[0]?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  for (const mark of marks) {
    mark.classList.remove('flash');
    void mark.offsetWidth; // restart the animation
    mark.classList.add('flash');
    window.setTimeout(() => mark.classList.remove('flash'), 1600);
  }
}

export function RecordView({ recordId }: { recordId: string }): JSX.Element {
  const { revision, done, notify } = useAppState();
  const [record, setRecord] = useState<RecordDocument | null>(null);
  const [annotations, setAnnotations] = useState<Annotation[]>([]);
  const [categories, setCategories] = useState<Category[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [selection, setSelection] = useState<PassageSelection | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const textArea = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // The view is keyed by record id, so a new record starts with fresh state.
    let live = true;
    Promise.all([api.call('records.get', { id: recordId }), api.call('categories.list', {})])
      .then(([doc, cats]) => {
        if (!live) return;
        setRecord(doc);
        setCategories(cats);
      })
      .catch((error: unknown) => live && setLoadError(errorMessage(error)));
    return () => {
      live = false;
    };
  }, [recordId]);

  useEffect(() => {
    let live = true;
    api
      .call('annotations.list', { recordId })
      .then((list) => live && setAnnotations(list))
      .catch((error: unknown) => live && notify({ kind: 'error', text: errorMessage(error) }));
    return () => {
      live = false;
    };
  }, [recordId, revision, notify]);

  // Follow the user's selection inside the text columns.
  useEffect(() => {
    const update = (): void => {
      const read = readPassageSelection(window.getSelection());
      if (read === 'across-passages') {
        setSelection(null);
        return;
      }
      if (read && textArea.current?.contains(window.getSelection()!.anchorNode)) setSelection(read);
      else setSelection(null);
    };
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, []);

  const create = useCallback(
    async (target: PassageSelection, commentJson: string | null, categoryId: string) => {
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
      window.getSelection()?.removeAllRanges();
      return created;
    },
    [recordId, done],
  );

  const highlight = useCallback(async () => {
    if (!selection) return;
    try {
      await create(selection, null, DEFAULT_CATEGORY);
      notify({ kind: 'info', text: `Highlighted “${selection.text}”.` });
    } catch (error) {
      notify({ kind: 'error', text: `Could not highlight: ${errorMessage(error)}` });
    }
  }, [selection, create, notify]);

  const startComment = useCallback(() => {
    if (selection) setEditing({ mode: 'new', selection });
  }, [selection]);

  // H and C act on the current selection, as the toolbar buttons do.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!selection || editing || isTyping(event.target)) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'h' || event.key === 'H') {
        event.preventDefault();
        void highlight();
      } else if (event.key === 'c' || event.key === 'C') {
        event.preventDefault();
        startComment();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selection, editing, highlight, startComment]);

  const saveComment = async (json: string | null, categoryId: string): Promise<void> => {
    if (!editing) return;
    if (editing.mode === 'new') {
      await create(editing.selection, json, categoryId);
      notify({ kind: 'info', text: 'Comment saved.' });
    } else {
      const before = editing.annotation;
      const updated = await api.call('annotations.update', {
        id: before.id,
        categoryId,
        comment: { json },
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
      notify({ kind: 'info', text: 'Comment saved.' });
    }
    setEditing(null);
  };

  const remove = async (annotation: Annotation): Promise<void> => {
    try {
      let snapshot = await api.call('annotations.delete', { id: annotation.id });
      const entry = {
        label: 'Delete annotation',
        undo: async () => {
          snapshot = await api.call('annotations.restore', { annotation: snapshot });
        },
        redo: async () => {
          snapshot = await api.call('annotations.delete', { id: snapshot.id });
        },
      };
      done(entry);
      notify({
        kind: 'info',
        text: `Deleted the annotation on “${annotation.targets[0]?.quote.exact ?? ''}”. Ctrl+Z undoes.`,
      });
    } catch (error) {
      notify({ kind: 'error', text: `Could not delete: ${errorMessage(error)}` });
    }
  };

  if (loadError) {
    return (
      <div className="record-error" role="alert">
        <h1>This record could not be opened</h1>
        <p>{loadError}</p>
      </div>
    );
  }
  if (!record) return <p className="muted loading">Opening record…</p>;

  return (
    <div className="record-view">
      <div className="record-main">
        <RecordHeader record={record} />
        <div className="record-toolbar" role="toolbar" aria-label="Record actions">
          <ExportNotesButton recordId={record.id} />
        </div>
        <div ref={textArea} className="text-area">
          <AlignedText record={record} annotations={annotations} categories={categories} />
        </div>
      </div>
      <AnnotationsPanel
        record={record}
        annotations={annotations}
        categories={categories}
        onShow={(a) => flashAnnotation(a.id)}
        onEdit={(a) => setEditing({ mode: 'edit', annotation: a })}
        onDelete={(a) => void remove(a)}
      />
      {selection && !editing && (
        <SelectionToolbar
          selection={selection}
          onHighlight={() => void highlight()}
          onComment={startComment}
        />
      )}
      {editing && (
        <CommentDialog
          key={editing.mode === 'edit' ? editing.annotation.id : 'new'}
          quote={
            editing.mode === 'new'
              ? editing.selection.text
              : editing.annotation.targets.map((t) => t.quote.exact).join(' / ')
          }
          initialJson={editing.mode === 'edit' ? editing.annotation.comment.json : null}
          initialCategoryId={
            editing.mode === 'edit' ? editing.annotation.categoryId : DEFAULT_CATEGORY
          }
          categories={categories}
          onSave={saveComment}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
