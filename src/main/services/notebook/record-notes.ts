// The record note: the scholar's own rich-text essay on a record. It may cite annotations with
// links to marginalia://annotation/ID, which the reader turns into jumps to the marked span.
import type { RecordNote } from '@shared/model';
import { commentFrom } from '../annotations/annotations-service';
import { requireLiveRecord } from '../library/require-record';
import type { AppContext } from '../context';

export function getRecordNote(ctx: AppContext, recordId: string): RecordNote {
  requireLiveRecord(ctx, recordId);
  return ctx.recordNotes.get(recordId);
}

/** Saves the note (autosave calls this often); an empty editor stores an empty note. */
export function saveRecordNote(ctx: AppContext, recordId: string, json: string | null): RecordNote {
  requireLiveRecord(ctx, recordId);
  const note = { recordId, body: commentFrom({ json }), updatedAt: ctx.now() };
  ctx.recordNotes.save(note);
  return note;
}
