// Editing a record's catalogue details (the record-details editor): title, date, type, the
// source line with its archival citation, translator, contributor, rights and summary. The
// catalogue's archive and fond, the search index and every export follow, since they all read
// the stored record; the previous details come back for undo.
import { ApiError } from '@shared/api/errors';
import type { RecordMeta } from '@shared/model';
import { detailsOf, type RecordDetails } from '@shared/record-details';
import type { AppContext } from '../context';

export function updateRecordDetails(
  ctx: AppContext,
  id: string,
  details: RecordDetails,
): { record: RecordMeta; previous: RecordDetails } {
  return ctx.transaction(() => {
    const found = ctx.records.meta(id);
    if (!found) throw new ApiError('not_found', `There is no record with id “${id}”.`);
    if (found.trashed) {
      throw new ApiError(
        'not_found',
        `The record “${found.meta.title}” is in the trash; restore it first.`,
      );
    }
    ctx.records.updateDetails(id, details, ctx.now());
    return { record: ctx.records.meta(id)!.meta, previous: detailsOf(found.meta) };
  });
}
