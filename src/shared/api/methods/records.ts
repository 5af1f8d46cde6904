// The records methods: the library's list, one whole record, and its catalogue details edited.
import { z } from 'zod';
import type { RecordDocument, RecordMeta, RecordSummary } from '../../model';
import type { RecordDetails } from '../../record-details';
import type { RecordFacsimile } from '../../scans/facsimile';
import { id, returns } from '../schemas';

/** A date as archives give one: a year, a month or a day, and a real one ("1951-02-30" is not). */
const partialDate = z
  .string()
  .trim()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a year, YYYY-MM or YYYY-MM-DD')
  .refine((value) => {
    const [year, month, day] = value.split('-').map(Number);
    if (month === undefined) return true;
    if (month < 1 || month > 12) return false;
    if (day === undefined) return true;
    return day >= 1 && day <= new Date(Date.UTC(year!, month, 0)).getUTCDate();
  }, 'is not a date in the calendar');

/** Optional text: trimmed, and empty means none. */
const detail = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `is too long (at most ${max.toLocaleString('en')} characters)`)
    .nullable()
    .transform((value) => (value === '' ? null : value));

export const recordDetailsInput = z.strictObject({
  title: z
    .string()
    .trim()
    .min(1, 'a record needs a title')
    .max(1000, 'is too long (at most 1,000 characters)'),
  date: partialDate
    .nullable()
    .or(z.literal(''))
    .transform((value) => (value === '' ? null : value)),
  type: detail(200),
  source: detail(4000),
  translator: detail(500),
  contributor: detail(500),
  rights: detail(20_000),
  summary: detail(20_000),
});

export const recordMethods = {
  'records.list': {
    input: z.strictObject({}),
    output: returns<RecordSummary[]>(),
  },
  'records.get': {
    input: z.strictObject({ id }),
    output: returns<RecordDocument>(),
  },
  /**
   * Changes a record's catalogue details (title, date, type, source line, translator,
   * contributor, rights, summary); returns the record's data before and after, for undo.
   */
  'records.updateDetails': {
    input: z.strictObject({ id, details: recordDetailsInput }),
    output: returns<{ record: RecordMeta; previous: RecordDetails }>(),
  },
  /** A record's page images and where its passages lie on them (empty for a text record). */
  'records.facsimile': {
    input: z.strictObject({ id }),
    output: returns<RecordFacsimile>(),
  },
  /** One page image of a record, by the hash `records.facsimile` gave, as a data: URL. */
  'records.pageImage': {
    input: z.strictObject({ id, hash: z.string().regex(/^[0-9a-f]{64}$/, 'is not an image hash') }),
    output: returns<{ url: string; width: number; height: number }>(),
  },
} as const;
