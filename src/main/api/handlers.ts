import fs from 'node:fs';
import path from 'node:path';
import type { MethodName, MethodOutput, ParsedInput } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import {
  createAnnotation,
  deleteAnnotation,
  listAnnotations,
  restoreAnnotation,
  updateAnnotation,
} from '../services/annotations/annotations-service';
import type { AppContext } from '../services/context';
import { exportNotes } from '../services/export';
import { assertImportSize } from '../services/import/decode';
import { importRecords } from '../services/library/import-records';

export type Handler<M extends MethodName> = (
  ctx: AppContext,
  input: ParsedInput<M>,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

export type Handlers = { [M in MethodName]: Handler<M> };

function requireRecord(ctx: AppContext, id: string) {
  const record = ctx.records.get(id);
  if (!record) throw new ApiError('not_found', `There is no record with id “${id}”.`);
  return record;
}

function decodeBase64(data: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data)) {
    throw new ApiError('invalid_input', 'The file content is not valid base64.', [
      { path: 'files', message: 'not base64' },
    ]);
  }
  return Buffer.from(data, 'base64');
}

/** The implementation of every API method; the router validates inputs before calling these. */
export const handlers: Handlers = {
  'app.info': (ctx) => ({
    version: ctx.version,
    libraryPath: ctx.libraryPath,
    nativeDialogs: ctx.host.nativeDialogs,
  }),
  'records.list': (ctx) => ctx.records.list(),
  'records.get': (ctx, { id }) => requireRecord(ctx, id),
  'records.import': (ctx, { files, duplicates }) =>
    importRecords(
      ctx,
      files.map((file) => ({ name: file.name, read: () => decodeBase64(file.base64) })),
      duplicates,
    ),
  'records.importFromDialog': async (ctx, { duplicates }) => {
    const paths = await ctx.host.pickImportFiles();
    if (!paths || paths.length === 0) return null;
    return importRecords(
      ctx,
      paths.map((file) => ({ name: path.basename(file), read: () => readForImport(file) })),
      duplicates,
    );
  },
  'categories.list': (ctx) => ctx.annotations.categories(),
  'annotations.list': (ctx, { recordId }) => listAnnotations(ctx, recordId),
  'annotations.create': (ctx, input) => createAnnotation(ctx, input),
  'annotations.update': (ctx, input) => updateAnnotation(ctx, input),
  'annotations.delete': (ctx, { id }) => deleteAnnotation(ctx, id),
  'annotations.restore': (ctx, input) => restoreAnnotation(ctx, input),
  'export.notes': (ctx, { recordId, format }) =>
    exportNotes(ctx, requireRecord(ctx, recordId), format),
  'export.notesToFile': async (ctx, { recordId, format }) => {
    const file = exportNotes(ctx, requireRecord(ctx, recordId), format);
    const target = await ctx.host.pickSavePath(file.fileName, [
      { name: 'Markdown', extensions: ['md'] },
    ]);
    if (!target) return null;
    writeFileAtomically(target, file.content);
    return { path: target };
  },
};

/** Reads a file the user picked, refusing oversized files before reading them into memory. */
function readForImport(file: string): Uint8Array {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    throw new ApiError('bad_file', `The file could not be read: ${(error as Error).message}`);
  }
  if (!stat.isFile()) throw new ApiError('bad_file', 'This is a folder, not a file.');
  assertImportSize(stat.size);
  return fs.readFileSync(file);
}

/** Writes through a temporary file and a rename, so a crash never leaves half a file. */
export function writeFileAtomically(target: string, content: string | Uint8Array): void {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  fs.writeFileSync(temporary, content);
  fs.renameSync(temporary, target);
}
