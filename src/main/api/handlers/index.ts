// The implementation of every API method, gathered from one module per feature. The router
// validates inputs before calling these; `satisfies Handlers` makes a missing method a type error.
import { annotationHandlers, categoryHandlers } from './annotations';
import { appHandlers } from './app';
import { exportHandlers } from './export';
import { recordHandlers } from './records';
import type { Handlers } from './types';

export type { Handler, Handlers } from './types';

export const handlers = {
  ...appHandlers,
  ...recordHandlers,
  ...categoryHandlers,
  ...annotationHandlers,
  ...exportHandlers,
} satisfies Handlers;
