// The alignment part of the contract: reading rows and correcting them, at paragraph or sentence
// level.
import { z } from 'zod';
import { SEGMENT_UNITS, type SegmentUnit, type UnitDetection } from '../../alignment/units';
import type { AlignmentChange, AlignmentView, RowEvidence } from '../../alignment/view';
import { LIMITS } from '../limits';
import { id, returns, side } from '../schemas';

/** Paragraph rows (the stored passages) or sentence rows (sentences inside them). */
const level = z.enum(['paragraph', 'sentence']).default('paragraph');
const unit = z.number().int('must be a whole number').nonnegative('must not be negative');
const units = z.array(unit).max(100_000, 'lists too many units');

/** A row as the reader saw it: the units of each side it holds. */
const rowInput = z
  .strictObject({ original: units, translation: units })
  .refine((row) => row.original.length + row.translation.length > 0, 'a row holds some units');

const groupInput = z.strictObject({
  original: units,
  translation: units,
  confidence: z.number().min(0).max(1),
  confirmed: z.boolean(),
});

const language = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a language tag such as "ru" or "en"');

const text = z.string().max(LIMITS.maxImportFileBytes, 'is longer than the limit for one record');

const where = { recordId: id, level };

export const alignmentMethods = {
  /** A record's rows at one level, with the units they group and notes on doubtful rows. */
  'alignment.get': {
    input: z.strictObject(where),
    output: returns<AlignmentView>(),
  },
  /** Joins a row with the row after it. */
  'alignment.merge': {
    input: z.strictObject({ ...where, row: rowInput }),
    output: returns<AlignmentChange>(),
  },
  /** Cuts a row in two: the first `original` and `translation` units stay in the upper row. */
  'alignment.split': {
    input: z.strictObject({ ...where, row: rowInput, original: unit, translation: unit }),
    output: returns<AlignmentChange>(),
  },
  /** Moves the first unit of its side up into the row above, or the last down into the next. */
  'alignment.move': {
    input: z.strictObject({ ...where, side, unit, direction: z.enum(['up', 'down']) }),
    output: returns<AlignmentChange>(),
  },
  /** Gives a unit a row of its own: it has no counterpart. */
  'alignment.unpair': {
    input: z.strictObject({ ...where, side, unit }),
    output: returns<AlignmentChange>(),
  },
  /** Confirms a row as right (re-alignment keeps it) or takes the confirmation back. */
  'alignment.confirm': {
    input: z.strictObject({ ...where, row: rowInput, confirmed: z.boolean().default(true) }),
    output: returns<AlignmentChange>(),
  },
  /** Aligns again every row nobody confirmed, keeping the confirmed ones exactly. */
  'alignment.realign': {
    input: z.strictObject(where),
    output: returns<AlignmentChange>(),
  },
  /** Stores complete rows, e.g. those a change returned as `previous` (undo and redo). */
  'alignment.set': {
    input: z.strictObject({
      ...where,
      groups: z.array(groupInput).min(1, 'an alignment has rows').max(1_000_000),
    }),
    output: returns<AlignmentChange>(),
  },
  /**
   * Aligns two texts without storing anything: blank-line paragraphs, or one segment per line
   * when a text has no blank lines to speak of (`auto`), or the unit chosen.
   */
  'alignment.alignTexts': {
    input: z.strictObject({
      original: text,
      translation: text,
      unit: z.enum(['auto', ...SEGMENT_UNITS]).default('auto'),
      originalLang: language.optional(),
      translationLang: language.optional(),
    }),
    output: returns<AlignedTextsOutput>(),
  },
} as const;

export interface AlignedTextsOutput {
  /** The units aligned on each side, and what detection found in each text. */
  unit: Record<'original' | 'translation', SegmentUnit>;
  detected: Record<'original' | 'translation', UnitDetection>;
  originalLang: string;
  translationLang: string;
  original: string[];
  translation: string[];
  /** Whether the translation was taken to cover one stretch of the original. */
  excerpt: boolean;
  alignment: {
    original: number[];
    translation: number[];
    confidence: number;
    /** What made the row (null for a lone unit nothing was weighed for). */
    evidence: Omit<RowEvidence, 'row'> | null;
  }[];
}
