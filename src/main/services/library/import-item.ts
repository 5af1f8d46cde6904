// Imports one item of a batch — a record file or an original/translation pair — from content the
// page sent or from a file a native dialog granted. Whatever goes wrong becomes this item's
// reason; nothing is written for it; the batch goes on.
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '@shared/api/errors';
import type { DuplicatePolicy, ImportOutcome } from '@shared/api/methods/import';
import type { importItemInput } from '@shared/api/methods/import';
import type { z } from 'zod';
import type { AppContext } from '../context';
import { readPair, readRecordFile } from '../import';
import { assertImportSize } from '../import/decode';
import { badFile } from '../import/errors';
import { grantedPath } from './import-grants';
import { storeImport, type ParsedImport } from './store-import';

type ImportItem = z.output<typeof importItemInput>;
type Source = Extract<ImportItem, { kind: 'record' }>['file'];

interface LoadedFile {
  name: string;
  bytes: Uint8Array;
}

function decodeBase64(data: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data)) throw badFile('The file content is not valid base64.');
  return Buffer.from(data, 'base64');
}

/** Reads a file the native dialog granted, refusing oversized files before reading them. */
function readGranted(file: string): Uint8Array {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw badFile(
      code === 'ENOENT'
        ? 'The file is gone (moved or deleted since it was chosen).'
        : `The file could not be read: ${(error as Error).message}`,
    );
  }
  if (!stat.isFile()) throw badFile('This is a folder, not a file.');
  assertImportSize(stat.size);
  return fs.readFileSync(file);
}

function load(ctx: AppContext, source: Source): LoadedFile {
  if ('token' in source) {
    const file = grantedPath(ctx, source.token);
    return { name: path.basename(file), bytes: readGranted(file) };
  }
  return { name: source.name, bytes: decodeBase64(source.base64) };
}

/** The item's name for the report: "x.txt", or "x.ru.txt + x.en.txt" for a pair. */
function labelOf(ctx: AppContext, item: ImportItem): string {
  const name = (source: Source): string => {
    if (!('token' in source)) return source.name;
    try {
      return path.basename(grantedPath(ctx, source.token));
    } catch {
      return 'a file';
    }
  };
  return item.kind === 'record'
    ? name(item.file)
    : `${name(item.original)} + ${name(item.translation)}`;
}

async function parse(ctx: AppContext, item: ImportItem): Promise<ParsedImport> {
  if (item.kind === 'record') {
    const file = load(ctx, item.file);
    const { record, format } = await readRecordFile(file.name, file.bytes);
    if (item.originalLang) record.original.lang = item.originalLang;
    if (item.translationLang) record.translation.lang = item.translationLang;
    return { record, format, files: [file.name] };
  }
  const original = load(ctx, item.original);
  const translation = load(ctx, item.translation);
  const record = await readPair(original, translation, {
    originalLang: item.originalLang ?? null,
    translationLang: item.translationLang ?? null,
    order: item.order,
  });
  return { record, format: 'pair', files: [original.name, translation.name] };
}

function reasonOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  console.error('Import failed unexpectedly:', error);
  return 'Marginalia could not import this file because of an internal error; nothing was saved.';
}

/** Imports one item under the duplicate policy; never throws, the outcome says what happened. */
export async function importItem(
  ctx: AppContext,
  item: ImportItem,
  duplicates: DuplicatePolicy,
): Promise<ImportOutcome> {
  const label = labelOf(ctx, item);
  try {
    const parsed = await parse(ctx, item);
    return storeImport(ctx, parsed, label, duplicates);
  } catch (error) {
    return { status: 'failed', file: label, reason: reasonOf(error) };
  }
}
