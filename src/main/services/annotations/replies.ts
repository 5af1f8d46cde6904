// Follow-up entries under an annotation: a dated thread of rich-text replies.
import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import type { AnnotationReply } from '@shared/model';
import type { AppContext } from '../context';
import { requireOwnReply } from '../sharing/authors';
import { commentFrom, draftUsedElsewhere, requireAnnotation } from './annotations-service';

function requireReply(ctx: AppContext, id: string): AnnotationReply {
  const reply = ctx.annotations.getReply(id);
  if (!reply) throw new ApiError('not_found', `There is no reply with id “${id}”.`);
  return reply;
}

function bodyOf(json: string | null) {
  const body = commentFrom({ json });
  if (body.json === null) {
    throw new ApiError('invalid_input', 'Write something in the reply first.', [
      { path: 'body', message: 'empty' },
    ]);
  }
  return body;
}

export function addReply(
  ctx: AppContext,
  input: ParsedInput<'annotations.addReply'>,
): AnnotationReply {
  const earlier = input.draftId ? savedReply(ctx, input.draftId, input.annotationId) : null;
  if (earlier) return earlier;
  requireAnnotation(ctx, input.annotationId);
  const now = ctx.now();
  const reply: AnnotationReply = {
    id: randomUUID(),
    annotationId: input.annotationId,
    body: bodyOf(input.body.json),
    createdAt: now,
    updatedAt: now,
  };
  if (!input.draftId) {
    ctx.annotations.insertReply(reply);
    return reply;
  }
  const draftId = input.draftId;
  const raced = ctx.annotations.insertReplyKeyed(reply, draftId);
  // The draft kept while it was typed is done (one left by a crash just here is never listed
  // again: its id is a creation key now).
  ctx.drafts.delete(draftId);
  return raced ? savedReply(ctx, draftId, input.annotationId)! : reply;
}

/** The reply an earlier save of draft `draftId` created (see savedDraft for notes). */
function savedReply(
  ctx: AppContext,
  draftId: string,
  annotationId: string,
): AnnotationReply | null {
  const earlier = ctx.annotations.createdWithKey(draftId);
  if (!earlier) return null;
  const reply = 'replyId' in earlier ? ctx.annotations.getReply(earlier.replyId) : null;
  if (!reply || reply.annotationId !== annotationId) throw draftUsedElsewhere();
  return reply;
}

export function updateReply(
  ctx: AppContext,
  input: ParsedInput<'annotations.updateReply'>,
): AnnotationReply {
  const current = requireReply(ctx, input.id);
  requireOwnReply(ctx, current.id);
  const reply = {
    ...current,
    body: bodyOf(input.body.json),
    updatedAt: Math.max(ctx.now(), current.updatedAt),
  };
  ctx.annotations.updateReply(reply);
  return reply;
}

export function deleteReply(ctx: AppContext, id: string): AnnotationReply {
  const reply = requireReply(ctx, id);
  requireOwnReply(ctx, id);
  ctx.annotations.deleteReply(id);
  return reply;
}

export function restoreReply(
  ctx: AppContext,
  input: ParsedInput<'annotations.restoreReply'>,
): AnnotationReply {
  const given = input.reply;
  requireAnnotation(ctx, given.annotationId);
  if (ctx.annotations.getReply(given.id)) {
    throw new ApiError('invalid_input', 'This reply already exists; there is nothing to restore.');
  }
  const reply: AnnotationReply = { ...given, body: bodyOf(given.body.json) };
  ctx.annotations.insertReply(reply);
  return reply;
}
