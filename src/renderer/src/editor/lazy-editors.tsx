// The rich-text editors load on first use: Lexical is a third of the app's code, and reading a
// record needs none of it (stored comments are drawn from their JSON by CommentView).
import { lazy, Suspense, type JSX } from 'react';
import type { CommentEditorProps } from './CommentEditor';
import type { RecordNoteEditorProps } from './RecordNoteEditor';

const CommentEditorModule = lazy(() =>
  import('./CommentEditor').then((m) => ({ default: m.CommentEditor })),
);
const RecordNoteEditorModule = lazy(() =>
  import('./RecordNoteEditor').then((m) => ({ default: m.RecordNoteEditor })),
);

function Loading({ label }: { label: string }): JSX.Element {
  return (
    <div className="rich-editor rich-editor-loading" role="status" aria-label={label}>
      Opening the editor…
    </div>
  );
}

export function LazyCommentEditor(props: CommentEditorProps): JSX.Element {
  return (
    <Suspense fallback={<Loading label={props.label ?? 'Comment'} />}>
      <CommentEditorModule {...props} />
    </Suspense>
  );
}

export function LazyRecordNoteEditor(props: RecordNoteEditorProps): JSX.Element {
  return (
    <Suspense fallback={<Loading label={props.label ?? 'Record note'} />}>
      <RecordNoteEditorModule {...props} />
    </Suspense>
  );
}
