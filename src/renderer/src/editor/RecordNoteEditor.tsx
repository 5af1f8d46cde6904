import type { JSX } from 'react';
import { CitePlugin, type Citable } from './CitePlugin';
import { CommentEditor, type CommentEditorProps } from './CommentEditor';

export interface RecordNoteEditorProps extends Omit<CommentEditorProps, 'plugins'> {
  citable: Citable[];
  onOpenCitation(annotationId: string): void;
}

/** The record note's editor: the rich-text editor plus citations of the record's notes. */
export function RecordNoteEditor({
  citable,
  onOpenCitation,
  ...props
}: RecordNoteEditorProps): JSX.Element {
  return (
    <CommentEditor {...props} plugins={<CitePlugin citable={citable} onOpen={onOpenCitation} />} />
  );
}
