// The export part of the contract: files, jobs, handout settings and saving.
import { z } from 'zod';
import type { EditionDocument, HandoutSettings } from '../../edition';
import { EXPORT_FORMATS } from '../../export-formats';
import type { ApiErrorData } from '../errors';
import { id, returns } from '../schemas';

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  /** utf8: `content` is the text itself; base64: binary content (PDF, Word), base64-encoded. */
  encoding: 'utf8' | 'base64';
  content: string;
}

export interface ExportJobStatus {
  id: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  done: number;
  total: number;
  /** What the export is doing now, in a few words. */
  stage: string;
  file: ExportedFile | null;
  error: ApiErrorData | null;
}

/** Most records one export may hold. */
export const MAX_EXPORT_RECORDS = 5000;

const recordIds = z
  .array(id)
  .min(1, 'choose at least one record')
  .max(MAX_EXPORT_RECORDS, `at most ${MAX_EXPORT_RECORDS} records at once`);

const languages = z.enum(
  ['both', 'original', 'translation'],
  'must be both, original or translation',
);

/** The handout builder's choices that are remembered between sessions. */
const handoutSettingsShape = {
  title: z.string().max(300, 'title is too long').default(''),
  instructions: z.string().max(20_000, 'instructions are too long').default(''),
  languages: languages.default('both'),
  categories: z.array(id).max(200).nullable().default(null),
  glossary: z.boolean().default(true),
  questions: z.boolean().default(true),
  extraQuestions: z.string().max(20_000, 'questions are too long').default(''),
};

export const handoutOptions = z.strictObject({
  ...handoutSettingsShape,
  records: z
    .array(
      z.strictObject({
        recordId: id,
        rows: z.array(z.number().int().nonnegative()).max(100_000).nullable().default(null),
      }),
    )
    .min(1, 'choose at least one record')
    .max(500, 'a handout holds at most 500 records'),
});

export const handoutSettings = z.strictObject({
  ...handoutSettingsShape,
  format: z.enum(['docx', 'pdf', 'html'], 'must be docx, pdf or html').default('docx'),
});

const exportRequest = z.strictObject({
  recordIds,
  format: z.enum(EXPORT_FORMATS, `must be one of ${EXPORT_FORMATS.join(', ')}`),
  /** For html, pdf and docx: a handout instead of the full edition. */
  handout: handoutOptions.optional(),
});

const jobId = z.strictObject({ jobId: z.string().uuid('is not an export job id') });

export const exportMethods = {
  'export.notes': {
    input: z.strictObject({ recordId: id, format: z.enum(['md']).default('md') }),
    output: returns<ExportedFile>(),
  },
  /** Electron only: asks where to save with the native dialog, then writes the file. */
  'export.notesToFile': {
    input: z.strictObject({ recordId: id, format: z.enum(['md']).default('md') }),
    output: returns<{ path: string } | null>(),
  },
  /** Exports records in any format at once (the CLI's door; the app uses jobs). */
  'export.file': {
    input: exportRequest,
    output: returns<ExportedFile>(),
  },
  /** Starts an export job; poll `export.status`, stop with `export.cancel`. */
  'export.start': {
    input: exportRequest,
    output: returns<ExportJobStatus>(),
  },
  'export.status': {
    input: jobId,
    output: returns<ExportJobStatus>(),
  },
  'export.cancel': {
    input: jobId,
    output: returns<{ cancelled: boolean }>(),
  },
  /** Electron only: saves a finished job's file where the user chooses. */
  'export.saveJobFile': {
    input: jobId,
    output: returns<{ path: string } | null>(),
  },
  /** The handout as the builder previews it: the same model the files are made from. */
  'export.handoutPreview': {
    input: z.strictObject({ handout: handoutOptions }),
    output: returns<EditionDocument>(),
  },
  'export.handoutSettings': {
    input: z.strictObject({}),
    output: returns<HandoutSettings>(),
  },
  'export.saveHandoutSettings': {
    input: z.strictObject({ settings: handoutSettings }),
    output: returns<HandoutSettings>(),
  },
} as const;
