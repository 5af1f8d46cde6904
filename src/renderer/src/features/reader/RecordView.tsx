import { useCallback, useEffect, useRef, useState, type JSX } from 'react';
import type { Annotation } from '@shared/model';
import { errorMessage } from '../../api/client';
import { useAppState } from '../../app-state';
import { AnnotationsPanel } from '../annotations/AnnotationsPanel';
import { CommentDialog } from '../annotations/CommentDialog';
import { useAnnotationActions } from '../annotations/use-annotation-actions';
import { ExportNotesButton } from '../export/ExportNotesButton';
import { AlignedText } from './AlignedText';
import { RecordHeader } from './RecordHeader';
import { SelectionToolbar } from './SelectionToolbar';
import type { PassageSelection } from './selection';
import { usePassageSelection } from './use-passage-selection';
import { useRecordData } from './use-record-data';

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

/** One record: its header, the aligned texts, and the annotation tools around them. */
export function RecordView({ recordId }: { recordId: string }): JSX.Element {
  const { notify } = useAppState();
  const { record, annotations, categories, loadError } = useRecordData(recordId);
  const actions = useAnnotationActions(recordId);
  const textArea = useRef<HTMLDivElement>(null);
  const selection = usePassageSelection(textArea);
  const [editing, setEditing] = useState<Editing | null>(null);

  const highlight = useCallback(async () => {
    if (!selection) return;
    try {
      await actions.create(selection, null, DEFAULT_CATEGORY);
      window.getSelection()?.removeAllRanges();
      notify({ kind: 'info', text: `Highlighted “${selection.text}”.` });
    } catch (error) {
      notify({ kind: 'error', text: `Could not highlight: ${errorMessage(error)}` });
    }
  }, [selection, actions, notify]);

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
      await actions.create(editing.selection, json, categoryId);
      window.getSelection()?.removeAllRanges();
    } else {
      await actions.update(editing.annotation, json, categoryId);
    }
    notify({ kind: 'info', text: 'Comment saved.' });
    setEditing(null);
  };

  const remove = async (annotation: Annotation): Promise<void> => {
    try {
      await actions.remove(annotation);
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
