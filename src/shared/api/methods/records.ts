import { z } from 'zod';
import type { RecordDocument, RecordSummary } from '../../model';
import { LIMITS } from '../limits';
import { fileInput, id, returns } from '../schemas';
import { duplicatePolicyInput } from './import';

export interface ImportFailure {
  file: string;
  reason: string;
}

export interface ImportSkip {
  file: string;
  reason: string;
  /** The record already in the library that this file duplicates. */
  existingId: string;
}

export interface ImportReport {
  records: RecordDocument[];
  skipped: ImportSkip[];
  errors: ImportFailure[];
}

/** What to do with a file whose record is already in the library (same record ID or text). */
export const duplicatePolicy = duplicatePolicyInput;

export const recordMethods = {
  'records.list': {
    input: z.strictObject({}),
    output: returns<RecordSummary[]>(),
  },
  'records.get': {
    input: z.strictObject({ id }),
    output: returns<RecordDocument>(),
  },
  'records.import': {
    input: z.strictObject({
      files: z.array(fileInput).min(1, 'choose at least one file').max(LIMITS.maxImportFiles),
      duplicates: duplicatePolicy,
    }),
    output: returns<ImportReport>(),
  },
  /** Electron only: shows the native open dialog and imports what the user picks. */
  'records.importFromDialog': {
    input: z.strictObject({ duplicates: duplicatePolicy }),
    output: returns<ImportReport | null>(),
  },
} as const;
