// Drafts of comments and replies, kept as they are typed (see the drafts repository). A draft
// whose note is gone (deleted since), or that was saved as a note already, is dropped when the
// record's drafts are listed.
import type { ParsedInput } from '@shared/api/contract';
import type { Draft } from '@shared/model';
import type { AppContext } from '../context';
import { requireLiveRecord } from '../library/require-record';

export function listDrafts(ctx: AppContext, recordId: string): Draft[] {
  requireLiveRecord(ctx, recordId);
  return ctx.drafts.listByRecord(recordId).filter((draft) => {
    const target = draft.target;
    const live =
      !ctx.drafts.savedAlready(draft.id) &&
      (target.kind === 'span' || ctx.annotations.get(target.annotationId)?.recordId === recordId);
    if (!live) ctx.drafts.delete(draft.id);
    return live;
  });
}

export function saveDraft(ctx: AppContext, input: ParsedInput<'drafts.save'>): Draft | null {
  requireLiveRecord(ctx, input.recordId);
  return ctx.drafts.save({ ...input, updatedAt: ctx.now() });
}

export function discardDraft(ctx: AppContext, id: string): { discarded: boolean } {
  return { discarded: ctx.drafts.delete(id) };
}
