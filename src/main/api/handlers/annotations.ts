// The annotation, category, reply and transcription methods, each a thin call into the annotation
// services.
import {
  createAnnotation,
  deleteAnnotation,
  listAnnotations,
  restoreAnnotation,
  updateAnnotation,
} from '../../services/annotations/annotations-service';
import {
  createCategory,
  deleteCategory,
  restoreCategory,
  updateCategory,
} from '../../services/annotations/categories';
import {
  deleteAnnotations,
  putAnnotations,
  restoreAnnotations,
  updateAnnotations,
} from '../../services/annotations/bulk';
import { discardDraft, listDrafts, saveDraft } from '../../services/annotations/drafts';
import { reanchorRecord } from '../../services/annotations/reanchor';
import { requireLiveRecord } from '../../services/library/require-record';
import {
  addReply,
  deleteReply,
  restoreReply,
  updateReply,
} from '../../services/annotations/replies';
import {
  linkCounterpart,
  putAnnotation,
  reattachTarget,
  unlinkTarget,
} from '../../services/annotations/targets';
import { editPassageText } from '../../services/annotations/transcription';
import type { HandlersFor } from './types';

export const categoryHandlers: HandlersFor<'categories.'> = {
  'categories.list': (ctx) => ctx.categories.list(),
  'categories.create': (ctx, input) => createCategory(ctx, input),
  'categories.update': (ctx, input) => updateCategory(ctx, input),
  'categories.delete': (ctx, input) => deleteCategory(ctx, input),
  'categories.restore': (ctx, input) => restoreCategory(ctx, input),
};

export const annotationHandlers: HandlersFor<'annotations.'> = {
  'annotations.list': (ctx, { recordId }) => listAnnotations(ctx, recordId),
  'annotations.create': (ctx, input) => createAnnotation(ctx, input),
  'annotations.update': (ctx, input) => updateAnnotation(ctx, input),
  'annotations.delete': (ctx, { id }) => deleteAnnotation(ctx, id),
  'annotations.restore': (ctx, input) => restoreAnnotation(ctx, input),
  'annotations.put': (ctx, input) => putAnnotation(ctx, input),
  'annotations.deleteMany': (ctx, input) => deleteAnnotations(ctx, input),
  'annotations.restoreMany': (ctx, input) => restoreAnnotations(ctx, input),
  'annotations.updateMany': (ctx, input) => updateAnnotations(ctx, input),
  'annotations.putMany': (ctx, input) => putAnnotations(ctx, input),
  'annotations.linkCounterpart': (ctx, input) => linkCounterpart(ctx, input),
  'annotations.unlinkTarget': (ctx, input) => unlinkTarget(ctx, input),
  'annotations.reattach': (ctx, input) => reattachTarget(ctx, input),
  'annotations.reanchor': (ctx, { recordId }) => {
    requireLiveRecord(ctx, recordId);
    return reanchorRecord(ctx, recordId);
  },
  'annotations.tags': (ctx) => ctx.annotations.allTags(),
  'annotations.addReply': (ctx, input) => addReply(ctx, input),
  'annotations.updateReply': (ctx, input) => updateReply(ctx, input),
  'annotations.deleteReply': (ctx, { id }) => deleteReply(ctx, id),
  'annotations.restoreReply': (ctx, input) => restoreReply(ctx, input),
};

export const draftHandlers: HandlersFor<'drafts.'> = {
  'drafts.list': (ctx, { recordId }) => listDrafts(ctx, recordId),
  'drafts.save': (ctx, input) => saveDraft(ctx, input),
  'drafts.discard': (ctx, { id }) => discardDraft(ctx, id),
};

export const transcriptionHandlers: HandlersFor<'transcription.'> = {
  'transcription.editPassage': (ctx, { passageId, text }) => editPassageText(ctx, passageId, text),
};
