// The scholar's notebook around annotations: the record note, the glossary, and the people,
// places and organisations named in the records.
import { z } from 'zod';
import {
  ENTITY_KINDS,
  type Entity,
  type EntityView,
  type GlossaryEntry,
  type GlossaryEntryView,
  type GlossaryInconsistency,
  type RecordNote,
} from '../../model';
import { id, lexicalJson, plainName, plainText, returns } from '../schemas';

const lang = z
  .string()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'must be a language tag like "ru"');
const term = plainName(200);
const renderings = z.array(z.string().max(200, 'is too long')).max(20, 'too many renderings');
const note = plainText(10_000, 'is too long');
const names = z
  .array(z.string().max(200, 'is too long'))
  .min(1, 'give at least one name')
  .max(30, 'too many names');
const kind = z.enum(ENTITY_KINDS, 'must be person, place or organisation');

const glossarySnapshot = z.strictObject({
  id,
  term,
  termLang: lang,
  renderings,
  renderingLang: lang,
  note,
  recordId: id.nullable(),
  annotationId: id.nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});

const entitySnapshot = z.strictObject({
  id,
  kind,
  names,
  note,
  createdAt: z.number(),
  updatedAt: z.number(),
});

export const notebookMethods = {
  'recordNotes.get': {
    input: z.strictObject({ recordId: id }),
    output: returns<RecordNote>(),
  },
  /** Saves the record note (autosave); null json empties it. */
  'recordNotes.save': {
    input: z.strictObject({ recordId: id, json: lexicalJson.nullable() }),
    output: returns<RecordNote>(),
  },
  /** The glossary with occurrences: the whole library, or one record's part of it. */
  'glossary.list': {
    input: z.strictObject({ recordId: id.optional() }),
    output: returns<GlossaryEntryView[]>(),
  },
  'glossary.create': {
    input: z.strictObject({
      term,
      renderings,
      note: note.optional(),
      termLang: lang.optional(),
      renderingLang: lang.optional(),
      recordId: id.optional(),
      annotationId: id.optional(),
    }),
    output: returns<GlossaryEntry>(),
  },
  'glossary.update': {
    input: z.strictObject({
      id,
      term: term.optional(),
      renderings: renderings.optional(),
      note: note.optional(),
    }),
    output: returns<GlossaryEntry>(),
  },
  'glossary.delete': {
    input: z.strictObject({ id }),
    output: returns<GlossaryEntry>(),
  },
  'glossary.restore': {
    input: z.strictObject({ entry: glossarySnapshot }),
    output: returns<GlossaryEntry>(),
  },
  /** Terms rendered differently (or not at all) across records. */
  'glossary.inconsistencies': {
    input: z.strictObject({}),
    output: returns<GlossaryInconsistency[]>(),
  },
  /** People, places and organisations with mentions and occurrences (optionally of one record). */
  'entities.list': {
    input: z.strictObject({ recordId: id.optional() }),
    output: returns<EntityView[]>(),
  },
  /** A new entity; `annotationIds` become its first mentions. */
  'entities.create': {
    input: z.strictObject({
      kind,
      names,
      note: note.optional(),
      annotationIds: z.array(id).max(1000).optional(),
    }),
    output: returns<Entity>(),
  },
  'entities.update': {
    input: z.strictObject({
      id,
      kind: kind.optional(),
      names: names.optional(),
      note: note.optional(),
    }),
    output: returns<Entity>(),
  },
  /** Deletes an entity; its mentions stay as annotations, unlinked. */
  'entities.delete': {
    input: z.strictObject({ id }),
    output: returns<{ entity: Entity; annotationIds: string[] }>(),
  },
  'entities.restore': {
    input: z.strictObject({ entity: entitySnapshot, annotationIds: z.array(id).max(100_000) }),
    output: returns<Entity>(),
  },
} as const;
