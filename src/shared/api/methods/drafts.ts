// Drafts: the words of a comment or reply being written, saved as they are typed so that a
// reload or a crash of the window loses nothing.
import { z } from 'zod';
import { TRANSLATION_NOTE_TYPES, type Draft } from '../../model';
import { id, lexicalJson, passageId, returns } from '../schemas';

const draftTarget = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('span'),
    passageId,
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    quote: z.string().max(100_000, 'is too long'),
  }),
  z.strictObject({ kind: z.literal('note'), annotationId: id }),
]);

export const draftMethods = {
  /** The record's drafts, newest first. */
  'drafts.list': {
    input: z.strictObject({ recordId: id }),
    output: returns<Draft[]>(),
  },
  /**
   * Keeps a draft (new or changed). A draft with the same record and target but another id is
   * replaced; an older revision than the one stored, or a draft already saved as a note, changes
   * nothing. Returns the draft as stored, or null when nothing was kept.
   */
  'drafts.save': {
    input: z.strictObject({
      id: z.uuid('must be a UUID'),
      recordId: id,
      kind: z.enum(['comment', 'reply']),
      target: draftTarget,
      json: lexicalJson.nullable(),
      categoryId: id.nullable(),
      tags: z.array(z.string().max(200, 'tag is too long')).max(64, 'too many tags'),
      noteType: z.enum(TRANSLATION_NOTE_TYPES).nullable(),
      revision: z.number().int().nonnegative(),
    }),
    output: returns<Draft | null>(),
  },
  /** Throws a draft away (the user discarded it). */
  'drafts.discard': {
    input: z.strictObject({ id: z.uuid('must be a UUID') }),
    output: returns<{ discarded: boolean }>(),
  },
} as const;
