// The implementation of every API method, gathered from one module per feature. The router
// validates inputs before calling these; `satisfies Handlers` makes a missing method a type error.
import { alignmentHandlers } from './alignment';
import {
  annotationHandlers,
  categoryHandlers,
  draftHandlers,
  transcriptionHandlers,
} from './annotations';
import { appHandlers } from './app';
import { exportHandlers } from './export';
import { importHandlers } from './import';
import { interopHandlers } from './interop';
import { collectionHandlers, libraryHandlers } from './library';
import { entityHandlers, glossaryHandlers, recordNoteHandlers } from './notebook';
import { recordHandlers } from './records';
import { searchHandlers } from './search';
import type { MethodName } from '@shared/api/contract';
import type { DoorMethodName, Handlers } from './types';

export type { DoorMethodName, HandledMethodName, Handler, Handlers } from './types';

export const isDoorMethod = (method: MethodName): method is DoorMethodName =>
  method.startsWith('backups.');

export const handlers = {
  ...appHandlers,
  ...recordHandlers,
  ...importHandlers,
  ...categoryHandlers,
  ...annotationHandlers,
  ...draftHandlers,
  ...transcriptionHandlers,
  ...recordNoteHandlers,
  ...glossaryHandlers,
  ...entityHandlers,
  ...exportHandlers,
  ...interopHandlers,
  ...alignmentHandlers,
  ...searchHandlers,
  ...libraryHandlers,
  ...collectionHandlers,
} satisfies Handlers;
