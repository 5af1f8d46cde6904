// The one import pipeline: source → parse → store. An item of a batch (a record file, or an
// original/translation pair) comes from content the page sent, a file a native dialog granted,
// or, for trusted in-process callers (the CLI), a path. Reading, parsing and aligning run in a
// parse worker with memory and time limits (../workers/pool.ts), with progress and cancel; only
// the store runs here. Every door ends here: whatever goes wrong becomes the item's reason,
// nothing is written for it, and the batch goes on.
import path from 'node:path';
import type { UnitChoice } from '@shared/alignment/units';
import { ApiError } from '@shared/api/errors';
import { SCAN_EXTENSIONS } from '@shared/import/extensions';
import type { DuplicatePolicy, ImportOutcome } from '@shared/api/methods/import';
import type { importItemInput } from '@shared/api/methods/import';
import type { z } from 'zod';
import type { AppContext } from '../context';
import { libraryLexicons } from '../alignment-store/library-lexicon';
import { runJob, SCAN_WORKER_LIMITS, type RunOptions } from '../workers/pool';
import type { ImportJobItem, JobFile } from '../workers/protocol';
import { BUSY_MESSAGE, isBusy, retryWhenBusy } from '../busy';
import { isReadOnly, readOnlyError } from '../read-only';
import { grantedPath } from './import-grants';
import { storeImport, type ParsedImport } from './store-import';

export type { ParsedImport };

type ContractItem = z.output<typeof importItemInput>;
type ContractSource = Extract<ContractItem, { kind: 'record' }>['file'];

/**
 * Where an item's file comes from. A path is never accepted from the API (the page names no
 * paths); only trusted callers in this process pass one.
 */
export type ImportSource = ContractSource | { path: string };

/** An item of a batch, as the API takes it or with trusted paths. */
export type ImportRequest =
  | (Omit<Extract<ContractItem, { kind: 'record' }>, 'file'> & { file: ImportSource })
  | (Omit<
      Extract<ContractItem, { kind: 'pair' }>,
      'original' | 'translation' | 'order' | 'unit'
    > & {
      original: ImportSource;
      translation: ImportSource;
      order?: 'given' | 'auto';
      unit?: UnitChoice;
    });

/** Resolves an import token to the path a native dialog granted (throws for any other). */
export type TokenResolver = (token: string) => string;

const noTokens: TokenResolver = () => {
  throw new ApiError('invalid_input', 'Import tokens are only valid in the app that granted them.');
};

/** How an import is watched and stopped: progress from the worker, a signal to cancel it. */
export type ImportControl = RunOptions;

/** Source: where the worker reads the file (a granted token becomes its path here). */
function jobFile(source: ImportSource, resolve: TokenResolver): JobFile {
  if ('path' in source) return { path: source.path };
  if ('token' in source) {
    return {
      path: resolve(source.token),
      missing: 'The file is gone (moved or deleted since it was chosen).',
    };
  }
  return { name: source.name, base64: source.base64 };
}

/**
 * Parse: the item's file(s) read as one record, with the user's language choices, and aligned,
 * in a parse worker, from the lexicon `library` has learned for the record's languages (null: no
 * library yet). Throws the reason the item cannot be imported.
 */
export async function parseImport(
  item: ImportRequest,
  library: AppContext | null,
  resolve: TokenResolver = noTokens,
  control: ImportControl = {},
): Promise<ParsedImport> {
  const job: ImportJobItem =
    item.kind === 'record'
      ? {
          kind: 'record',
          file: jobFile(item.file, resolve),
          ...(item.originalLang ? { originalLang: item.originalLang } : {}),
          ...(item.translationLang ? { translationLang: item.translationLang } : {}),
        }
      : {
          kind: 'pair',
          original: jobFile(item.original, resolve),
          translation: jobFile(item.translation, resolve),
          ...(item.originalLang ? { originalLang: item.originalLang } : {}),
          ...(item.translationLang ? { translationLang: item.translationLang } : {}),
          order: item.order ?? 'given',
          unit: item.unit ?? 'auto',
        };
  const files = job.kind === 'record' ? [job.file] : [job.original, job.translation];
  const scan = files.some((file) =>
    SCAN_EXTENSIONS.includes(path.extname('path' in file ? file.path : file.name).toLowerCase()),
  );
  const lexicons = library === null ? [] : libraryLexicons(library);
  // A PDF or scan is read page by page: its time limit is per page (see ../workers/pool.ts).
  return runJob(
    'parse-import',
    { item: job, lexicons },
    scan ? { ...control, limits: { ...SCAN_WORKER_LIMITS, ...control.limits } } : control,
  );
}

/** The sentence a user reads for a failed item; an unexpected failure is logged, not shown. */
export function reasonOf(error: unknown, dataDir?: string): string {
  if (error instanceof ApiError) return error.message;
  if (isBusy(error)) return BUSY_MESSAGE;
  if (isReadOnly(error) && dataDir !== undefined) return readOnlyError(dataDir).message;
  console.error('Import failed unexpectedly:', error);
  return 'Marginalia could not import this file because of an internal error; nothing was saved.';
}

/** The item's name for the report: "x.txt", or "x.ru.txt + x.en.txt" for a pair. */
function labelOf(item: ImportRequest, resolve: TokenResolver): string {
  const name = (source: ImportSource): string => {
    if ('name' in source) return source.name;
    try {
      return path.basename('path' in source ? source.path : resolve(source.token));
    } catch {
      return 'a file';
    }
  };
  return item.kind === 'record'
    ? name(item.file)
    : `${name(item.original)} + ${name(item.translation)}`;
}

/**
 * Store: a parsed item under the duplicate policy, tried again while another Marginalia holds
 * the library; never throws, the outcome says what happened.
 */
export async function storeItem(
  ctx: AppContext,
  parsed: ParsedImport,
  label: string,
  duplicates: DuplicatePolicy,
): Promise<ImportOutcome> {
  try {
    return await retryWhenBusy(() => storeImport(ctx, parsed, label, duplicates));
  } catch (error) {
    return { status: 'failed', file: label, reason: reasonOf(error, ctx.dataDir) };
  }
}

/** Imports one item: source → parse → store. Never throws; the outcome says what happened. */
export async function importItem(
  ctx: AppContext,
  item: ImportRequest,
  duplicates: DuplicatePolicy,
  control: ImportControl = {},
): Promise<ImportOutcome> {
  const resolve: TokenResolver = (token) => grantedPath(ctx, token);
  const label = labelOf(item, resolve);
  let parsed: ParsedImport;
  try {
    parsed = await parseImport(item, ctx, resolve, control);
  } catch (error) {
    return { status: 'failed', file: label, reason: reasonOf(error) };
  }
  return storeItem(ctx, parsed, label, duplicates);
}
