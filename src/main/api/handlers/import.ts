// The import methods: one item through the import pipeline, native file picking, and a record's
// history.
import { listImportableFiles } from '../../services/import/walk';
import { grantFiles } from '../../services/library/import-grants';
import { importItem } from '../../services/library/import-item';
import { requireLiveRecord } from '../../services/library/require-record';
import type { HandlersFor } from './types';

export const importHandlers: HandlersFor<'import.'> = {
  'import.item': (ctx, { item, duplicates }) => importItem(ctx, item, duplicates),
  'import.pick': async (ctx, { kind }) => {
    const paths = await ctx.host.pickImportFiles({ folders: kind === 'folder' });
    if (!paths || paths.length === 0) return null;
    // Only what the user chose (and the importable files inside chosen folders) is granted.
    const listing = listImportableFiles(paths);
    return { files: grantFiles(ctx, listing.files), ignored: listing.ignored };
  },
  'import.history': (ctx, { recordId }) => {
    requireLiveRecord(ctx, recordId);
    return ctx.importHistory.list(recordId);
  },
};
