import type { ExportedFile } from '@shared/api/contract';
import type { RecordDocument } from '@shared/model';
import { sortInTextOrder } from '../annotations/annotations-service';
import type { AppContext } from '../context';
import { exportFileName, renderMarkdownNotes } from './markdown-notes';

export type NotesFormat = 'md';

/** Renders a record's notes from the stored data (never from what a screen shows). */
export function exportNotes(
  ctx: AppContext,
  record: RecordDocument,
  _format: NotesFormat,
): ExportedFile {
  const annotations = sortInTextOrder(ctx.annotations.listByRecord(record.id), record);
  return {
    fileName: exportFileName(record, 'md'),
    mimeType: 'text/markdown',
    content: renderMarkdownNotes({
      record,
      annotations,
      categories: ctx.annotations.categories(),
      exportedAt: new Date(ctx.now()),
    }),
  };
}
