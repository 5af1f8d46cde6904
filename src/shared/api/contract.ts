// The Workbench API: one table of method names, each with the schema its input must satisfy and
// the type of what it returns. The router validates every call against this table, whichever
// transport delivered it (Electron IPC, the loopback HTTP bridge, the CLI).
import { z } from 'zod';
import type { Annotation, Category, RecordDocument, RecordSummary } from '../model';
import { LIMITS } from './limits';

export { LIMITS } from './limits';

/** Phantom marker carrying a method's output type; it has no runtime value. */
function returns<T>(): T {
  return undefined as T;
}

const id = z.string().trim().min(1, 'must not be empty').max(64, 'is too long');
const passageId = z.number().int().nonnegative();

/** Lexical editor state as JSON text, or null for a bare highlight. */
const commentInput = z.strictObject({
  json: z
    .string()
    .max(LIMITS.maxCommentJsonChars, 'comment is too long')
    .refine(isLexicalStateJson, 'is not a Lexical editor state')
    .nullable(),
});

function isLexicalStateJson(text: string): boolean {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null) return false;
    const root = (value as { root?: unknown }).root;
    return (
      typeof root === 'object' && root !== null && (root as { type?: unknown }).type === 'root'
    );
  } catch {
    return false;
  }
}

const targetInput = z
  .strictObject({
    passageId,
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((t) => t.end > t.start, { message: 'end must be after start', path: ['end'] });

const fileInput = z.strictObject({
  name: z.string().min(1).max(1024),
  /** File content, base64-encoded (files may be binary, e.g. .docx). */
  base64: z.string().max(Math.ceil((LIMITS.maxImportFileBytes * 4) / 3) + 16, 'file is too large'),
});

export interface AppInfo {
  version: string;
  /** Where the library's SQLite file lives. */
  libraryPath: string;
  /** True when the host can show native open/save dialogs (Electron). */
  nativeDialogs: boolean;
}

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
export const duplicatePolicy = z.enum(['skip', 'keep-both']).default('skip');

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  content: string;
}

export const contract = {
  'app.info': {
    input: z.strictObject({}),
    output: returns<AppInfo>(),
  },
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
  'categories.list': {
    input: z.strictObject({}),
    output: returns<Category[]>(),
  },
  'annotations.list': {
    input: z.strictObject({ recordId: id }),
    output: returns<Annotation[]>(),
  },
  'annotations.create': {
    input: z.strictObject({
      recordId: id,
      targets: z.array(targetInput).min(1).max(2),
      categoryId: id.optional(),
      comment: commentInput.optional(),
    }),
    output: returns<Annotation>(),
  },
  'annotations.update': {
    input: z.strictObject({
      id,
      categoryId: id.optional(),
      comment: commentInput.optional(),
    }),
    output: returns<Annotation>(),
  },
  'annotations.delete': {
    input: z.strictObject({ id }),
    output: returns<Annotation>(),
  },
  /** Puts back an annotation exactly as `annotations.delete` returned it (undo). */
  'annotations.restore': {
    input: z.strictObject({
      annotation: z.strictObject({
        id,
        recordId: id,
        categoryId: id,
        comment: z.strictObject({
          json: commentInput.shape.json,
          text: z.string().max(LIMITS.maxCommentTextChars),
        }),
        targets: z
          .array(
            z.strictObject({
              passageId: passageId.nullable(),
              side: z.enum(['original', 'translation']),
              passageIndex: z.number().int().nonnegative(),
              quote: z.strictObject({
                type: z.literal('TextQuoteSelector'),
                exact: z.string(),
                prefix: z.string(),
                suffix: z.string(),
              }),
              position: z.strictObject({
                type: z.literal('TextPositionSelector'),
                start: z.number().int().nonnegative(),
                end: z.number().int().nonnegative(),
              }),
              orphaned: z.boolean(),
            }),
          )
          .min(1)
          .max(2),
        createdAt: z.number(),
        updatedAt: z.number(),
      }),
    }),
    output: returns<Annotation>(),
  },
  'export.notes': {
    input: z.strictObject({ recordId: id, format: z.enum(['md']).default('md') }),
    output: returns<ExportedFile>(),
  },
  /** Electron only: asks where to save with the native dialog, then writes the file. */
  'export.notesToFile': {
    input: z.strictObject({ recordId: id, format: z.enum(['md']).default('md') }),
    output: returns<{ path: string } | null>(),
  },
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = Contract[M]['output'];

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** The typed client every caller (renderer, CLI, tests) uses. */
export interface WorkbenchApi {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
}
