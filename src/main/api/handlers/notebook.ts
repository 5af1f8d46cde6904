// The notebook methods: record notes, the glossary, and people, places and organisations.
import {
  createEntity,
  deleteEntity,
  listEntities,
  restoreEntity,
  updateEntity,
} from '../../services/notebook/entities';
import {
  createGlossaryEntry,
  deleteGlossaryEntry,
  glossaryInconsistencies,
  listGlossary,
  restoreGlossaryEntry,
  updateGlossaryEntry,
} from '../../services/notebook/glossary';
import { getRecordNote, saveRecordNote } from '../../services/notebook/record-notes';
import type { HandlersFor } from './types';

export const recordNoteHandlers: HandlersFor<'recordNotes.'> = {
  'recordNotes.get': (ctx, { recordId }) => getRecordNote(ctx, recordId),
  'recordNotes.save': (ctx, { recordId, json }) => saveRecordNote(ctx, recordId, json),
};

export const glossaryHandlers: HandlersFor<'glossary.'> = {
  'glossary.list': (ctx, { recordId }) => listGlossary(ctx, recordId),
  'glossary.create': (ctx, input) => createGlossaryEntry(ctx, input),
  'glossary.update': (ctx, input) => updateGlossaryEntry(ctx, input),
  'glossary.delete': (ctx, { id }) => deleteGlossaryEntry(ctx, id),
  'glossary.restore': (ctx, input) => restoreGlossaryEntry(ctx, input),
  'glossary.inconsistencies': (ctx) => glossaryInconsistencies(ctx),
};

export const entityHandlers: HandlersFor<'entities.'> = {
  'entities.list': (ctx, { recordId }) => listEntities(ctx, recordId),
  'entities.create': (ctx, input) => createEntity(ctx, input),
  'entities.update': (ctx, input) => updateEntity(ctx, input),
  'entities.delete': (ctx, { id }) => deleteEntity(ctx, id),
  'entities.restore': (ctx, input) => restoreEntity(ctx, input),
};
