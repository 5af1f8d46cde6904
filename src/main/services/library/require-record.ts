// The one check that a method's record exists and is in the library. A record in the trash is
// out of the library for every method that names it (reading, annotating, exporting, aligning):
// it must be restored first. Only the trash's own methods (restore, purge) take it as it is.
import { ApiError } from '@shared/api/errors';
import type { RecordDocument } from '@shared/model';
import type { RecordState } from '../../db/repositories';
import type { AppContext } from '../context';

/** Refuses a record that does not exist or is in the trash; cheap (no passages are read). */
export function requireLiveRecord(ctx: AppContext, id: string): RecordState {
  const state = ctx.records.state(id);
  if (!state) throw new ApiError('not_found', `There is no record with id “${id}”.`);
  if (state.deletedAt !== null) {
    throw new ApiError(
      'not_found',
      `The record “${state.title}” is in the trash; restore it first.`,
    );
  }
  return state;
}

/** The whole record (passages and alignment), refused as `requireLiveRecord` refuses it. */
export function requireRecord(ctx: AppContext, id: string): RecordDocument {
  requireLiveRecord(ctx, id);
  return ctx.records.get(id)!;
}
