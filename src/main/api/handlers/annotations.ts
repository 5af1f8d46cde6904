import {
  createAnnotation,
  deleteAnnotation,
  listAnnotations,
  restoreAnnotation,
  updateAnnotation,
} from '../../services/annotations/annotations-service';
import type { HandlersFor } from './types';

export const categoryHandlers: HandlersFor<'categories.'> = {
  'categories.list': (ctx) => ctx.annotations.categories(),
};

export const annotationHandlers: HandlersFor<'annotations.'> = {
  'annotations.list': (ctx, { recordId }) => listAnnotations(ctx, recordId),
  'annotations.create': (ctx, input) => createAnnotation(ctx, input),
  'annotations.update': (ctx, input) => updateAnnotation(ctx, input),
  'annotations.delete': (ctx, { id }) => deleteAnnotation(ctx, id),
  'annotations.restore': (ctx, input) => restoreAnnotation(ctx, input),
};
