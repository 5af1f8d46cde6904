import { useEffect, useRef, useState, type JSX } from 'react';
import type { Annotation, RecordNote } from '@shared/model';
import { api, sendWhileLeaving } from '../../api/client';
import { LazyRecordNoteEditor } from '../../editor/lazy-editors';
import { shorten } from './AnnotationItem';
import { flashAnnotation } from './marks';
import type { AnnotationTools } from './use-annotation-tools';
import { useUnsavedWords } from './unsaved-words';

const AUTOSAVE_MS = 400;
const openCitation = (annotationId: string): void => void flashAnnotation(annotationId, true);

/**
 * The record note: the scholar's own essay on the record, saved as she types (and on the way
 * out when the window reloads or closes). Citations of notes
 * are links; clicking one (or pressing Enter on it) jumps to the span.
 */
export function RecordNoteTab(props: {
  recordId: string;
  annotations: Annotation[];
  tools: AnnotationTools;
}): JSX.Element {
  const [note, setNote] = useState<RecordNote | null>(null);
  const [status, setStatus] = useState<'saved' | 'saving' | 'unsaved' | 'failed'>('saved');
  const timer = useRef<number | null>(null);
  const latest = useRef<string | null>(null);
  const { fail } = props.tools;

  useEffect(() => {
    let live = true;
    api
      .call('recordNotes.get', { recordId: props.recordId })
      .then((loaded) => live && setNote(loaded))
      .catch((error: unknown) => live && fail('Could not open the record note', error));
    return () => {
      live = false;
    };
  }, [props.recordId, fail]);

  const flush = async (): Promise<void> => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    setStatus('saving');
    try {
      await api.call('recordNotes.save', { recordId: props.recordId, json: latest.current });
      setStatus('saved');
    } catch (error) {
      setStatus('failed');
      fail('Could not save the record note', error);
    }
  };

  // Nothing typed is lost when the panel closes or the record changes: save at once.
  useEffect(
    () => () => {
      if (timer.current !== null) {
        window.clearTimeout(timer.current);
        void api.call('recordNotes.save', { recordId: props.recordId, json: latest.current });
      }
    },
    [props.recordId],
  );

  // A reload or a close with words not yet saved asks first, and sends them on the way out.
  useUnsavedWords(status === 'unsaved' || status === 'saving', () => {
    if (timer.current === null) return;
    window.clearTimeout(timer.current);
    timer.current = null;
    sendWhileLeaving('recordNotes.save', { recordId: props.recordId, json: latest.current });
  });

  if (!note) return <p className="muted">Opening the record note…</p>;
  const citable = props.annotations.map((a) => ({
    id: a.id,
    label: shorten(a.targets.map((t) => t.quote.exact).join(' / '), 50),
  }));

  return (
    <div className="record-note">
      <LazyRecordNoteEditor
        initialJson={note.body.json}
        label="Record note"
        namespace="marginalia-record-note"
        onChange={(json, empty) => {
          latest.current = empty ? null : json;
          setStatus('unsaved');
          if (timer.current !== null) window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => void flush(), AUTOSAVE_MS);
        }}
        citable={citable}
        onOpenCitation={openCitation}
      />
      <p className="hint">Click a citation (or Alt+Enter on it) to show the note’s span.</p>
      <p className="hint" role="status">
        {status === 'saved'
          ? 'All changes saved'
          : status === 'saving'
            ? 'Saving…'
            : status === 'failed'
              ? 'Not saved'
              : 'Editing…'}
      </p>
    </div>
  );
}
