// The notes export a door asks for by record, rendered from the stored data.
import type { ExportedFile } from '@shared/api/contract';
import type { RecordDocument } from '@shared/model';
import type { AppContext } from '../context';
import { loadExportBundle } from './bundle';
import { exportFileName } from './file-names';
import { renderMarkdown } from './markdown-notes';

export type NotesFormat = 'md';

/** Renders a record's notes from the stored data (never from what a screen shows). */
export function exportNotes(
  ctx: AppContext,
  record: RecordDocument,
  _format: NotesFormat,
): ExportedFile {
  const bundle = { ...loadExportBundle(ctx, record.id), record };
  return {
    fileName: exportFileName(record, 'md'),
    mimeType: 'text/markdown',
    encoding: 'utf8',
    content: renderMarkdown([bundle]),
  };
}
