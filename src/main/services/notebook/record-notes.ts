// The record note: the scholar's own rich-text essay on a record. It may cite annotations with
// links to marginalia://annotation/ID, which the reader turns into jumps to the marked span.
import type { RecordNote } from '@shared/model';
import { notebookOf } from '../../db/repositories/notebook';
import { commentFrom, requireRecord } from '../annotations/annotations-service';
import type { AppContext } from '../context';

export function getRecordNote(ctx: AppContext, recordId: string): RecordNote {
  requireRecord(ctx, recordId);
  return notebookOf(ctx.db).recordNote(recordId);
}

/** Saves the note (autosave calls this often); an empty editor stores an empty note. */
export function saveRecordNote(ctx: AppContext, recordId: string, json: string | null): RecordNote {
  requireRecord(ctx, recordId);
  const note = { recordId, body: commentFrom({ json }), updatedAt: ctx.now() };
  notebookOf(ctx.db).saveRecordNote(note);
  return note;
}
