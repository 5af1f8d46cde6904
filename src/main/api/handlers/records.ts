import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '@shared/api/errors';
import { assertImportSize } from '../../services/import/decode';
import { importFiles } from '../../services/library/import-records';
import { requireRecord } from '../../services/library/require-record';
import type { HandlersFor } from './types';

function decodeBase64(data: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data)) {
    throw new ApiError('invalid_input', 'The file content is not valid base64.', [
      { path: 'files', message: 'not base64' },
    ]);
  }
  return Buffer.from(data, 'base64');
}

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

export const recordHandlers: HandlersFor<'records.'> = {
  'records.list': (ctx) => ctx.records.list(),
  'records.get': (ctx, { id }) => requireRecord(ctx, id),
  'records.import': (ctx, { files, duplicates }) =>
    importFiles(
      ctx,
      files.map((file) => ({ name: file.name, read: () => decodeBase64(file.base64) })),
      duplicates,
    ),
  'records.importFromDialog': async (ctx, { duplicates }) => {
    const paths = await ctx.host.pickImportFiles();
    if (!paths || paths.length === 0) return null;
    return importFiles(
      ctx,
      paths.map((file) => ({ name: path.basename(file), read: () => readForImport(file) })),
      duplicates,
    );
  },
};
