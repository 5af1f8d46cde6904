// The export methods: files of every format, export jobs with progress, and saving through the
// host's dialog.
import { ApiError } from '@shared/api/errors';
import type { ExportedFile } from '@shared/api/contract';
import { EXPORT_FORMAT_INFO } from '@shared/export-formats';
import { exportNotes } from '../../services/export';
import { loadExportBundle } from '../../services/export/bundle';
import { buildEdition } from '../../services/export/edition/build';
import { loadHandoutSettings, saveHandoutSettings } from '../../services/export/handout-settings';
import { cancelExportJob, exportJobStatus, startExportJob } from '../../services/export/jobs';
import { exportRecords } from '../../services/export/run';
import { writeFileAtomically } from '../../services/files';
import type { FileFilter } from '../../services/host';
import { requireRecord } from '../../services/library/require-record';
import type { HandlersFor } from './types';

/** The save dialog's filter for an exported file: its format's name and extension. */
function filterFor(file: ExportedFile): FileFilter[] {
  const format = Object.values(EXPORT_FORMAT_INFO).find(
    (f) => f.mimeType === file.mimeType && file.fileName.endsWith(`.${f.extension}`),
  );
  return format ? [{ name: format.label, extensions: [format.extension] }] : [];
}

export const exportHandlers: HandlersFor<'export.'> = {
  'export.notes': (ctx, { recordId, format }) =>
    exportNotes(ctx, requireRecord(ctx, recordId), format),
  'export.notesToFile': async (ctx, { recordId, format }) => {
    const file = exportNotes(ctx, requireRecord(ctx, recordId), format);
    const target = await ctx.host.pickSavePath(file.fileName, [
      { name: 'Markdown', extensions: ['md'] },
    ]);
    if (!target) return null;
    writeFileAtomically(target, file.content);
    return { path: target };
  },
  'export.file': (ctx, request) => exportRecords(ctx, request),
  'export.start': (ctx, request) => startExportJob(ctx, request),
  'export.status': (ctx, { jobId }) => exportJobStatus(ctx, jobId),
  'export.cancel': (ctx, { jobId }) => ({ cancelled: cancelExportJob(ctx, jobId) }),
  'export.saveJobFile': async (ctx, { jobId }) => {
    const status = exportJobStatus(ctx, jobId);
    if (status.state !== 'done' || !status.file) {
      throw new ApiError(
        'invalid_input',
        'This export has not finished; there is no file to save yet.',
      );
    }
    const file = status.file;
    const target = await ctx.host.pickSavePath(file.fileName, filterFor(file));
    if (!target) return null;
    try {
      writeFileAtomically(
        target,
        file.encoding === 'base64' ? Buffer.from(file.content, 'base64') : file.content,
      );
    } catch (error) {
      throw new ApiError('bad_file', `The file could not be written: ${(error as Error).message}`);
    }
    return { path: target };
  },
  'export.handoutPreview': (ctx, { handout }) => {
    const now = new Date(ctx.now());
    const bundles = [...new Set(handout.records.map((r) => r.recordId))].map((id) =>
      loadExportBundle(ctx, id, { exportedAt: now }),
    );
    return buildEdition(bundles, handout, 'handout');
  },
  'export.handoutSettings': (ctx) => loadHandoutSettings(ctx),
  'export.saveHandoutSettings': (ctx, { settings }) => saveHandoutSettings(ctx, settings),
};
