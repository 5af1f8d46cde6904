// The records methods: the library's list and one whole record. Records come in through the
// import pipeline (import.item).
import { updateRecordDetails } from '../../services/library/record-details';
import { recordFacsimile, recordPageImage } from '../../services/library/facsimile';
import { requireRecord } from '../../services/library/require-record';
import type { HandlersFor } from './types';

export const recordHandlers: HandlersFor<'records.'> = {
  'records.list': (ctx) => ctx.records.list(),
  'records.get': (ctx, { id }) => requireRecord(ctx, id),
  'records.updateDetails': (ctx, { id, details }) => updateRecordDetails(ctx, id, details),
  'records.facsimile': (ctx, { id }) => recordFacsimile(ctx, id),
  'records.pageImage': (ctx, { id, hash }) => recordPageImage(ctx, id, hash),
};
