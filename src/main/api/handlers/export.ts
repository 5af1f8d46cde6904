import { exportNotes } from '../../services/export';
import { writeFileAtomically } from '../../services/files';
import { requireRecord, type HandlersFor } from './types';

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
};
